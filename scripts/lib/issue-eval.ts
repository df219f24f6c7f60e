// Issue categories and needs on BANKING77 queries, scored against the intent maps: per category precision,
// recall and F1 (classification_report style), the macro and micro lines, how often a plain question is given an
// issue, and per need precision and recall. Used by `npm run eval` (held-out split) and by tuning (tune split).
import type { IssueCategory, Need } from '../../src/engine/types.ts';
import type { BankingQuery } from './banking.ts';

/** The categories the issue map scores, in report order. */
export const SCORED_CATEGORIES: readonly IssueCategory[] = ['delivery', 'billing', 'refund', 'defect', 'account'];
export const NEEDS: readonly Need[] = ['timing', 'financial', 'replacement', 'information'];

export interface Reading {
  categories: readonly IssueCategory[];
  needs: readonly Need[];
}

export interface CategoryRow {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface IssueReport {
  rows: CategoryRow[];
  macro: { precision: number; recall: number; f1: number };
  micro: { precision: number; recall: number; f1: number };
  /** Plain questions (`none` intents) given any issue, as a share. */
  plainWithIssue: number;
  plainCount: number;
  /** Problem queries whose first issue is the right category. */
  firstRight: number;
  needs: CategoryRow[];
  /** Ids of scored queries read wrongly (a missed or a wrong category, or an issue on a plain question). */
  misses: { id: string; truth: IssueCategory | 'none'; got: readonly IssueCategory[] }[];
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const f1of = (p: number, r: number) => (p + r === 0 || Number.isNaN(p) || Number.isNaN(r) ? 0 : (2 * p * r) / (p + r));

/**
 * Scores `read` over `queries` (only intents the issue map scores: a category or `none`). A category counts as
 * found when any issue of the message has it; precision counts every scored query given that category.
 *
 * @example
 * issueReport(queries, issueMap, needMap, (t) => ({ categories: analyzeMessage(t).issues.map((i) => i.category), needs: [] }))
 */
export function issueReport(
  queries: readonly BankingQuery[],
  issueMap: ReadonlyMap<string, IssueCategory | 'none'>,
  needMap: ReadonlyMap<string, readonly Need[]>,
  read: (text: string) => Reading,
): IssueReport {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const support = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let plain = 0;
  let plainWithIssue = 0;
  let problems = 0;
  let firstRight = 0;
  const misses: IssueReport['misses'] = [];
  for (const q of queries) {
    const truth = issueMap.get(q.intent);
    const r = read(q.text);
    // Needs are scored on every query (the need map lists every intent), except `information` on queries that
    // report a problem: the map lists only their remedy, and whether one also asks "why" depends on its wording.
    const gold = new Set(needMap.get(q.intent) ?? []);
    for (const n of NEEDS) {
      if (n === 'information' && truth !== undefined && truth !== 'none') continue;
      const has = r.needs.includes(n);
      if (gold.has(n)) bump(support, `need:${n}`);
      if (has && gold.has(n)) bump(tp, `need:${n}`);
      else if (has) bump(fp, `need:${n}`);
    }
    if (truth === undefined) continue;
    const got = new Set(r.categories);
    if (truth === 'none') {
      plain++;
      if (got.size > 0) {
        plainWithIssue++;
        misses.push({ id: q.id, truth, got: [...got] });
      }
    } else {
      problems++;
      bump(support, truth);
      if (r.categories[0] === truth) firstRight++;
      if (!got.has(truth) || got.size > 1) misses.push({ id: q.id, truth, got: [...got] });
    }
    for (const c of got) {
      if (!SCORED_CATEGORIES.includes(c)) continue;
      if (c === truth) bump(tp, c);
      else bump(fp, c);
    }
  }
  const row = (key: string, label: string): CategoryRow => {
    const t = tp.get(key) ?? 0;
    const s = support.get(key) ?? 0;
    const precision = ratio(t, t + (fp.get(key) ?? 0));
    const recall = ratio(t, s);
    return { label, precision, recall, f1: f1of(precision, recall), support: s };
  };
  const rows = SCORED_CATEGORIES.map((c) => row(c, c));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0) / xs.length;
  const tpAll = SCORED_CATEGORIES.reduce((a, c) => a + (tp.get(c) ?? 0), 0);
  const fpAll = SCORED_CATEGORIES.reduce((a, c) => a + (fp.get(c) ?? 0), 0);
  const microP = ratio(tpAll, tpAll + fpAll);
  const microR = ratio(tpAll, problems);
  return {
    rows,
    macro: { precision: mean(rows.map((r) => r.precision)), recall: mean(rows.map((r) => r.recall)), f1: mean(rows.map((r) => r.f1)) },
    micro: { precision: microP, recall: microR, f1: f1of(microP, microR) },
    plainWithIssue: ratio(plainWithIssue, plain),
    plainCount: plain,
    firstRight: ratio(firstRight, problems),
    needs: NEEDS.map((n) => row(`need:${n}`, n)),
    misses,
  };
}

/**
 * A keyword baseline in the same table: the first category whose words occur in the text, the way a help-desk
 * routing rule would be written in a minute. Needs: the obvious words for each.
 */
export function keywordReading(text: string): Reading {
  const t = text.toLowerCase();
  const categories: IssueCategory[] = [];
  const add = (c: IssueCategory, re: RegExp) => {
    if (re.test(t) && !categories.includes(c)) categories.push(c);
  };
  add('refund', /\brefund/);
  add('billing', /\b(?:charged?|charges|fees?|exchange rate|twice|don'?t recogni[sz]e)\b/);
  add('delivery', /\b(?:arrived?|delivery|delivered|not received|haven'?t received)\b/);
  add('defect', /\b(?:declined|failed|not working|doesn'?t work|won'?t work|rejected)\b/);
  add('account', /\b(?:blocked|locked|stolen|lost|hacked|forgot|password|passcode|verify)\b/);
  const needs: Need[] = [];
  if (/\b(?:when|how long|still|yet|waiting)\b/.test(t)) needs.push('timing');
  if (/\b(?:refund|money back|charged?|fee)\b/.test(t)) needs.push('financial');
  if (/\b(?:new card|replace|replacement|unblock|fix)\b/.test(t)) needs.push('replacement');
  if (/\?|\b(?:how|what|why|where|can i)\b/.test(t)) needs.push('information');
  return { categories, needs };
}

const f = (v: number) => (Number.isNaN(v) ? '  n/a' : v.toFixed(3));

/** The report as a classification_report-style table, with a baseline's macro line and plain-question rate beside it. */
export function formatIssueReport(title: string, r: IssueReport, baseline?: { name: string; report: IssueReport }): string {
  const out: string[] = [title, `${'category'.padEnd(12)} precision  recall     F1  support`];
  const line = (label: string, p: number, rec: number, f1: number, s: number | string) =>
    `${label.padEnd(12)} ${f(p).padStart(9)} ${f(rec).padStart(7)} ${f(f1).padStart(6)} ${String(s).padStart(8)}`;
  for (const row of r.rows) out.push(line(row.label, row.precision, row.recall, row.f1, row.support));
  const support = r.rows.reduce((a, x) => a + x.support, 0);
  out.push(line('macro', r.macro.precision, r.macro.recall, r.macro.f1, support));
  out.push(line('micro', r.micro.precision, r.micro.recall, r.micro.f1, support));
  if (baseline) out.push(line(`${baseline.name} macro`.slice(0, 12), baseline.report.macro.precision, baseline.report.macro.recall, baseline.report.macro.f1, support));
  out.push(`plain questions given an issue: ${f(r.plainWithIssue)} of ${r.plainCount}${baseline ? ` (${baseline.name} ${f(baseline.report.plainWithIssue)})` : ''}; first issue in the right category: ${f(r.firstRight)}`);
  out.push('', `${'need'.padEnd(12)} precision  recall     F1  support${baseline ? `   ${baseline.name} P / R` : ''}`);
  r.needs.forEach((row, i) => {
    const b = baseline?.report.needs[i];
    out.push(line(row.label, row.precision, row.recall, row.f1, row.support) + (b ? `   ${f(b.precision)} / ${f(b.recall)}` : ''));
  });
  return out.join('\n');
}
