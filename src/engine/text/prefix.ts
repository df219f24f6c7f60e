/**
 * Which openings can start a match of a regular expression: its first two characters (`openingPairs`) and
 * its first four (`openingQuads`).
 *
 * Why: a phrase table is one alternation regex, and scanning a whole draft with it costs about the same
 * whatever the table holds, because the engine tries it at every word boundary. Most tables can only start
 * with a few openings ("you " for "you should have", "calm" for "calm down"), so the matcher skips a table
 * whose openings the text lacks and tries the regex only where one fits (see `matcher.ts`). The answers are
 * supersets: when in doubt an opening is allowed, so skipping a position never drops a match.
 *
 * Characters are folded to 7 bits (`foldUnit`): every code unit of 128 or above counts as 127 and every
 * digit as `0`, so one bitmap of 128 × 128 bits covers any text. A match of one character allows any
 * second character (and the end).
 */

/** 128 bits: a set of folded characters. */
type Bits = Uint32Array;

interface Info {
  /** Can match the empty string. */
  nullable: boolean;
  /** First characters of non-empty matches. */
  first: Bits;
  /** Characters that are a whole match on their own. */
  single: Bits;
  /** Openings of matches of two or more characters, as a `PairMap`; null when there are none. */
  pairs: PairMap | null;
}

const ALPHABET = 128;
/** Bitmap of allowed openings: bit `c1 * 128 + c2`. */
export type PairMap = Uint32Array;
const PAIR_WORDS = (ALPHABET * ALPHABET) / 32;

/**
 * The 7-bit stand-in of a code unit: itself for ASCII, except that every digit counts as `0` (phrases
 * that start with a number, "12 days", then have one opening instead of thousands), and 127 for anything
 * of 128 and above.
 */
function foldUnit(c: number): number {
  if (c >= 48 && c <= 57) return 48;
  return c < ALPHABET ? c : ALPHABET - 1;
}

function bits(): Bits {
  return new Uint32Array(4);
}
function set(b: Bits, c: number): void {
  b[c >>> 5] |= 1 << (c & 31);
}
function has(b: Bits, c: number): boolean {
  return (b[c >>> 5] & (1 << (c & 31))) !== 0;
}
function union(a: Bits, b: Bits): Bits {
  const out = bits();
  for (let i = 0; i < 4; i++) out[i] = a[i] | b[i];
  return out;
}
function isEmpty(b: Bits): boolean {
  return (b[0] | b[1] | b[2] | b[3]) === 0;
}
function all(): Bits {
  return Uint32Array.of(~0, ~0, ~0, ~0);
}
function range(from: number, to: number): Bits {
  const b = bits();
  for (let c = from; c <= to; c++) set(b, foldUnit(c));
  if (to >= ALPHABET) set(b, ALPHABET - 1);
  return b;
}

function unionPairs(a: PairMap | null, b: PairMap | null): PairMap | null {
  if (!a || !b) return a ?? b;
  const out = a.slice();
  for (let i = 0; i < out.length; i++) out[i] |= b[i];
  return out;
}
/** `into` plus the pairs (c1, c2) for every c1 in `firsts` and c2 in `seconds`. */
function product(into: PairMap | null, firsts: Bits, seconds: Bits): PairMap | null {
  if (isEmpty(firsts) || isEmpty(seconds)) return into;
  const out = into ? into.slice() : new Uint32Array(PAIR_WORDS);
  for (let c = 0; c < ALPHABET; c++) {
    if (!has(firsts, c)) continue;
    for (let w = 0; w < 4; w++) out[c * 4 + w] |= seconds[w];
  }
  return out;
}

const EMPTY: Info = { nullable: true, first: bits(), single: bits(), pairs: null };
function char(b: Bits): Info {
  return { nullable: false, first: b, single: b, pairs: null };
}

