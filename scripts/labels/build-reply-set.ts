/**
 * Builds `data/labels/reply-turns.jsonl`, the labelled real-reply set, from the IBM conversations and the
 * reading passes in `data/labels/replies/` (one JSON line per agent turn: the labels a person gave it, each
 * with the exact words that carry it). Adds what the passes leave out: the reply text, the customer and
 * agent turns before it, the brand, the split and fold, and the `[start, end)` span of each label's words.
 *
 *   npx tsx scripts/labels/build-reply-set.ts [path/to/ibm-customer-care/dev.json]
 *
 * Split: replies are grouped by brand. A brand's fold is SHA-1("reply-fold:" + company)[0] mod 5; folds 0 and
 * 2 are `heldout` (8 brands, 189 replies, never read while tuning), the rest `fit`. Whole conversations,
 * and whole brands, stay on one side.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPLY_MOVE_LABELS, REPLY_VIOLATION_LABELS, type LabelledReply, type ReplyLabel, type ReplyPass } from '../lib/replies.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const source = process.argv[2] ?? join(ROOT, '..', 'shared', 'data', 'ibm-customer-care', 'dev.json');

interface Turn { client?: string; client1?: string; agent?: string; message: string }
interface Conversation {
  agentURL: { url_utterance: string };
  dialogContent: Turn[];
  dialogHeader: { sessionID: string; company: string };
}

export const HELDOUT_FOLDS = new Set([0, 2]);

function foldOf(company: string): number {
  return createHash('sha1').update(`reply-fold:${company}`).digest()[0] % 5;
}

function readPass(file: string): Map<string, ReplyPass> {
  const out = new Map<string, ReplyPass>();
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const row = JSON.parse(line) as ReplyPass;
    if (out.has(row.id)) throw new Error(`${file}:${i + 1}: ${row.id} labelled twice`);
    out.set(row.id, row);
  });
  return out;
}

/** Spans for a pass's labels: the first occurrence of the evidence not already used by the same label. */
function withSpans(text: string, items: { label: string; evidence: string }[], allowed: readonly string[], id: string): ReplyLabel[] {
  const used = new Set<string>();
  return items.map(({ label, evidence }) => {
    if (!allowed.includes(label)) throw new Error(`${id}: unknown label ${label}`);
    let at = text.indexOf(evidence);
    while (at >= 0 && used.has(`${label}:${at}`)) at = text.indexOf(evidence, at + 1);
    if (at < 0) at = text.indexOf(evidence);
    if (at < 0) throw new Error(`${id}: evidence for ${label} is not in the reply: ${JSON.stringify(evidence)}`);
    used.add(`${label}:${at}`);
    return { label, span: [at, at + evidence.length] as [number, number], text: evidence };
  });
}

const conversations = JSON.parse(readFileSync(source, 'utf8')) as Conversation[];
const pass1 = readPass(join(ROOT, 'data', 'labels', 'replies', 'pass1.jsonl'));
const pass2 = readPass(join(ROOT, 'data', 'labels', 'replies', 'pass2.jsonl'));
const rows: LabelledReply[] = [];
for (const c of conversations) {
  const { sessionID, company } = c.dialogHeader;
  const units: { index: number; text: string }[] = c.dialogContent
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => t.agent !== undefined)
    .map(({ t, index }) => ({ index, text: t.message }));
  units.push({ index: c.dialogContent.length, text: c.agentURL.url_utterance });
  for (const { index, text } of units) {
    const id = `${sessionID}:${index}`;
    const first = pass1.get(id);
    if (!first) throw new Error(`pass1 has no labels for ${id}`);
    const second = pass2.get(id);
    const fold = foldOf(company);
    rows.push({
      id,
      company,
      split: HELDOUT_FOLDS.has(fold) ? 'heldout' : 'fit',
      fold,
      context: c.dialogContent.slice(0, index).map((t) => ({ role: t.agent !== undefined ? 'agent' : 'customer', text: t.message })),
      text,
      violations: withSpans(text, first.violations, REPLY_VIOLATION_LABELS, id),
      moves: withSpans(text, first.moves, REPLY_MOVE_LABELS, id),
      ...(first.note ? { note: first.note } : {}),
      ...(second ? { second: { violations: withSpans(text, second.violations, REPLY_VIOLATION_LABELS, id), moves: withSpans(text, second.moves, REPLY_MOVE_LABELS, id) } } : {}),
    });
  }
}
const out = join(ROOT, 'data', 'labels', 'reply-turns.jsonl');
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} replies (${rows.filter((r) => r.split === 'heldout').length} held out, ${rows.filter((r) => r.second).length} with a second pass) → ${out}`);
