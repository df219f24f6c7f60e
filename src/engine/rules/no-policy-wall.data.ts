import type { PhraseEntry } from '../text/matcher.ts';

const REFRAME_RETURN = 'it looks like this is outside our return window, but let me see what I can do for you';

/*
 * Refusals that stop at the rule. Each counts only when neither its own sentence (after the phrase) nor the
 * next one offers a way forward (ALTERNATIVE_CUES). `tag: 'reframe'` entries replace the refusal with the
 * playbook's reframe (000: "outside of the return window, but let me see what I can do"); the others keep
 * the agent's facts and append the way forward.
 */
export const POLICY_WALLS: PhraseEntry[] = [
  // Too late
  {
    pattern: "(?:it(?:'s| is| was)|that(?:'s| is)|you(?:'re| are)) (?:now |already |simply |just )?too late (?:to|for) (?:a )?(?:return|refund|cancel|exchange|change|make changes|cancell?ation)(?: (?:it|this|that|the (?:product|item|order|purchase)|your (?:product|item|order|purchase)))?",
    tag: 'reframe',
    note: '"Too late to return" makes the rule the enemy; the reframe keeps the fact and makes you the ally.',
    alternatives: [REFRAME_RETURN],
  },
  {
    pattern: "(?:the|your|our) (?:return|refund|exchange|cancell?ation) (?:window|period) (?:has|had|is) (?:already )?(?:expired|ended|passed|closed|over)|(?:you(?:'re| are)|this is|it(?:'s| is)) (?:past|outside(?: of)?|beyond) (?:the|our) (?:return|refund|exchange|warranty|cancell?ation) (?:window|period)|(?:the|your) warranty (?:has|had) (?:expired|ended|run out)",
    tag: 'append',
    note: 'Stating that a window has closed, and stopping there, leaves the customer with nothing.',
  },
  // Policy as the reason
  {
    pattern: "(?:it(?:'s| is)|that(?:'s| is)|this is|that would be) (?:against|contrary to) (?:our|the|company) (?:polic(?:y|ies)|rules|terms)|(?:our|the|company) polic(?:y|ies) (?:doesn't|does not|don't|do not|won't|will not) (?:allow|permit|let)|(?:we(?:'re| are)|i(?:'m| am)) not (?:allowed|permitted) to (?:refund|return|exchange|cancel|change|accept|replace|offer|give|make|extend|waive)",
    tag: 'append',
    note: 'Hiding behind policy tells the customer the rule matters more than they do.',
  },
  // Flat refusals
  {
    pattern: "(?:we|i) (?:can't|cannot|can not|won't|will not|are unable to|am unable to|aren't able to) (?:do (?:that|this|anything(?: (?:about|for) (?:it|this|that))?)|offer (?:a |any |you a )?(?:refunds?|exchanges?|replacements?|compensation)|refund (?:you|it|this|that|the \\p{L}+)|accept (?:the |this |your )?returns?|process (?:a |the |this |your )?(?:refund|return|exchange)|give (?:you )?(?:a |any )?(?:refund|credit|discount))",
    tag: 'append',
    note: 'A bare "we can\'t" ends the conversation; say what you can do instead.',
  },
  {
    pattern: "(?:you(?:'re| are)|this is|it(?:'s| is)|your (?:order|item|purchase) is) not (?:eligible|entitled) (?:for|to) (?:a |any )?(?:refund|return|exchange|replacement|compensation|credit)",
    tag: 'append',
    note: '"Not eligible" closes the door; the customer needs to hear what is still possible.',
  },
  {
    pattern: "(?:that|this)(?:'s| is) (?:just |simply |unfortunately )?(?:not possible|impossible)(?! to)",
    tag: 'append',
    note: '"That\'s not possible" with nothing after it leaves the customer at a dead end.',
  },
  {
    pattern: "(?:that|this)(?:'s| is) not something (?:we|i) (?:can|are able to|am able to) do|(?:we|i) (?:don't|do not) (?:offer|do|give|provide) (?:refunds|exchanges|returns|replacements|compensation)",
    tag: 'append',
    note: 'A refusal with no way forward makes the company the enemy.',
  },
  // Inability, said as the answer: "we're unable to make exceptions", "we cannot assist with that here"
  {
    pattern: "(?:we|i)(?: currently| simply| unfortunately)?(?: can't| cannot| can not| are unable to| am unable to|'re unable to|'m unable to| aren't able to| are not able to|'re not able to|'m not able to| won't be able to| will not be able to) (?:currently )?(?:assist|help(?! but)|provide support|make (?:an |any )?exceptions?|reverse|reinstate|restore|release|override|guarantee|make any (?:promises|guarantees)|promise|expedite|speed up|approve|waive|extend|transfer (?:it|this|the|your)|unlock|reactivate|re-?enable|change (?:it|this|that|the|your)|cancel (?:it|this|that|the|your))",
    tag: 'append',
    note: '"We\'re unable to…" answers with what you cannot do; the customer came for what you can.',
  },
  {
    pattern: "all (?:we|i) (?:can|could) do (?:\\p{L}+ ){0,3}?is",
    tag: 'append',
    note: '"All we can do is…" presents the minimum as the ceiling; say it as an option and look for another.',
  },
  // Not available, not offered, no information
  {
    pattern: "(?:feature|option|functionality|ability|capability|setting|content|title|show|season|episode|movie|film|product|item)(?: [\\p{L}\\p{N}-]+){0,6}? (?:is|are) (?:currently |temporarily |still )?(?:not (?:currently |yet )?(?:available|supported|possible|offered)|unavailable|unsupported)",
    tag: 'append',
    note: '"That feature isn\'t available" is a dead end unless you say what they can do instead.',
  },
  {
    pattern: "(?:we|i|our team)(?: currently| still)? (?:don't|do not|doesn't|does not) (?:currently |yet )?(?:have|offer|support|provide|carry) (?:that|this|the|a|an|any)? ?(?:feature|option|functionality|ability|capability|streaming rights|rights|setting)",
    tag: 'append',
    note: '"We don\'t have that feature" with nothing after it leaves the customer where they started.',
  },
  {
    pattern: "(?:we|i|our team)(?: currently)? (?:don't|do not|doesn't|does not) have any (?:additional |further |more |new |other )?(?:info|information|details|updates?|timelines?|timeframes?|eta)(?: (?:or|and) (?:\\p{L}+ )?(?:info|information|details|updates?|timelines?|timeframes?|eta))? to share",
    tag: 'append',
    note: '"No additional info to share" closes the thread; say what you will do and when you will be back.',
  },
  // Rules and requirements stated as the answer
  {
    pattern: "you(?:'re| are) (?:only )?required to|you(?:'re| are) only (?:allowed|permitted|able) to",
    tag: 'append',
    note: 'Answering with the customer\'s obligations makes the rule the enemy; add what you can do within it.',
  },
  {
    pattern: "(?:the )?minimum (?:system )?requirements? (?:for|is|are)|(?:one of the|the) requirements? (?:for|to)(?= )",
    tag: 'append',
    note: 'A requirement, stated and left there, is a refusal; say what they can do instead.',
  },
  {
    pattern: "(?:is|are) only (?:available|offered|supported|open|possible) (?:to|for|in|on|with|through)",
    tag: 'append',
    note: '"Only available to…" tells the customer they are on the wrong side of the line; say what is open to them.',
  },
  {
    pattern: "non-?refundable|not refundable",
    tag: 'append',
    note: '"Non-refundable" answers a request for money back with a rule; reframe it and say what you can do.',
  },
  {
    pattern: "please wait (?:[\\p{L}\\p{N}]+ ){0,3}?(?:days?|hours?|weeks?)(?: [\\p{L}\\p{N}]+){0,6}? before (?:contacting|reaching out|getting in touch|messaging|writing)",
    tag: 'append',
    note: 'Asking the customer to wait before they may even contact you puts the rule ahead of their problem.',
  },
  {
    pattern: "(?:is|are|was|were)(?:n't| not) (?:administered|managed|handled|controlled|processed|operated|billed|sold) by us",
    tag: 'append',
    note: '"Not handled by us" is a refusal with a shrug; say who can do it and how you will help them get there.',
  },
];

