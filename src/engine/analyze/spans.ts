import type { Range, Sentence } from '../types.ts';

/**
 * Index of the sentence containing `offset`, or -1. Binary search: the analyzer looks up every cue, and a
 * linear scan per cue would make a megabyte of short sentences quadratic.
 *
 * @example
 * sentenceIndexAt(splitSentences('Hi. Where is it?'), 5) // 1
 */
export function sentenceIndexAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = sentences[mid].range;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** True when two half-open ranges share at least one code unit. */
export function overlaps(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
