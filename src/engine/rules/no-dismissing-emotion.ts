import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { DISMISSING } from './no-dismissing-emotion.data.ts';

/**
 * "Calm down"/"relax" is aimed at the customer when nothing but a softener or an addressee precedes it in
 * its clause ("Please calm down", "Sir, relax", "I need you to calm down"); "once things calm down" and
 * "sit back and relax" are not.
 */
const AIMED = /^\s*(?:(?:please|just|now|ok|okay|hey|look|sir|ma'am|madam|so|you|need to|you need to|you should|try to|you to|i need you to|i'd like you to|could you|can you|would you)\s+)*$/iu;

export default defineRule({
  meta: {
    id: 'no-dismissing-emotion',
    principle: 'P3',
    severity: 'error',
    description: 'Flags dismissing the customer\'s feelings: "calm down", "relax", "there\'s no need to get upset", "you\'re overreacting".',
    messages: {
      dismissing: 'Dismisses the customer\'s feelings: "{{phrase}}".',
    },
    note: 'Telling an upset customer to calm down, or that they are overreacting, dismisses the emotion the playbook says to acknowledge first; it escalates every time (P3).',
    // No wording of its own: the engine rewrites the sentence into an acknowledgement (suggest.ts, REWRITES).
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(DISMISSING, {
    messageId: 'dismissing',
    skip: (m, { text, sentences }) => {
      const sStart = sentenceOf(sentences, m.range[0])?.range[0] ?? 0;
      if (isReportedSpeech(text, sStart, m.range[0])) return true;
      if (m.entry.tag !== 'imperative') return false;
      const before = text.slice(sStart, m.range[0]);
      const clause = before.slice(Math.max(...[',', ';', ':', '—', '–'].map((c) => before.lastIndexOf(c))) + 1);
      return !AIMED.test(clause);
    },
  }),
});
