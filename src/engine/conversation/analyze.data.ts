import type { PhraseEntry } from '../text/matcher.ts';

/**
 * The customer accepting what was offered: the conversation moves to "agree", and the next reply should
 * summarize the resolution and promise a follow-up (P16, P17). Only read from a customer turn that follows
 * an offer and is not upset, so "ok, but where is my refund?!" does not count.
 */
export const AGREEMENT: PhraseEntry[] = [
  // Outright yes
  { pattern: "(?:yes|yeah|yep|ok|okay|sure|alright|all right)(?: please| that(?:'?s| is| would be) (?:fine|great|good|perfect|ok|okay))?(?=[\\s,.!]|$)" },
  { pattern: "(?:that|this|it)(?:'?s| is| would be|'?d be| sounds| works)(?: (?:absolutely|totally|perfectly|really))? (?:fine|great|good|perfect|ok|okay|fair|acceptable|works|reasonable|brilliant|wonderful|lovely|amazing)(?: (?:for|with) me)?" },
  { pattern: "(?:sounds|works for me|that works|deal|perfect|great|brilliant|lovely|wonderful|fair enough|much appreciated|i accept|i'?ll take (?:it|that|the \\w+)|let'?s do (?:it|that)|go ahead|please do|do that|i'?m happy with (?:that|this)|happy with that)" },
  // Thanks for the solution
  { pattern: "(?:thanks?|thank you)(?: (?:so|very) much)?(?: for (?:your|the) (?:help|understanding|offer|quick (?:reply|response)|sorting (?:this|it)|fixing (?:this|it)))?" },
];

/**
 * The agent saying no: counted across the conversation and passed to the coach as `refusals`, so that after
 * two refusals it suggests the "if you ran our business, what would you do?" question (P12, seed 002).
 */
export const REFUSAL: PhraseEntry[] = [
  { pattern: "(?:i|we)(?:'?m| am|'re| are)? (?:unable|not able) to|(?:i|we) (?:can'?t|cannot|can not|won'?t be able to)" },
  { pattern: "(?:unfortunately|regrettably|sadly),? (?:that(?:'?s| is)|this is|it(?:'?s| is)|we|i)" },
  { pattern: "(?:there(?:'?s| is)) nothing (?:more )?(?:i|we) can do|no exceptions|not (?:possible|eligible|covered)|(?:outside|past) (?:the|our) (?:return|refund|warranty) (?:window|period)|against (?:our|company) policy|(?:our|the) policy (?:does not|doesn'?t|won'?t) (?:allow|permit|cover)" },
];