/**
 * A way forward after a refusal: an offer, ownership, an alternative the customer can take, or a question
 * about what would help. Verb-based on purpose: the bare noun "refund" in "we can't refund it" is the refusal,
 * not an offer. A contrast word alone is not a way forward (labelling guide: "we don't have the rights, but
 * we'll pass it on" is still a wall, and so are a feedback form and a generic link), nor is generic help
 * ("we'd be happy to help").
 */
export const ALTERNATIVE_CUES: PhraseEntry[] = [
  // A way round, announced: "…, but let me see", "here's what I can do", "the good news"
  { pattern: "instead|alternatively|what i can do|here(?:'s| is) what (?:i|we) can|the good news|(?:but|however|though),? (?:you can still|(?:i|we) (?:can|could)(?! not)|there(?:'s| is) (?:a|another) way)|in the meantime,? you can" },
  // Another way to the same goal: "you may also be interested in…", "the network makes it available to…"
  { pattern: "(?:you|they) (?:may|might|could) also (?:be interested in|try|want to try|check out|use)|(?:makes?|made) (?:it|them|this|that|\\p{L}+) available|(?:is|are) (?:also|still) available (?:on|with|through|via|to|in|from)" },
  // Offers and ownership
  { pattern: "let me (?:see|check|find|look|try|ask|talk|speak|escalate|make|get|offer|arrange|send)" },
  { pattern: "(?:i|we)(?:'d| would)? (?:can|could|'d be happy to|would be happy to|am happy to|'m happy to|would like to|'d like to|'d love to|would love to) (?:offer|send|give|arrange|replace|repair|refund|credit|extend|waive|exchange|upgrade|check|look|escalate|make an exception|take a (?:closer )?look)" },
  { pattern: "(?:i|we)(?:'ll| will) (?:\\p{L}+ )?(?:offer|send|arrange|replace|repair|credit|extend|waive|exchange|upgrade|look|check|try|make|escalate|contact|get|find|reach out)" },
  { pattern: "(?:i|we)(?:'ve| have) (?:\\p{L}+ )?(?:sent|arranged|issued|added|applied|credited|refunded|escalated|asked|extended|waived)" },
  { pattern: "(?:one|another|an|other) (?:option|alternative|thing (?:i|we) can do)|would you like|how about|what would (?:help|work)" },
  // Taking it to a channel where this team can solve it ("we can't discuss accounts here; please DM us")
  { pattern: "(?:please )?(?:dm|message|e-?mail|contact|call) (?:us|me)|send us a (?:dm|direct message|private message)|reply (?:here|to this)|let's (?:continue|take this)" },
  // A hand-off to a team that can act (the guide labels that `transfer`, not a wall): "please call 1-800…",
  // "contact our account team", "you would need to visit … and click Contact us". An informational link
  // ("visit … for information") is not one; the rule checks the rest of the sentence (`tag: 'handoff'`).
  {
    pattern: "(?:please|you(?:'ll| will| would)? need to|you (?:can|may|should)|(?:i|we)(?:'d)? (?:recommend|suggest)(?: that you)?|feel free to) (?:call|phone|contact|reach out to|reach|get in touch with|chat with|message|visit|submit|open|file|raise|speak (?:with|to)|talk (?:with|to)|ask (?:to speak|for))",
    tag: 'handoff',
  },
];
