import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-bare-sorry.ts';

ruleTester(rule, {
  valid: [
    "I'm sorry your parcel arrived broken, Ana.",
    'I apologize for the double charge on your card.',
    "We're sorry that the refund took three weeks.",
    'Sorry for the wait on your replacement order.',
    'She said "sorry" twice on the phone.',
    'No need to be sorry!',
  ],
  invalid: [
    {
      text: "I'm sorry. Let me look into it.",
      errors: [{ messageId: 'bareSorry', range: [0, 9] }],
      output: 'I apologize for the trouble this has caused. Let me look into it.',
    },
    {
      text: "I'm so sorry about that, Ana!",
      context: { customerName: 'Ana', issue: 'the late delivery' },
      errors: [{ messageId: 'bareSorry', range: [0, 23] }],
      output: 'I apologize for the late delivery, Ana!',
    },
    {
      text: 'Thanks for writing in. Sorry.',
      context: { issue: 'the broken blender' },
      errors: [{ messageId: 'bareSorry', range: [23, 28] }],
      output: 'Thanks for writing in. I apologize for the broken blender.',
    },
  ],
});
