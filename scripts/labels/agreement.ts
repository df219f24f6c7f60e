/**
 * Agreement between the first reading and the blind second pass (Cohen's κ per label, and raw agreement),
 * for the reply set and the BANKING77 customer set. The figures in data/labels/REPLIES.md and GUIDE.md come
 * from here:  npx tsx scripts/labels/agreement.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cohenKappa, readReplySet, REPLY_MOVE_LABELS, REPLY_VIOLATION_LABELS } from '../lib/replies.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const twice = readReplySet(ROOT).filter((r) => r.second);
console.log(`Replies read twice: ${twice.length}`);
console.log(`${'label'.padEnd(18)} first second  both  agree   kappa`);
for (const [kind, labels] of [['violations', REPLY_VIOLATION_LABELS], ['moves', REPLY_MOVE_LABELS]] as const) {
  for (const label of labels) {
    const a = twice.map((r) => r[kind].some((l) => l.label === label));
    const b = twice.map((r) => r.second![kind].some((l) => l.label === label));
    const both = a.filter((x, i) => x && b[i]).length;
    const agree = a.filter((x, i) => x === b[i]).length / a.length;
    console.log(`${label.padEnd(18)} ${String(a.filter(Boolean).length).padStart(5)} ${String(b.filter(Boolean).length).padStart(6)} ${String(both).padStart(5)}  ${(100 * agree).toFixed(0).padStart(4)}%  ${cohenKappa(a, b).toFixed(2).padStart(6)}`);
  }
}
const anyViolation = (ls: { label: string }[]) => ls.length > 0;
console.log(`${'any violation'.padEnd(18)} κ ${cohenKappa(twice.map((r) => anyViolation(r.violations)), twice.map((r) => anyViolation(r.second!.violations))).toFixed(2)}`);

const banking = readFileSync(join(ROOT, 'data', 'labels', 'banking-turns.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { upset: boolean; anger: number; second?: { upset: boolean; anger: number } })
  .filter((r) => r.second);
console.log(`\nBANKING77 queries read twice: ${banking.length}`);
console.log(`upset       κ ${cohenKappa(banking.map((r) => r.upset), banking.map((r) => r.second!.upset)).toFixed(2)}`);
console.log(`anger ≥ 1   κ ${cohenKappa(banking.map((r) => r.anger >= 1), banking.map((r) => r.second!.anger >= 1)).toFixed(2)}`);
