import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-transfer.ts';

ruleTester(rule, {
  valid: [
    "I'll contact the courier directly and get back to you by 5 pm.",
    "I've asked our billing team to refund the fee, and I'll confirm by e-mail today.",
    'Please contact us here if anything changes.',
    'Please reach out to our team if you have any other questions.',
    'Please write to support@acme.com or call us on 0800 123 4567 and we will sort it out.',
    'Please DM us your order number and I will take it from there.',
    "You don't need to contact the bank: I've reversed the charge.",
    "I'm sorry you were told to call our billing team.",
    'You can find the steps on our support page.',
    'Please visit our online store for the new range.',
    "I can't help with that here, but I've passed it to our tech lead and will update you tomorrow.",
    'The agent said "not my department", and that should never have happened.',
    'I spoke to our warehouse team this morning.',
  ],
  invalid: [
    {
      text: "That's not my department.",
      errors: [{ messageId: 'transfer', range: [7, 24] }],
      output: "I'll find the right person and get back to you.",
    },
    {
      text: "You'll need to contact the courier directly.",
      errors: [{ messageId: 'transfer', range: [0, 43] }],
      output: "I'll contact the courier for you and get back to you.",
    },
    {
      text: 'If that fails, please call our billing team at 555-0100.',
      errors: [{ messageId: 'transfer', range: [15, 43] }],
      output: "If that fails, I'll contact our billing team for you and get back to you.",
    },
    {
      text: 'Thanks, Ana. Contact your bank about the hold.',
      errors: [{ messageId: 'transfer', range: [13, 30] }],
      output: "Thanks, Ana. I'll contact your bank for you and get back to you.",
    },
    {
      text: 'Let me transfer you to our returns team.',
      errors: [{ messageId: 'transfer', range: [0, 39] }],
      output: "I'll speak to our returns team myself and get back to you.",
    },
    {
      text: "I can't help with that, try the community forum.",
      errors: [{ messageId: 'transfer', range: [0, 22] }],
      output: 'Let me find out who can help and get back to you, try the community forum.',
    },
  ],
});
