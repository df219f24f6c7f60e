import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { ARGUING } from './no-arguing.data.ts';

/**
 * "That's not correct, and I apologize" or "That's not correct: I've refunded the fee" sides with the
 * customer about something that went wrong, so an apology or ownership in the same sentence excuses it.
 */
const SIDING = new Set(['apologize', 'own', 'empathize', 'acknowledge']);
/** "No, actually, you're right" and "Actually, I can do better" concede or help; they do not argue. */
const CONCEDES_AFTER = /^[\s,]*(?:you(?:'re| are) (?:right|correct)|that(?:'s| is) (?:right|fair|true)|good point|fair point|(?:i|we) (?:can|could|will|'ll|have|'ve|found|managed))/iu;

export default defineRule({
  meta: {
    id: 'no-arguing',
    principle: 'P7',
    severity: 'warning',
    description: 'Flags arguing with the customer: "actually…", "that\'s not true", "that never happened".',
    messages: {
      arguing: 'Don\'t argue with the customer: "{{phrase}}".',
    },
    note: 'Arguing with a customer is a no-win situation: you may prove your point and lose the customer (P7).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(ARGUING, {
    messageId: 'arguing',
    fixScope: 'clause',
    skip: (m, { text, sentences, moves }) => {
      const s = sentenceOf(sentences, m.range[0]);
      if (isReportedSpeech(text, s?.range[0] ?? 0, m.range[0])) return true;
      if (CONCEDES_AFTER.test(text.slice(m.range[1], m.range[1] + 80))) return true;
      const [from, to] = s ? s.range : [0, text.length];
      return moves.some((mv) => SIDING.has(mv.move) && mv.range[0] >= from && mv.range[0] < to);
    },
  }),
});
