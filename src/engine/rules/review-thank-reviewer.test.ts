import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './review-thank-reviewer.ts';

const review = { analysis: makeAnalysis({ upset: true }), channel: 'public-review' as const };

ruleTester(rule, {
  valid: [
    { text: 'Thank you for your honest review.', context: review },
    { text: 'Thanks so much, Ana, for taking the time to write this.', context: review },
    { text: 'We really appreciate you sharing this.', context: review },
    // private replies are not checked by the review rule set
    { text: 'I apologize for the delay.', context: { analysis: makeAnalysis({ upset: true }) } },
  ],
  invalid: [
    {
      text: 'We apologize for the wait.',
      context: review,
      errors: [{ messageId: 'missingThanks', range: [0, 0] }],
      output: 'Thank you for taking the time to share this. We apologize for the wait.',
    },
    {
      text: 'Hi Ana, we apologize for the wait.',
      context: { ...review, customerName: 'Ana' },
      errors: [{ messageId: 'missingThanks' }],
      output: 'Hi Ana, thank you for taking the time to share this, Ana. We apologize for the wait.',
    },
    {
      // quoting a thank-you is not saying one
      text: 'You wrote "thanks for nothing". We apologize.',
      context: review,
      errors: [{ messageId: 'missingThanks' }],
    },
  ],
});
