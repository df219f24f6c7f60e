import { insertAfterMove, makes, missingMoveRange } from '../moves.ts';
import { defineRule } from './define.ts';

export default defineRule({
  meta: {
    id: 'side-with-customer',
    principle: 'P6',
    severity: 'suggestion',
    description: 'Suggests a sentence that puts you on the upset customer\'s side: agree with what is fair in their complaint.',
    messages: {
      missingSiding: 'Show you are on their side: agree with what is fair in the complaint.',
    },
    note: 'Often the main thing an upset customer wants is someone on their side; agreeing with what is fair in the complaint ("you deserve better than this") builds rapport in a way a stock phrase cannot (P6).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, sentences, context, moves }) {
    if (!context.upset || makes(moves, 'empathize')) return [];
    const sentence = 'You deserve better than this.';
    return [{
      messageId: 'missingSiding',
      range: missingMoveRange(text),
      suggestions: [{ message: `Add “${sentence}”`, fix: insertAfterMove(text, sentences, moves, ['apologize', 'acknowledge'], sentence) }],
    }];
  },
});
