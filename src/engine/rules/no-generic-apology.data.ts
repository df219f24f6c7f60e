import type { PhraseEntry } from '../text/matcher.ts';

/** "…any inconvenience this (experience) (may have) caused (you)": the generic object of the apology. */
const INCONVENIENCE = "(?:any|the|all the|all of the) (?:inconvenience|trouble|issues?|problems?|confusion|disruption|frustration)(?: (?:(?:this|that|it|the situation|this situation|this experience|this issue)(?: experience)? )?(?:may |might |will )?(?:have |has )?caused(?: you)?)?";

/**
 * Apologies whose object is generic. Seeds 003 and 004 offer this wording as good practice, 001 asks for
 * the actual issue; Defuse makes it a suggestion, and only when the issue is known (PLAYBOOK.md).
 */
export const GENERIC_APOLOGY: PhraseEntry[] = [
  // First person singular
  {
    pattern: `i (?:sincerely |truly |do )?apologi[sz]e for ${INCONVENIENCE}`,
    alternatives: ['I apologize for $ISSUE'],
  },
  {
    pattern: `(?:i'm|i am) (?:so |very |really |truly )?sorry for ${INCONVENIENCE}`,
    alternatives: ["I'm sorry about $ISSUE"],
  },
  // On behalf of the company
  {
    pattern: `we (?:sincerely |truly |do )?apologi[sz]e for ${INCONVENIENCE}|we(?:'re| are) (?:so |very |really |truly )?sorry for ${INCONVENIENCE}`,
    alternatives: ['we apologize for $ISSUE'],
  },
  {
    pattern: `(?:(?:my|our) (?:sincere |deepest )?apologies|(?:so |very )?sorry|we regret) (?:for )?${INCONVENIENCE}`,
    alternatives: ['I apologize for $ISSUE'],
  },
];
