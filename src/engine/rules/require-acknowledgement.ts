import { missingMoveSeverity } from './no-fix-before-acknowledge.ts';
import { insertSentence, makes, missingMoveRange } from '../moves.ts';
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
    // The feeling, not the issue: require-apology and reference-issue name it, and twice reads as a template.
    const sentence = 'I can hear how frustrating this has been, and I want to help.';
    return [{
      messageId: 'missingAcknowledgement',
      range: missingMoveRange(text),
      severity: missingMoveSeverity(context),
      suggestions: [{ message: `Add “${sentence}”`, fix: insertSentence(text, sentence) }],
    }];
  },
});
