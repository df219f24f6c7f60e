/**
 * Text → hashed sparse features for the emotion model. Shared verbatim by training (`scripts/train.ts`) and
 * inference, so the two can never drift apart.
 *
 * Why this shape: the engine must score a 1,000-character draft in well under a millisecond, in a browser,
 * with no vocabulary file. So the text is scanned once, every feature is hashed straight from UTF-16 code
 * units (no substring or token strings are allocated) into a fixed number of buckets, and the model is a
 * weight row per bucket.
 *
 * Feature families (each a separate hash namespace):
 * - `W` word unigrams, lower-cased; inside a negation scope ("not happy at all") the word is emitted as
 *   its negated form instead, so "happy" and "not happy" get separate weights.
 * - `B` word bigrams (raw, not negated), including a start-of-text marker.
 * - `C` character 3–5-grams of each word with boundary marks (`<frustrat`), for spelling variants and
 *   morphology the Reddit training data never shows ("refundd", "frustratingly").
 * - `Q` cues: `!` and `?` runs, `?!`, words in capitals, elongated words ("sooo"), emoji, ascii emoticons.
 * Features are binary: a bucket counts once per text, however often it occurs (so "aaaa…" a megabyte long,
 * or one emoji pasted a thousand times, cannot push a score to the rails). Each family is then scaled by
 * 1/√(count) so long messages are not scored angrier just for being long. When two different features of
 * one text land in the same bucket the later is dropped; with 2^16 buckets that is rare and harmless.
 */

import { isWordOrMarkUnit, lowerUnit as lowerCodeUnit } from '../text/units.ts';

/** Buckets are `2^bits`; the artefact records the bits it was trained with. */
export interface FeatureOptions {
  bits: number;
  /** Multiplier for the character n-gram family (0 turns it off). */
  charWeight: number;
}

/** Reusable output buffers: indices and values of the features of one text (duplicates allowed). */
export interface FeatureBuffer {
  idx: Int32Array;
  val: Float32Array;
  n: number;
}

/** Allocates a buffer; it grows on demand, so the initial size only avoids early regrowth. */
export function createFeatureBuffer(capacity = 4096): FeatureBuffer {
  return { idx: new Int32Array(capacity), val: new Float32Array(capacity), n: 0 };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step over one UTF-16 code unit. */
function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME) >>> 0;
}

/** Murmur3's finalizer: spreads the bits so combined hashes land uniformly in the buckets. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * FNV-1a hash of a string, lower-cased the same way the scanner does. Exposed for tests and for building
 * hash tables of known words.
 *
 * @example
 * hashString('Happy') === hashString('happy') // true
 */
export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, lowerUnit(s.charCodeAt(i)));
  return h;
}

/** Lower-cases one code unit and folds the typographic apostrophe to `'`, so "don’t" hashes as "don't". */
function lowerUnit(c: number): number {
  if (c === 0x2019 || c === 0x2018) return 39;
  return lowerCodeUnit(c);
}

// Non-ASCII letters (é, ß, Cyrillic…) and combining marks are word characters too.
const isWordUnit = isWordOrMarkUnit;
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isLowerLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Namespace seeds: different families never share a hash even for the same characters.
const NS_WORD = hashString('W');
const NS_CHAR = hashString('C');
const NS_CUE = hashString('Q');
const NEG_SALT = 0x5bd1e995;
const BIGRAM_SALT = 0x27d4eb2f;

/** Words that open a negation scope. Contractions are matched with `'` (the scanner folds `’`). */
const NEGATORS = new Set(
  [
    'not', 'no', 'never', 'nothing', 'nobody', 'none', 'nowhere', 'neither', 'nor', 'cannot', 'without',
    'dont', 'cant', 'wont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'havent', 'hasnt', 'hadnt',
    'couldnt', 'shouldnt', 'wouldnt', 'aint', 'noone',
  ].map((w) => hashString(w, NS_WORD)),
);
/** Words that end a negation scope early ("not great but fine"). */
const SCOPE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'yet', 'and'].map((w) => hashString(w, NS_WORD)));
/** How many words a negator reaches ("not at all happy" still negates "happy"). */
const NEGATION_SCOPE_LEN = 3;

const URL_TOKEN = hashString('<url>', NS_WORD);
const USER_TOKEN = hashString('<user>', NS_WORD);
const NUM_TOKEN = hashString('<num>', NS_WORD);
const START_TOKEN = hashString('<s>', NS_WORD);

function cue(name: string): number {
  return mix(hashString(name, NS_CUE));
}
const CUE = {
  excl1: cue('!'),
  excl2: cue('!!'),
  excl3: cue('!!!+'),
  q1: cue('?'),
  q2: cue('??+'),
  interrobang: cue('?!'),
  caps1: cue('caps1'),
  caps3: cue('caps3+'),
  capsAll: cue('capsall'),
  elong: cue('elongated'),
  ellipsis: cue('...'),
  emoji: cue('emoji'),
  smile: cue(':)'),
  frown: cue(':('),
};

