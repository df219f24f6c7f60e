import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-asking-too-much.ts';

ruleTester(rule, {
  valid: [
    'Please send a photo of the damage, and I will take it from there.',
    "I'll check the order and send a label. Please send a photo of the damage. Then drop it at any post office.",
    'Please contact us if anything changes. Reply here any time.',
    // two asks are fine
    'Could you send your order number? Please restart the app once.',
    // the same ask twice is one request
    'Please send your order number. Again, please send your order number.',
    { text: 'I found your order #123456 and refunded it.', context: { customerMessage: 'Order #123456 never came!' } },
    { text: "You don't need to send your order number again: I have it.", context: { alreadyProvided: ['order number'] } },
    { text: 'Please send a photo of the label.', context: { alreadyProvided: ['order number', 'e-mail'] } },
    // two details on one point, or a list of choices for one answer
    { text: 'Could you DM us your order number and the e-mail on the account?', context: { customerMessage: 'My refund never came' } },
    { text: 'Could you tell us which device you use (phone, tablet or TV)?', context: { customerMessage: 'The app crashes' } },
    { text: 'Could you tell us a bit more (e.g. the device, the app version, the time)?', context: { customerMessage: 'The app crashes' } },
    // a URL is asked for only when the customer never gave one
    { text: 'Share the URL with us so that we can check on our end.', context: { customerMessage: 'I keep getting e-mails about streams I never started' } },
    // the customer asked where to look: the page is the answer
    { text: 'You can check your order status here: https://example.com/orders', context: { customerMessage: 'Where can I check my order status?' } },
    // the agent looks
    { text: 'I can check your order status for you right now.', context: { customerMessage: 'Where is my order?' } },
    'Learn more about the new plans here: https://example.com/plans',
    // news of what will show, not a look-up; "just my order number" says nothing was given
    { text: "You'll see the refund on your statement within 3 days.", context: { customerMessage: 'Where is my refund?' } },
    { text: 'Please send your order number.', context: { customerMessage: "It's just my order number that's wrong on the invoice" } },
    { text: "I can see your bookings here; the second one was cancelled in error and I've restored it.", context: { customerMessage: 'My booking disappeared' } },
  ],
  invalid: [
    {
      text: 'Please send your order number. Restart the app and log in again. Could you also fill out the form?',
      errors: [{ messageId: 'tooManyRequests', range: [51, 63] }],
    },
    {
      text: 'Could you please DM us your order number and e-mail address?',
      context: { customerMessage: 'My order #123456 never came! Email me at ana@example.com' },
      errors: [{ messageId: 'askedAgain', range: [28, 40] }, { messageId: 'askedAgain', range: [45, 59] }],
    },
    {
      text: "Sorry about that. What's your order number?",
      context: { alreadyProvided: ['Order number'] },
      errors: [{ messageId: 'askedAgain', range: [30, 42] }],
    },
    {
      text: "We'll need your tracking number to look into it.",
      context: { customerMessage: 'Tracking 1Z999AA10123456784 says delivered, it was not!' },
      errors: [{ messageId: 'askedAgain', range: [16, 31] }],
    },
    {
      text: 'Please share your channel\'s URL so we can take a look.',
      context: { customerMessage: 'My channel was terminated for no reason. channel: https://www.example.com/c/mychannel' },
      errors: [{ messageId: 'askedAgain', range: [18, 31] }],
    },
    // (b) three or more details at once
    {
      text: 'Please DM us your full name, e-mail address and phone number so we can look into it.',
      context: { customerMessage: 'My refund never came' },
      errors: [{ messageId: 'tooManyItems', range: [0, 60] }],
    },
    {
      text: 'Could you share your system details (OS, graphics card, RAM)?',
      context: { customerMessage: 'The editor crashes on export' },
      errors: [{ messageId: 'tooManyItems', range: [0, 60] }],
    },
    // (d) sent to look up what the agent could check
    {
      text: 'You can check your flight status here: https://example.com/status',
      context: { customerMessage: 'Is my flight on Saturday still going ahead?' },
      errors: [{ messageId: 'lookUp', range: [8, 32] }],
    },
    {
      text: 'The product key is in the confirmation e-mail you received.',
      context: { customerMessage: 'I lost my product key' },
      errors: [{ messageId: 'lookUp', range: [16, 58] }],
    },
    {
      text: 'For the latest information, go to the Your Orders page.',
      errors: [{ messageId: 'lookUp', range: [0, 30] }],
    },
    // Wording of other industries (the team's variant set, data/labels/reply-variants.jsonl)
    { text: 'You can view your orders anytime by logging into your account.', context: { customerMessage: 'Did my order even go through? No confirmation email' }, errors: [{ messageId: 'lookUp', range: [0, 35] }] },
    { text: "Please keep an eye on your statement and let us know if it hasn't reversed by Friday.", context: { customerMessage: 'My payment failed but the money left my account' }, errors: [{ messageId: 'lookUp', range: [7, 36] }] },
    { text: 'Refund status can be checked at https://example.com/refunds with your booking ref.', context: { customerMessage: 'Where is my refund, 8 weeks now' }, errors: [{ messageId: 'lookUp', range: [7, 31] }] },
    { text: 'You can check the latest on your flight at https://example.com/status', context: { customerMessage: "My flight status isn't showing and I'm worried" }, errors: [{ messageId: 'lookUp', range: [8, 32] }] },
    {
      text: 'Could you send us the booking reference, the last four digits of the card, the dates of both charges and a screenshot?',
      context: { customerMessage: 'I was double charged on my hotel booking' },
      errors: [{ messageId: 'tooManyItems', range: [0, 117] }],
    },
    { text: 'Just pop your tracking number in on our website.', context: { customerMessage: 'Where is my parcel?? It was due yesterday' }, errors: [{ messageId: 'lookUp', range: [5, 32] }] },
    // (c) the customer says they already gave it, though the item is not in this message
    { text: 'Please provide your order number so we can check.', context: { customerMessage: "I've already sent my order number three times!" }, errors: [{ messageId: 'askedAgain', range: [20, 32] }] },
    { text: 'Could you confirm the e-mail address on the account?', context: { customerMessage: 'As I said, I gave you my email yesterday' }, errors: [{ messageId: 'askedAgain', range: [22, 36] }] },
  ],
});
