import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-know-it-all.ts';

ruleTester(rule, {
  valid: [
    'Obviously this is frustrating, and I want to fix it today.',
    "Obviously that's not the experience we want for you.",
    "As I mentioned, I've escalated this to our warehouse lead.",
    'As stated in our terms, refunds reach your card within five days.',
    "There's nothing you need to do: the refund is on its way.",
    "There's nothing we can do about the courier's fee, but I can refund it myself.",
    "We don't usually make exceptions, but I'll make one for you.",
    "I'm sorry the last agent told you there's nothing we can do.",
    'I would never say "it is what it is" to you.',
    'I clearly should have checked this sooner, and I apologize.',
    'I obviously want to fix this for you today.',
    'You clearly put a lot of care into this order.',
    'Our policy is not final on this; let me ask my manager.',
  ],
  invalid: [
    {
      text: 'As I already said, the fee stands.',
      errors: [{ messageId: 'knowItAll', range: [0, 17] }],
      output: 'To recap, the fee stands.',
    },
    {
      text: "Sorry, there's nothing we can do.",
      errors: [{ messageId: 'knowItAll', range: [7, 32] }],
      output: 'Sorry, let me see what I can do.',
    },
    {
      text: 'Obviously, you need to update the app first.',
      errors: [{ messageId: 'knowItAll', range: [0, 9] }],
    },
    {
      text: 'No exceptions. It is what it is.',
      errors: [{ messageId: 'knowItAll', range: [0, 13] }, { messageId: 'knowItAll', range: [15, 31] }],
      output: "I can see why you're upset, and I want to look into what happened. Here's what I can do.",
    },
    {
      text: "You obviously didn't read the e-mail.",
      errors: [{ messageId: 'knowItAll', range: [0, 20] }],
    },
    {
      text: 'The return window is clearly stated on our website.',
      errors: [{ messageId: 'knowItAll', range: [18, 35] }],
    },
    {
      text: 'Hi again, as we shared in our last post, your channel is still under review.',
      errors: [{ messageId: 'knowItAll', range: [10, 39] }],
      output: 'Hi again, to recap, your channel is still under review.',
    },
    {
      text: 'As previously stated in my last e-mail, we cannot refund.',
      errors: [{ messageId: 'knowItAll', range: [0, 38] }],
      output: 'To recap, we cannot refund.',
    },
  ],
});
