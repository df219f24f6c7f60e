import { compileTable, findPhrases, hasPhrase } from '../text/matcher.ts';
import { defineRule, MAX_FINDINGS_PER_RULE } from './define.ts';
import { clauseAt, isReportedSpeech, sentenceIndexOf, substitutions } from './kinds.ts';
import { ALTERNATIVE_CUES, POLICY_WALLS } from './no-policy-wall.data.ts';

const walls = compileTable(POLICY_WALLS);
const alternatives = compileTable(ALTERNATIVE_CUES);
const WAY_FORWARD = ', but let me see what I can do for you';

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
      // a way forward after the refusal, in its sentence or the next, lifts the wall
      const lookEnd = Math.min((sentences[i + 1] ?? sentence)?.range[1] ?? text.length, m.range[1] + 600);
      if (hasPhrase(text.slice(m.range[1], lookEnd), alternatives)) return [];
      const clause = clauseAt(input, m.range);
      const suggestions = m.entry.tag === 'reframe'
        ? substitutions(m.entry.alternatives ?? [], clause, text.slice(clause[0], clause[1]), input)
        : [{ message: 'Add a way forward', fix: { range: [clause[1], clause[1]] as const, text: WAY_FORWARD } }];
      return [{ messageId: 'policyWall', range: m.range, data: { phrase: m.text }, note: m.entry.note, suggestions }];
    });
  },
});
