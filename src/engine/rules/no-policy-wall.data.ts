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
];

/**
 * A way forward after a refusal: a contrast, an offer, ownership, or a question about what would help.
 * Verb-based on purpose: the bare noun "refund" in "we can't refund it" is the refusal, not an offer.
 */
export const ALTERNATIVE_CUES: PhraseEntry[] = [
  // Contrast: "…, but let me see"
  { pattern: 'but|however|although|instead|alternatively|that said|the good news|what i can do|here(?:\'s| is) what (?:i|we) can' },
  // Offers and ownership
  { pattern: "let me (?:see|check|find|look|try|ask|talk|speak|escalate|make|get|offer|arrange|send)" },
  { pattern: "(?:i|we)(?:'d| would)? (?:can|could|'d be happy to|would be happy to|am happy to|'m happy to|would like to|'d like to) (?:offer|send|give|arrange|replace|repair|refund|credit|extend|waive|exchange|upgrade|help|check|look|see|try|make|ask|escalate)" },
  { pattern: "(?:i|we)(?:'ll| will) (?:\\p{L}+ )?(?:offer|send|arrange|replace|repair|credit|extend|waive|exchange|upgrade|look|check|see|try|make|escalate|ask|contact|get|find)" },
  { pattern: "(?:i|we)(?:'ve| have) (?:\\p{L}+ )?(?:sent|arranged|issued|added|applied|credited|refunded|escalated|asked|extended|waived)" },
  { pattern: "(?:one|another|an|other) (?:option|alternative|thing (?:i|we) can do)|would you like|how about|what would (?:help|work)" },
  // Taking it to a channel where it can be solved ("we can't discuss accounts here; please DM us")
  { pattern: "(?:please )?(?:dm|message|e-?mail|contact|call) (?:us|me)|reply (?:here|to this)|let's (?:continue|take this)" },
];
