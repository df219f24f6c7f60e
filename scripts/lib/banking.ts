// BANKING77 train (shared/data/banking77, CC BY 4.0) for issue and need detection: the queries, the intent →
// issue-category map (shared), the intent → needs map (data/banking77/need-map.json), and the held-out split
// that tuning never reads.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { IssueCategory, Need } from '../../src/engine/types.ts';
import { DATA_DIR } from './goemotions.ts';

export interface BankingQuery {
  /** `b77:<row>`: the row of train.csv (0-based, header excluded), the same ids as data/labels/banking-turns.jsonl. */
  id: string;
  text: string;
  intent: string;
  /** `heldout` (≈30 % of every intent, never read while tuning) or `tune`. */
  split: 'tune' | 'heldout';
}

/** Share of each intent held out from issue tuning. */
export const HELDOUT_SHARE = 0.3;

/**
 * The issue split. Within each intent, queries are ranked by SHA-1("b77-issue-heldout:" + text) and the first
 * 30 % (rounded up) are `heldout`: content-blind, stratified by intent, and fixed by the text alone (a query keeps
 * its side whatever else the file holds). Tuning phrases, needs and any learned part reads only `tune`.
 */
export function issueSplit(rows: readonly { text: string; intent: string }[]): ('tune' | 'heldout')[] {
  const byIntent = new Map<string, { i: number; key: string }[]>();
  rows.forEach((r, i) => {
    const list = byIntent.get(r.intent) ?? [];
    list.push({ i, key: createHash('sha1').update(`b77-issue-heldout:${r.text}`).digest('hex') });
    byIntent.set(r.intent, list);
  });
  const out = new Array<'tune' | 'heldout'>(rows.length).fill('tune');
  for (const list of byIntent.values()) {
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
    const n = Math.ceil(list.length * HELDOUT_SHARE);
    for (let k = 0; k < n; k++) out[list[k].i] = 'heldout';
  }
  return out;
}

export function readBanking77(dataDir = DATA_DIR): BankingQuery[] {
  const file = join(dataDir, 'banking77', 'train.csv');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: set DEFUSE_DATA_DIR to the folder holding banking77/ (${(err as Error).message})`);
  }
  const rows = (parse(raw, { columns: true }) as { text: string; category: string }[]).map((r) => ({ text: r.text, intent: r.category }));
  const split = issueSplit(rows);
  return rows.map((r, i) => ({ id: `b77:${i}`, text: r.text, intent: r.intent, split: split[i] }));
}

/** What the issue map says an intent is about: a category, `none` (a plain question), or unscored. */
export type IssueTruth = IssueCategory | 'none' | undefined;

/** Intent → issue category or `none`, from shared/data/banking77/issue-map.json. */
export function readIssueMap(dataDir = DATA_DIR): Map<string, IssueCategory | 'none'> {
  const raw = JSON.parse(readFileSync(join(dataDir, 'banking77', 'issue-map.json'), 'utf8')) as Record<string, string | string[]>;
  const out = new Map<string, IssueCategory | 'none'>();
  for (const [key, intents] of Object.entries(raw)) {
    if (key.startsWith('_') || !Array.isArray(intents)) continue;
    for (const intent of intents) out.set(intent, key as IssueCategory | 'none');
  }
  return out;
}

/** Intent → the needs a reply should serve, from data/banking77/need-map.json (every intent listed). */
export function readNeedMap(root: string): Map<string, Need[]> {
  const raw = JSON.parse(readFileSync(join(root, 'data', 'banking77', 'need-map.json'), 'utf8')) as Record<string, unknown>;
  const out = new Map<string, Need[]>();
  for (const [intent, needs] of Object.entries(raw)) {
    if (intent.startsWith('_')) continue;
    out.set(intent, needs as Need[]);
  }
  return out;
}
