import { compileTable, findPhrases, type CompiledTable, type PhraseMatch } from '../text/matcher.ts';
import { openingQuads } from '../text/prefix.ts';
import { splitSentences } from '../text/sentences.ts';
import type { IssueFinding, Need, Sentence } from '../types.ts';
import { ISSUE_TABLES, type IssueEntry } from './issues.data.ts';

/**
 * Past about 20,000 characters of source V8 stops optimizing a regular expression, and one alternation of
 * every issue phrase ran ten times slower than the same phrases in a few smaller tables. So the entries are
 * compiled in order into tables of at most this much source each, and their matches merged (see
 * {@link matchIssues}).
 */
const MAX_TABLE_SOURCE = 12_000;
/**
 * And of at most this many four-character openings, so that each table keeps its opening filter (the matcher
 * drops it past 512) and is skipped outright by a text that has none of them. Not fewer: every table costs a
 * few microseconds a text even when skipped, so four tables of 12,000 characters beat eight of 6,000.
 */
const MAX_TABLE_OPENINGS = 500;

function openingsOf(entry: IssueEntry): number {
  const q = openingQuads(entry.pattern.replace(/'/g, "['’]").toLowerCase());
  return q ? q.full.size + q.shorter.reduce((a, s) => a + s.size, 0) : MAX_TABLE_OPENINGS;
}

function chunked(entries: readonly IssueEntry[]): { table: CompiledTable; offset: number }[] {
  const out: { table: CompiledTable; offset: number }[] = [];
  let start = 0;
  let size = 0;
  let openings = 0;
  for (let i = 0; i <= entries.length; i++) {
    const len = i < entries.length ? entries[i].pattern.length + 8 : 0;
    const open = i < entries.length ? openingsOf(entries[i]) : 0;
    if (i === entries.length || (i > start && (size + len > MAX_TABLE_SOURCE || openings + open > MAX_TABLE_OPENINGS))) {
      out.push({ table: compileTable(entries.slice(start, i)), offset: start });
      start = i;
      size = 0;
      openings = 0;
    }
    size += len;
    openings += open;
  }
  return out;
}

const ENTRIES = ISSUE_TABLES.flat();
const TABLES = chunked(ENTRIES);
const MAX_ISSUES = 50;
/** Repeats of one issue are dropped, so this many matches is plenty for any real message. */
const MATCH_LIMIT = 1000;

/** An issue with how much it upsets on its own (fed to scoring as a complaint cue). */
export interface WeightedIssue extends IssueFinding {
  weight: number;
  /** What a reply must serve for this issue when the customer does not say it (see `IssueEntry.needs`). */
  needs?: readonly Need[];
}

/**
 * Finds the issues a customer message names, in text order, one per distinct label, each with its key
 * phrase, span and a label an agent can say back.
 *
 * @example
 * findIssues('I was charged twice for one order.', sentences)[0]
 * // { category: 'billing', phrase: 'charged twice', range: [6, 19], label: 'the double charge', weight: 0.45 }
 */
export function findIssues(text: string, sentences: Sentence[]): WeightedIssue[] {
  const out: WeightedIssue[] = [];
  const labels = new Set<string>();
  for (const m of matchIssues(text, sentences)) {
    if (out.length >= MAX_ISSUES) break;
    const entry = m.entry as IssueEntry;
    const label = issueLabel(entry, m.text);
    if (labels.has(label)) continue;
    labels.add(label);
    const issue: WeightedIssue = { category: entry.category, phrase: m.text, range: m.range, label, weight: entry.weight };
    if (entry.needs) issue.needs = entry.needs;
    out.push(issue);
  }
  return out;
}

/**
 * The matches of every issue table, as one alternation of all the entries would give them: leftmost first; at
 * one position the earlier entry wins; a match that starts inside a kept one is dropped.
 */
function matchIssues(text: string, sentences: Sentence[]): PhraseMatch[] {
  if (TABLES.length === 1) return findPhrases(text, TABLES[0].table, sentences, { skipNegated: false, limit: MATCH_LIMIT });
  const all: PhraseMatch[] = [];
  for (const { table, offset } of TABLES) {
    for (const m of findPhrases(text, table, sentences, { skipNegated: false, limit: MATCH_LIMIT })) all.push({ ...m, index: m.index + offset });
  }
  all.sort((a, b) => a.range[0] - b.range[0] || a.index - b.index);
  const out: PhraseMatch[] = [];
  let end = 0;
  for (const m of all) {
    if (m.range[0] < end) continue;
    out.push(m);
    end = m.range[1];
    if (out.length >= MATCH_LIMIT) break;
  }
  return out;
}

/**
 * The wording a reply can use for an issue phrase found earlier: a case keeps the customer's own words
 * ("change my password", "charged twice"), a reply says "the sign-in trouble", "the double charge".
 * Undefined when the phrase names no issue the analyzer knows.
 *
 * @example
 * labelIssue('charged twice') // 'the double charge'
 */
export function labelIssue(phrase: string): string | undefined {
  return findIssues(phrase, splitSentences(phrase))[0]?.label;
}

/** Things an issue can be about, as they appear in messages, with the word an agent would use. */
const OBJECTS: Record<string, string> = {
  order: 'order', orders: 'order', package: 'package', parcel: 'parcel', delivery: 'delivery', shipment: 'shipment',
  item: 'item', items: 'items', goods: 'order', purchase: 'purchase', stuff: 'order', box: 'box', food: 'food',
  refund: 'refund', account: 'account', profile: 'profile', channel: 'channel', email: 'email', card: 'card',
  size: 'size', colour: 'colour', color: 'color', product: 'product', address: 'address', model: 'model', book: 'book',
  app: 'app', phone: 'phone', laptop: 'laptop',
  // Banking: what a payment problem is about ("the declined transfer", "the direct debit you do not recognize")
  payment: 'payment', payments: 'payment', charge: 'charge', charges: 'charge', transaction: 'transaction', transactions: 'transaction',
  transcation: 'transaction', transfer: 'transfer', transfers: 'transfer', tranfer: 'transfer', withdrawal: 'withdrawal',
  withdrawals: 'withdrawal', withdrawl: 'withdrawal', topup: 'top-up', topups: 'top-up', top: 'top-up',
  fee: 'fee', fees: 'fee', direct: 'direct debit', rate: 'exchange rate', cash: 'cash withdrawal', money: 'money', funds: 'money', cheque: 'cheque', check: 'cheque', balance: 'balance', deposit: 'deposit', cards: 'card', pin: 'PIN', passcode: 'passcode',
  password: 'password', wallet: 'wallet', purse: 'purse', handbag: 'handbag', bag: 'bag', mobile: 'phone', cell: 'phone',
  details: 'card details', identity: 'identity', contactless: 'contactless', beneficiary: 'beneficiary',
};
const DETERMINERS = new Set(['my', 'our', 'the', 'this', 'these', 'your']);
/** Where the customer's noun phrase ends and the complaint begins: "my new phone | is broken". */
const PREDICATE = new Set([
  'is', 'was', 'are', 'were', 'has', 'have', 'keeps', 'keep', 'seems', "isn't", "doesn't", "won't", 'wont', "can't", 'cannot',
  'stopped', 'arrived', 'came', 'showed', 'turned', 'not', 'never', 'still', "hasn't", "haven't", "didn't", 'does', 'will', 'no',
]);

/**
 * The first thing an issue is about among `words` (lower-cased), as an agent would call it; undefined when
 * none of them names one.
 *
 * @example
 * namedObject(['my', 'top-up', 'failed']) // 'top-up'
 */
export function namedObject(words: readonly string[]): string | undefined {
  for (const w of words) {
    const found = OBJECTS[w.replace(/[^a-z]/g, '')];
    if (found) return found;
  }
  return undefined;
}

/**
 * Fills an entry's label from the matched text.
 *
 * @example
 * issueLabel(DEFECT[1], 'my new phone is broken') // 'the fault with your new phone'
 */
export function issueLabel(entry: IssueEntry, matched: string): string {
  const words = matched.toLowerCase().replace(/’/g, "'").split(/\s+/).filter(Boolean);
  const obj = namedObject(words) ?? entry.obj ?? 'order';
  let np = `your ${obj}`;
  if (words.length > 1 && DETERMINERS.has(words[0])) {
    const rest: string[] = [];
    for (const w of words.slice(1)) {
      if (PREDICATE.has(w)) break;
      rest.push(w);
    }
    if (rest.length > 0 && rest.length < words.length - 1) np = `your ${rest.join(' ')}`;
  }
  // Functions, not strings: the customer's words may hold `$&` or `$1`, which a replacement string would expand.
  return entry.label.replace('$OBJ', () => obj).replace('$NP', () => np).replace('$TEXT', () => words.join(' '));
}
