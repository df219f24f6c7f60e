import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './promise-follow-up.ts';

const closing = { analysis: makeAnalysis({ upset: false }), phase: 'agree' as const };

ruleTester(rule, {
  valid: [
    { text: "I'll check in with you in a day or two to make sure it works.", context: closing },
    { text: "I'll call you on Thursday to see how the new machine is doing.", context: closing },
    { text: 'We will follow up within 48 hours.', context: closing },
    { text: 'The refund is on its way.', context: { analysis: makeAnalysis({ upset: true }), phase: 'offer' as const } },
  ],
  invalid: [
    {
      text: 'To recap, a refund is on its way.',
      context: closing,
      errors: [{ messageId: 'missingFollowUp', range: [33, 33] }],
      output: "To recap, a refund is on its way. I'll check in with you in a day or two to make sure everything is working as it should.",
    },
    {
      text: "The refund is on its way. I'll check in with you.",
      context: { ...closing, phase: 'summarize' as const },
      errors: [{ messageId: 'missingFollowUpTime', range: [26, 49] }],
      output: "The refund is on its way. I'll check in with you in a day or two.",
    },
    {
      text: "We won't follow up on this.",
      context: closing,
      errors: [{ messageId: 'missingFollowUp' }],
    },
  ],
});
