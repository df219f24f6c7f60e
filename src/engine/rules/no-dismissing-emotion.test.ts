import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-dismissing-emotion.ts';

ruleTester(rule, {
  valid: [
    "Once things calm down after the holidays, we'll ship your order first.",
    'Sit back and relax: the replacement is on its way.',
    'You can relax knowing the parcel is fully insured.',
    'No need to worry, your data is safe.',
    "I'm sorry our agent told you to calm down; that was wrong.",
    "I'd never tell you to calm down: you have every right to be upset.",
    "It's not a big deal to change the address for you.",
    'Your frustration makes complete sense, and I want to help.',
    'Our relaxed return policy gives you 60 days.',
    'Only one item of the order went missing, and I have reshipped it today.',
    'The fee is only a few dollars, and I have waived it.',
    "I'm sorry the wait was worse than we said.",
  ],
  invalid: [
    {
      text: 'Please calm down so I can help you.',
      errors: [{ messageId: 'dismissing', range: [7, 16] }],
    },
    {
      text: 'Relax, it is only a few days late.',
      errors: [{ messageId: 'dismissing', range: [0, 5] }, { messageId: 'dismissing', range: [7, 33] }],
    },
    {
      text: "Sir, there's no need to get upset.",
      errors: [{ messageId: 'dismissing', range: [5, 33] }],
    },
    {
      text: "Honestly, you're overreacting. It's not a big deal.",
      errors: [{ messageId: 'dismissing', range: [10, 29] }, { messageId: 'dismissing', range: [31, 50] }],
    },
    {
      text: "It's just a minor glitch, so it should clear up soon.",
      errors: [{ messageId: 'dismissing', range: [0, 24] }],
    },
    {
      text: 'Look on the bright side: it could have been worse.',
      errors: [{ messageId: 'dismissing', range: [0, 23] }, { messageId: 'dismissing', range: [25, 49] }],
    },
    {
      text: 'I need you to calm down first.',
      errors: [{ messageId: 'dismissing', range: [14, 23] }],
    },
  ],
});
