import { compileTable, findPhrases, isNegated, type CompiledTable, type PhraseEntry } from '../text/matcher.ts';
import type { Evidence, IssueCategory, IssueFinding, Need, NeedFinding, Sentence, Signal } from '../types.ts';
import { NEEDS, SIGNAL_TABLES, type NeedEntry, type SignalEntry } from './signals.data.ts';
import { sentenceIndexAt } from './spans.ts';

const SIGNALS = compileTable(SIGNAL_TABLES.flat());
const NEED_TABLE = compileTable(NEEDS);
/** Signals worth listing per message; beyond this they repeat and only cost memory on hostile input. */
const MAX_PER_KIND = 20;
/** Enough matches for every kind to reach its cap in any real message; bounds work on hostile input. */
const MATCH_LIMIT = 1000;
/** Issues about a thing the customer has or is waiting for: "fix it" then asks for a repair or a new one. */
const PRODUCT_ISSUES: ReadonlySet<IssueCategory> = new Set(['defect', 'delivery']);

/**
 * Finds the signals of a customer message (churn, review, legal, repeat contact, transfers, loyalty,
 * deadline, abuse), with the count or tenure when stated.
 *
 * @example
 * findSignals('Third time I write. Customer for 12 years!', sentences).map((s) => [s.kind, s.value])
 * // [['repeat-contact', 3], ['loyalty', 12]]
 */
export function findSignals(text: string, sentences: Sentence[]): Signal[] {
  const out: Signal[] = [];
  const perKind = new Map<string, number>();
  for (const m of matchesKeepingNegation(text, SIGNALS, sentences)) {
    const entry = m.entry as SignalEntry;
    if (entry.notAsked && askedHowTo(text, sentences, m.range[0])) continue;
    const n = perKind.get(entry.kind) ?? 0;
    if (n >= MAX_PER_KIND) continue;
    perKind.set(entry.kind, n + 1);
    const signal: Signal = { kind: entry.kind, evidence: { range: m.range, text: m.text } };
    if (entry.kind === 'repeat-contact' || entry.kind === 'transferred' || entry.kind === 'loyalty') {
      const value = parseCount(m.text);
      if (value !== undefined) signal.value = value;
    }
    out.push(signal);
  }
  return out;
}

/**
 * Finds what the customer needs (timing, money, a working product, information, acknowledgement,
 * escalation), one finding per need with every piece of evidence.
 */
export function findNeeds(text: string, sentences: Sentence[], issues: readonly Pick<IssueFinding, 'category'>[] = []): NeedFinding[] {
  const byNeed = new Map<Need, Evidence[]>();
  // With issues known and none about a thing (a product, a parcel), "fix it" is about the account or the bill.
  const aboutThing = issues.length === 0 || issues.some((i) => PRODUCT_ISSUES.has(i.category));
  for (const m of matchesKeepingNegation(text, NEED_TABLE, sentences)) {
    const entry = m.entry as NeedEntry;
    if (entry.aboutProduct && !aboutThing) continue;
    const need = entry.need;
    const list = byNeed.get(need) ?? [];
    if (list.length < MAX_PER_KIND) list.push({ range: m.range, text: m.text });
    byNeed.set(need, list);
  }
  return [...byNeed].map(([need, evidence]) => ({ need, evidence }));
}

/**
 * How-to openings: "how do I", "can I", "is it possible to", "what do I do to", "tell me how to". Read in the
 * sentence before the phrase, up to 80 characters back.
 */
const HOW_TO = /(?:^|[^\p{L}])(?:how (?:do|can|could|would|should|to|does one|are we supposed to)|what (?:do|should|must) (?:i|we) (?:do|need)|(?:is it|is there (?:a|any) way|possible|able) to|(?:can|could|may) (?:i|we|you)|steps? (?:to|for)|(?:want|like|need) to know how|tell me how|show me how|where (?:do|can|should) (?:i|we)|the (?:way|process|procedure) to)(?![\p{L}])/iu;

function askedHowTo(text: string, sentences: Sentence[], at: number): boolean {
  const i = sentenceIndexAt(sentences, at);
  const from = Math.max(i >= 0 ? sentences[i].range[0] : 0, at - 80);
  return HOW_TO.test(text.slice(from, at).replace(/’/g, "'"));
}

/** Matches with the negation skip applied only to entries marked `negatable`. */
function matchesKeepingNegation(text: string, table: CompiledTable, sentences: Sentence[]) {
  return findPhrases(text, table, sentences, { skipNegated: false, limit: MATCH_LIMIT }).filter((m) => {
    if (!(m.entry as PhraseEntry & { negatable?: boolean }).negatable) return true;
    const i = sentenceIndexAt(sentences, m.range[0]);
    return !isNegated(text, i >= 0 ? sentences[i].range[0] : 0, m.range[0]);
  });
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, dozen: 12,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, hundredth: 100, millionth: 1000000,
};

/**
 * The first count stated in a phrase: digits ("5 times", "3rd"), number words ("twelve years") or
 * ordinals ("fourth time"); "twenty-two" adds up. Undefined for vague counts ("several times").
 *
 * @example
 * parseCount('the third time') // 3
 */
export function parseCount(phrase: string): number | undefined {
  const digits = /\d+/.exec(phrase);
  if (digits) {
    const n = Number(digits[0]);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  const words = phrase.toLowerCase().split(/[^a-z]+/);
  for (let i = 0; i < words.length; i++) {
    const v = NUMBER_WORDS[words[i]];
    if (v === undefined) continue;
    const next = NUMBER_WORDS[words[i + 1] ?? ''];
    return v >= 20 && next !== undefined && next < 10 ? v + next : v;
  }
  return undefined;
}
