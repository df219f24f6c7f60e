import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-telling-wrong.ts';

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
      output: "You didn't read the instructions. Let's get this sorted out together.",
    },
    {
      text: "You misunderstood the offer, it was for new customers.",
      errors: [{ messageId: 'tellingWrong', range: [0, 17] }],
      output: 'I may not have explained this clearly, it was for new customers.',
    },
    {
      text: 'No problem, you are wrong there.',
      errors: [{ messageId: 'tellingWrong', range: [12, 25] }],
    },
  ],
});