/** Scratch state reused across calls (the engine is single-threaded per realm). */
interface Scratch {
  wordStart: Int32Array;
  wordEnd: Int32Array;
  wordHash: Uint32Array;
  wordFlags: Uint8Array;
}
const scratch: Scratch = {
  wordStart: new Int32Array(512),
  wordEnd: new Int32Array(512),
  wordHash: new Uint32Array(512),
  wordFlags: new Uint8Array(512),
};
const FLAG_BREAK_BEFORE = 1; // punctuation between this word and the previous one
const FLAG_SPECIAL = 2; // url, mention or number: no char-grams, no caps/elongation cues

function growScratch(): void {
  const n = scratch.wordStart.length * 2;
  const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(n);
    b.set(a);
    return b;
  };
  scratch.wordStart = grow(scratch.wordStart, (k) => new Int32Array(k));
  scratch.wordEnd = grow(scratch.wordEnd, (k) => new Int32Array(k));
  scratch.wordHash = grow(scratch.wordHash, (k) => new Uint32Array(k));
  scratch.wordFlags = grow(scratch.wordFlags, (k) => new Uint8Array(k));
}

/**
 * Per-bucket stamp of the text that last used it: O(1) de-duplication without clearing between texts.
 * One byte a bucket keeps the table small enough to stay in cache; it is cleared once every 255 texts.
 */
let seen = new Uint8Array(0);
let stamp = 0;

function startText(bits: number): void {
  if (seen.length !== 1 << bits) {
    seen = new Uint8Array(1 << bits);
    stamp = 0;
  }
  stamp++;
  if (stamp === 256) {
    seen.fill(0);
    stamp = 1;
  }
}

function push(buf: FeatureBuffer, index: number, value: number): void {
  if (seen[index] === stamp) return;
  seen[index] = stamp;
  if (buf.n === buf.idx.length) {
    const idx = new Int32Array(buf.idx.length * 2);
    idx.set(buf.idx);
    const val = new Float32Array(buf.val.length * 2);
    val.set(buf.val);
    buf.idx = idx;
    buf.val = val;
  }
  buf.idx[buf.n] = index;
  buf.val[buf.n] = value;
  buf.n++;
}

/** Rescales the values pushed since `from` by 1/√(count) times `weight`. */
function normalizeSince(buf: FeatureBuffer, from: number, weight: number): void {
  const count = buf.n - from;
  if (count === 0) return;
  const s = weight / Math.sqrt(count);
  for (let i = from; i < buf.n; i++) buf.val[i] *= s;
}

/**
 * Where a text sits inside a larger one whose features were the last extracted (`extractFeatures(text)`
 * without `within`): its words' character n-grams are then read from that pass instead of hashed again.
 * The analyzer scores a message and then each of its sentences.
 */
export interface WithinText {
  text: string;
  offset: number;
}

/**
 * The character n-grams of the last text extracted on its own, by word: word `w` spans
 * `[start[w], end[w])` and its buckets are `grams[off[w] .. off[w + 1])`.
 */
const memo = {
  text: undefined as string | undefined,
  bits: 0,
  words: 0,
  start: new Int32Array(512),
  end: new Int32Array(512),
  off: new Int32Array(513),
  grams: new Int32Array(8192),
};

/** Longest text whose n-grams are kept for its sentences: the analyzer's model window (`MODEL_WINDOW`). */
const MEMO_MAX_TEXT = 32_768;

