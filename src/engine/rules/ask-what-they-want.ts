import { appendSentence, asksOwnerQuestion, isClosing, makes, missingMoveRange, needUnknown } from '../moves.ts';
import { defineRule } from './define.ts';

export default defineRule({
  meta: {
    id: 'ask-what-they-want',
    principle: 'P12',
    severity: 'suggestion',
    description: 'Asks the customer what would make it right when their need is unknown; after repeated refusals, asks what they would do in your place.',
    messages: {
      missingAsk: 'Ask what would make this right for them.',
      missingOwnerQuestion: 'You have said no {{refusals}} times: ask what they would do if they ran the business.',
    },
    note: 'Asking what the customer wants, instead of reciting options, gives back the control they feel they lost and often calms them at once; when talks are stuck, asking what they would do if they owned the business gives the negotiation a concrete shape (P12).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, sentences, context, moves }) {
    if (isClosing(context) || context.phase === 'follow-up') return [];
    const refusals = context.refusals ?? 0;
    if (refusals >= 2 && !asksOwnerQuestion(text, sentences)) {
      const sentence = 'If you were running our business, what would you do in this situation?';
      return [{
        messageId: 'missingOwnerQuestion',
        range: missingMoveRange(text, 'end'),
        data: { refusals: String(refusals) },
        suggestions: [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }],
      }];
    }
    if (!context.upset || !needUnknown(context) || makes(moves, 'ask') || asksOwnerQuestion(text, sentences)) return [];
    const sentence = 'What would make this right for you?';
    return [{
      messageId: 'missingAsk',
      range: missingMoveRange(text, 'end'),
      suggestions: [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }],
    }];
  },
});
