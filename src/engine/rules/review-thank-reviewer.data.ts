import type { PhraseEntry } from '../text/matcher.ts';

/** Ways a public reply thanks the reviewer for speaking up. */
export const THANKS: PhraseEntry[] = [
  { pattern: '(?:thank you|thanks|many thanks)(?: (?:so|very) much)?(?:,? \\p{L}+,?)? for (?:your|the|taking|sharing|letting|leaving|writing|telling|bringing|raising|this|posting|flagging|pointing)' },
  { pattern: "(?:i|we)(?:'re| are| am)? (?:really |truly |genuinely )?(?:appreciate|grateful for|thankful for) (?:your|the|you (?:taking|sharing|letting|writing))" },
];
