import { positionsOf } from './position.ts';
import type { Formatter } from './types.ts';

/**
 * Machine-readable results: every finding with its file offsets and 1-based line/column span, plus totals.
 *
 * @example
 * JSON.parse(json(results, rules)).results[0].findings[0].line // 1
 */
export const json: Formatter = (results, _rules, env) => {
  const summary = { files: results.length, replies: 0, errors: 0, warnings: 0, suggestions: 0 };
  const out = results.map((r) => {
    const pos = positionsOf(r.source);
    summary.replies += r.replies;
    return {
      filePath: r.filePath,
      replies: r.replies,
      findings: r.findings.map((f) => {
        if (f.severity === 'error') summary.errors++;
        else if (f.severity === 'warning') summary.warnings++;
        else summary.suggestions++;
        const start = pos(f.range[0]);
        const end = pos(f.range[1]);
        return {
          ruleId: f.ruleId,
          severity: f.severity,
          principle: f.principle,
          messageId: f.messageId,
          message: f.message,
          note: f.note,
          ...(f.unit !== undefined ? { unit: f.unit } : {}),
          range: f.range,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          suggestions: f.suggestions,
        };
      }),
    };
  });
  return JSON.stringify({ tool: 'defuse', version: env?.toolVersion, results: out, summary }, null, 2) + '\n';
};