function seq(a: Info, b: Info): Info {
  return {
    nullable: a.nullable && b.nullable,
    first: a.nullable ? union(a.first, b.first) : a.first,
    single: union(b.nullable ? a.single : bits(), a.nullable ? b.single : bits()),
    pairs: unionPairs(product(a.pairs, a.single, b.first), a.nullable ? b.pairs : null),
  };
}
function alt(a: Info, b: Info): Info {
  return { nullable: a.nullable || b.nullable, first: union(a.first, b.first), single: union(a.single, b.single), pairs: unionPairs(a.pairs, b.pairs) };
}
function repeat(x: Info, min: number, max: number): Info {
  if (max === 0) return EMPTY;
  const nullable = min === 0 || x.nullable;
  if (max === 1) return { ...x, nullable };
  // one character alone is a match only when a single repetition is (min ≤ 1, or others can be empty)
  const single = min <= 1 || x.nullable ? x.single : bits();
  return { nullable, first: x.first, single, pairs: product(x.pairs, x.single, x.first) };
}

class Unsupported extends Error {}

/** What the reader builds from each piece of a regex: the openings as bitmaps, or as short strings. */
interface Algebra<T> {
  empty: T;
  char(set: Bits): T;
  seq(a: T, b: T): T;
  alt(a: T, b: T): T;
  repeat(x: T, min: number, max: number): T;
}

const PAIRS: Algebra<Info> = { empty: EMPTY, char, seq, alt, repeat };

/** A recursive-descent reader for the regex subset phrase tables use; anything else is `Unsupported`. */
class Reader<T> {
  i = 0;
  constructor(
    private readonly src: string,
    private readonly a: Algebra<T>,
  ) {}

