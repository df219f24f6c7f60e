import { applyFixes, checkReply, type CheckOptions, type Fix, type ReplyContext } from '../engine/index.ts';
import type { FileFinding, FileResult, FileSuggestion } from './formatters/index.ts';
import { readReplies, type InputFormat, type ReplyUnit } from './sources/index.ts';

/** ESLint's bound: fixes that overlap are applied over several passes, never forever. */
const MAX_FIX_PASSES = 10;

function mapFix(unit: ReplyUnit, fix: Fix): Fix | undefined {
  if (unit.fixBlocked || !unit.map.isClean(fix.range)) return undefined;
  const text = unit.encode(fix.text);
  return text === undefined ? undefined : { range: unit.map.toSource(fix.range), text };
}

/**
 * Checks every reply in a file and maps findings (and their fixes) back to file offsets.
 *
 * @example
 * lintSource('r.txt', "I'm sorry.", 'text', {}).findings[0].ruleId // 'no-bare-sorry'
 */
export function lintSource(filePath: string, source: string, format: InputFormat, context: ReplyContext, options: CheckOptions = {}): FileResult & { blocked: Map<FileFinding, string> } {
  const units = readReplies(source, format);
  const findings: FileFinding[] = [];
  const blocked = new Map<FileFinding, string>();
  for (const unit of units) {
    for (const f of checkReply(unit.map.text, context, options).findings) {
      const suggestions: FileSuggestion[] = f.suggestions.map((s) => {
        const fix = mapFix(unit, s.fix);
        return fix ? { message: s.message, fix } : { message: s.message };
      });
      const mapped: FileFinding = { ...f, range: unit.map.toSource(f.range), suggestions, ...(unit.title !== undefined ? { unit: unit.title } : {}) };
      if (f.suggestions.length > 0 && !suggestions[0].fix) {
        blocked.set(mapped, unit.fixBlocked ?? 'the fix would cut through markup, an escape sequence or a CSV field it cannot be quoted into');
      }
      findings.push(mapped);
    }
  }
  findings.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
  return { filePath, source, replies: units.length, findings, blocked };
}

/**
 * Applies the first suggestion of every finding, re-checking between passes so overlapping fixes land on
 * a fresh text, until nothing changes or {@link MAX_FIX_PASSES} passes ran.
 *
 * @example
 * fixSource("I'm sorry.", 'text', { issue: 'the delay' }).output // 'I apologize for the delay.'
 */
export function fixSource(source: string, format: InputFormat, context: ReplyContext, options: CheckOptions = {}): { output: string; applied: number } {
  let output = source;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings } = lintSource('', output, format, context, options);
    const fixes = findings.map((f) => f.suggestions[0]?.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length === 0) break;
    const result = applyFixes(output, fixes);
    if (result.applied === 0 || result.output === output) break;
    output = result.output;
    applied += result.applied;
  }
  return { output, applied };
}
