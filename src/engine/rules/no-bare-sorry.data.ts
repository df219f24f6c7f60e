import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Apology forms. The rule flags one only when nothing after it in the sentence says what it is for:
 * "I'm sorry." is bare, "I'm sorry your parcel is late" is not.
 */
export const SORRY_FORMS: PhraseEntry[] = [
  // First person, with or without an intensifier, optionally pointing at nothing in particular
  { pattern: "(?:i'm|i am|we're|we are|im) (?:so |very |really |truly |terribly |deeply )?sorry(?: (?:about|for) (?:that|this|it))?", note: 'A reflex "I\'m sorry" reads as insincere to many customers; naming the issue shows you listened.' },
  // The bare interjection
  { pattern: '(?:so |very |really )?sorry(?: (?:about|for) (?:that|this|it))?', note: 'A lone "sorry" apologizes for nothing in particular.' },
];
