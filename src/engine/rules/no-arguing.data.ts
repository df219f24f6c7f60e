import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Argument openers and flat contradictions. "Actually" alone is common and harmless ("we actually have a
 * faster option"), so it only counts as an opener ("Well, actually") or right before a contradiction
 * ("Actually, you agreed to…").
 */
export const ARGUING: PhraseEntry[] = [
  // "Actually" as a correction
  {
    pattern: '(?:well|no|um|erm),? actually',
    note: '"Well, actually" announces a correction; the customer hears that they are about to be proved wrong.',
  },
  {
    pattern: "actually,? (?:you(?:'re| are| were| did| didn't| have| had| agreed| signed| ordered| chose| selected| accepted)|(?:that|this|it)(?:'s| is| was) (?:not|incorrect|wrong|untrue|false|correct|right|normal|expected|standard|our policy)|(?:we|i) (?:did|never|didn't|did not)|our (?:records|system|logs) (?:show|say))",
    note: 'Opening with "actually" turns the reply into a rebuttal.',
  },
  // Flat contradiction
  {
    pattern: "(?:that|this|it)(?:'s| is| was) (?:simply |just )?(?:not (?:true|correct|accurate|the case|how it works|how this works|what happened)|untrue|incorrect|inaccurate|false)",
    note: 'Contradicting the customer\'s account makes them defend it; acknowledge how it looks from their side first.',
    alternatives: ['I can see how it looks from your side'],
  },
  {
    pattern: "(?:that|this|it) (?:never|did not|didn't) happen(?:ed)?",
    note: 'Denying the customer\'s experience is arguing with it.',
    alternatives: ['I want to understand exactly what happened'],
  },
  {
    pattern: "(?:that's|that is|this is) not what (?:i|we|the (?:agent|policy|terms|e-?mail)) (?:said|says|wrote|stated|promised)|(?:i|we) never (?:said|promised|told you) (?:that|this|it)",
    note: 'Disputing who said what starts a he-said-she-said; focus on what you can do now.',
    alternatives: ['I may not have been clear'],
  },
  // Openers that announce disagreement
  {
    pattern: "(?:i|we) (?:have to |must |would |'d )?(?:respectfully )?disagree",
    note: 'Announcing disagreement makes the reply a debate.',
    alternatives: ['I see it a little differently, and I want to find something that works for you'],
  },
  {
    pattern: 'with all (?:due )?respect',
    note: '"With all due respect" is heard as the opposite and always precedes an argument.',
  },
  {
    pattern: "you(?:'re| are) missing the point",
    note: 'Telling the customer they miss the point argues with them.',
  },
];
