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
    'The network makes the new season available to live TV subscribers.',
    "Your bank may take a few days to show the refund, and I'll check on it Friday.",
    "I've asked the seller to ship a replacement today.",
    'The problem is on your end.',
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
    // another party's decision, or a third party's product, named as the cause
    {
      text: "It's likely that the creator has chosen to hold your comments for review.",
      errors: [{ messageId: 'blameOtherParty', range: [17, 42] }],
    },
    {
      text: "Thanks for the report – it's actually the rights holder's discretion where a claimed video is blocked.",
      errors: [{ messageId: 'blameOtherParty', range: [24, 68] }],
    },
    {
      text: 'The hold will drop off your statement according to the policies of your bank.',
      errors: [{ messageId: 'blameOtherParty', range: [38, 76] }],
    },
    {
      text: 'If you upgraded in the app, unfortunately the plan is not managed by us.',
      errors: [{ messageId: 'blameOtherParty', range: [51, 71] }],
    },
    {
      text: "Hey Sam! That sounds like a graphics driver issue. Mind if we help fix it?",
      errors: [{ messageId: 'blameOtherParty', range: [9, 49] }],
    },
    {
      text: 'Storms are beyond our control.',
      errors: [{ messageId: 'blameCircumstances', range: [11, 29] }],
    },
  ],
});
