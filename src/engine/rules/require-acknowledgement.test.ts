import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './require-acknowledgement.ts';

const upset = { analysis: makeAnalysis({ upset: true }) };
const upsetBilling = { analysis: makeAnalysis({ upset: true, issues: [{ category: 'billing', phrase: 'charged twice' }] }), issue: 'the double charge on your card' };

ruleTester(rule, {
  valid: [
    { text: 'I understand your frustration, and I want to get this fixed. I have reversed the second charge.', context: upsetBilling },
    { text: "Hi Ana, I can see why you're upset about this.", context: upset },
    { text: "I'd be just as frustrated in your place. Let me fix it today.", context: upset },
    { text: 'That must have been so stressful.', context: upset },
    // a calm customer needs no acknowledgement
    { text: 'Your order ships tomorrow.', context: { analysis: makeAnalysis({ upset: false }) } },
    // no customer message at all: nothing to acknowledge
    'We have refunded the second charge.',
  ],
  invalid: [
    {
      text: 'We have refunded the second charge.',
      context: upsetBilling,
      errors: [{ messageId: 'missingAcknowledgement', range: [0, 0] }],
      output: 'I can hear how frustrating this has been, and I want to help. We have refunded the second charge.',
    },
    {
      // negated acknowledgement is no acknowledgement
      text: "Hi Ana, I don't understand why you're upset.",
      context: upset,
      errors: [{ messageId: 'missingAcknowledgement', range: [8, 8] }],
      output: "Hi Ana, I can hear how frustrating this has been, and I want to help. I don't understand why you're upset.",
    },
    {
      text: '',
      context: upset,
      errors: [{ messageId: 'missingAcknowledgement', range: [0, 0] }],
      output: 'I can hear how frustrating this has been, and I want to help.',
    },
  ],
});
