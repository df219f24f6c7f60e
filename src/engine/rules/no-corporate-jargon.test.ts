import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-corporate-jargon.ts';

ruleTester(rule, {
  valid: [
    'Hi Ana, thanks for your patience. Your refund is on its way.',
    'Thanks for reaching out! Happy to help with this.',
    'Thank you kindly for the photos.',
    'Just so you know, the courier delivers until 8 pm.',
    'You called us "a faceless corporation" and, honestly, our "valued customer" e-mails earned that.',
    'Please send me a photo of the label when you have a moment.',
    "I've attached the invoice so you have it.",
    'We value you as a customer, and I want to make this right.',
    // ordinary uses of words the table watches
    'Make a note that the store closes at 6.',
    'If you want to revert back to the old layout, these steps will do it.',
    "We'll request you a refund from the seller today.",
    'For further help, just reply here and I will pick it up.',
    'It is the same error code we saw last week, and I have passed it to our engineers.',
    'We appreciate your comments, Eric, and we have made the team aware.',
  ],
  invalid: [
    {
      text: 'Dear valued customer, kindly be advised that your refund was issued as per our policy.',
      context: { customerName: 'Ana' },
      errors: [
        { messageId: 'jargon', range: [0, 20] },
        { messageId: 'jargon', range: [22, 44] },
        { messageId: 'jargon', range: [68, 78] },
      ],
      output: 'Hi Ana, just so you know, your refund was issued under our policy.',
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
    // the stilted register of real replies, paraphrased
    {
      text: 'Greetings for the day! I request you to share the order ID with us.',
      context: { customerName: 'Ravi' },
      errors: [{ messageId: 'jargon', range: [0, 21] }, { messageId: 'jargon', range: [23, 39] }],
      output: 'Hi Ravi! Please share the order ID with us.',
    },
    {
      text: 'We would request you to kindly DM us the details.',
      errors: [{ messageId: 'jargon', range: [0, 30] }],
      output: 'Please DM us the details.',
    },
    {
      text: 'Hi there. Please note that live chat is only open to business admins.',
      errors: [{ messageId: 'jargon', range: [10, 26] }],
      output: 'Hi there. Just so you know, live chat is only open to business admins.',
    },
    {
      text: 'You can dispute the claim. Note that each case is reviewed on its own merits.',
      errors: [{ messageId: 'jargon', range: [27, 36] }],
      output: 'You can dispute the claim. Just so you know, each case is reviewed on its own merits.',
    },
    {
      text: 'Hi there – per our terms and conditions, each person may hold one partner account.',
      errors: [{ messageId: 'jargon', range: [11, 18] }],
      output: 'Hi there – under our terms and conditions, each person may hold one partner account.',
    },
    {
      text: 'Please stream it from the web player instead. Appreciate your understanding.',
      errors: [{ messageId: 'jargon', range: [46, 75] }],
    },
    {
      text: 'Hi Tyler. Protecting your account is important to us. These steps will secure it.',
      errors: [{ messageId: 'jargon', range: [34, 52] }],
    },
    {
      text: "We're always interested in our members' ideas, so please post it on the ideas board.",
      errors: [{ messageId: 'jargon', range: [0, 45] }],
    },
    {
      text: 'Based on your ideas, our product team will improve and add new features over time.',
      errors: [{ messageId: 'jargon', range: [43, 71] }],
    },
    {
      text: 'Due to contractual agreements, you would need to contact your internet provider.',
      errors: [{ messageId: 'jargon', range: [0, 29] }],
    },
    {
      text: 'Here is the link again, according to the information previously provided to you.',
      errors: [{ messageId: 'jargon', range: [37, 79] }],
    },
    {
      text: 'The safety of our customers is our top priority, and we continually strive to do better.',
      errors: [
        { messageId: 'jargon', range: [0, 27] },
        { messageId: 'jargon', range: [28, 47] },
        { messageId: 'jargon', range: [53, 74] },
      ],
    },
    {
      text: 'Hello Sir, we will look into the same.',
      context: { customerName: 'Ravi' },
      errors: [{ messageId: 'jargon', range: [0, 9] }, { messageId: 'jargon', range: [19, 37] }],
      output: 'Hi Ravi, we will look into the same.',
    },
  ],
});
