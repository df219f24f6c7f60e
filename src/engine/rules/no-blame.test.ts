import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-blame.ts';

ruleTester(rule, {
  valid: [
    "The courier lost your parcel, so I've sent a replacement by express today.",
    'That was our mistake, and I apologize for it.',
    "It wasn't the courier's fault; we packed it badly, and I'm sorry.",
    'The system shows it was delivered on Monday, so I have opened a trace.',
    'Could you check the notification settings on your end?',
    "I'm sorry the last agent said it was the courier's fault.",
    "I won't blame the courier: getting it to you is our job.",
    'I have asked the billing team to refund the fee today.',
    'Our manufacturer has confirmed a fix, and your replacement ships tomorrow.',
  ],
  invalid: [
    {
      text: "That's the courier's fault. I'll check.",
      errors: [{ messageId: 'blameCourier', range: [0, 26] }],
      output: "I'll take this up with the courier myself. I'll check.",
    },
    {
      text: "Sadly, the delay is on UPS's end.",
      errors: [{ messageId: 'blameCourier', range: [11, 32] }],
      output: "Sadly, I'll take this up with the courier myself.",
    },
    {
      text: "It was the manufacturer's fault.",
      errors: [{ messageId: 'blameSupplier', range: [0, 31] }],
    },
    {
      text: 'The billing team messed up, not me.',
      errors: [{ messageId: 'blameDepartment', range: [0, 26] }],
      output: "I'll sort this out with the team myself, not me.",
    },
    {
      text: "It's just a system glitch.",
      errors: [{ messageId: 'blameSystem', range: [0, 25] }],
      output: "Something went wrong on our side, and I'm fixing it.",
    },
    {
      text: 'The problem is on your end.',
      errors: [{ messageId: 'blameCustomer', range: [4, 26] }],
      output: "Let's get this working for you.",
    },
    {
      text: 'Storms are beyond our control.',
      errors: [{ messageId: 'blameCircumstances', range: [11, 29] }],
    },
  ],
});
