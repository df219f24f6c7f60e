import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './side-with-customer.ts';

const upset = { analysis: makeAnalysis({ upset: true }) };

ruleTester(rule, {
  valid: [
    { text: "I can see why you're upset, and it frustrates me too when a product doesn't work.", context: upset },
    { text: "You're right to expect better from us.", context: upset },
    { text: "That shouldn't have happened.", context: upset },
    { text: 'In your shoes I would feel exactly the same.', context: upset },
    { text: 'Your order ships tomorrow.', context: { analysis: makeAnalysis({ upset: false }) } },
  ],
  invalid: [
    {
      text: 'I understand your frustration. I apologize for the delay. It ships today.',
      context: upset,
      errors: [{ messageId: 'missingSiding', range: [0, 0] }],
      output: 'I understand your frustration. I apologize for the delay. You deserve better than this. It ships today.',
    },
    {
      // negated agreement is the opposite of siding with them
      text: "I don't agree that this was our fault.",
      context: upset,
      errors: [{ messageId: 'missingSiding' }],
      output: "You deserve better than this. I don't agree that this was our fault.",
    },
  ],
});
