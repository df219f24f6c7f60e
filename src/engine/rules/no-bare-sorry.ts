import { compileTable, findPhrases } from '../text/matcher.ts';
import { sentenceAt } from '../text/sentences.ts';
import { defineRule, MAX_FINDINGS_PER_RULE } from './define.ts';
import { fillPlaceholders } from './kinds.ts';
import { SORRY_FORMS } from './no-bare-sorry.data.ts';

const table = compileTable(SORRY_FORMS);
/** What may follow a bare apology in its sentence without giving it content. */
const EMPTY_TAIL = /^[\s,]*(?:again|so much|for everything)?[\s,]*(?:[\p{Lu}][\p{L}'-]*)?[\s.!…]*$/u;

export default defineRule({
  meta: {
    id: 'no-bare-sorry',
    principle: 'P4',
    severity: 'warning',
    description: 'Flags a bare "I\'m sorry" that does not say what the apology is for.',
    messages: {
      bareSorry: 'Bare apology: say what you apologize for.',
    },
    note: 'An apology that names the actual issue, and the customer, sounds sincere; a bare "I\'m sorry" is so overused it sounds scripted (P4).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    return findPhrases(text, table, sentences, { limit: MAX_FINDINGS_PER_RULE }).flatMap((m) => {
      const sentence = sentenceAt(sentences, m.range[0]);
      const tail = text.slice(m.range[1], sentence ? sentence.range[1] : text.length);
      if (!EMPTY_TAIL.test(tail)) return [];
      const namedAfter = Boolean(input.context.name && tail.includes(input.context.name));
      const replacement = fillPlaceholders(namedAfter ? 'I apologize for $ISSUE' : 'I apologize for $ISSUE, $NAME', input);
      const fixText = m.text[0] === m.text[0].toLowerCase() ? replacement[0].toLowerCase() + replacement.slice(1) : replacement;
      return [{
        messageId: 'bareSorry',
        range: m.range,
        note: m.entry.note,
        suggestions: [{ message: `Replace with “${fixText}”`, fix: { range: m.range, text: fixText } }],
      }];
    });
  },
});
