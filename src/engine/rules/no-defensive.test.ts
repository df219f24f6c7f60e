import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-defensive.ts';

ruleTester(rule, {
  valid: [
    'We will never share your card details with anyone.',
    'We would never want you to feel ignored, and I apologize that you did.',
    "That's not possible to change online, but I can update it for you now.",
    // a refusal, not a defence (no-policy-wall's concern)
    'Sorry, that is not possible. Please see this article for more information.',
    "That can't be right, and I'll fix the charge today.",
    "I'm sorry the agent said that's not possible.",
    "This is not our policy, and I apologize that this was your experience with us.",
    "I won't pretend we never make mistakes: we made one here.",
    "It's possible the label was printed twice; I'll check.",
    "It was our fault, and I'm sorry.",
    // an explanation to a customer who only asked is information
    { text: 'Prices vary by country and depend on several factors, like taxes.', context: { customerMessage: 'How are prices set in each country?' } },
    { text: "It's hard to stop every spam message, so here is how to filter them.", context: { customerMessage: 'How do I set up a spam filter?' } },
  ],
  invalid: [
    {
      text: 'We would never charge you twice on purpose.',
      errors: [{ messageId: 'defensive', range: [0, 14] }],
      output: "This isn't how we want things to go, and I apologize that this was your experience.",
    },
    {
      text: "That's not possible, our system checks every order.",
      errors: [{ messageId: 'defensive', range: [0, 19] }],
      output: "This isn't how we want things to go, and I apologize that this was your experience, our system checks every order.",
    },
    {
      text: "Hi Ana, our system doesn't make mistakes.",
      errors: [{ messageId: 'defensive', range: [8, 40] }],
      output: "Hi Ana, this isn't how we want things to go, and I apologize that this was your experience.",
    },
    {
      text: "We're required to comply with regulations on those items, as explained in our update.",
      errors: [{ messageId: 'defensive', range: [0, 24] }],
    },
    {
      text: "Hi there, we're sorry to hear this. It's very difficult to fully stop spam once it starts.",
      context: { customerMessage: 'The amount of spam hitting my inbox is ridiculous, your filter does not work at all.' },
      errors: [{ messageId: 'defensive', range: [36, 69] }],
    },
    {
      text: 'Hotel deals depend on the day, time and other factors.',
      context: { customerMessage: 'Your hotel benefit does not work, not a single hotel participates. This is a scam.' },
      errors: [{ messageId: 'defensive', range: [12, 53] }],
    },
    {
      text: "You're the only customer who has complained. It's not our fault.",
      errors: [{ messageId: 'defensive', range: [0, 28] }, { messageId: 'defensive', range: [45, 63] }],
    },
  ],
});
