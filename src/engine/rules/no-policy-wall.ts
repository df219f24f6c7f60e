import { compileTable, findPhrases } from '../text/matcher.ts';
import { defineRule, MAX_FINDINGS_PER_RULE } from './define.ts';
import { clauseAt, isReportedSpeech, sentenceIndexOf, substitutions } from './kinds.ts';
import { ALTERNATIVE_CUES, POLICY_WALLS } from './no-policy-wall.data.ts';

const walls = compileTable(POLICY_WALLS);
const alternatives = compileTable(ALTERNATIVE_CUES);
const WAY_FORWARD = ', but let me see what I can do for you';
/** How far around a refusal a way forward is looked for: the sentences before and after it, at most this far. */
const WINDOW = 600;
/** A hand-off whose sentence says it is only for reading is an informational link, not a way forward. */
const ONLY_INFORMATION = /for (?:more )?(?:info|information|details)(?![\p{L}])|to (?:learn|read) more|for updates/iu;
/** "Keep in mind that, once deleted, we can't re-enable it": a caution about later, not the answer to the request. */
const CAUTION_BEFORE = /(?:keep|bear) in mind/iu;


/** An alternative cue around the refusal (not inside it); a hand-off counts unless its sentence is "for information". */
function hasWayForward(text: string, from: number, refusal: readonly [number, number], to: number): boolean {
  for (const [start, end] of [[from, refusal[0]], [refusal[1], to]] as const) {
    const span = text.slice(start, end);
    for (const cue of findPhrases(span, alternatives, undefined, { limit: 8 })) {
      if (cue.entry.tag !== 'handoff') return true;
      const rest = span.slice(cue.range[1], cue.range[1] + 200);
      const stop = rest.search(/[.!?](?:\s|$)/u);
      if (!ONLY_INFORMATION.test(stop < 0 ? rest : rest.slice(0, stop))) return true;
    }
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'no-policy-wall',
    principle: 'P14',
    severity: 'warning',
    description: 'Flags refusals that stop at the policy ("too late to return", "against our policy") with no alternative in the same or next sentence.',
    messages: {
      policyWall: 'Policy wall: "{{phrase}}" with no way forward. Reframe it and say what you can do.',
    },
    note: 'A bare refusal makes the rule the enemy; "this is outside our return window, but let me see what I can do" keeps the fact and makes you the customer\'s ally (P14).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    return findPhrases(text, walls, sentences, { limit: MAX_FINDINGS_PER_RULE }).flatMap((m) => {
      const i = sentenceIndexOf(sentences, m.range[0]);
      const sentence = sentences[i];
      if (sentence && isReportedSpeech(text, sentence.range[0], m.range[0])) return [];
      if (sentence && CAUTION_BEFORE.test(text.slice(sentence.range[0], m.range[0]))) return [];
      // a way forward anywhere from the sentence before the refusal to the one after it lifts the wall
      const lookStart = Math.max((sentences[i - 1] ?? sentence)?.range[0] ?? 0, m.range[0] - WINDOW);
      const lookEnd = Math.min((sentences[i + 1] ?? sentence)?.range[1] ?? text.length, m.range[1] + WINDOW);
      if (hasWayForward(text, lookStart, m.range, lookEnd)) return [];
      const clause = clauseAt(input, m.range);
      // "…, but let me see what I can do" after a sentence that already turned on "but" would read twice
      const butBefore = sentence !== undefined && /(?:^|[^\p{L}])but(?![\p{L}])/iu.test(text.slice(sentence.range[0], m.range[0]));
      const suggestions = m.entry.tag === 'reframe'
        ? substitutions(m.entry.alternatives ?? [], clause, text.slice(clause[0], clause[1]), input)
        : butBefore ? [] : [{ message: 'Add a way forward', fix: { range: [clause[1], clause[1]] as const, text: WAY_FORWARD } }];
      return [{ messageId: 'policyWall', range: m.range, data: { phrase: m.text }, note: m.entry.note, suggestions }];
    });
  },
});
