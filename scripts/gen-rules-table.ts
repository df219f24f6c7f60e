// Regenerates the README's rules table from rule metadata (`npm run docs:rules`); `--check` exits 1 when
// the committed table is stale instead of writing. The table is never edited by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkReply, PRINCIPLES, RULES, type Rule } from '../src/engine/index.ts';
import { ROOT } from '../src/cli/project.ts';
import { customerContext, readReplySet, RULES_FOR } from './lib/replies.ts';

export const START = '<!-- rules-table:start -->';
export const END = '<!-- rules-table:end -->';

/** Table cells must not break the row: escape pipes, flatten line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

/** A rule's precision and recall on the held-out real replies, against the label it measures. */
export interface RuleMeasure {
  label: string;
  precision: number;
  recall: number;
  /** Held-out replies carrying the label. */
  support: number;
}

/**
 * Measures every rule that stands for a reply label (`RULES_FOR`) on the held-out brands of
 * data/labels/reply-turns.jsonl, as `npm run eval:replies` does: a reply counts as flagged by the rule when
 * it has any finding of it, with the customer's earlier turns as context.
 */
export function measureRules(rules: readonly Rule[]): Map<string, RuleMeasure> {
  const rows = readReplySet(ROOT).filter((r) => r.split === 'heldout');
  const fired = rows.map((r) => new Set(checkReply(r.text, { customerMessage: customerContext(r) || undefined }, { ruleList: rules }).findings.map((f) => f.ruleId)));
  const out = new Map<string, RuleMeasure>();
  for (const [label, ids] of Object.entries(RULES_FOR)) {
    const gold = rows.map((r) => r.violations.some((v) => v.label === label));
    for (const id of ids) {
      let tp = 0;
      let fp = 0;
      gold.forEach((g, i) => {
        if (!fired[i].has(id)) return;
        if (g) tp++;
        else fp++;
      });
      const support = gold.filter(Boolean).length;
      out.set(id, { label, precision: tp + fp ? tp / (tp + fp) : NaN, recall: support ? tp / support : NaN, support });
    }
  }
  return out;
}

function measured(m: RuleMeasure | undefined): string {
  if (!m) return '';
  const f = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(2));
  return `${f(m.precision)} / ${f(m.recall)} (${m.support})`;
}

/**
 * The Markdown table, one row per rule in registry order, with each rule's measured precision / recall on
 * held-out real replies when `measures` are given.
 *
 * @example
 * renderRulesTable(RULES).split('\n')[0] // '| Rule | Principle | Severity | Fixable | Applies to | Held-out P / R (n) | Description |'
 */
export function renderRulesTable(rules: readonly Rule[], measures: Map<string, RuleMeasure> = new Map()): string {
  const rows = [
    '| Rule | Principle | Severity | Fixable | Applies to | Held-out P / R (n) | Description |',
    '|---|---|---|---|---|---|---|',
    ...rules.map((r) => {
      const m = r.meta;
      const appliesTo = m.ruleSet === 'review' ? 'public review replies' : m.ruleSet === 'reply' ? 'private replies' : 'all replies';
      return `| [${m.id}](docs/rules/${m.id}.md) | ${m.principle} ${cell(PRINCIPLES[m.principle])} | ${m.severity} | ${m.fixable ? 'yes' : ''} | ${appliesTo} | ${measured(measures.get(m.id))} | ${cell(m.description)} |`;
    }),
  ];
  return rows.join('\n');
}

/**
 * Replaces what lies between the markers; throws when the markers are missing or out of order.
 *
 * @example
 * updateReadme(`a\n${START}\nold\n${END}\nb`, 'new') // `a\n${START}\nnew\n${END}\nb`
 */
export function updateReadme(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0 || end < start) throw new Error(`README.md must contain ${START} followed by ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

function main(argv: string[]): number {
  const path = join(ROOT, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const updated = updateReadme(readme, renderRulesTable(RULES, measureRules(RULES)));
  if (argv.includes('--check')) {
    if (updated !== readme) {
      process.stderr.write('README.md rules table is out of date: run `npm run docs:rules`\n');
      return 1;
    }
    process.stdout.write(`README.md rules table is current (${RULES.length} rules)\n`);
    return 0;
  }
  if (updated !== readme) writeFileSync(path, updated);
  process.stdout.write(`README.md rules table: ${RULES.length} rules${updated === readme ? ' (unchanged)' : ''}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
