import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Transfer language: sending the customer somewhere else instead of doing the footwork. `tag` picks the
 * fix: `contact` and `transfer` reuse the party the draft names ("I'll contact our billing team for you
 * and get back to you"), `elsewhere` and `cantHelp` have no party to reuse.
 *
 * "Please contact us" and "DM us" keep the customer with you and never match; "I'll contact the courier
 * directly" is ownership and never matches, because every `contact` entry needs "you … need to",
 * "please", or a sentence-initial imperative in front of the verb.
 */

/** Who the customer gets sent to: a team, a department, a third party, or "them"; not a help page, not an address ("support@acme.com" is the company's own inbox). */
const PARTY = "(?:them|(?:(?:our|the|your|their|a|an|that|another|a different) )?(?:(?!(?:us|me|for|with|at|via|on|to|by|in|if|and|or|about|from|through|here|there|please)\\s)[\\p{L}-]+ ){0,3}(?:team|department|dept|desk|office|call cent(?:re|er)|hotline|support|specialists?|bank|provider|carrier|courier|manufacturer|seller|merchant|vendor|branch|company|agency|insurer|retailer|customer (?:service|care|support)|billing|sales|accounts|colleagues)(?![@.][\\p{L}])(?! (?:page|site|article|website|link|forum|portal|docs?|documentation|cent(?:re|er)|hub|app|form|section|community)(?![\\p{L}])))(?: directly)?";
const CONTACT = '(?:contact|call|phone|ring|e-?mail|message|dm|reach out to|get in touch with|speak (?:to|with)|talk to|visit|go to|write to)';

export const TRANSFER: PhraseEntry[] = [
  // "You'll need to contact…"
  {
    pattern: `you(?:'ll|'d| will| would| may| might)? (?:need|have|want) to ${CONTACT} ${PARTY}|you (?:should|must) ${CONTACT} ${PARTY}`,
    tag: 'contact',
    note: 'Sending the customer to another team makes them start over and tell the story again; take the details and do the footwork yourself (P10).',
  },
  // "Please call our billing team"
  {
    pattern: `please ${CONTACT} ${PARTY}`,
    tag: 'contact',
    note: 'Asking the customer to call another team is a transfer in writing; contact the team yourself and get back to them (P10).',
  },
  // "Contact your bank." at the start of a clause (checked by the rule)
  {
    pattern: `${CONTACT} ${PARTY}`,
    tag: 'imperative',
    note: 'Pointing the customer at another team passes the problem on; own it and report back (P10).',
  },
  // "Let me transfer you"
  {
    pattern: "(?:i(?:'ll| will)|let me|i(?:'m| am) going to|we(?:'ll| will)|i(?:'ve| have)) (?:transfer(?:red)?|redirect(?:ed)?|forward(?:ed)?|put|pass(?:ed)?) you (?:through |over |on )?to " + PARTY,
    tag: 'transfer',
    note: 'Every transfer raises the customer\'s frustration and risks a dropped call; speak to the other team yourself (P10).',
  },
  // "Not my department"
  {
    pattern: "not (?:my|our) (?:department|area|team|job|responsibility|problem|call|remit)|you(?:'ve| have) (?:reached|contacted|come to|called|got) the wrong (?:department|team|place|person|number|line)|(?:handled|dealt with) by (?:another|a different|the other) (?:team|department)",
    tag: 'elsewhere',
    note: '"Not my department" tells the customer their problem is nobody\'s; it is yours now that they brought it to you (P10).',
  },
  // "I can't help with that"
  {
    pattern: "(?:i|we) (?:can't|cannot|can not|(?:am|are) (?:not able|unable) to) (?:help|assist) (?:you )?with (?:that|this)(?: here)?|(?:i'm|i am|we're|we are) (?:not able|unable) to (?:help|assist) (?:you )?with (?:that|this)(?: here)?",
    tag: 'cantHelp',
    note: '"I can\'t help with that" leaves the customer on their own; find out who can and come back with the answer (P10).',
  },
];

/** The ownership wording that replaces each kind of transfer; `{who}` is the party the draft named. */
export const OWN_INSTEAD: Record<string, string> = {
  contact: "I'll contact {who} for you and get back to you",
  imperative: "I'll contact {who} for you and get back to you",
  transfer: "I'll speak to {who} myself and get back to you",
  elsewhere: "I'll find the right person and get back to you",
  cantHelp: "let me find out who can help and get back to you",
};
