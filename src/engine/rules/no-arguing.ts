import type { MoveFinding } from '../moves.ts';
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

/** Index of the first move starting at or after `offset` (moves are sorted by start). */
function firstMoveAtOrAfter(moves: readonly MoveFinding[], offset: number): number {
  let lo = 0;
  let hi = moves.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (moves[mid].range[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

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
      // moves are sorted by start: jump to the sentence instead of scanning every move for every match
      for (let i = firstMoveAtOrAfter(moves, from); i < moves.length && moves[i].range[0] < to; i++) {
        if (SIDING.has(moves[i].move)) return true;
      }
      return false;
    },
  }),
});
