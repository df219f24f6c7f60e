import { orderFindings, PRINCIPLES, type PrincipleId, type Severity } from '../../engine/index.ts';
import { positionsOf } from './position.ts';
import type { FileFinding, Formatter } from './types.ts';

/** Findings shown in full per file; the rest are listed one line each, grouped by principle (issue 12). */
export const EXPANDED_FINDINGS = 3;

/**
 * Per file, findings in the engine's reading order (`orderFindings`: errors first, then the playbook's order,
 * emotion first). The first three get a line and their reason indented under it; the rest follow grouped by
 * principle, one line each. Every finding line keeps the shape `file:line:col  severity  message  rule-id`, so an
 * editor's problem matcher reads them all. Then a count.
 *
 * @example
 * text([{ filePath: 'r.txt', source: "I'm sorry.", replies: 1, findings: [f] }], rules)
 * // "r.txt:1:1  warning  Bare apology: say what you apologize for.  no-bare-sorry\n    An apology that…"
 */
export const text: Formatter = (results) => {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, suggestion: 0 };
  let fixable = 0;
  for (const r of results) {
    const pos = positionsOf(r.source);
    const line = (f: FileFinding) => {
      const { line: l, column } = pos(f.range[0]);
      return `${r.filePath}:${l}:${column}  ${f.severity}  ${f.message}  ${f.ruleId}`;
    };
    const ordered = orderFindings(r.findings);
    for (const f of ordered) {
      counts[f.severity]++;
      if (f.suggestions[0]?.fix) fixable++;
    }
    for (const f of ordered.slice(0, EXPANDED_FINDINGS)) {
      lines.push(line(f));
      lines.push(`    ${f.unit ? `[${f.unit}] ` : ''}${f.note}`);
    }
    const rest = ordered.slice(EXPANDED_FINDINGS);
    if (rest.length === 0) continue;
    lines.push(`  ${rest.length} more in ${r.filePath}, by principle:`);
    const byPrinciple = new Map<PrincipleId, FileFinding[]>();
    for (const f of rest) byPrinciple.set(f.principle, [...(byPrinciple.get(f.principle) ?? []), f]);
    for (const [p, group] of [...byPrinciple].sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))) {
      lines.push(`  ${p} ${PRINCIPLES[p]}:`);
      for (const f of group) lines.push(line(f));
    }
  }
  const total = counts.error + counts.warning + counts.suggestion;
  const replies = results.reduce((n, r) => n + r.replies, 0);
  const checked = `${replies} repl${replies === 1 ? 'y' : 'ies'} in ${results.length} file${results.length === 1 ? '' : 's'}`;
  if (total === 0) return `No problems found (${checked}).\n`;
  lines.push('');
  lines.push(`${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.suggestion} suggestion${counts.suggestion === 1 ? '' : 's'}) in ${checked}.`);
  if (fixable) lines.push(`${fixable} can be fixed with --fix.`);
  return lines.join('\n') + '\n';
};
