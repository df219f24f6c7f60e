import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Know-it-all and no-negotiation tone. Entries tagged `absolute` are excused when the sentence goes on to
 * offer a way round them ("we don't make exceptions, but I'll make one for you" lets a rule feel bent).
 */
export const KNOW_IT_ALL: PhraseEntry[] = [
  // Condescension
  {
    pattern: 'obviously',
    note: '"Obviously" tells the customer they should have seen it themselves.',
  },
  {
    pattern: "(?:clearly you|you (?:clearly|obviously)) (?:didn't|did not|don't|do not|haven't|have not|weren't|aren't|missed|misread|misunderstood|overlooked|need|have to|should|forgot|ignored|skipped)|as (?:you can )?clearly (?:see|stated)|(?:is|are|was|were) clearly (?:stated|explained|written|listed|marked|shown)|clearly (?:states|says)",
    note: 'Pointing out that something was clear implies the customer missed the obvious.',
  },
  // Repeating yourself, with an edge
  {
    pattern: "(?:(?:as|like) (?:i|we)(?:'ve| have)? (?:already |previously |just )?(?:said|stated|explained|told you|pointed out|informed you|advised)|as (?:i|we)(?:'ve| have)? (?:already|previously) (?:mentioned|noted))(?: (?:in|on) (?:my|our) (?:last|previous|earlier) (?:e-?mail|message|reply|response|call))?",
    note: '"As I already said" scolds the customer for not listening; just say it again, more clearly.',
    alternatives: ['to recap'],
  },
  {
    pattern: "(?:as (?:previously |already )?stated|as (?:previously|already) (?:mentioned|explained|advised))(?: (?:in|on) (?:my|our) (?:last|previous|earlier) (?:e-?mail|message|reply|response|call))?",
    note: '"As previously stated" is the written form of a sigh.',
    alternatives: ['to recap'],
    tag: 'citation',
  },
  {
    // pointing back at an earlier post: "as we shared in our last post", "as mentioned in my previous reply"
    pattern: "as (?:(?:i|we)(?:'ve| have)? )?(?:already |previously |just )?(?:shared|mentioned|noted|said|stated|explained|advised|responded|replied|told you|informed you|pointed out) (?:in|on) (?:my|our|the) (?:last|previous|earlier|prior|above) (?:post|tweet|reply|message|response|e-?mail|comment|dm|answer)",
    note: '"As we shared in our last post" tells the customer they should have read it; say it again, more clearly.',
    alternatives: ['to recap'],
  },
  {
    pattern: "(?:i|we)(?:'ve| have) already (?:told|explained|said|answered)|for the (?:last|second|third|final) time",
    note: 'Reminding the customer that you have repeated yourself puts the blame for the confusion on them.',
  },
  // No negotiation
  {
    pattern: "(?:there(?:'s| is) )?nothing (?:more |else )?(?:(?:we|i) can do|(?:we|i) can offer|to be done)",
    note: '"Nothing we can do" ends the conversation; there is almost always a next step to offer.',
    alternatives: ['let me see what I can do'],
    tag: 'absolute',
  },
  {
    pattern: "no exceptions|without exception|(?:we|i) (?:don't|do not|can't|cannot|can not|won't|will not|never) make (?:any )?exceptions",
    note: 'Refusing all exceptions signals that the customer\'s situation does not matter; let them feel the rule can bend.',
    tag: 'absolute',
  },
  {
    pattern: "(?:the|this|that|our|my) (?:decision|answer|policy) is final|end of (?:story|discussion)|take it or leave it",
    note: 'Closing the discussion leaves the customer nowhere to go but a complaint or a competitor.',
    tag: 'absolute',
  },
  {
    pattern: "it is what it is|(?:that's|that is|this is|it's|it is) (?:just |simply )?(?:how|the way) (?:it is|it works|things are)|rules are rules|policy is policy|those are the rules",
    note: 'Shrugging at the rules tells the customer you will not try.',
    alternatives: ["here's what I can do"],
    tag: 'absolute',
  },
];
