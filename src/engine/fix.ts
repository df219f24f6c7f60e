import type { Fix } from './types.ts';

/**
 * Applies non-overlapping fixes right to left so earlier offsets stay valid; a fix overlapping one
 * already applied is skipped and reported, as ESLint does, so a second pass can pick it up.
 *
 * @example
 * applyFixes('Sorry.', [{ range: [0, 5], text: 'I apologize for the delay' }]).output // 'I apologize for the delay.'
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number; skipped: number } {
  const ordered = [...fixes].sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let output = text;
  let lastStart = Infinity;
  let applied = 0;
  let skipped = 0;
  for (const fix of ordered) {
    const [start, end] = fix.range;
    if (start < 0 || end > text.length || start > end || end > lastStart) {
      skipped++;
      continue;
    }
    output = output.slice(0, start) + fix.text + output.slice(end);
    lastStart = start;
    applied++;
  }
  return { output, applied, skipped };
}
