import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-scripted-empathy.ts';

ruleTester(rule, {
  valid: [
    'We understand your frustration with the double charge, and I have reversed it.',
    'I know how you feel — three weeks without a working fridge is far too long.',
    "I can see why you're upset: the parcel was promised for Friday.",
    'It frustrates me too when a product stops working after a week.',
    'I won\'t just say "I understand how you feel"; here is what I am doing.',
    "I'd never claim to know how you feel, but I can fix the order today.",
    'I understand you were charged twice, and I apologize.',
    'I understand your frustration, and I want to put this right.',
    'I know how you feel, I had the same thing happen with my own order last year.',
    // tied to the issue
    'I can only imagine how frustrating it is to lose a week of saved games.',
    'We understand this is frustrating, especially with the trip on Friday.',
    // thanks, not empathy
    'We appreciate your concern and have passed it to the team.',
    "That sounds really frustrating, and I'm on it.",
  ],
  invalid: [
    {
      text: 'I understand how you feel. Let me check.',
      errors: [{ messageId: 'scriptedEmpathy', range: [0, 25] }],
      output: "I can see why you're upset about the trouble this has caused. Let me check.",
    },
    {
      text: 'Hi Ana, we understand your frustration.',
      context: { issue: 'the late delivery' },
      errors: [{ messageId: 'scriptedEmpathy', range: [8, 38] }],
      output: "Hi Ana, I can see why you're upset about the late delivery.",
    },
    {
      text: 'We understand this may be frustrating. I feel your pain.',
      context: { issue: 'the missing refund' },
      errors: [{ messageId: 'scriptedEmpathy', range: [0, 37] }, { messageId: 'scriptedEmpathy', range: [39, 55] }],
      output: "I can see why you're upset about the missing refund. I feel your pain.",
    },
    {
      text: "We get where you're coming from, Marc. However, the fare was non-refundable.",
      errors: [{ messageId: 'scriptedEmpathy', range: [0, 31] }],
    },
    {
      text: "Thanks for the feedback, Faith, and we appreciate where you're coming from.",
      errors: [{ messageId: 'scriptedEmpathy', range: [36, 74] }],
    },
    {
      text: 'I know how frustrating this can be. Could you send us the error code?',
      context: { issue: 'the failed update' },
      errors: [{ messageId: 'scriptedEmpathy', range: [0, 34] }],
      output: "I can see why you're upset about the failed update. Could you send us the error code?",
    },
    {
      text: 'We hear your frustration. Our team is looking into it.',
      errors: [{ messageId: 'scriptedEmpathy', range: [0, 24] }],
    },
    {
      text: 'I completely understand how you feel, and thank you for your patience.',
      errors: [{ messageId: 'scriptedEmpathy', range: [0, 36] }],
    },
  ],
});
