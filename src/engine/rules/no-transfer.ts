import { compileTable, findPhrases } from '../text/matcher.ts';
import { defineRule, MAX_FINDINGS_PER_RULE } from './define.ts';
import { clauseAt, isReportedSpeech, sentenceOf, sentenceTail, substitutions } from './kinds.ts';
import { OWN_INSTEAD, TRANSFER } from './no-transfer.data.ts';

const table = compileTable(TRANSFER);
/** The party after the contact verb: "please call |our billing team|". */
const PARTY_AFTER_VERB = /(?:contact|call|phone|ring|e-?mail|message|dm|reach out to|get in touch with|speak (?:to|with)|talk to|visit|go to|write to|you (?:through |over |on )?to)\s+(.+?)(?:\s+directly)?$/iu;
/** What may stand before a bare imperative in its clause: nothing, or a softener. */
const IMPERATIVE_LEAD = /^(?:(?:so|then|just|and|or|otherwise|simply|kindly)\s+)*$/iu;
/** "Please reach out to our team if you have any questions" is an open door, not a hand-off. */
const OPEN_DOOR = /^[\s,]*(?:\S+\s+){0,4}?(?:if you (?:have|need|think of) (?:any|anything|more|other|further)|if anything (?:else )?(?:changes|comes up)|should you (?:have|need)|any ?time)/iu;
/** "I can't help with that here, but I've asked…" already hands over with ownership. */
const OWNED_AFTER = /(?:^|[^\p{L}])(?:but|however)(?![\p{L}])/iu;

export default defineRule({
  meta: {
    id: 'no-transfer',
    principle: 'P10',
    severity: 'error',
    description: 'Flags transferring the customer: "not my department", "you\'ll need to contact…", "please call our billing team".',
    messages: {
      transfer: 'Transfer: "{{phrase}}". Do the footwork yourself and get back to the customer.',
    },
    note: 'Customers should not be bounced from department to department; take the details, handle the footwork internally and get back with results (P10).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    return findPhrases(text, table, sentences, { limit: MAX_FINDINGS_PER_RULE }).flatMap((m) => {
      const sStart = sentenceOf(sentences, m.range[0])?.range[0] ?? 0;
      if (isReportedSpeech(text, sStart, m.range[0])) return [];
      const clause = clauseAt(input, m.range);
      const tag = m.entry.tag ?? 'elsewhere';
      if (tag === 'imperative' && !IMPERATIVE_LEAD.test(text.slice(clause[0], m.range[0]))) return [];
      if (tag === 'cantHelp' && OWNED_AFTER.test(sentenceTail(input, m.range))) return [];
      if (OPEN_DOOR.test(sentenceTail(input, m.range))) return [];
      const who = PARTY_AFTER_VERB.exec(m.text)?.[1] ?? 'them';
      const wording = OWN_INSTEAD[tag].replace('{who}', who.replace(/^(?:a|an) /i, 'the '));
      return [{
        messageId: 'transfer',
        range: m.range,
        data: { phrase: m.text },
        note: m.entry.note,
        suggestions: substitutions([wording], clause, text.slice(clause[0], clause[1]), input),
      }];
    });
  },
});
