import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-arguing.ts';

ruleTester(rule, {
  valid: [
    'We actually have a faster option: next-day delivery at no cost.',
    'Actually, I can do better than that: I have upgraded your shipping.',
    "That's not correct, and I apologize for the error on your bill.",
    "It's not true that we don't care, and I'm sorry it felt that way.",
    "I'm sorry our agent said that never happened.",
    'He told you "that\'s not true", which was wrong of him.',
    "That's not right, and I'm sorry it happened.",
    "That's not what should have happened.",
    "I won't argue: that's not the experience we want for you.",
    'I agree with you completely.',
    "No, actually, you're right.",
    'But actually, I found a way to get it to you by Friday.',
  ],
  invalid: [
    {
      text: "Actually, you agreed to the terms when you ordered.",
      errors: [{ messageId: 'arguing', range: [0, 20] }],
    },
    {
      text: "That's not true. We shipped it on Monday.",
      errors: [{ messageId: 'arguing', range: [0, 15] }],
      output: 'I can see how it looks from your side. We shipped it on Monday.',
    },
    {
      text: 'Hi Sam, that is simply incorrect, the fee was listed.',
      errors: [{ messageId: 'arguing', range: [8, 32] }],
      output: 'Hi Sam, I can see how it looks from your side, the fee was listed.',
    },
    {
      text: 'That never happened on our end.',
      errors: [{ messageId: 'arguing', range: [0, 19] }],
      output: 'I want to understand exactly what happened.',
    },
    {
      text: 'Well, actually, the parcel left our warehouse on time.',
      errors: [{ messageId: 'arguing', range: [0, 14] }],
    },
    {
      text: 'With all due respect, I must disagree.',
      errors: [{ messageId: 'arguing', range: [0, 20] }, { messageId: 'arguing', range: [22, 37] }],
    },
  ],
});
