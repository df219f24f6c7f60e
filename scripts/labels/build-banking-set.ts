/**
 * Builds `data/labels/banking-turns.jsonl`: 616 BANKING77 train queries (8 per intent, the 8 with the lowest
 * SHA-1("b77:" + text) within each intent: content-blind, no intent over-represented), labelled for upset
 * and anger by reading (`data/labels/banking/pass1.jsonl`), with the blind second pass
 * (`banking/pass2.jsonl`, the 129 whose SHA-1("second:" + id)[0] < 52) beside them.
 *
 *   npx tsx scripts/labels/build-banking-set.ts [path/to/banking77/train.csv]
 *
 * Split: grouped by intent. An intent is `heldout` when SHA-1("b77-split:" + intent)[0] < 103 (≈40 %), so the
 * held-out queries ask about things the fit never saw.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const ROOT = join(import.meta.dirname, '..', '..');
const source = process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'banking77', 'train.csv');
const sha = (s: string) => createHash('sha1').update(s).digest();

interface Pass { id: string; upset: boolean; anger: number; note?: string }
const readPass = (name: string) => new Map(readFileSync(join(ROOT, 'data', 'labels', 'banking', name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
  const p = JSON.parse(l) as Pass;
  return [p.id, p] as const;
}));

const rows = parse(readFileSync(source, 'utf8'), { columns: true }) as { text: string; category: string }[];
const byIntent = new Map<string, { i: number; key: string }[]>();
rows.forEach((r, i) => {
  const list = byIntent.get(r.category) ?? [];
  list.push({ i, key: sha(`b77:${r.text}`).toString('hex') });
  byIntent.set(r.category, list);
});
const first = readPass('pass1.jsonl');
const second = readPass('pass2.jsonl');
const out: string[] = [];
for (const intent of [...byIntent.keys()].sort()) {
  const chosen = byIntent.get(intent)!.sort((a, b) => a.key.localeCompare(b.key)).slice(0, 8);
  for (const { i } of chosen) {
    const id = `b77:${i}`;
    const label = first.get(id);
    if (!label) throw new Error(`pass1 has no label for ${id}`);
    const again = second.get(id);
    out.push(JSON.stringify({
      id,
      intent,
      split: sha(`b77-split:${intent}`)[0] < 103 ? 'heldout' : 'fit',
      text: rows[i].text,
      upset: label.upset,
      anger: label.anger,
      ...(label.note ? { note: label.note } : {}),
      ...(again ? { second: { upset: again.upset, anger: again.anger } } : {}),
    }));
  }
}
writeFileSync(join(ROOT, 'data', 'labels', 'banking-turns.jsonl'), out.join('\n') + '\n');
console.log(`${out.length} queries → data/labels/banking-turns.jsonl`);
