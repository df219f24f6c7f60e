import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Ways of telling the customer they are wrong or at fault. Verb lists are closed on purpose: "you should
 * have received an e-mail" and "you must have been so frustrated" are good replies and must not match.
 * Alternatives replace the whole clause ("You're wrong about the fee" → "I can see why it looked that way").
 */
export const TELLING_WRONG: PhraseEntry[] = [
  // Flat correction
  {
    pattern: "you(?:'re| are) (?:simply |just |completely |totally |quite )?(?:wrong|mistaken|incorrect)",
    note: 'Telling a customer they are wrong puts them on the defensive and starts an argument you cannot win.',
    alternatives: ['I can see why it looked that way'],
  },
  {
    pattern: "you(?:'ve| have) (?:misunderstood|misread|got (?:it|this|that) wrong)|you (?:misunderstood|misread)",
    note: 'Saying they misunderstood makes the confusion their fault; explaining it again clearly does not.',
    alternatives: ['I may not have explained this clearly'],
  },
  {
    pattern: "you (?:clearly |obviously )?(?:don't|do not|didn't|did not) (?:seem to )?understand",
    note: 'Telling someone they do not understand is a put-down; explain it again instead.',
    alternatives: ['let me explain this better'],
  },
  // Hindsight: what the customer should have done
  {
    pattern: "you should(?:'ve| have) (?:read|checked|called|contacted|told|asked|known|noticed|looked|followed|kept|ordered|done|cancel+ed|returned|reported|waited|taken|clicked|updated|selected|chosen|entered|double-checked)",
    note: '"You should have…" tells the customer the problem is their fault; the playbook fixes the problem, not the customer.',
  },
  {
    pattern: "you (?:must|might|may) have (?:misread|misunderstood|missed|forgotten|entered|typed|clicked|selected|chosen|made a mistake|done something wrong|deleted|ignored|overlooked|skipped|mistyped)",
    note: 'Guessing at the customer\'s mistake reads as an accusation.',
  },
  {
    pattern: "you (?:didn't|did not|failed to|neglected to|forgot to) (?:read|check|follow|notice|look at)",
    note: 'Pointing out what the customer failed to read or check blames them for the problem.',
  },
  {
    pattern: "(?:as|like) you (?:should|ought to) (?:know|have known|be aware)",
    note: 'Implies the customer ought to have known better.',
  },
  // Fault
  {
    pattern: "(?:that|this|it)(?:'s| is| was) (?:entirely |completely |all |totally )?your (?:own )?(?:fault|mistake|error)|(?:that|this|it)(?:'s| is| was) on you",
    note: 'Assigning fault to the customer never calms them down; the playbook apologizes even when they are at fault (P4, P7).',
    alternatives: ["let's get this sorted out together"],
  },
  {
    pattern: 'you made (?:a|an|the) (?:mistake|error)',
    note: 'Naming the customer\'s mistake assigns fault; focus on what happens next.',
    alternatives: ['something went wrong'],
  },
];
