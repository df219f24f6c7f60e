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
    // Wording of other industries (the team's variant set, data/labels/reply-variants.jsonl): the agent or the
    // other team does the work, an outside party's step is explained while the agent acts, no channel is named
    "I've contacted the store and they'll refund the second charge to your card today.",
    "Your bank will need to release the pending charge, but I've already cancelled it on our side.",
    'Our developers are available around the clock and are already working on a fix.',
    "I've asked our fraud team to call you within the hour; they can help you over the phone then.",
    'Send us a DM and our team can help you via DM.',
    'Customer requests are processed by our finance team, who will email you tomorrow.',
    'The courier will need to collect the damaged one, and they will call you to book a time.',
    'Our billing team will need to approve the refund, which I have requested today.',
    // news of who handles it with no way to reach them, a fastest way with nobody to reach, a button that reaches nobody,
    // the agent's own "I'd…"
    'Refunds are processed by our finance team within 5 days.',
    'Paying by card is the fastest way.',
    "Tap the 'Pay now' button to finish your order.",
    "I'd be happy to look into this for you.",
    // a how-to answered: navigation, a self-service code, a form of payment, a portal the customer asked about
    'The quickest way is via the app: go to Settings > Statements.',
    'You can use a different form of payment if you like.',
    { text: 'Dial 121 from your phone, then follow the prompts to set a new PIN.', context: { customerMessage: 'How do I reset my voicemail PIN?' } },
    { text: 'You can do that via our customer portal under Users > Invite.', context: { customerMessage: 'How do I add a new user to our plan?' } },
    // the channel the customer asked about, or the route they said they want
    { text: 'Yes, you can pay through our automated payment line on 0800 123 4567.', context: { customerMessage: 'Can I pay my bill over the phone?' } },
    { text: 'You can appeal online within 28 days at https://example.com/appeal', context: { customerMessage: 'I want to appeal my parking fine, how do I do it?' } },
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
    { text: 'Great idea! If you submit it as a feature request here, our product team can review it: https://example.com/ideas', errors: [{ messageId: 'transfer', range: [12, 49] }], output: "Great idea! I'll pass this on to the team myself and let you know what they say." },
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
    // Wording of other industries (the team's variant set, data/labels/reply-variants.jsonl)
    // …leads: "your best bet is", "you'd be best to", "it'd be worth", "you are entitled to", "the best way … is"
    {
      text: 'Your best bet is to speak with a colleague in branch.',
      errors: [{ messageId: 'transfer', range: [0, 42] }],
      output: "I'll contact a colleague for you and get back to you.",
    },
    {
      text: "You'd be best to give the Pensions team a ring on 0800 111 2222.",
      errors: [{ messageId: 'transfer', range: [0, 46] }],
      output: "I'll contact the Pensions team for you and get back to you.",
    },
    {
      text: "It'd be worth giving our returns line a call.",
      errors: [{ messageId: 'transfer', range: [0, 44] }],
      output: "I'll contact our returns line for you and get back to you.",
    },
    {
      text: 'If you disagree, you are entitled to refer your complaint to the Financial Ombudsman Service.',
      errors: [{ messageId: 'transfer', range: [17, 92] }],
      output: "If you disagree, I'll contact the Financial Ombudsman Service for you and get back to you.",
    },
    { text: 'The best way to get this in front of our developers is through the Feedback option under Settings.', errors: [{ messageId: 'transfer', range: [4, 62] }] },
    // …verbs: take it up with, report it at a desk, direct your query to, drop them an e-mail, pop back into the store, DM a handle
    {
      text: "You'll need to take this up with them directly.",
      errors: [{ messageId: 'transfer', range: [0, 37] }],
      output: "I'll contact them for you and get back to you.",
    },
    {
      text: 'Please report it at the baggage services desk before you leave.',
      errors: [{ messageId: 'transfer', range: [0, 45] }],
      output: "I'll contact the baggage services desk for you and get back to you.",
    },
    {
      text: 'Please direct your query to the visa application centre.',
      errors: [{ messageId: 'transfer', range: [0, 55] }],
      output: "I'll contact the visa application centre for you and get back to you.",
    },
    {
      text: "I'd suggest dropping our orders team an email at orders@example.com.",
      errors: [{ messageId: 'transfer', range: [0, 45] }],
      output: "I'll contact our orders team for you and get back to you.",
    },
    { text: 'Your best bet is to pop back into the store with your receipt.', errors: [{ messageId: 'transfer', range: [0, 43] }] },
    { text: 'DM @AcmeBilling and they will sort it.', errors: [{ messageId: 'transfer', range: [0, 15] }] },
    // …a named team with no team word, a phone number of any length
    {
      text: 'Please get in touch with our Customer Hub and attach a photo.',
      errors: [{ messageId: 'transfer', range: [0, 41] }],
      output: "I'll contact our Customer Hub for you and get back to you.",
    },
    { text: 'Please call 105 for the latest on outages in your area.', errors: [{ messageId: 'transfer', range: [0, 15] }] },
    // …the other team offered as a statement: available on chat, a call away, can help (after a possessive), the best contact
    { text: 'Our eSIM specialists are available 24/7 on live chat at https://example.com/chat', errors: [{ messageId: 'transfer', range: [0, 34] }] },
    { text: 'Our billing experts are just a call away at 611.', errors: [{ messageId: 'transfer', range: [0, 40] }] },
    { text: "That one is for the handset maker: Acme's support can help with software issues at https://example.com/support", errors: [{ messageId: 'transfer', range: [42, 58] }] },
    { text: 'Your first port of call should be our bookings team.', errors: [{ messageId: 'transfer', range: [5, 51] }] },
    { text: 'Customs holds are handled locally, and the customs office is the best contact for this.', errors: [{ messageId: 'transfer', range: [51, 81] }] },
    { text: "Codes bought in shops come from the retailer, so they'd be the ones to speak to about a replacement.", errors: [{ messageId: 'transfer', range: [49, 76] }] },
    { text: 'Your IT admin will need to check the settings on their end.', errors: [{ messageId: 'transfer', range: [5, 26] }] },
    // …passive hand-offs and a channel after the customer's own verb (no fix: there is no clause to take over)
    { text: 'Refund requests can only be submitted via the online form on our website.', errors: [{ messageId: 'transfer', range: [28, 57] }] },
    { text: 'Any seat changes need to go through your reseller.', errors: [{ messageId: 'transfer', range: [25, 49] }] },
    { text: 'Invoice amendments are done through the billing portal.', errors: [{ messageId: 'transfer', range: [23, 54] }] },
    { text: "You'll be able to unblock it through our 24/7 emergency line.", errors: [{ messageId: 'transfer', range: [0, 60] }] },
    // …idiom: a bell, a shout, "I'd pop them a message", "whoever you bought from", "it's best to go through the airline"
    {
      text: "Give our tech team a bell on 202 and they'll run a line check for you.",
      errors: [{ messageId: 'transfer', range: [0, 25] }],
      output: "I'll contact our tech team for you and get back to you.",
    },
    {
      text: "You'll need to raise it with whoever you bought from.",
      errors: [{ messageId: 'transfer', range: [0, 52] }],
      output: "I'll contact the seller for you and get back to you.",
    },
    {
      text: "Console errors are for the platform's own support, so I'd pop them a message.",
      errors: [{ messageId: 'transfer', range: [54, 76] }],
      output: "Console errors are for the platform's own support, so I'll contact them for you and get back to you.",
    },
    { text: 'You need to visit your home branch with your ID.', errors: [{ messageId: 'transfer', range: [0, 34] }] },
    { text: "For anything booking-related it's best to go directly through the airline.", errors: [{ messageId: 'transfer', range: [29, 73] }] },
    {
      text: "I can't do anything about meter faults in chat.",
      errors: [{ messageId: 'transfer', range: [0, 46] }],
      output: 'Let me find out who can help and get back to you.',
    },
    // …who handles it, with their number; the fastest route to them; where it is best raised; a ticket of any kind
    { text: 'Claims for water damage are looked after by our Home Claims line, open 8 to 8 on 0800 000 1111.', errors: [{ messageId: 'transfer', range: [28, 64] }] },
    { text: 'Payment issues can only be sorted by our billing crew, so a message to them via the Help Center is the fastest route.', errors: [{ messageId: 'transfer', range: [103, 116] }] },
    { text: 'Requests like this are best raised on our Ideas board.', errors: [{ messageId: 'transfer', range: [19, 53] }] },
    { text: 'SSO issues sit with our Enterprise Support desk, which you can reach by raising a P1 request in the admin console.', errors: [{ messageId: 'transfer', range: [69, 92] }] },
    { text: "Hit the 'Report a hacked account' button on the support site.", errors: [{ messageId: 'transfer', range: [0, 40] }] },
    { text: "I'll pop a link below to our Contact page.", errors: [{ messageId: 'transfer', range: [11, 41] }] },
    // …forms, reviews, forums and contact pages
    {
      text: 'Please complete our claims form and attach photos.',
      errors: [{ messageId: 'transfer', range: [0, 31] }],
      output: "Send me the details here and I'll take it from there.",
    },
    { text: 'If you think we got it wrong, you can request a review from the Account Quality page.', errors: [{ messageId: 'transfer', range: [30, 54] }] },
    { text: 'You might find an answer faster in our Community forum.', errors: [{ messageId: 'transfer', range: [0, 54] }] },
    { text: 'Please refer to our Contact Us page for the right number to call.', errors: [{ messageId: 'transfer', range: [0, 35] }] },
    // a second hand-off in the same reply: "get back to you" is promised once
    {
      text: "Let's get you in touch with our billing team. Reach them here: https://example.com/billing",
      errors: [{ messageId: 'transfer' }, { messageId: 'transfer' }],
      // a second own step ("I'll contact them for you") is not offered: the hand-off sentence is removed instead
      output: "I'll speak to our billing team myself and get back to you.",
    },
  ],
});
