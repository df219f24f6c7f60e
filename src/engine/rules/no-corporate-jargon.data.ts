import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Cold corporate boilerplate, each with plain words to say instead. More specific entries come first:
 * at one position the first entry that matches wins ("kindly be advised" before "kindly").
 */
export const CORPORATE_JARGON: PhraseEntry[] = [
  // Announcements
  {
    pattern: "(?:kindly|please) be (?:advised|informed|notified)(?: that)?",
    note: '"Please be advised" is how a letter from a bank starts, not how a person talks.',
    alternatives: ['just so you know,'],
  },
  {
    pattern: 'we regret to inform you(?: that)?',
    note: '"We regret to inform you" is the classic form-letter line; say it plainly and own it.',
    alternatives: ['unfortunately,'],
  },
  {
    pattern: 'this is to inform you(?: that)?|(?:i|we) (?:would like|wish) to inform you(?: that)?',
    note: 'Announcing that you are informing them adds distance; just tell them.',
    alternatives: ["I wanted to let you know that"],
  },
  // "As per"
  {
    pattern: 'as per your (?:request|instructions?|email|e-mail|message)',
    note: '"As per" is legal-letter English.',
    alternatives: ['as you asked'],
  },
  {
    pattern: 'as per|per our (?:records|policy|conversation|discussion|terms)',
    note: '"As per" is legal-letter English; "following" or "under" says the same in plain words.',
    alternatives: ['following'],
  },
  // Addressing the customer
  {
    pattern: 'dear (?:valued )?(?:customer|client|sir or madam|sir/madam)',
    note: 'A reply addressed to "Dear valued customer" tells them nobody read their name.',
    alternatives: ['Hi $NAME'],
  },
  {
    pattern: 'valued (?:customer|client|member)s?',
    note: '"Valued customer" is what companies say when they do not know who you are.',
    alternatives: ['customer'],
  },
  {
    pattern: "your (?:call|business|custom|feedback|patience|satisfaction) is (?:very )?(?:important|valuable) to us",
    note: 'Hold-music wording; show it instead of saying it.',
    alternatives: ["I'm glad you told us"],
  },
  // Requests in officialese
  {
    pattern: 'do the needful',
    note: '"Do the needful" is opaque to most readers.',
    alternatives: ['take care of this'],
  },
  {
    pattern: 'at your (?:earliest|soonest) (?:convenience|possible convenience)',
    note: '"At your earliest convenience" is stiff and, in a complaint, sounds like a demand.',
    alternatives: ['when you have a moment'],
  },
  {
    pattern: 'kindly(?= (?:send|provide|share|note|confirm|contact|revert|fill|check|let|advise|do|wait|allow|find|reach|reply|call|visit|update|click|ensure|accept|bear))',
    note: '"Kindly" as a request word reads as officialese; "please" is warmer.',
    alternatives: ['please'],
  },
  {
    pattern: '(?:please )?revert(?: back)? to (?:us|me)',
    note: '"Revert" for "reply" confuses many readers.',
    alternatives: ['please reply'],
  },
  {
    pattern: "(?:i|we)(?:'ll| will| shall) revert(?: back)?(?: to you)?",
    note: '"Revert" for "reply" confuses many readers.',
    alternatives: ["I'll get back to you"],
  },
  {
    pattern: 'please find (?:attached|enclosed)',
    note: 'Letter-writing formula; say what you did.',
    alternatives: ["I've attached"],
  },
  {
    pattern: 'for your (?:kind )?(?:reference|perusal|information|kind attention|records)',
    note: 'Filing-cabinet phrasing that adds nothing.',
    alternatives: ['so you have it'],
  },
  // Legalese
  {
    pattern: 'pursuant to|in accordance with our (?:policy|policies|terms)',
    note: 'Legalese makes the company sound like a contract, not a person.',
    alternatives: ['under our policy'],
  },
  {
    pattern: 'the aforementioned|herewith|hereby|the undersigned',
    note: 'Legalese has no place in a support reply.',
  },
  {
    pattern: "(?:please )?(?:do not|don't) hesitate to (?:contact|reach out to|get in touch with) (?:us|me)",
    note: 'A stock sign-off; an invitation in your own words sounds like you mean it.',
    alternatives: ['just reply here if you need anything'],
  },
  {
    pattern: 'should you (?:have|require) any (?:further )?(?:questions|queries|assistance|clarification)',
    note: '"Should you require any further assistance" is form-letter English.',
    alternatives: ['if you have any questions'],
  },
];
