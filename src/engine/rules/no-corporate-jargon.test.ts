import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-corporate-jargon.ts';

ruleTester(rule, {
  valid: [
    'Hi Ana, thanks for your patience. Your refund is on its way.',
    'Thank you kindly for the photos.',
    'Just so you know, the courier delivers until 8 pm.',
    'You called us "a faceless corporation" and, honestly, our "valued customer" e-mails earned that.',
    'Please send me a photo of the label when you have a moment.',
    "I've attached the invoice so you have it.",
    'We value you as a customer, and I want to make this right.',
  ],
  invalid: [
    {
      text: 'Dear valued customer, kindly be advised that your refund was issued as per our policy.',
      context: { customerName: 'Ana' },
      errors: [
        { messageId: 'jargon', range: [0, 20] },
        { messageId: 'jargon', range: [22, 44] },
        { messageId: 'jargon', range: [68, 74] },
      ],
      output: 'Hi Ana, just so you know, your refund was issued following our policy.',
    },
    {
      text: 'Kindly send the receipt at your earliest convenience.',
      errors: [{ messageId: 'jargon', range: [0, 6] }, { messageId: 'jargon', range: [24, 52] }],
      output: 'Please send the receipt when you have a moment.',
    },
    {
      text: 'We regret to inform you that the item is out of stock. We will revert back to you.',
      errors: [{ messageId: 'jargon', range: [0, 28] }, { messageId: 'jargon', range: [55, 81] }],
      output: "Unfortunately, the item is out of stock. I'll get back to you.",
    },
    {
      text: 'Please do not hesitate to contact us.',
      errors: [{ messageId: 'jargon', range: [0, 36] }],
      output: 'Just reply here if you need anything.',
    },
  ],
});
