import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Stock empathy: phrases so common in support scripts that customers hear them as a formula. The rule
 * lets one pass when the sentence goes on to name the specific trouble ("I understand your frustration
 * with the double charge"), which is what the playbook asks for.
 */
const SPECIFIC = "I can see why you're upset about $ISSUE";

export const SCRIPTED_EMPATHY: PhraseEntry[] = [
  // "I understand how you feel"
  {
    pattern: "(?:i|we) (?:completely |totally |fully |truly |really |can )?(?:understand|know|appreciate|imagine) (?:exactly |just )?how you (?:feel|must feel|are feeling)",
    note: '"I understand how you feel" is the textbook stock phrase; many customers hear it as insincere.',
    alternatives: [SPECIFIC],
  },
  {
    // "We appreciate your concern" thanks the customer for raising it; only "understand" is stock empathy
    pattern: "(?:i|we) (?:completely |totally |fully |truly |really |can )?understand your (?:frustration|concerns?|disappointment|annoyance|inconvenience)",
    note: '"We understand your frustration" says the words without showing you know what frustrated them.',
    alternatives: [SPECIFIC],
  },
  {
    pattern: "(?:i|we) (?:understand|appreciate|realize|realise) (?:that )?(?:this|it|that) (?:may|might|could) (?:be|have been|feel) (?:frustrating|inconvenient|upsetting|disappointing|annoying)",
    note: 'The hedge "may be frustrating" is a script tell; the customer already told you it is.',
    alternatives: [SPECIFIC],
  },
  {
    pattern: "(?:i|we) (?:completely |totally |fully |really |truly |can |do )?(?:get|see|understand|appreciate|hear|know) where you(?:'re| are) coming from",
    note: '"We get where you\'re coming from" is the stock preface to a no; say what you see in their situation.',
    alternatives: [SPECIFIC],
  },
  {
    pattern: "(?:i|we) (?:completely |totally |fully |truly |really |can |can only |do )?(?:know|understand|imagine|realize|realise|appreciate) (?:just )?how (?:very |really |incredibly )?(?:frustrating|annoying|upsetting|disappointing|inconvenient|stressful|difficult|hard|aggravating|confusing) (?:this|that|it)(?: (?:can|must|may|might|would|could|has|had))?(?: (?:be|have been|been|feel|is|was))?|(?:i|we) (?:completely |totally |fully |truly |really |do )?(?:understand|realize|realise|know) (?:that )?(?:this|it|that) (?:can|must|would|is|has been) (?:be )?(?:very |so |really |incredibly )?(?:frustrating|upsetting|annoying|disappointing|inconvenient|stressful)",
    note: '"I know how frustrating this can be" could be said to anyone about anything; name what is frustrating about this.',
    alternatives: [SPECIFIC],
  },
  {
    pattern: "(?:i|we) (?:completely |totally |fully |truly |really |can |do )?(?:hear|get|feel|share) (?:your|the) (?:frustration|concerns?|disappointment|annoyance)",
    note: '"I hear your frustration" names a feeling without what caused it.',
    alternatives: [SPECIFIC],
  },
  {
    pattern: "i feel your pain",
    note: 'A cliché that sounds flippant to an upset customer.',
    alternatives: [SPECIFIC],
  },
];
