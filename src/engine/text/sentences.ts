import type { Range, Sentence } from '../types.ts';

/**
 * Splits text into sentences with their `[start, end)` spans. Linear time: one pass, no regex backtracking,
 * so a megabyte of adversarial punctuation costs the same as prose.
 *
 * @example
 * splitSentences('Hi Ana. Where is it?!').map((s) => s.text) // ['Hi Ana.', 'Where is it?!']
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), range: [s, e] });
    start = end;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      // A blank line or a line break always ends a sentence: chat messages and macros rarely punctuate.
      push(i);
      i++;
      start = i;
      continue;
    }
    if (c === 46 || c === 33 || c === 63 || c === 8230 /* . ! ? … */) {
      let j = i + 1;
      while (j < n && isTerminal(text.charCodeAt(j))) j++;
      // closing quotes/brackets belong to the sentence
      while (j < n && isCloser(text.charCodeAt(j))) j++;
      const next = j < n ? text.charCodeAt(j) : 32;
      if (j >= n || isSpace(next)) {
        if (c === 46 && j === i + 1 && isAbbreviation(text, i)) {
          i = j;
          continue;
        }
        push(j);
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  push(n);
  return out;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'no', 'approx', 'jr', 'sr', 'inc', 'ltd', 'co']);

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 8 && /[A-Za-z.]/.test(text[s - 1])) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /[a-z]/.test(word)) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(word);
}

function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 8230;
}
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 8217 || c === 8221;
}
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 12 || c === 11;
}

/** A word token with its span; apostrophes stay inside words ("don't"). */
export interface Token {
  text: string;
  lower: string;
  range: Range;
}

/**
 * Tokenizes into words (letters, digits, inner apostrophes). Linear time.
 *
 * @example
 * tokenize("I'm fine").map((t) => t.lower) // ["i'm", 'fine']
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  for (const m of text.matchAll(re)) {
    const start = offset + (m.index ?? 0);
    const word = m[0];
    out.push({ text: word, lower: word.toLowerCase().replace(/’/g, "'"), range: [start, start + word.length] });
  }
  return out;
}

/**
 * Finds the sentence containing `offset`. Binary search over the (sorted, disjoint) sentences: rules call
 * this once per match, and a linear scan made a megabyte of short sentences quadratic.
 */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.range[0]) hi = mid - 1;
    else if (offset >= s.range[1]) lo = mid + 1;
    else return s;
  }
  return undefined;
}
