import type { Range, Sentence } from '../types.ts';
import { openingPairs, openingQuads, packQuad, type PairMap, type QuadSet } from './prefix.ts';
import { sentenceAt } from './sentences.ts';
import { isLetterUnit, isWordUnit, lowerUnit } from './units.ts';

/**
 * One phrase of a data table. `pattern` is a case-insensitive regular-expression source matched on word
 * boundaries; it must use only non-capturing groups `(?:…)` and no lookbehind of its own.
 */
export interface PhraseEntry {
  pattern: string;
  /** Why this phrase hurts (or helps), shown as the finding's note when set. */
  note?: string;
  /** Replacements offered as one-click fixes. `$NAME`, `$ISSUE` are filled from the context when known. */
  alternatives?: string[];
  /** Overrides the rule's default message id for this phrase. */
  messageId?: string;
  /** Free-form tag the rule may use (e.g. the blamed party, the category). */
  tag?: string;
}

export interface PhraseMatch {
  entry: PhraseEntry;
  index: number;
  range: Range;
  text: string;
}

export interface MatchOptions {
  /** Skip matches preceded in their sentence by a negation ("I won't say you're wrong"). Default true. */
  skipNegated?: boolean;
  /** Skip matches inside quotation marks. Default true. */
  skipQuoted?: boolean;
  /** Stop after this many matches: callers that cap their output need not pay for a megabyte of repeats. */
  limit?: number;
}

/**
 * A compiled table: one alternation regex, so a table costs at most one pass over the text whatever its
 * size, and none when the text lacks every opening the table's phrases can start with.
 */
export interface CompiledTable {
  entries: readonly PhraseEntry[];
  /** Case-insensitive form, used for the rare text whose lower-case form has a different length. */
  regex: RegExp;
  /**
   * The same table lower-cased, matched without the `i` flag against the lower-cased text. Equivalent, and
   * about three times faster in V8: case-insensitive Unicode matching defeats its quick checks.
   */
  lower: RegExp;
  /**
   * `lower` made sticky, with the openings any phrase can start with (`prefix.ts`): two characters as a
   * bitmap, four as a set where they are few enough to list. The matcher skips a text that has none of the
   * four-character openings and tries the regex only at word boundaries whose openings fit. Absent when a
   * pattern uses syntax the opening reader does not know; that table is scanned the plain way.
   */
  anchored?: { sticky: RegExp; openings: PairMap; quads?: TableOpenings };
}

const WORD_BEFORE = '(?<![\\p{L}\\p{N}_])';
const WORD_AFTER = '(?![\\p{L}\\p{N}_])';

/**
 * Compiles a phrase table. Throws on a pattern that does not compile or that captures (a data bug, caught
 * by each table's test), never on user text.
 *
 * @example
 * const t = compileTable([{ pattern: "i'?m sorry" }]);
 * findPhrases('Well, I am sorry.', t) // []  — "I am sorry" is not "I'm sorry"
 */
export function compileTable(entries: readonly PhraseEntry[], options: { openings?: boolean } = {}): CompiledTable {
  const parts = entries.map((e) => {
    const src = normalizePattern(e.pattern);
    // Constructing checks the syntax; V8 compiles a regex only when it first runs, and running one per
    // entry to count its groups cost most of the engine's start-up once tables grew to thousands of phrases.
    new RegExp(src, 'u');
    if (countCapturingGroups(src) !== 0) throw new Error(`pattern captures; use (?:…): ${e.pattern}`);
    return `(${src})`;
  });
  const source = `${WORD_BEFORE}(?:${parts.join('|') || '(?!)'})${WORD_AFTER}`;
  const lowerSource = lowerPattern(source);
  // Reading the openings costs more than one scan saves: a table built for a single text skips it.
  const openings = options.openings === false ? undefined : openingPairs(lowerSource);
  const quadSet = openings && openingQuads(lowerSource);
  const quads = quadSet && tableOpenings(quadSet);
  // Regexes are built on first use: a Unicode regex costs a fraction of a millisecond to build, and a table
  // made for one customer's message (reference-issue) needs only one of the three.
  let regex: RegExp | undefined;
  let lower: RegExp | undefined;
  let sticky: RegExp | undefined;
  return {
    entries,
    get regex() {
      return (regex ??= new RegExp(source, 'giu'));
    },
    get lower() {
      return (lower ??= new RegExp(lowerSource, 'gu'));
    },
    anchored: openings && {
      get sticky() {
        return (sticky ??= new RegExp(lowerSource, 'yu'));
      },
      openings,
      quads,
    },
  };
}

