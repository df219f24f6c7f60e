import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './ask-what-they-want.ts';

const unknownNeed = { analysis: makeAnalysis({ upset: true }) };
const timing = { analysis: makeAnalysis({ upset: true, needs: ['timing'] }) };
const stuck = { analysis: makeAnalysis({ upset: true }), refusals: 2 };

ruleTester(rule, {
  valid: [
    { text: 'I apologize for the delay. What would make this right for you?', context: unknownNeed },
    { text: 'How would you like us to handle the replacement?', context: unknownNeed },
    // the need is known: offering is the next step, not asking
    { text: 'I can send it by express shipping today.', context: timing },
    { text: 'If you ran our shop, what would you do here?', context: stuck },
    { text: 'Thanks, all done.', context: { analysis: makeAnalysis({ upset: false }) } },
    { text: 'To recap, the refund is on its way.', context: { ...unknownNeed, phase: 'summarize' as const } },
  ],
  invalid: [
    {
      text: 'I apologize for the delay.\n— Sam',
      context: unknownNeed,
      errors: [{ messageId: 'missingAsk', range: [26, 26] }],
      output: 'I apologize for the delay. What would make this right for you?\n— Sam',
    },
    {
      // an ordinary ask is not enough once the agent has refused twice
      text: 'What would you like us to do?',
      context: stuck,
      errors: [{ messageId: 'missingOwnerQuestion' }],
      output: 'What would you like us to do? If you were running our business, what would you do in this situation?',
    },
    {
      // "I won't ask what you want" asks nothing
      text: "I won't ask what would make this right for you.",
      context: unknownNeed,
      errors: [{ messageId: 'missingAsk' }],
    },
  ],
});