function growInt32(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Writes the hashed features of `text` into `buf` (reset first). Returns the number of features. With
 * `within`, the features are the same; only the work is shared (see {@link WithinText}).
 *
 * @example
 * const buf = createFeatureBuffer();
 * extractFeatures('NOT happy!!!', buf, { bits: 16, charWeight: 0.5 }); // > 0
 */
export function extractFeatures(text: string, buf: FeatureBuffer, opts: FeatureOptions, within?: WithinText): number {
  buf.n = 0;
  startText(opts.bits);
  const mask = (1 << opts.bits) - 1;
  const len = text.length;
  let nWords = 0;
  let excl = 0;
  let quest = 0;
  let maxExcl = 0;
  let maxQuest = 0;
  let interrobang = false;
  let ellipsis = false;
  let emoji = false;
  let smile = false;
  let frown = false;
  let caps = 0;
  let letterWords = 0;
  let elongated = false;
  let pendingBreak = false;

  // Pass 1: scan words and cues.
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    // URLs and @mentions become single placeholder tokens.
    if ((c === 104 || c === 72) && text.startsWith('http', i) && (text.startsWith('://', i + 4) || text.startsWith('s://', i + 4))) {
      let j = i;
      while (j < len && text.charCodeAt(j) > 32) j++;
      if (nWords === scratch.wordStart.length) growScratch();
      scratch.wordStart[nWords] = i;
      scratch.wordEnd[nWords] = j;
      scratch.wordHash[nWords] = URL_TOKEN;
      scratch.wordFlags[nWords] = FLAG_SPECIAL | (pendingBreak ? FLAG_BREAK_BEFORE : 0);
      nWords++;
      pendingBreak = false;
      i = j;
      continue;
    }
    if (c === 64 && i + 1 < len && isWordUnit(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < len && isWordUnit(text.charCodeAt(j))) j++;
      if (nWords === scratch.wordStart.length) growScratch();
      scratch.wordStart[nWords] = i;
      scratch.wordEnd[nWords] = j;
      scratch.wordHash[nWords] = USER_TOKEN;
      scratch.wordFlags[nWords] = FLAG_SPECIAL | (pendingBreak ? FLAG_BREAK_BEFORE : 0);
      nWords++;
      pendingBreak = false;
      i = j;
      continue;
    }
    if (isWordUnit(c)) {
      let j = i;
      let h = NS_WORD;
      let upper = 0;
      let lower = 0;
      let digits = 0;
      let run = 1;
      let prev = -1;
      while (j < len) {
        let d = text.charCodeAt(j);
        if (d === 39 || d === 0x2019) {
          // An apostrophe inside a word ("don't") is dropped so "dont" and "don't" hash alike.
          if (j + 1 < len && isWordUnit(text.charCodeAt(j + 1)) && j > i) {
            j++;
            continue;
          }
          break;
        }
        if (!isWordUnit(d)) break;
        if (isUpper(d)) upper++;
        else if (isLowerLetter(d)) lower++;
        else if (isDigit(d)) digits++;
        d = lowerUnit(d);
        run = d === prev ? run + 1 : 1;
        if (run === 3 && !isDigit(d)) elongated = true;
        prev = d;
        h = fnvStep(h, d);
        j++;
      }
      const allDigits = digits > 0 && upper === 0 && lower === 0;
      if (upper + lower > 0) letterWords++;
      if (upper >= 2 && lower === 0) caps++;
      if (nWords === scratch.wordStart.length) growScratch();
      scratch.wordStart[nWords] = i;
      scratch.wordEnd[nWords] = j;
      scratch.wordHash[nWords] = allDigits ? NUM_TOKEN : h;
      scratch.wordFlags[nWords] = (allDigits ? FLAG_SPECIAL : 0) | (pendingBreak ? FLAG_BREAK_BEFORE : 0);
      nWords++;
      pendingBreak = false;
      i = j;
      continue;
    }
    // Punctuation runs and emoji.
    if (c === 33 || c === 63) {
      let j = i;
      let e = 0;
      let q = 0;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d === 33) e++;
        else if (d === 63) q++;
        else break;
        j++;
      }
      excl += e;
      quest += q;
      if (e > maxExcl) maxExcl = e;
      if (q > maxQuest) maxQuest = q;
      if (e > 0 && q > 0) interrobang = true;
      pendingBreak = true;
      i = j;
      continue;
    }
    if (c === 46 && text.startsWith('...', i)) ellipsis = true;
    if ((c === 58 || c === 59) && i + 1 < len) {
      let k = i + 1;
      if (text.charCodeAt(k) === 45 || text.charCodeAt(k) === 39) k++;
      const d = k < len ? text.charCodeAt(k) : 0;
      if (d === 41 || d === 68 || d === 80 || d === 112) smile = true;
      else if (d === 40 || d === 47) frown = true;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      // An astral code point: emoji live here. Each emoji is a word-like token of its own.
      const cp = text.codePointAt(i) ?? 0;
      if (cp >= 0x1f000) {
        emoji = true;
        if (nWords === scratch.wordStart.length) growScratch();
        scratch.wordStart[nWords] = i;
        scratch.wordEnd[nWords] = i + 2;
        scratch.wordHash[nWords] = fnvStep(fnvStep(NS_WORD, c), text.charCodeAt(i + 1));
        scratch.wordFlags[nWords] = FLAG_SPECIAL | (pendingBreak ? FLAG_BREAK_BEFORE : 0);
        nWords++;
        pendingBreak = false;
      }
      i += 2;
      continue;
    }
    if (c >= 0x2600 && c <= 0x27bf) emoji = true; // ☹ ☺ ✨ …
    if (c === 44 || c === 46 || c === 59 || c === 58 || c === 10 || c === 40 || c === 41) pendingBreak = true;
    i++;
  }

  // Pass 2: word unigrams with negation scope, bigrams, char n-grams.
  let from = buf.n;
  let scope = 0;
  for (let w = 0; w < nWords; w++) {
    const h = scratch.wordHash[w];
    if (scratch.wordFlags[w] & FLAG_BREAK_BEFORE) scope = 0;
    if (SCOPE_BREAKERS.has(h)) scope = 0;
    if (scope > 0) {
      push(buf, mix(h ^ NEG_SALT) & mask, 1);
      scope--;
    } else {
      push(buf, mix(h) & mask, 1);
    }
    if (NEGATORS.has(h)) scope = NEGATION_SCOPE_LEN;
  }
  normalizeSince(buf, from, 1);

  from = buf.n;
  for (let w = 0; w < nWords; w++) {
    const prev = w === 0 || scratch.wordFlags[w] & FLAG_BREAK_BEFORE ? START_TOKEN : scratch.wordHash[w - 1];
    push(buf, mix(Math.imul(prev, BIGRAM_SALT) ^ scratch.wordHash[w]) & mask, 1);
  }
  normalizeSince(buf, from, 1);

  if (opts.charWeight > 0) {
    from = buf.n;
    // Reading: the enclosing text's pass, if it was the last one and used the same buckets.
    const reuse = within !== undefined && memo.text === within.text && memo.bits === opts.bits;
    const offset = within ? within.offset : 0;
    let mw = 0;
    // Recording: only a text extracted on its own, for the sentences that may follow, and not a huge one
    // (its n-grams would stay in memory until the next text).
    const record = within === undefined && len <= MEMO_MAX_TEXT;
    let g = 0;
    if (record) {
      memo.text = undefined;
      memo.start = growInt32(memo.start, nWords);
      memo.end = growInt32(memo.end, nWords);
      memo.off = growInt32(memo.off, nWords + 1);
    }
    let recorded = 0;
    for (let w = 0; w < nWords; w++) {
      if (scratch.wordFlags[w] & FLAG_SPECIAL) continue;
      const s = scratch.wordStart[w];
      const e = scratch.wordEnd[w];
      if (reuse) {
        while (mw < memo.words && memo.start[mw] < s + offset) mw++;
        if (mw < memo.words && memo.start[mw] === s + offset && memo.end[mw] === e + offset) {
          for (let k = memo.off[mw]; k < memo.off[mw + 1]; k++) push(buf, memo.grams[k], 1);
          continue;
        }
      }
      if (record) {
        memo.start[recorded] = s;
        memo.end[recorded] = e;
        memo.off[recorded] = g;
        memo.grams = growInt32(memo.grams, g + 3 * (e - s + 2));
      }
      // Boundary-marked word: '<' + chars + '>'; n-grams of 3..5 units starting at each position.
      const m = e - s + 2;
      for (let a = 0; a < m; a++) {
        let h = NS_CHAR;
        for (let n = 0; n < 5 && a + n < m; n++) {
          const p = a + n;
          let cu: number;
          if (p === 0) cu = 60;
          else if (p === m - 1) cu = 62;
          else cu = lowerUnit(text.charCodeAt(s + p - 1));
          h = fnvStep(h, cu);
          if (n >= 2) {
            const bucket = mix(h) & mask;
            if (record) memo.grams[g++] = bucket;
            push(buf, bucket, 1);
          }
        }
      }
      if (record) recorded++;
    }
    if (record) {
      memo.off[recorded] = g;
      memo.words = recorded;
      memo.bits = opts.bits;
      memo.text = text;
    }
    normalizeSince(buf, from, opts.charWeight);
  }

  // Cues carry raw value 1: they are few and each means something on its own.
  if (excl > 0) push(buf, CUE.excl1 & mask, 1);
  if (maxExcl >= 2) push(buf, CUE.excl2 & mask, 1);
  if (maxExcl >= 3 || excl >= 4) push(buf, CUE.excl3 & mask, 1);
  if (quest > 0) push(buf, CUE.q1 & mask, 1);
  if (maxQuest >= 2) push(buf, CUE.q2 & mask, 1);
  if (interrobang) push(buf, CUE.interrobang & mask, 1);
  if (caps >= 1) push(buf, CUE.caps1 & mask, 1);
  if (caps >= 3) push(buf, CUE.caps3 & mask, 1);
  if (letterWords >= 3 && caps >= letterWords * 0.6) push(buf, CUE.capsAll & mask, 1);
  if (elongated) push(buf, CUE.elong & mask, 1);
  if (ellipsis) push(buf, CUE.ellipsis & mask, 1);
  if (emoji) push(buf, CUE.emoji & mask, 1);
  if (smile) push(buf, CUE.smile & mask, 1);
  if (frown) push(buf, CUE.frown & mask, 1);
  return buf.n;
}