/**
 * Capturing groups in a regex source: `(` outside a character class, not escaped, not opening `(?…`. Named
 * groups `(?<name>…)` capture too; lookbehinds `(?<=`, `(?<!` do not.
 */
export function countCapturingGroups(src: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') {
      if (src[i + 1] !== '?') count++;
      else if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') count++;
    }
  }
  return count;
}

/**
 * Lower-cases the literal letters of a pattern, leaving escapes alone (`\W`, `\S`, `\p{Lu}`…), so that the
 * pattern without `i` matches lower-cased text exactly as the original with `i` matches the text.
 */
function lowerPattern(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if ((next === 'p' || next === 'P') && src[i + 2] === '{') {
        const close = src.indexOf('}', i + 2);
        const end = close < 0 ? src.length : close + 1;
        out += src.slice(i, end);
        i = end - 1;
      } else {
        out += ch + next;
        i++;
      }
      continue;
    }
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

/** A text prepared for matching: its offset-keeping lower case and, on demand, its boundary positions. */
interface Subject {
  text: string;
  /** Lower-cased code unit for code unit; undefined when that cannot keep offsets ("İ"). */
  lower: string | undefined;
  /** Positions where a phrase may start (no letter, digit or `_` before), ascending. */
  starts?: Int32Array;
  /**
   * Folded first four characters at each start, packed as `packQuad` does; shifted right by 14 they are
   * the first two as `c1 * 128 + c2`, the index into a table's `openings`.
   */
  quads?: Int32Array;
  /** The same openings, for asking whether a table's openings occur at all. */
  openingSets?: TextOpenings;
  /** Running counts of quote marks, built by `isQuoted` once a text has had many matches checked. */
  quotes?: QuoteCounts;
  /** Matches checked by scanning so far. */
  quoteChecks: number;
}

/**
 * The last few texts prepared: a draft is matched against many tables in a row, and the customer's message
 * in between, so a handful of slots keeps both warm without holding on to old texts.
 */
const recent: Subject[] = [];
const RECENT_SLOTS = 8;

function subjectFor(text: string): Subject {
  for (let i = 0; i < recent.length; i++) {
    const hit = recent[i];
    if (hit.text !== text) continue;
    if (i > 0) {
      // most recently used first: a draft matched between many short slices of itself stays cached
      recent.splice(i, 1);
      recent.unshift(hit);
    }
    return hit;
  }
  let low = text.toLowerCase();
  if (low.length !== text.length) low = lowerUnitByUnit(text);
  const subject: Subject = { text, lower: low.length === text.length ? low : undefined, quoteChecks: 0 };
  if (recent.length >= RECENT_SLOTS) recent.pop();
  recent.unshift(subject);
  return subject;
}

/**
 * A set of non-negative integers in one typed array (open addressing, linear probing): the openings of a
 * text are a few hundred numbers, and a `Set` of them allocates more than everything else the matcher does.
 */
class IntSet {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Fibonacci hashing keeps the product's high bits, which every bit of the key reaches. */
  private readonly shift: number;

  constructor(capacity: number) {
    let bits = 4;
    while (1 << bits < capacity * 2) bits++;
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Adds `key` (0 ≤ key < 2^31 − 1). */
  add(key: number): void {
    this.slots[this.slotOf(key)] = key + 1;
  }

  has(key: number): boolean {
    return this.slots[this.slotOf(key)] !== 0;
  }

  /** The slot holding `key`, or the empty slot where it would go (keys are stored plus one; 0 is empty). */
  private slotOf(key: number): number {
    const stored = key + 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.slots[i] !== 0 && this.slots[i] !== stored) i = (i + 1) & this.mask;
    return i;
  }
}

/** The openings of a text by length: the packed four characters, their first three, two and one. */
interface TextOpenings {
  four: IntSet;
  three: IntSet;
  /** Bitmaps over `c1 * 128 + c2` and over `c1`. */
  two: Uint32Array;
  one: Uint32Array;
}

