import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './summarize-when-closing.ts';

const closing = { analysis: makeAnalysis({ upset: false }), phase: 'summarize' as const };

ruleTester(rule, {
  valid: [
    { text: "To recap, we agreed on a full refund of the second charge. I'll e-mail you a written confirmation today.", context: closing },
    { text: "Just to confirm: a replacement ships tomorrow. You'll receive a confirmation e-mail within the hour.", context: { ...closing, phase: 'agree' as const } },
    // not closing yet
    { text: 'I apologize for the delay.', context: { analysis: makeAnalysis({ upset: true }), phase: 'offer' as const } },
  ],
  invalid: [
    {
      text: 'Great, the refund is on its way.',
      context: closing,
      errors: [{ messageId: 'missingSummary', range: [32, 32] }, { messageId: 'missingEmailConfirmation', range: [32, 32] }],
      output: "Great, the refund is on its way. I'll e-mail you a written confirmation of this today.",
    },
    {
      text: 'To recap, we agreed on a refund.\nThanks, Sam',
      context: closing,
      errors: [{ messageId: 'missingEmailConfirmation' }],
      output: "To recap, we agreed on a refund. I'll e-mail you a written confirmation of this today.\nThanks, Sam",
    },
    {
      // asking the customer to e-mail is not confirming by e-mail
      text: 'To recap, we agreed on a refund. Please e-mail us your bank details.',
      context: closing,
      errors: [{ messageId: 'missingEmailConfirmation' }],
    },
  ],
});
