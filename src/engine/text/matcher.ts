import type { Range, Sentence } from '../types.ts';
import { sentenceAt } from './sentences.ts';

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

/** A compiled table: one alternation regex, so a table costs one scan of the text whatever its size. */
export interface CompiledTable {
  entries: readonly PhraseEntry[];
  /** Case-insensitive form, used for the rare text whose lower-case form has a different length. */
  regex: RegExp;
  /**
   * The same table lower-cased, matched without the `i` flag against the lower-cased text. Equivalent, and
   * about three times faster in V8: case-insensitive Unicode matching defeats its quick checks.
   */
  lower: RegExp;
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
export function compileTable(entries: readonly PhraseEntry[]): CompiledTable {
  const parts = entries.map((e) => {
    const src = normalizePattern(e.pattern);
    const probe = new RegExp(`${src}|`, 'iu');
    const groups = (probe.exec('') ?? []).length - 1;
    if (groups !== 0) throw new Error(`pattern captures; use (?:…): ${e.pattern}`);
    return `(${src})`;
  });
  const source = `${WORD_BEFORE}(?:${parts.join('|') || '(?!)'})${WORD_AFTER}`;
  return { entries, regex: new RegExp(source, 'giu'), lower: new RegExp(lowerPattern(source), 'gu') };
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

let lastText: string | undefined;
let lastLower: string | undefined;

/**
 * The text lower-cased code unit for code unit, so every offset still points at the same character. The
 * few characters whose lower case is longer ("İ") stay as they are. Remembers the last text: a draft is
 * matched against many tables in a row.
 */
function lowerKeepingOffsets(text: string): string | undefined {
  if (text !== lastText) {
    let low = text.toLowerCase();
    if (low.length !== text.length) low = lowerUnitByUnit(text);
    lastText = text;
    lastLower = low.length === text.length ? low : undefined;
  }
  return lastLower;
}

function lowerUnitByUnit(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const ch = text[i];
    if (ch.toLowerCase().length !== 1) {
      parts.push(text.slice(from, i).toLowerCase(), ch);
      from = i + 1;
    }
  }
  parts.push(text.slice(from).toLowerCase());
  return parts.join('');
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
export function findPhrases(
  text: string,
  table: CompiledTable,
  sentences?: Sentence[],
  options: MatchOptions = {},
): PhraseMatch[] {
  const { skipNegated = true, skipQuoted = true, limit = Infinity } = options;
  const out: PhraseMatch[] = [];
  const lowered = lowerKeepingOffsets(text);
  const re = lowered === undefined ? table.regex : table.lower;
  const subject = lowered ?? text;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = re.exec(subject)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let index = 1;
    while (index < m.length && m[index] === undefined) index++;
    const start = m.index;
    const end = start + m[0].length;
    const sentence = sentences ? sentenceAt(sentences, start) : undefined;
    // Without sentences, the line is the clause; look back a bounded distance so one huge line stays linear.
    const sStart = sentence ? sentence.range[0] : lineStartNear(text, start);
    if (skipNegated && isNegated(text, sStart, start)) continue;
    if (skipQuoted && isQuoted(text, sStart, start, sentence ? sentence.range[1] : text.length)) continue;
    out.push({ entry: table.entries[index - 1], index: index - 1, range: [start, end], text: lowered === undefined ? m[0] : text.slice(start, end) });
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
  const before = text.slice(sentenceStart, matchStart);
  const opens = (before.match(/["“”]/g) ?? []).length;
  if (opens % 2 === 1) return /["“”]/.test(text.slice(matchStart, sentenceEnd));
  // single quotes only count when they open a quote: preceded by space, not an apostrophe in a word
  const singles = (before.match(/(?:^|\s)['‘]/g) ?? []).length;
  return singles > 0 && /['’](?:\s|[.,!?]|$)/.test(text.slice(matchStart, sentenceEnd));
}

/** True when any phrase of the table occurs (negation and quotes honoured). */
export function hasPhrase(text: string, table: CompiledTable, sentences?: Sentence[], options?: MatchOptions): boolean {
  return findPhrases(text, table, sentences, options).length > 0;
}