function hasBit(map: Uint32Array, bit: number): boolean {
  return (map[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

function setBit(map: Uint32Array, bit: number): void {
  map[bit >>> 5] |= 1 << (bit & 31);
}

/**
 * Every position where the tables' leading `(?<![\p{L}\p{N}_])` can hold, with its packed opening. A
 * position after a surrogate pair counts (the sticky regex itself checks the lookbehind); a position
 * inside one does not, as a Unicode regex never starts there.
 */
function boundaries(subject: Subject & { lower: string }): { starts: Int32Array; quads: Int32Array; sets: TextOpenings } {
  if (subject.starts && subject.quads && subject.openingSets) return { starts: subject.starts, quads: subject.quads, sets: subject.openingSets };
  const low = subject.lower;
  const n = low.length;
  const all = new Int32Array(n);
  let count = 0;
  let prevWord = false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = low.charCodeAt(i);
    const insidePair = c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff;
    if (!prevWord && !insidePair) all[count++] = i;
    prevWord = isWordUnit(c);
    prev = c;
  }
  const starts = all.slice(0, count);
  const quads = new Int32Array(count);
  const sets: TextOpenings = { four: new IntSet(count), three: new IntSet(count), two: new Uint32Array(512), one: new Uint32Array(4) };
  for (let k = 0; k < count; k++) {
    const q = packQuad(low, starts[k]);
    quads[k] = q;
    sets.four.add(q);
    sets.three.add(q >>> 7);
    setBit(sets.two, q >>> 14);
    setBit(sets.one, q >>> 21);
  }
  Object.assign(subject, { starts, quads, openingSets: sets });
  return { starts, quads, sets };
}

/**
 * A table's openings (`prefix.ts`'s `QuadSet`) in the typed form the scan asks about at every boundary:
 * the keys as arrays to walk, and as sets and bitmaps to probe.
 */
interface TableOpenings {
  fourKeys: Int32Array;
  threeKeys: Int32Array;
  twoKeys: Int32Array;
  oneKeys: Int32Array;
  four: IntSet;
  three: IntSet;
  two: Uint32Array;
  one: Uint32Array;
  /** How many keys `anyOpening` walks. */
  keyCount: number;
}

function tableOpenings(q: QuadSet): TableOpenings {
  const bitmap = (keys: Iterable<number>, bits: number) => {
    const map = new Uint32Array(Math.max(1, (1 << bits) >>> 5));
    for (const k of keys) setBit(map, k);
    return map;
  };
  const set = (keys: Set<number>) => {
    const out = new IntSet(keys.size);
    for (const k of keys) out.add(k);
    return out;
  };
  return {
    fourKeys: Int32Array.from(q.full),
    threeKeys: Int32Array.from(q.shorter[3]),
    twoKeys: Int32Array.from(q.shorter[2]),
    oneKeys: Int32Array.from(q.shorter[1]),
    four: set(q.full),
    three: set(q.shorter[3]),
    two: bitmap(q.shorter[2], 14),
    one: bitmap(q.shorter[1], 7),
    keyCount: q.full.size + q.shorter[3].size + q.shorter[2].size + q.shorter[1].size,
  };
}

/** Whether a position whose packed opening is `key` may start a match of the table (`prefix.ts`'s `allowsQuad`, typed). */
function tableAllows(q: TableOpenings, key: number): boolean {
  return q.four.has(key) || q.three.has(key >>> 7) || hasBit(q.two, key >>> 14) || hasBit(q.one, key >>> 21);
}

/** Whether any opening of the table occurs among the text's openings: when none does, nothing can match. */
function anyOpening(table: TableOpenings, text: TextOpenings): boolean {
  for (const key of table.fourKeys) if (text.four.has(key)) return true;
  for (const key of table.threeKeys) if (text.three.has(key)) return true;
  for (const key of table.twoKeys) if (hasBit(text.two, key)) return true;
  for (const key of table.oneKeys) if (hasBit(text.one, key)) return true;
  return false;
}

/**
 * Lower-cases code unit by code unit, for the rare text whose `toLowerCase` changes length ("İ"): such a
 * character stays as it is, so offsets still line up. Surrogate halves stay too (no phrase is astral).
 */
function lowerUnitByUnit(text: string): string {
  const n = text.length;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = lowerUnit(text.charCodeAt(i));
  const CHUNK = 8192;
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
  return out;
}

/** Apostrophes in patterns match both straight and curly forms. */
function normalizePattern(p: string): string {
  return p.replace(/'/g, "['’]");
}

const NEGATORS = /(?<![\p{L}])(?:not|never|no|don['’]t|doesn['’]t|didn['’]t|won['’]t|wouldn['’]t|isn['’]t|wasn['’]t|aren['’]t|can['’]t|cannot|shouldn['’]t|without|nobody|no one|hardly)(?![\p{L}])/iu;

/**
 * All matches of a table in `text`, leftmost-first, skipping negated and quoted ones by default.
 *
 * @example
 * findPhrases("I won't say you're wrong.", compileTable([{ pattern: "you(?:'re| are) wrong" }])) // []
 */
export function findPhrases(text: string, table: CompiledTable, sentences?: Sentence[], options: MatchOptions = {}): PhraseMatch[] {
  return matchTable(text, table, sentences, options, true);
}

/**
 * The plain scan of `findPhrases`, without the opening filter: the reference the fast path is tested
 * against, and what a table whose patterns the filter cannot read always uses.
 */
export function findPhrasesByScan(text: string, table: CompiledTable, sentences?: Sentence[], options: MatchOptions = {}): PhraseMatch[] {
  return matchTable(text, table, sentences, options, false);
}

function matchTable(text: string, table: CompiledTable, sentences: Sentence[] | undefined, options: MatchOptions, useOpenings: boolean): PhraseMatch[] {
  const { skipNegated = true, skipQuoted = true, limit = Infinity } = options;
  const out: PhraseMatch[] = [];
  const subject = subjectFor(text);
  const lowered = subject.lower;
  /** Keeps a raw match unless it is negated or quoted. */
  const accept = (m: RegExpExecArray, start: number): void => {
    let index = 1;
    while (index < m.length && m[index] === undefined) index++;
    const end = start + m[0].length;
    const sentence = sentences ? sentenceAt(sentences, start) : undefined;
    // Without sentences, the line is the clause; look back a bounded distance so one huge line stays linear.
    const sStart = sentence ? sentence.range[0] : lineStartNear(text, start);
    if (skipNegated && isNegated(text, sStart, start)) return;
    if (skipQuoted && isQuoted(text, sStart, start, sentence ? sentence.range[1] : text.length)) return;
    out.push({ entry: table.entries[index - 1], index: index - 1, range: [start, end], text: lowered === undefined ? m[0] : text.slice(start, end) });
  };

  if (lowered !== undefined && table.anchored && useOpenings) {
    // Same matches as the global scan below: a sticky regex tried, in order, at every position where a
    // match can begin, skipping those inside the previous match.
    const { openings, quads: tableQuads } = table.anchored;
    const { starts, quads, sets } = boundaries(subject as Subject & { lower: string });
    // Most tables find nothing in most texts: when none of their openings occurs, skip the text at once.
    // Walking the table's keys costs their number whatever the text, so a text with fewer openings than
    // the table has keys is filtered start by start in the loop below instead (the same answer).
    if (tableQuads && starts.length * 4 > tableQuads.keyCount && !anyOpening(tableQuads, sets)) return out;
    const sticky = table.anchored.sticky;
    let from = 0;
    for (let k = 0; k < starts.length && out.length < limit; k++) {
      const p = starts[k];
      const key = quads[k] >>> 14;
      if (p < from || !hasBit(openings, key)) continue;
      if (tableQuads && !tableAllows(tableQuads, quads[k])) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(lowered);
      if (m === null || m[0].length === 0) continue;
      from = p + m[0].length;
      accept(m, p);
    }
    return out;
  }

  const re = lowered === undefined ? table.regex : table.lower;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(lowered ?? text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    accept(m, m.index);
  }
  return out;
}


/** A negator within the four words before the match, in the same clause. */
export function isNegated(text: string, sentenceStart: number, matchStart: number): boolean {
  const windowStart = Math.max(sentenceStart, matchStart - 40);
  let before = text.slice(windowStart, matchStart);
  // a clause break resets negation: "No problem, you're wrong" is still a correction
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf(' but '));
  if (cut >= 0) before = before.slice(cut + 1);
  const words = before.trim().split(/\s+/).slice(-4).join(' ');
  return NEGATORS.test(words);
}

/**
 * How far around a match quotes are looked for. Bounds the cost per match, so a megabyte-long "sentence"
 * with many matches stays linear; real quotations are far shorter.
 */
const QUOTE_WINDOW = 400;

function lineStartNear(text: string, pos: number): number {
  const floor = Math.max(0, pos - QUOTE_WINDOW);
  for (let i = pos - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

/** Odd number of quote marks between the sentence start and the match, with a closing one after it. */
export function isQuoted(text: string, sentenceStart: number, matchStart: number, sentenceEnd: number): boolean {
  sentenceStart = Math.max(sentenceStart, matchStart - QUOTE_WINDOW);
  sentenceEnd = Math.min(sentenceEnd, matchStart + QUOTE_WINDOW);
  const subject = subjectFor(text);
  // A few matches are cheaper to check by looking around them; many (a long draft, a pasted log) by counts.
  if (subject.quotes === undefined && ++subject.quoteChecks <= QUOTE_SCANS) return isQuotedByScan(text, sentenceStart, matchStart, sentenceEnd);
  const q = quoteCounts(subject);
  const opens = q.double[matchStart] - q.double[sentenceStart];
  if (opens % 2 === 1) return q.double[sentenceEnd] - q.double[matchStart] > 0;
  // single quotes only count when they open a quote: preceded by space, not an apostrophe in a word
  const singles = q.opening[matchStart] - q.opening[sentenceStart] + (sentenceStart < matchStart && isOpeningSingle(text.charCodeAt(sentenceStart)) && q.opening[sentenceStart + 1] === q.opening[sentenceStart] ? 1 : 0);
  if (singles === 0 || sentenceEnd <= matchStart) return false;
  // a closing mark is followed by a space, punctuation or the end of the span looked at
  return q.closing[sentenceEnd - 1] - q.closing[matchStart] > 0 || isClosingSingle(text.charCodeAt(sentenceEnd - 1));
}

/** How many matches of one text `isQuoted` checks by scanning before it builds the running counts. */
const QUOTE_SCANS = 32;

/** `isQuoted` by scanning the window around the match; the same answer, in time proportional to the window. */
export function isQuotedByScan(text: string, windowStart: number, matchStart: number, windowEnd: number): boolean {
  const before = text.slice(windowStart, matchStart);
  const opens = (before.match(/["“”]/g) ?? []).length;
  if (opens % 2 === 1) return /["“”]/.test(text.slice(matchStart, windowEnd));
  const singles = (before.match(/(?:^|\s)['‘]/g) ?? []).length;
  return singles > 0 && /['’](?:\s|[.,!?]|$)/.test(text.slice(matchStart, windowEnd));
}

/**
 * Running counts of quote marks, so `isQuoted` answers in constant time however many matches a long
 * sentence holds: `double[i]` counts `"“”` before `i`, `opening[i]` the `'‘` after white space before `i`,
 * `closing[i]` the `'’` before `i` followed by white space, `.,!?` or the end of the text.
 */
interface QuoteCounts {
  double: Int32Array;
  opening: Int32Array;
  closing: Int32Array;
}

function quoteCounts(subject: Subject): QuoteCounts {
  if (subject.quotes) return subject.quotes;
  const text = subject.text;
  const n = text.length;
  const double = new Int32Array(n + 1);
  const opening = new Int32Array(n + 1);
  const closing = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    double[i + 1] = double[i] + (c === 34 || c === 0x201c || c === 0x201d ? 1 : 0);
    opening[i + 1] = opening[i] + (isOpeningSingle(c) && i > 0 && isJsSpace(text.charCodeAt(i - 1)) ? 1 : 0);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    closing[i + 1] = closing[i] + (isClosingSingle(c) && (next < 0 || isJsSpace(next) || next === 46 || next === 44 || next === 33 || next === 63) ? 1 : 0);
  }
  subject.quotes = { double, opening, closing };
  return subject.quotes;
}

function isOpeningSingle(c: number): boolean {
  return c === 39 || c === 0x2018;
}
function isClosingSingle(c: number): boolean {
  return c === 39 || c === 0x2019;
}
/** The characters of a regex `\s`. */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True when any phrase of the table occurs (negation and quotes honoured). Stops at the first match. */
export function hasPhrase(text: string, table: CompiledTable, sentences?: Sentence[], options?: MatchOptions): boolean {
  return findPhrases(text, table, sentences, { ...options, limit: 1 }).length > 0;
}

const ASTRAL_WORD = /^[\p{L}\p{N}_]$/u;
const ASTRAL_LETTER = /^\p{L}$/u;

/** The code point at `i` (a whole surrogate pair when one starts there) tested as the tables' classes do. */
function codePointIs(s: string, i: number, unit: (c: number) => boolean, astral: RegExp): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return astral.test(s.slice(i, i + 2));
  }
  return unit(c);
}

/** The code point ending just before `i`, as {@link codePointIs} tests it. */
function codePointBeforeIs(s: string, i: number, unit: (c: number) => boolean, astral: RegExp): boolean {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return astral.test(s.slice(i - 2, i));
  }
  return unit(c);
}

/** `term` (lower case; its `'` stands for either apostrophe) at `at` of the lower-cased `low`. */
function termAt(low: string, at: number, term: string): boolean {
  if (at + term.length > low.length) return false;
  for (let k = 0; k < term.length; k++) {
    const t = term.charCodeAt(k);
    const c = low.charCodeAt(at + k);
    if (c !== t && !(t === 39 && c === 0x2019)) return false;
  }
  return true;
}

/** Terms by their first code unit, kept per terms array: the composer re-checks with the same terms on every keystroke. */
const termIndex = new WeakMap<readonly string[], Map<number, string[]>>();
function termsByFirst(terms: readonly string[]): Map<number, string[]> {
  let byFirst = termIndex.get(terms);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const t of terms) {
    if (t.length === 0) continue;
    const first = t.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(t);
    else byFirst.set(first, [t]);
  }
  // A term opening with an apostrophe also opens with the curly one, as the table's `['’]` would.
  const curly = byFirst.get(39);
  if (curly) byFirst.set(0x2019, curly);
  termIndex.set(terms, byFirst);
  return byFirst;
}

/**
 * Whether one of `terms` starts a word of `text` and runs on in letters to the word's end ("bill" finds
 * "billing", not "rebill" or "bill2"), outside quotation marks. The same answer as {@link hasPhrase} with
 * `skipNegated: false` over the table `(?:term|…)\p{L}*` (terms escaped, lower case), found without
 * building a regex: for a table made from one customer's message, compiling and first running a Unicode
 * regex costs more than the whole check.
 *
 * @example
 * hasWordStart('Your refunds are on the way.', ['refund']) // true
 * hasWordStart('We rebilled it.', ['bill']) // false
 */
export function hasWordStart(text: string, terms: readonly string[], sentences?: Sentence[]): boolean {
  if (terms.length === 0) return false;
  const low = subjectFor(text).lower;
  if (low === undefined) {
    const source = `(?:${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}]*`;
    return hasPhrase(text, compileTable([{ pattern: source }], { openings: false }), sentences, { skipNegated: false });
  }
  const byFirst = termsByFirst(terms);
  const n = low.length;
  for (let p = 0; p < n; p++) {
    const candidates = byFirst.get(low.charCodeAt(p));
    if (candidates === undefined) continue;
    if (p > 0 && codePointBeforeIs(low, p, isWordUnit, ASTRAL_WORD)) continue;
    let end = -1;
    for (const term of candidates) {
      if (!termAt(low, p, term)) continue;
      let j = p + term.length;
      while (j < n && codePointIs(low, j, isLetterUnit, ASTRAL_LETTER)) j += low.charCodeAt(j) >= 0xd800 && low.charCodeAt(j) <= 0xdbff ? 2 : 1;
      if (j < n && codePointIs(low, j, isWordUnit, ASTRAL_WORD)) continue;
      end = j;
      break;
    }
    if (end < 0) continue;
    const sentence = sentences ? sentenceAt(sentences, p) : undefined;
    const sStart = sentence ? sentence.range[0] : lineStartNear(text, p);
    if (!isQuoted(text, sStart, p, sentence ? sentence.range[1] : text.length)) return true;
    p = end - 1;
  }
  return false;
}
