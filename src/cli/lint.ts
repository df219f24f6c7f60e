import { applyFixes, checkReply, orderFindings, type CheckOptions, type Fix, type ReplyContext } from '../engine/index.ts';
import type { FileFinding, FileResult, FileSuggestion } from './formatters/index.ts';
import { readReplies, type InputFormat, type ReplyUnit } from './sources/index.ts';

/** Fix passes at most: each applies one fix per reply and checks again, as `fixDraft` does in the engine. */
const MAX_FIX_PASSES = 24;

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
export function lintSource(filePath: string, source: string, format: InputFormat, context: ReplyContext, options: CheckOptions = {}): FileResult & { blocked: Map<FileFinding, string>; unitOf: Map<FileFinding, number> } {
  const units = readReplies(source, format);
  const findings: FileFinding[] = [];
  const blocked = new Map<FileFinding, string>();
  const unitOf = new Map<FileFinding, number>();
  for (const [index, unit] of units.entries()) {
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
      unitOf.set(mapped, index);
    }
  }
  findings.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
  return { filePath, source, replies: units.length, findings, blocked, unitOf };
}

/**
 * Applies the offered fixes one per reply per pass, the first in `orderFindings` order, checking again between
 * passes so each fix is worked out on the text as it now reads (the engine's `fixDraft`, for files), until
 * nothing is left to fix or {@link MAX_FIX_PASSES} passes ran.
 *
 * @example
 * fixSource("I'm sorry.", 'text', { issue: 'the delay' }).output // 'I apologize for the delay.'
 */
export function fixSource(source: string, format: InputFormat, context: ReplyContext, options: CheckOptions = {}): { output: string; applied: number } {
  let output = source;
  let applied = 0;
  // a fix that brings back an earlier text would loop
  const seen = new Set([source]);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings, unitOf } = lintSource('', output, format, context, options);
    const first = new Map<number, Fix>();
    for (const f of orderFindings(findings)) {
      const unit = unitOf.get(f) ?? 0;
      const fix = f.suggestions[0]?.fix;
      if (fix && !first.has(unit)) first.set(unit, fix);
    }
    const fixes = [...first.values()];
    if (fixes.length === 0) break;
    const result = applyFixes(output, fixes);
    if (result.applied === 0 || seen.has(result.output)) break;
    seen.add(result.output);
    output = result.output;
    applied += result.applied;
  }
  return { output, applied };
}
