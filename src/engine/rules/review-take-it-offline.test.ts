import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './review-take-it-offline.ts';

const review = { analysis: makeAnalysis({ upset: true }), channel: 'public-review' as const };

ruleTester(rule, {
  valid: [
    { text: 'Please send us a direct message so we can put this right.', context: review },
    { text: "I'd love to speak with you directly; please email us at support@acme.com.", context: review },
    { text: 'DM us and we will sort it out today.', context: review },
    // a happy reviewer needs no invitation
    { text: 'Thank you for the lovely review!', context: { analysis: makeAnalysis({ upset: false }), channel: 'public-review' as const } },
  ],
  invalid: [
    {
      text: 'Thank you for your review. We apologize that your room was not clean.\n— The Lakeside team',
      context: review,
      errors: [{ messageId: 'missingDirectChannel', range: [0, 0] }],
      output: "Thank you for your review. We apologize that your room was not clean. I'd like to put this right personally, so please send us a direct message and I'll take it from there.\n— The Lakeside team",
    },
    {
      text: "Thank you for your review. Please don't send us a direct message.",
      context: review,
      errors: [{ messageId: 'missingDirectChannel' }],
    },
  ],
});
