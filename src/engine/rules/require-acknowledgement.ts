import { missingMoveSeverity } from './no-fix-before-acknowledge.ts';
import { describeIssue, insertSentence, makes, missingMoveRange } from '../moves.ts';
import { defineRule } from './define.ts';

export default defineRule({
  meta: {
    id: 'require-acknowledgement',
    principle: 'P2',
    severity: 'warning',
    description: "Asks for an acknowledgement of an upset customer's feelings and a wish to help.",
    messages: {
      missingAcknowledgement: 'Acknowledge how they feel before anything else.',
    },
    note: 'An upset customer first needs to hear that you noticed how they feel and that you want to help; until then, facts and fixes do not land (P2, P1).',
    fixable: true,
    ruleSet: 'all',
  },
  check({ text, context, moves }) {
    if (!context.upset || makes(moves, 'acknowledge', 'empathize')) return [];
    const issue = describeIssue(context);
    const sentence = issue
      ? `I can hear how frustrating ${issue} has been, and I want to help.`
      : 'I can hear how frustrating this has been, and I want to help.';
    return [{
      messageId: 'missingAcknowledgement',
      range: missingMoveRange(text),
      severity: missingMoveSeverity(context),
      suggestions: [{ message: `Add “${sentence}”`, fix: insertSentence(text, sentence) }],
    }];
  },
});
