/**
 * Per-code-unit facts about text, cached on first sight: calling `toLowerCase` or a Unicode regex for every
 * character would make a megabyte of CJK or junk take seconds. Shared by the phrase matcher and the emotion
 * model's feature scanner, which read the same text for different ends.
 */

/** Bit 0: looked up; bit 1: a letter or number (`\p{L}`, `\p{N}`); bit 2: a combining mark (`\p{M}`); bit 3: a letter. */
const CLASS = new Uint8Array(65536);
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;

function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = 1 | (LETTER_OR_NUMBER.test(ch) ? 2 : 0) | (MARK.test(ch) ? 4 : 0) | (LETTER.test(ch) ? 8 : 0);
    CLASS[c] = k;
  }
  return k;
}

function isAsciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * A letter, a digit or `_`: what the phrase tables' word boundaries (`[\p{L}\p{N}_]`) count as inside a
 * word. Surrogate halves are not (the matcher treats what they spell conservatively).
 *
 * @example
 * isWordUnit('é'.charCodeAt(0)) // true
 */
export function isWordUnit(c: number): boolean {
  if (c < 128) return isAsciiWord(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return (classOf(c) & 2) !== 0;
}

/**
 * Like {@link isWordUnit}, and combining marks too: the model's words keep their accents when a text
 * writes them as separate marks ("é" as "e" + U+0301).
 */
export function isWordOrMarkUnit(c: number): boolean {
  if (c < 128) return isAsciiWord(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return (classOf(c) & 6) !== 0;
}

/**
 * A letter (`\p{L}`), for code units outside the surrogate range; surrogate halves are not.
 *
 * @example
 * isLetterUnit('ß'.charCodeAt(0)) // true
 */
export function isLetterUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return (classOf(c) & 8) !== 0;
}

const LOWER = new Uint16Array(65536);

/**
 * The lower case of one code unit when it stays one unit, else the unit itself ("İ" lower-cases to two);
 * surrogate halves stay as they are.
 *
 * @example
 * lowerUnit('Ä'.charCodeAt(0)) === 'ä'.charCodeAt(0) // true
 */
export function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xd800 && c <= 0xdfff) return c;
  let l = LOWER[c];
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    LOWER[c] = l;
  }
  return l;
}
