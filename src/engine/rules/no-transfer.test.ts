// Cases paraphrased from real support replies (names, products and links changed) and the labelling guide's
// "Not:" cases for `transfer` (shared/labels/REPLY-LABELS.md).
import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-transfer.ts';

ruleTester(rule, {
  valid: [
    // ownership: the agent does the contacting
    "I'll contact the courier directly and get back to you by 5 pm.",
    "I've asked our billing team to refund the fee, and I'll confirm by e-mail today.",
    'I spoke to our warehouse team this morning.',
    "I'll make sure to contact the courier today.",
    "We'll go ahead and reach out to our billing team for you.",
    'We fixed it by contacting the carrier directly.',
    'Our specialists will call you back within 24 hours.',
    "We've escalated this to our engineers and they'll be able to help shortly.",
    "I can't help with that here, but I've passed it to our tech lead and will update you tomorrow.",
    // a DM, an e-mail or a reply to this team
    'Please DM us your order number and I will take it from there.',
    "DM us your e-mail address and we'll take a look.",
    'Please reach out to us via DM so we can help.',
    'Please contact our support team via DM so we can look into it.',
    "We'd like to help. Please reply here with your order number.",
    // open doors, not hand-offs
    'Please contact us here if anything changes.',
    'Please reach out to our team if you have any other questions.',
    "Let us know if you have any other questions!",
    'If you have any other questions, please call us at 0800 123 4567.',
    // another channel offered while this team keeps the case
    "If you'd prefer, you can also call us at 0800 123 4567, but we're happy to sort it here.",
    // informational links that answer a question
    'You can find the steps on our support page.',
    'Here is our guide to changing your password: https://example.com/guide',
    'You can learn more about our refund policy here: https://example.com/refunds',
    'Please visit our online store for the new range.',
    'Go to Settings > Billing to change your plan.',
    // negated, quoted, reported
    "You don't need to contact the bank: I've reversed the charge.",
    "I'm sorry you were told to call our billing team.",
    'The agent said "not my department", and that should never have happened.',
    // a signature block after the sign-off
    'Your refund is on its way.\n\nKind regards,\nSam\nCall us: 0800 123 4567',
    // a channel the customer asked for
    {
      text: 'You can reach our support team here: https://example.com/contact',
      context: { customerMessage: 'Do you have a customer service team? How do I contact them?' },
    },
    // on a public review, inviting the reviewer to a direct channel is the right move (P20)
    { text: 'Please call us at 0800 123 4567 so we can put this right.', context: { channel: 'public-review' } },
  ],
  invalid: [
    // disowning
    {
      text: "That's not my department.",
      errors: [{ messageId: 'transfer', range: [7, 24] }],
      output: "I'll find the right person and get back to you.",
    },
    // another team or company, with a lead, an imperative or a request
    {
      text: "You'll need to contact the courier directly.",
      errors: [{ messageId: 'transfer', range: [0, 34] }],
      output: "I'll contact the courier for you and get back to you.",
    },
    {
      text: 'If that fails, please call our billing team at 555-0100.',
      errors: [{ messageId: 'transfer', range: [15, 43] }],
      output: "If that fails, I'll contact our billing team for you and get back to you.",
    },
    {
      text: 'Thanks, Ana. Contact your bank about the hold.',
      errors: [{ messageId: 'transfer', range: [13, 30] }],
      output: "Thanks, Ana. I'll contact your bank for you and get back to you.",
    },
    {
      text: 'I would request you to contact the concerned department for this.',
      errors: [{ messageId: 'transfer', range: [0, 55] }],
      output: "I'll contact the concerned department for you and get back to you.",
    },
    {
      text: 'Hi there! This one is for our account specialists, so the best next step is to get in touch with our Account Support team: https://example.com/support',
      errors: [{ messageId: 'transfer', range: [54, 121] }],
      output: "Hi there! This one is for our account specialists, so I'll contact our Account Support team for you and get back to you",
    },
    {
      text: 'Due to our agreement with your provider, you will need to contact Northwind Mobile for a fix.',
      errors: [{ messageId: 'transfer', range: [41, 82] }],
      output: "Due to our agreement with your provider, I'll contact Northwind Mobile for you and get back to you.",
    },
    {
      text: 'Since the subscription was billed by the app store, you can request a refund from Contoso Pay.',
      errors: [{ messageId: 'transfer', range: [52, 93] }],
      output: "Since the subscription was billed by the app store, I'll contact Contoso Pay for you and get back to you.",
    },
    {
      text: 'Please reach out to @ContosoBilling about invoices.',
      errors: [{ messageId: 'transfer', range: [0, 35] }],
      output: "I'll contact @ContosoBilling for you and get back to you.",
    },
    { text: 'Unfortunately you will want to reach out to the manufacturer for warranty repairs.', errors: [{ messageId: 'transfer' }] },
    { text: "We'd recommend getting in touch with our live support team so they can take a closer look.", errors: [{ messageId: 'transfer' }] },
    { text: 'Our returns team will be able to help: https://example.com/returns', errors: [{ messageId: 'transfer' }] },
    // transfers
    {
      text: 'Let me transfer you to our returns team.',
      errors: [{ messageId: 'transfer', range: [0, 39] }],
      output: "I'll speak to our returns team myself and get back to you.",
    },
    {
      text: "Let's get you in touch with our billing team.",
      errors: [{ messageId: 'transfer', range: [0, 44] }],
      output: "I'll speak to our billing team myself and get back to you.",
    },
    // another channel of this company
    {
      text: 'Please write to help@example.com or call us on 0800 123 4567 and we will sort it out.',
      errors: [{ messageId: 'transfer', range: [0, 32] }],
      output: "Send me the details here and I'll take it from there.",
    },
    {
      text: '@maria_k Please send us an email at https://help.example.com/requests/new and we will assist. ^RT',
      errors: [{ messageId: 'transfer', range: [9, 32] }],
      output: "@maria_k Send me the details here and I'll take it from there. ^RT",
    },
    {
      text: "Hi Joe, sorry about the login trouble. If those steps don't fix it, chat with us here: https://help.example.com/contact",
      errors: [{ messageId: 'transfer', range: [68, 80] }],
      output: "Hi Joe, sorry about the login trouble. If those steps don't fix it, send me the details here and I'll take it from there",
    },
    {
      text: 'For mortgage questions, please call 1-800-555-0188.',
      errors: [{ messageId: 'transfer', range: [24, 50] }],
      output: "For mortgage questions, send me the details here and I'll take it from there.",
    },
    {
      text: 'Please select the chat button in the lower-right corner of the page.',
      errors: [{ messageId: 'transfer', range: [0, 29] }],
      output: "Send me the details here and I'll take it from there.",
    },
    // a help site, with the help as its purpose; the sign-off stays
    {
      text: '@dev_sam For technical help, please visit our Help site https://help.example.com ^KL',
      errors: [{ messageId: 'transfer', range: [29, 41] }],
      output: "@dev_sam For technical help, send me the details here and I'll take it from there ^KL",
    },
    // forms, feedback tools, appeals, forums: flagged without a fix (no party to take over)
    { text: 'Great idea! If you submit it as a feature request here, our product team can review it: https://example.com/ideas', errors: [{ messageId: 'transfer', range: [12, 49] }], output: 'Great idea! If you submit it as a feature request here, our product team can review it: https://example.com/ideas' },
    { text: 'Hmm, send us a feedback report using these steps: https://example.com/feedback', errors: [{ messageId: 'transfer', range: [5, 30] }] },
    { text: 'If you think the strike was a mistake, you can appeal.', errors: [{ messageId: 'transfer', range: [39, 53] }] },
    { text: 'Please raise a ticket with our IT service desk.', errors: [{ messageId: 'transfer' }] },
    { text: 'Please post this in our community forum so other users can help.', errors: [{ messageId: 'transfer' }] },
    // "can't help here" with the route elsewhere
    {
      text: 'We cannot assist with travel bookings over social media.',
      errors: [{ messageId: 'transfer', range: [0, 55] }],
      output: 'Let me find out who can help and get back to you.',
    },
    { text: "I can't help with that, try the community forum.", errors: [{ messageId: 'transfer', range: [0, 22] }, { messageId: 'transfer', range: [24, 47] }] },
    // a second hand-off in the same reply: "get back to you" is promised once
    {
      text: "Let's get you in touch with our billing team. Reach them here: https://example.com/billing",
      errors: [{ messageId: 'transfer' }, { messageId: 'transfer' }],
      output: "I'll speak to our billing team myself and get back to you. I'll contact them for you",
    },
  ],
});
