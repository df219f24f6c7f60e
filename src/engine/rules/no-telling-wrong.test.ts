import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-telling-wrong.ts';

/** Customers who reported a problem, and one who only asked how to do something. */
const banned = { customerMessage: 'My channel was terminated for no reason and I never got any email about it.' };
const crashing = { customerMessage: 'Premiere crashes every time I export, this is so annoying' };
const frozen = { customerMessage: 'My view count has been stuck for three days and subscribers are not going up, please fix it' };
const howTo = { customerMessage: 'How do I turn on captions on the TV app?' };

ruleTester(rule, {
  valid: [
    "I won't say you're wrong; the form is confusing.",
    "You're not wrong, and I apologize for the mix-up.",
    "Nobody is saying you're wrong, Ana.",
    "I'm sorry the last agent told you that you're wrong.",
    "I'm sorry the agent told you to calm down and that it was your fault.",
    'I apologize that our rep said you should have read the terms.',
    'She said "you\'re wrong" on the call, and that was not okay.',
    'You should have received a confirmation e-mail on Monday.',
    'You should have the refund by Friday.',
    'You must have been so frustrated waiting all week.',
    'You must have the latest app version installed for this to work.',
    "If you didn't check the box, you won't be charged again.",
    "You're right, and I apologize for the double charge.",
    'You did not receive the e-mail because of our error.',
    'That was our mistake, not yours.',
    // information, when nothing the customer said contradicts it
    { text: "You should've received an e-mail with the steps on Monday.", context: crashing },
    { text: 'The app is working normally, and captions are under Settings.', context: howTo },
    { text: "That doesn't sound like a bug in your account, just a setting.", context: howTo },
    // pre-emptive privacy advice is not scolding
    'Without posting any personal details, can you tell us more about what happened?',
    // naming the customer's side as a place to check is not blaming them
    'Could you check the notification settings on your end?',
  ],
  invalid: [
    {
      text: "You're wrong about the fee. I'll explain.",
      errors: [{ messageId: 'tellingWrong', range: [0, 12] }],
      output: 'I can see why it looked that way. I\'ll explain.',
    },
    {
      text: 'Hi Ana, you are simply mistaken, the fee was listed.',
      errors: [{ messageId: 'tellingWrong', range: [8, 31] }],
      output: 'Hi Ana, I can see why it looked that way, the fee was listed.',
    },
    {
      text: 'You should have read the terms before ordering.',
      errors: [{ messageId: 'tellingWrong', range: [0, 20] }],
    },
    {
      text: 'You must have entered the wrong address.',
      errors: [{ messageId: 'tellingWrong', range: [0, 21] }],
    },
    {
      text: "You didn't read the instructions. That's your fault.",
      errors: [{ messageId: 'tellingWrong', range: [0, 15] }, { messageId: 'tellingWrong', range: [34, 51] }],
      output: "I can see why you're upset, and I want to look into what happened. Let's get this sorted out together.",
    },
    {
      text: "You misunderstood the offer, it was for new customers.",
      errors: [{ messageId: 'tellingWrong', range: [0, 17] }],
      output: 'I may not have explained this clearly, it was for new customers.',
    },
    // blaming their end, implying misuse, scolding
    {
      text: 'The problem is on your end.',
      errors: [{ messageId: 'tellingWrong', range: [4, 26] }],
      output: "Let's get this working for you.",
    },
    {
      text: "It failed because you didn't enter the code in time.",
      errors: [{ messageId: 'tellingWrong', range: [10, 28] }],
    },
    {
      text: 'Third-party chargers void the warranty, so we cannot replace it.',
      errors: [{ messageId: 'tellingWrong', range: [0, 25] }],
    },
    {
      text: "Also, please delete this tweet with your e-mail address, it's private information.",
      errors: [{ messageId: 'tellingWrong', range: [6, 30] }],
    },
    {
      text: 'We strongly suggest you delete this post, as it shows your home address.',
      errors: [{ messageId: 'tellingWrong', range: [0, 40] }],
    },
    // contradicting what the customer reported
    {
      text: "You should've received an e-mail with more details about the reason.",
      context: banned,
      errors: [{ messageId: 'tellingWrong', range: [0, 22] }],
    },
    {
      text: "Hey! That doesn't sound like a bug, it sounds like a driver problem.",
      context: crashing,
      errors: [{ messageId: 'tellingWrong', range: [5, 34] }],
    },
    {
      text: "Sorry for any trouble! We should be up and running, so try the steps here.",
      context: crashing,
      errors: [{ messageId: 'tellingWrong', range: [23, 50] }],
    },
    {
      text: "It's normal to see view counts freeze while we verify them.",
      context: frozen,
      errors: [{ messageId: 'tellingWrong', range: [0, 18] }],
    },
    {
      text: 'No problem, you are wrong there.',
      errors: [{ messageId: 'tellingWrong', range: [12, 25] }],
    },
  ],
});
