import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-policy-wall.ts';

ruleTester(rule, {
  valid: [
    'It looks like this purchase is outside of the return window, but let me see what I can do for you.',
    "We can't refund it, but I can offer store credit today.",
    "Our policy doesn't allow refunds after 30 days. That said, I've asked my manager for an exception.",
    "That's against our policy. Let me see what I can arrange instead.",
    "You're not eligible for a refund. Would you like a replacement instead?",
    "I'm sorry the agent said it was too late to return it.",
    "It's not too late to return it: you have until Friday.",
    'We can refund it today.',
    "I'm not allowed to share account details with anyone but the account holder.",
    "We can't do that over Twitter. Please DM us and we'll take it from there.",
    'You said "we can\'t do that" was all you heard last time.',
  ],
  invalid: [
    {
      text: "Sorry, it's too late to return the product.",
      errors: [{ messageId: 'policyWall', range: [7, 42] }],
      output: 'Sorry, it looks like this is outside our return window, but let me see what I can do for you.',
    },
    {
      text: "Our policy doesn't allow refunds after 30 days.",
      errors: [{ messageId: 'policyWall', range: [0, 24] }],
      output: "Our policy doesn't allow refunds after 30 days, but let me see what I can do for you.",
    },
    {
      text: "Hi Ana. We can't do that. Thanks for understanding.",
      errors: [{ messageId: 'policyWall', range: [8, 24] }],
      output: "Hi Ana. We can't do that, but let me see what I can do for you. Thanks for understanding.",
    },
    {
      text: 'Sorry, that is not possible. Please see this article.',
      errors: [{ messageId: 'policyWall', range: [7, 27] }],
      output: 'Sorry, that is not possible, but let me see what I can do for you. Please see this article.',
    },
    {
      text: "You're not eligible for a refund. Your warranty has expired.",
      errors: [{ messageId: 'policyWall', range: [0, 32] }, { messageId: 'policyWall', range: [34, 59] }],
    },
  ],
});
