import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-policy-wall.ts';

ruleTester(rule, {
  valid: [
    'It looks like this purchase is outside of the return window, but let me see what I can do for you.',
    "We can't refund it, but I can offer store credit today.",
    "Our policy doesn't allow refunds after 30 days. That said, I've asked my manager for an exception.",
    "That's against our policy. Let me see what I can arrange instead.",
    "You're not eligible for a refund. Would you like a replacement instead?",
    "I'm sorry the agent said it was too late to return it.",
    "It's not too late to return it: you have until Friday.",
    'We can refund it today.',
    "I'm not allowed to share account details with anyone but the account holder.",
    "We can't do that over Twitter. Please DM us and we'll take it from there.",
    'You said "we can\'t do that" was all you heard last time.',
    // a hand-off to a team that can act is a route (the guide labels it a transfer, not a wall)
    "We're unable to help with mortgage questions on social media. For customer service, please call 1-800-555-0100.",
    'To recover the account you would need to visit our help page and pick Contact us. We are unable to assist with recovery on this channel.',
    "I'm afraid we can't override store decisions from here. Please ask to speak with the store manager on your next visit.",
    // another way to the same goal
    "We don't have the streaming rights to the new season yet, but you may also be interested in our live TV plan, which carries it.",
    'While we currently don\'t have that feature, the desktop app makes it available under Settings.',
    // a caution about later, not the answer to the request
    'Here are the steps to delete it. Keep in mind that once it is deleted, we are unable to re-enable the account.',
  ],
  invalid: [
    {
      text: "Sorry, it's too late to return the product.",
      errors: [{ messageId: 'policyWall', range: [7, 42] }],
      output: 'Sorry, it looks like this is outside our return window, but let me see what I can do for you.',
    },
    {
      text: "Our policy doesn't allow refunds after 30 days.",
      errors: [{ messageId: 'policyWall', range: [0, 24] }],
      output: "Our policy doesn't allow refunds after 30 days, but let me see what I can do for you.",
    },
    {
      text: "Hi Ana. We can't do that. Thanks for understanding.",
      errors: [{ messageId: 'policyWall', range: [8, 24] }],
      output: "Hi Ana. We can't do that, but let me see what I can do for you. Thanks for understanding.",
    },
    {
      text: 'Sorry, that is not possible. Please see this article.',
      errors: [{ messageId: 'policyWall', range: [7, 27] }],
      output: 'Sorry, that is not possible, but let me see what I can do for you. Please see this article.',
    },
    // refusals as real replies word them: inability, missing features, rules and requirements
    {
      text: "I'm sorry, but we're unable to make exceptions to the 30-day wait for name changes.",
      errors: [{ messageId: 'policyWall', range: [15, 46] }],
      output: "I'm sorry, but we're unable to make exceptions to the 30-day wait for name changes.",
    },
    {
      text: 'For all travel questions, please visit our travel page for information. We cannot assist with travel bookings over social media.',
      errors: [{ messageId: 'policyWall', range: [72, 88] }],
    },
    {
      text: "Thanks for the tag – we currently don't have that feature yet. You can send your idea through the feedback tool.",
      errors: [{ messageId: 'policyWall', range: [21, 57] }],
    },
    {
      text: "Hey there! We don't currently have the streaming rights, but we'll let the team know you'd like it added.",
      errors: [{ messageId: 'policyWall', range: [11, 55] }],
    },
    {
      text: 'Hi there, per our terms you are only allowed to have one partner account.',
      errors: [{ messageId: 'policyWall', range: [24, 47] }],
    },
    {
      text: 'The minimum requirement for the tablet app is version 13.1, see this article for more.',
      errors: [{ messageId: 'policyWall', range: [0, 27] }],
    },
    {
      text: 'Phone support is only available to admins on our business plans.',
      errors: [{ messageId: 'policyWall', range: [14, 34] }],
    },
    {
      text: 'Our team does not have any additional info or timelines to share right now.',
      errors: [{ messageId: 'policyWall', range: [0, 64] }],
    },
    {
      text: 'All we can do in your case is issue travel funds, as the fare was nonrefundable.',
      errors: [{ messageId: 'policyWall', range: [0, 29] }, { messageId: 'policyWall', range: [66, 79] }],
    },
    {
      text: 'Deliveries are running late, so please wait three days after the delivery date before contacting us.',
      errors: [{ messageId: 'policyWall', range: [32, 96] }],
    },
    {
      text: "You're not eligible for a refund. Your warranty has expired.",
      errors: [{ messageId: 'policyWall', range: [0, 32] }, { messageId: 'policyWall', range: [34, 59] }],
    },
  ],
});
