import { missingMoveSeverity } from './no-fix-before-acknowledge.ts';
import { describeIssue, insertAfterMove, makes, missingMoveRange } from '../moves.ts';
import { defineRule } from './define.ts';

export default defineRule({
  meta: {
    id: 'require-apology',
    principle: 'P4',
    severity: 'warning',
    description: 'Asks for an apology to an upset customer, even when the customer is at fault.',
    messages: {
      missingApology: 'Apologize for what went wrong.',
    },
    note: 'Customers most often complain that "they never once apologized". An apology on behalf of the company expresses regret, not an admission of fault, so it belongs in the reply even when the customer caused the problem (P4).',
    fixable: true,
    ruleSet: 'all',
  },
  check({ text, sentences, context, moves }) {
    if (!context.upset || makes(moves, 'apologize')) return [];
    const issue = describeIssue(context) ?? 'the trouble this has caused you';
    const sentence = context.name && !makes(moves, 'name') ? `I apologize for ${issue}, ${context.name.split(/\s+/)[0]}.` : `I apologize for ${issue}.`;
    return [{
      messageId: 'missingApology',
      range: missingMoveRange(text),
      severity: missingMoveSeverity(context),
      suggestions: [{ message: `Add “${sentence}”`, fix: insertAfterMove(text, sentences, moves, ['acknowledge'], sentence) }],
    }];
  },
});
