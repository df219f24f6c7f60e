import type { Fix } from './types.ts';

/**
 * Applies non-overlapping fixes right to left so earlier offsets stay valid; a fix overlapping one
 * already applied is skipped and reported, as ESLint does, so a second pass can pick it up.
 *
 * @example
 * applyFixes('Sorry.', [{ range: [0, 5], text: 'I apologize for the delay' }]).output // 'I apologize for the delay.'
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number; skipped: number } {
  // The same fix offered for two findings (one rewrite clears both) is applied once; insertions at one point
  // land in the order given, so a caller passing fixes in playbook order gets the sentences in that order.
  const seen = new Set<string>();
  const unique = fixes.filter((f) => {
    const key = `${f.range[0]}:${f.range[1]}:${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const ordered = unique.map((fix, i) => ({ fix, i }))
    .sort((a, b) => b.fix.range[0] - a.fix.range[0] || b.fix.range[1] - a.fix.range[1] || b.i - a.i)
    .map((x) => x.fix);
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
