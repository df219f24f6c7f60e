import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './take-ownership.ts';

const upset = { analysis: makeAnalysis({ upset: true }) };

ruleTester(rule, {
  valid: [
    { text: "I'll chase the warehouse this morning and update you by 3pm.", context: upset },
    { text: 'Leave it with me; you will hear from me within 24 hours.', context: upset },
    { text: "I've already reversed the second charge.", context: upset },
    // closing replies recap instead; another rule covers them
    { text: 'To recap, we agreed on a refund.', context: { ...upset, phase: 'summarize' as const } },
    { text: 'Please check the tracking page.', context: { analysis: makeAnalysis({ upset: false }) } },
  ],
  invalid: [
    {
      text: 'I apologize for the delay. Please contact the courier.',
      context: upset,
      errors: [{ messageId: 'missingOwnership', range: [0, 0] }],
      output: 'I apologize for the delay. I am taking this on myself and will get back to you with an update by the end of today. Please contact the courier.',
    },
    {
      text: "I apologize for the delay. I'll look into it.",
      context: upset,
      errors: [{ messageId: 'missingTime', range: [27, 45] }],
      output: "I apologize for the delay. I'll look into it today.",
    },
    {
      // a refusal to own it is no ownership
      text: "I won't look into it.",
      context: upset,
      errors: [{ messageId: 'missingOwnership' }],
    },
  ],
});