  alternation(): T {
    let info = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      info = this.a.alt(info, this.sequence());
    }
    return info;
  }

  private sequence(): T {
    let info = this.a.empty;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      info = this.a.seq(info, this.quantified(this.atom()));
    }
    return info;
  }

  private quantified(atom: T): T {
    const ch = this.src[this.i];
    let min = 1;
    let max = 1;
    if (ch === '?') [min, max] = [0, 1];
    else if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported('brace');
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.src[this.i] === '?') this.i++; // lazy: same language
    return this.quantified(this.a.repeat(atom, min, max));
  }

  private atom(): T {
    const ch = this.src[this.i++];
    if (ch === '(') {
      let zeroWidth = false;
      if (this.src[this.i] === '?') {
        const head = this.src.slice(this.i, this.i + 3);
        if (head.startsWith('?:')) this.i += 2;
        else if (head.startsWith('?=') || head.startsWith('?!')) [this.i, zeroWidth] = [this.i + 2, true];
        else if (head === '?<=' || head === '?<!') [this.i, zeroWidth] = [this.i + 3, true];
        else throw new Unsupported('group kind');
      }
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new Unsupported('unclosed group');
      // Lookarounds consume nothing; treating them as empty only widens the answer.
      return zeroWidth ? this.a.empty : inner;
    }
    if (ch === '[') return this.a.char(this.charClass());
    if (ch === '\\') {
      const b = this.escape(false);
      return b ? this.a.char(b) : this.a.empty;
    }
    if (ch === '.') return this.a.char(all());
    if (ch === '^' || ch === '$') return this.a.empty;
    if (ch === undefined || ch === ')' || ch === '|' || ch === '*' || ch === '+' || ch === '?') throw new Unsupported(`unexpected ${ch}`);
    return this.a.char(range(ch.charCodeAt(0), ch.charCodeAt(0)));
  }

  /** One escape after the backslash; undefined for zero-width ones (`\b`). */
  private escape(inClass: boolean): Bits | undefined {
    const code = this.singleCharEscape(inClass);
    if (code !== undefined) return range(code, code);
    const e = this.src[this.i++];
    switch (e) {
      case 'd': return range(48, 57);
      case 'w': {
        const b = union(union(range(48, 57), range(65, 90)), union(range(97, 122), range(95, 95)));
        set(b, ALPHABET - 1);
        return b;
      }
      case 's': {
        const b = bits();
        for (const c of [9, 10, 11, 12, 13, 32]) set(b, c);
        set(b, ALPHABET - 1);
        return b;
      }
      case 'D': case 'W': case 'S': return all();
      case 'p': case 'P': {
        const close = this.src.indexOf('}', this.i);
        if (this.src[this.i] !== '{' || close < 0) throw new Unsupported('property');
        this.i = close + 1;
        return all();
      }
      case 'b': case 'B': return undefined;
      default: throw new Unsupported(`escape \\${e}`);
    }
  }

  /** The code unit of an escape that stands for one character (`\n`, `\u2019`, `\.`), consumed; else undefined. */
  private singleCharEscape(inClass: boolean): number | undefined {
    const e = this.src[this.i];
    if (e === undefined) throw new Unsupported('trailing backslash');
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, v: 11 };
    if (e in simple) {
      this.i++;
      return simple[e];
    }
    if (e === 'b' && inClass) {
      this.i++;
      return 8;
    }
    if (e === 'u' || e === 'x') {
      const rest = this.src.slice(this.i + 1);
      const m = e === 'u' ? /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(rest) : /^([0-9a-fA-F]{2})/.exec(rest);
      if (!m) throw new Unsupported('hex escape');
      this.i += 1 + m[0].length;
      return parseInt(m[1] ?? m[2], 16);
    }
    if (/[A-Za-z0-9]/.test(e)) return undefined;
    this.i++;
    return e.charCodeAt(0);
  }

  private charClass(): Bits {
    if (this.src[this.i] === '^') {
      // A negated class can match nearly anything; the exact complement is not worth computing.
      const close = this.classEnd();
      this.i = close + 1;
      return all();
    }
    let out = bits();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      const lo = this.classAtom();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && typeof lo === 'number') {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi !== 'number') throw new Unsupported('class range');
        out = union(out, range(lo, hi));
      } else {
        out = union(out, typeof lo === 'number' ? range(lo, lo) : lo);
      }
    }
    if (this.src[this.i++] !== ']') throw new Unsupported('unclosed class');
    return out;
  }

  /** A code unit, or a set for escapes such as `\d` and `\p{L}`. */
  private classAtom(): number | Bits {
    const ch = this.src[this.i++];
    if (ch !== '\\') return ch.charCodeAt(0);
    return this.singleCharEscape(true) ?? this.escape(true) ?? bits();
  }

  private classEnd(): number {
    let j = this.i + 1;
    if (this.src[j] === ']') j++;
    for (; j < this.src.length; j++) {
      if (this.src[j] === '\\') j++;
      else if (this.src[j] === ']') return j;
    }
    throw new Unsupported('unclosed class');
  }
}

/**
 * The openings a regex source can match with, as a 128 × 128 bitmap (see `PairMap`), or `undefined` when
 * the source uses syntax this reader does not know; callers then scan every position, as before.
 *
 * @example
 * const map = openingPairs('calm down|relax');
 * allowsOpening(map, 'c'.charCodeAt(0), 'a'.charCodeAt(0)) // true
 * allowsOpening(map, 'c'.charCodeAt(0), 'o'.charCodeAt(0)) // false
 */
export function openingPairs(source: string): PairMap | undefined {
  const info = read(source, PAIRS);
  if (!info) return undefined;
  return pairMapOf(info);
}

function pairMapOf(info: Info): PairMap {
  const map = info.pairs ? info.pairs.slice() : new Uint32Array(PAIR_WORDS);
  for (let c1 = 0; c1 < ALPHABET; c1++) if (has(info.single, c1)) map.fill(~0, c1 * 4, c1 * 4 + 4);
  return map;
}

