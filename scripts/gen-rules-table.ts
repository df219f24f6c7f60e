// Regenerates the README's rules table from rule metadata (`npm run docs:rules`); `--check` exits 1 when
// the committed table is stale instead of writing. The table is never edited by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRINCIPLES, RULES, type Rule } from '../src/engine/index.ts';
import { ROOT } from '../src/cli/project.ts';

export const START = '<!-- rules-table:start -->';
export const END = '<!-- rules-table:end -->';

/** Table cells must not break the row: escape pipes, flatten line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * The Markdown table, one row per rule in registry order.
 *
 * @example
 * renderRulesTable(RULES).split('\n')[0] // '| Rule | Principle | Severity | Fixable | Applies to | Description |'
 */
export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = [
    '| Rule | Principle | Severity | Fixable | Applies to | Description |',
    '|---|---|---|---|---|---|',
    ...rules.map((r) => {
      const m = r.meta;
      const appliesTo = m.ruleSet === 'review' ? 'public review replies' : m.ruleSet === 'reply' ? 'private replies' : 'all replies';
      return `| [${m.id}](docs/rules/${m.id}.md) | ${m.principle} ${cell(PRINCIPLES[m.principle])} | ${m.severity} | ${m.fixable ? 'yes' : ''} | ${appliesTo} | ${cell(m.description)} |`;
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
  const updated = updateReadme(readme, renderRulesTable(RULES));
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
