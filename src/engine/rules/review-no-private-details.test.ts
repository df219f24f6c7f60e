import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './review-no-private-details.ts';

const review = { analysis: makeAnalysis({ upset: true }), channel: 'public-review' as const };

ruleTester(rule, {
  valid: [
    { text: 'Please write to support@acme.com or call us on 0800 123 4567.', context: review },
    { text: 'Please call 1-800-555-0199 and ask for me.', context: review },
    { text: 'Your order shipped on 2024-03-05 and we apologize for the wait.', context: review },
    { text: 'We have 24 hours of support and 3 stores.', context: review },
    { text: 'Your order number is on its way to you by e-mail.', context: review },
    // private replies may of course mention the order
    { text: 'Your order #48213 ships today.', context: { analysis: makeAnalysis({ upset: true }) } },
  ],
  invalid: [
    {
      text: 'Your order #48213 was refunded to ana@example.com.',
      context: review,
      errors: [{ messageId: 'privateDetail', range: [5, 17] }, { messageId: 'privateDetail', range: [34, 49] }],
      output: 'Your order was refunded to your e-mail address.',
    },
    {
      text: 'We called you on +44 7700 900123 yesterday.',
      context: review,
      errors: [{ messageId: 'privateDetail', range: [17, 32] }],
      output: 'We called you on your phone number yesterday.',
    },
    {
      text: 'The card ending in 4242 was charged once. We sent it to 12 Elm Street.',
      context: review,
      errors: [{ messageId: 'privateDetail' }, { messageId: 'privateDetail' }],
      output: 'The card was charged once. We sent it to your address.',
    },
    {
      text: 'Booking ref AB12CD is confirmed.',
      context: review,
      errors: [{ messageId: 'privateDetail', range: [0, 18] }],
      output: 'Booking is confirmed.',
    },
  ],
});