/** The whole source read with `algebra`, or undefined when it holds syntax the reader does not know. */
function read<T>(source: string, algebra: Algebra<T>): T | undefined {
  try {
    const reader = new Reader(source, algebra);
    const out = reader.alternation();
    return reader.i === source.length ? out : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

const QUAD = 4;
/** Past this many distinct openings a table starts with classes (`\d+`, `[\w.]+`): not worth listing. */
const QUAD_LIMIT = 512;

/**
 * Openings of up to `k` folded characters, as strings: a string shorter than `k` is a whole match, one of
 * length `k` the start of a longer one. A piece is asked only for the length still needed, so a class
 * after four letters ("delive[\p{L}]*") costs nothing, and each answer is kept per length.
 */
type Openings = (k: number) => Set<string>;

function memo(f: Openings): Openings {
  const cache: (Set<string> | undefined)[] = [];
  return (k) => (cache[k] ??= capped(k === 0 ? new Set(['']) : f(k)));
}

const QUADS: Algebra<Openings> = {
  empty: () => new Set(['']),
  char(set) {
    return memo(() => {
      const out = new Set<string>();
      for (let c = 0; c < ALPHABET; c++) if (has(set, c)) out.add(String.fromCharCode(c));
      return out;
    });
  },
  seq(a, b) {
    return memo((k) => {
      const out = new Set<string>();
      for (const x of a(k)) {
        if (x.length === k) out.add(x);
        else for (const y of b(k - x.length)) out.add(x + y);
        capped(out);
      }
      return out;
    });
  },
  alt(a, b) {
    return memo((k) => new Set([...a(k), ...b(k)]));
  },
  repeat(x, min, max) {
    return memo((k) => {
      // Each repetition that matches something adds a character, so past `min + k` of them nothing new
      // can start a match.
      let current: Openings = QUADS.empty;
      const out = new Set<string>(min === 0 ? [''] : []);
      for (let i = 1; i <= Math.min(max, min + k); i++) {
        current = QUADS.seq(current, x);
        if (i >= min) for (const str of current(k)) out.add(str);
      }
      return out;
    });
  },
};

function capped(s: Set<string>): Set<string> {
  if (s.size > QUAD_LIMIT) throw new Unsupported('too many openings');
  return s;
}

/**
 * The four-character openings of a regex source, packed (see `packQuad`): every match of four or more
 * characters starts with one of `full`; a shorter match is listed whole in `shorter[length]`. Undefined
 * when they are too many to filter by, or the syntax is not read.
 *
 * @example
 * const q = openingQuads('calm down|no')!;
 * q.full.has(packQuad('calm'))           // true
 * q.shorter[2].has(packQuad('no') >>> 14) // true
 */
export function openingQuads(source: string): QuadSet | undefined {
  const openings = read(source, QUADS);
  let strings: Set<string>;
  try {
    strings = openings ? openings(QUAD) : new Set();
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
  if (!openings) return undefined;
  const quads: QuadSet = { full: new Set(), shorter: [new Set(), new Set(), new Set(), new Set()] };
  for (const s of strings) {
    if (s.length === QUAD) quads.full.add(packQuad(s));
    else if (s.length > 0) quads.shorter[s.length].add(packQuad(s) >>> (7 * (QUAD - s.length)));
  }
  return quads;
}

/** Openings four characters long; see {@link openingQuads}. */
export interface QuadSet {
  full: Set<number>;
  shorter: [Set<number>, Set<number>, Set<number>, Set<number>];
}

/** The four code units of `s` from `at`, folded and packed first-highest: `c1 << 21 | c2 << 14 | c3 << 7 | c4` (0 past the end). */
export function packQuad(s: string, at = 0): number {
  let key = 0;
  for (let k = 0; k < QUAD; k++) key = (key << 7) | (at + k < s.length ? foldUnit(s.charCodeAt(at + k)) : 0);
  return key;
}

/** Whether a position whose packed opening is `key` may start a match. */
export function allowsQuad(q: QuadSet, key: number): boolean {
  return q.full.has(key) || q.shorter[3].has(key >>> 7) || q.shorter[2].has(key >>> 14) || q.shorter[1].has(key >>> 21);
}

/** Whether a match may open with the (folded) characters `c1`, `c2`. */
export function allowsOpening(map: PairMap, c1: number, c2: number): boolean {
  const bit = foldUnit(c1) * ALPHABET + foldUnit(c2);
  return (map[bit >>> 5] & (1 << (bit & 31))) !== 0;
}
