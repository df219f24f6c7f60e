import type { Severity } from '../../engine/index.ts';
import { positionsOf } from './position.ts';
import type { Formatter } from './types.ts';

/**
 * One line per finding, `file:line:col  severity  message  rule-id`, the reason indented under it, then a
 * count. Output an editor's problem matcher can read.
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
    for (const f of r.findings) {
      const { line, column } = pos(f.range[0]);
      counts[f.severity]++;
      if (f.suggestions[0]?.fix) fixable++;
      lines.push(`${r.filePath}:${line}:${column}  ${f.severity}  ${f.message}  ${f.ruleId}`);
      lines.push(`    ${f.unit ? `[${f.unit}] ` : ''}${f.note}`);
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
