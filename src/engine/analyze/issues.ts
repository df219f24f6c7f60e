import { compileTable, findPhrases } from '../text/matcher.ts';
import { splitSentences } from '../text/sentences.ts';
import type { IssueFinding, Sentence } from '../types.ts';
import { ISSUE_TABLES, type IssueEntry } from './issues.data.ts';

const TABLE = compileTable(ISSUE_TABLES.flat());
const MAX_ISSUES = 50;
/** Repeats of one issue are dropped, so this many matches is plenty for any real message. */
const MATCH_LIMIT = 1000;

/** An issue with how much it upsets on its own (fed to scoring as a complaint cue). */
export interface WeightedIssue extends IssueFinding {
  weight: number;
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
  for (const m of findPhrases(text, TABLE, sentences, { skipNegated: false, limit: MATCH_LIMIT })) {
    if (out.length >= MAX_ISSUES) break;
    const entry = m.entry as IssueEntry;
    const label = issueLabel(entry, m.text);
    if (labels.has(label)) continue;
    labels.add(label);
    out.push({ category: entry.category, phrase: m.text, range: m.range, label, weight: entry.weight });
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
};
const DETERMINERS = new Set(['my', 'our', 'the', 'this', 'these', 'your']);
/** Where the customer's noun phrase ends and the complaint begins: "my new phone | is broken". */
const PREDICATE = new Set([
  'is', 'was', 'are', 'were', 'has', 'have', 'keeps', 'keep', 'seems', "isn't", "doesn't", "won't", 'wont', "can't", 'cannot',
  'stopped', 'arrived', 'came', 'showed', 'turned', 'not', 'never', 'still', "hasn't", "haven't", "didn't", 'does', 'will', 'no',
]);

/**
 * Fills an entry's label from the matched text.
 *
 * @example
 * issueLabel(DEFECT[1], 'my new phone is broken') // 'the fault with your new phone'
 */
export function issueLabel(entry: IssueEntry, matched: string): string {
  const words = matched.toLowerCase().replace(/’/g, "'").split(/\s+/).filter(Boolean);
  let obj = entry.obj ?? 'order';
  for (const w of words) {
    const found = OBJECTS[w.replace(/[^a-z]/g, '')];
    if (found) {
      obj = found;
      break;
    }
  }
  let np = `your ${obj}`;
  if (words.length > 1 && DETERMINERS.has(words[0])) {
    const rest: string[] = [];
    for (const w of words.slice(1)) {
      if (PREDICATE.has(w)) break;
      rest.push(w);
    }
    if (rest.length > 0 && rest.length < words.length - 1) np = `your ${rest.join(' ')}`;
  }
  return entry.label.replace('$OBJ', obj).replace('$NP', np).replace('$TEXT', words.join(' '));
}
