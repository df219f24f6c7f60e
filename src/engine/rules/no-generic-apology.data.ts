import type { PhraseEntry } from '../text/matcher.ts';

const INTENSIFIER = '(?:so|very|really|truly|terribly|deeply|sincerely|extremely|incredibly|awfully|genuinely|super|do)';
const INTENSIFIERS = `(?:${INTENSIFIER} )?(?:${INTENSIFIER} )?`;

/**
 * Apologies in any wording (`tag`: who speaks, `i`, `we` or `none`). Whether one is generic depends on what
 * follows it (the patterns below) and on the customer having reported a concrete problem. Seeds 003 and 004
 * offer "I apologize for any inconvenience" as good practice, 001 asks for the actual issue; Defuse makes it a
 * suggestion, and only when the customer said what went wrong (PLAYBOOK.md).
 */
export const APOLOGIES: PhraseEntry[] = [
  // First person singular
  { pattern: `i ${INTENSIFIERS}apologi[sz]e|(?:i'm|i am|im) ${INTENSIFIERS}sorry|my (?:sincere |sincerest |deepest |humble )?apologies`, tag: 'i' },
  // On behalf of the company
  { pattern: `we ${INTENSIFIERS}apologi[sz]e|(?:we're|we are) (?:all )?${INTENSIFIERS}sorry|our (?:sincere |sincerest |deepest |humble )?apologies|we (?:sincerely |deeply )?regret`, tag: 'we' },
  // Nobody named: "Sorry for the trouble!", "Apologies for any confusion"
  { pattern: `${INTENSIFIERS}sorry|(?:sincere |sincerest |deepest )?apologies`, tag: 'none' },
];

/** Vague things to apologize for: they fit any complaint, so they say nothing about this one. */
const VAGUE_NOUN = '(?:inconvenience|inconveniences|trouble|troubles|issues?|problems?|confusion|frustration|disappointment|annoyance|hassle|bother|difficulty|difficulties|disruption|stress|worry|mix-?up|mess|situation|circumstances|(?:poor |bad |negative |unpleasant |frustrating )?experience)';
const VAGUE_DETERMINER = '(?:any|the|all the|all of the|all this|all that|this|that|these|those|your)';
/** "…this (experience) may have caused (you)", "…you're having", "…or frustration": still nothing named. */
const CAUSED = "(?: (?:(?:this|that|it|the situation|this situation|this experience|this issue|this has|we)(?: experience)? )?(?:may |might |will |could )?(?:have |has )?(?:caused|created)(?: you)?)?";
const HAVING = "(?: (?:you(?:'re| are|'ve been| have been|'ve| have| may have| might have)|this (?:has|may have) caused you) (?:(?:still|currently|now) )?(?:having|experiencing|facing|had|experienced|faced|been having|been experiencing|dealing with|going through))?";
const AND_MORE = `(?:,? (?:or|and) (?:any |the )?${VAGUE_NOUN})?`;

/**
 * What follows the apology, when it names nothing (matched at the start of the text after the apology):
 * - nothing at all: "I'm sorry.", "Apologies!", "I'm sorry, but…"
 * - a pronoun: "sorry about that", "sorry to hear this", "we apologize for it"
 * - a vague noun: "for the inconvenience", "for any trouble you're having", "to hear about the trouble"
 * - a vague clause: "(to hear) you're having trouble", "(to see) this happened to you", "you feel that way"
 * `tag: 'pronoun'` marks the objects that point back ("that", "this happened"): after a clause in the same
 * sentence ("She told you to wait, and I'm sorry about that") they name it, and the rule lets them pass.
 * Each must end its clause: "sorry for the trouble with your sign-in" and "sorry you're having trouble
 * connecting" name the subject, and the rule checks that separately (NAMES_IT_AFTER).
 */
export const VAGUE_OBJECTS: PhraseEntry[] = [
  // the pronoun must end its clause: "sorry about this error" names the error
  { pattern: `(?:again )?(?:(?:to (?:hear|see|read|learn|know)(?: (?:about|of))?|about|for|over) )?(?:that|this|it|everything|all (?:this|that)|what(?:'s| has)? happened|what you(?:'ve| have)? (?:been through|went through|experienced))(?=\\s*(?:[,.!?…;:–—-]|$)|\\s+(?:and|but|so|as)(?![\\p{L}]))`, tag: 'pronoun' },
  { pattern: `(?:again )?(?:to (?:hear|see|read|learn) (?:about|of) |for |about |over |regarding )${VAGUE_DETERMINER} ${VAGUE_NOUN}${AND_MORE}${CAUSED}${HAVING}`, tag: 'noun' },
  // "we regret the inconvenience caused": the object without a preposition
  { pattern: `${VAGUE_DETERMINER} (?:inconvenience|inconveniences)${CAUSED}`, tag: 'noun' },
  { pattern: `(?:to (?:hear|see|read|learn|know)(?: that)? |that )?(?:you(?:'re| are|'ve been| have been| were|'ve| have| had)|you) (?:(?:still|currently|now|been) )?(?:having|experiencing|facing|running into|dealing with|going through|had|ran into|faced|experienced|encountered|hit) (?:(?:this|that|the|some|any|an|a|these|such|so much|such an?) )?(?:trouble|troubles|issues?|problems?|difficulty|difficulties|issue|problem|this|that|it|(?:bad |poor )?experience)`, tag: 'clause' },
  { pattern: `(?:to (?:hear|see|read|learn|know)(?: that)? |that )?(?:this|that|it)(?:'s| has| is| was)? (?:happened|happening|been happening)(?: (?:to you|again))?`, tag: 'pronoun' },
  { pattern: `(?:that )?you (?:feel|felt) (?:that way|this way|like that|frustrated|upset|disappointed)|(?:that |to hear |to see )?you(?:'re| are) (?:so |very )?(?:frustrated|upset|disappointed|unhappy)`, tag: 'clause' },
];

/**
 * After the vague words, what names the subject after all: "…for the inconvenience of the late delivery",
 * "…sorry you're having trouble connecting", "…for the trouble with your sign-in".
 */
export const NAMES_IT_AFTER = /^\s+(?:of|with|regarding|around|over|caused by|from|to your|due to|while|when|on|in|at|after|since|because|about|for|during|\p{L}+ing)(?![\p{L}])/iu;

