import type { PhraseEntry } from '../text/matcher.ts';

/** Words that strengthen an apology without giving it content ("so sorry", "truly sorry"); at most two. */
const INTENSIFIER = '(?:so|very|really|truly|terribly|deeply|sincerely|extremely|incredibly|awfully|genuinely|super)';
const INTENSIFIERS = `(?:${INTENSIFIER} )?(?:${INTENSIFIER} )?`;

/**
 * Apologies worded with "sorry", by who apologizes (`tag`: `i`, `we`, or `none` for the interjection). The
 * rule reads what follows the match to tell a bare "I'm sorry." (a warning) from "sorry for the late reply"
 * (a suggestion: seed 001 asks for "I apologize for <the issue>" instead of "sorry" in every form).
 */
export const SORRY_FORMS: PhraseEntry[] = [
  // First person singular: "I'm so sorry", "I am truly sorry"
  {
    pattern: `(?:i'm|i am|im) ${INTENSIFIERS}sorry`,
    tag: 'i',
    note: 'Seed 001: a reflex "I\'m sorry" reads as insincere to many customers; "I apologize for <the issue>" shows you listened (P4).',
  },
  // On behalf of the company: "we're so sorry", "we are very sorry"
  {
    pattern: `(?:we're|we are|we were) (?:all )?${INTENSIFIERS}sorry`,
    tag: 'we',
    note: 'Seed 001: "we\'re sorry" is the most worn phrase in support; "we apologize for <the issue>" sounds meant (P4).',
  },
  // The interjection: "Sorry to hear that!", "so sorry about this"
  {
    pattern: `${INTENSIFIERS}sorry`,
    tag: 'none',
    note: 'Seed 001: a lone "sorry" is the lightest apology there is; "I apologize for <the issue>" takes it seriously (P4).',
  },
];

/*
 * What follows "sorry" decides the finding and its fix. Each is matched at the start of the text after the
 * match, in this order.
 */

/** Not an apology at all: pity ("feel sorry for"), "a sorry state", condolences ("sorry for your loss"). */
export const NOT_AN_APOLOGY_AFTER = /^\s+(?:state|excuse|sight|lot|for your loss|for the loss|(?:to (?:hear|learn|read) )?(?:about|of) (?:the |your )?(?:loss|passing)|to hear (?:that )?(?:your|about your|of your) (?:\p{L}+ ){0,2}(?:passed|died))(?![\p{L}])/iu;
export const NOT_AN_APOLOGY_BEFORE = /(?:^|[^\p{L}])(?:feel|feels|felt|feeling|be|being)\s*$/iu;

/**
 * A pronoun for an object: "sorry about that", "sorry to hear this!", "so sorry for it, Ana". As bare as
 * no object at all, so it stays a warning. The pronoun must end the clause ("sorry about that error" names it).
 */
export const PRONOUN_OBJECT = /^(\s+(?:again )?(?:(?:to (?:hear|see|read|know|learn)(?: (?:about|of))?|about|for|over) )?(?:that|this|it))(?=\s*(?:[,.!?…;:–—-]|$)|\s+(?:and|but|so|as)(?![\p{L}]))/iu;

/** A named object after a preposition: "sorry for the late reply", "sorry to hear about the trouble". */
export const NOUN_OBJECT = /^(\s+(?:again )?(?:to (?:hear|see|read|learn) (?:about|of)|for|about|over|regarding))\s+\S/iu;

/** A clause: "sorry you're having trouble", "sorry to hear that your order is late", "sorry the issue is back". */
export const CLAUSE_OBJECT = /^(\s+(?:to (?:hear|see|know|learn|read|find out|discover|notice)(?: that)?|that))?\s+(?=(?:you|you're|you've|your|we|we're|we've|our|it|it's|this|that|the|there|they|these|those|he|she|his|her|their|i|i've|my)(?![\p{L}]))/iu;

/**
 * The clause names something that went wrong, so "I apologize that <clause>" reads as an apology. Without
 * one ("sorry to hear you're leaving us") an apology would read oddly, and the rule offers no fix.
 */
export const SOMETHING_WRONG = /(?:n['’]t|(?:^|[^\p{L}])(?:not|never|no|unable|trouble|troubles|issues?|problems?|errors?|wrong|fail\p{L}*|broke|broken|damaged|late|delay\p{L}*|lost|miss\p{L}*|still|again|crash\p{L}*|stuck|charged|happen\p{L}*|difficult\p{L}*|hard time|frustrat\p{L}*|disappoint\p{L}*|inconvenien\p{L}*|wait\p{L}*|hold|down|outage|glitch\p{L}*|bug\p{L}*|locked|hacked|compromised|suspended|declined|cancell?ed))(?![\p{L}])/iu;
