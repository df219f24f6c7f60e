import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-asking-too-much.ts';

ruleTester(rule, {
  valid: [
    'Please send a photo of the damage, and I will take it from there.',
    "I'll check the order and send a label. Please send a photo of the damage. Then drop it at any post office.",
    'Please contact us if anything changes. Reply here any time.',
    // two asks are fine
    'Could you send your order number? Please restart the app once.',
    // the same ask twice is one request
    'Please send your order number. Again, please send your order number.',
    { text: 'I found your order #123456 and refunded it.', context: { customerMessage: 'Order #123456 never came!' } },
    { text: "You don't need to send your order number again: I have it.", context: { alreadyProvided: ['order number'] } },
    { text: 'Please send a photo of the label.', context: { alreadyProvided: ['order number', 'e-mail'] } },
  ],
  invalid: [
    {
      text: 'Please send your order number. Restart the app and log in again. Could you also fill out the form?',
      errors: [{ messageId: 'tooManyRequests', range: [51, 63] }],
    },
    {
      text: 'Could you please DM us your order number and e-mail address?',
      context: { customerMessage: 'My order #123456 never came! Email me at ana@example.com' },
      errors: [{ messageId: 'askedAgain', range: [28, 40] }, { messageId: 'askedAgain', range: [45, 59] }],
    },
    {
      text: "Sorry about that. What's your order number?",
      context: { alreadyProvided: ['Order number'] },
      errors: [{ messageId: 'askedAgain', range: [30, 42] }],
    },
    {
      text: "We'll need your tracking number to look into it.",
      context: { customerMessage: 'Tracking 1Z999AA10123456784 says delivered, it was not!' },
      errors: [{ messageId: 'askedAgain', range: [16, 31] }],
    },
  ],
});
