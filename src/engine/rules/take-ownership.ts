import { missingMoveSeverity } from './no-fix-before-acknowledge.ts';
import { insertAfterMove, isClosing, missingMoveRange, timeCues } from '../moves.ts';
import { defineRule } from './define.ts';
import { sentenceOf } from './kinds.ts';

const COMPLETED = /^(?:i|we)(?:['’]ve| have)\s/iu;

export default defineRule({
  meta: {
    id: 'take-ownership',
    principle: 'P10',
    severity: 'warning',
    description: 'Asks a reply to an upset customer to take the problem on: a concrete next step and when it happens.',
    messages: {
      missingOwnership: 'Take it on yourself: say what you will do next, and when.',
      missingTime: 'Say when: give your next step a time.',
    },
    note: 'Once the problem lands with you it is yours to resolve: take the details, do the footwork yourself, and tell the customer when they will hear back; a vague "we\'ll look into it" leaves them waiting and chasing (P10).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, sentences, context, moves }) {
    if (!context.upset || isClosing(context) || context.phase === 'follow-up') return [];
    const owns = moves.filter((m) => m.move === 'own');
    const own = owns[0];
    if (!own) {
      const sentence = 'I am taking this on myself and will get back to you with an update by the end of today.';
      return [{
        messageId: 'missingOwnership',
        range: missingMoveRange(text),
        severity: missingMoveSeverity(context),
        suggestions: [{ message: `Add “${sentence}”`, fix: insertAfterMove(text, sentences, moves, ['acknowledge', 'apologize', 'empathize'], sentence) }],
      }];
    }
    // Something already done ("I've refunded the charge") is as concrete as it gets; a promise needs a when.
    if (owns.some((m) => COMPLETED.test(text.slice(m.range[0], m.range[1]))) || timeCues(text, sentences).length > 0) return [];
    const s = sentenceOf(sentences, own.range[0]);
    if (!s) return [];
    // "I'll look into it." → "I'll look into it today."
    let at = s.range[1];
    while (at > s.range[0] && /[.!?…\s]/.test(text[at - 1])) at--;
    return [{
      messageId: 'missingTime',
      range: s.range,
      // The step is taken; a time makes it better, its absence is not a fault to hold the reply for.
      severity: 'suggestion',
      suggestions: [{ message: 'Add “today”', fix: { range: [at, at], text: ' today' } }],
    }];
  },
});
