/**
 * Research: would a learned sentence classifier (logistic regression over the engine's hashed n-grams)
 * add recall to the phrase tables on real replies, for brands it never saw?
 *
 * Grouped cross-validation over the FIT brands only (one fold per brand fold 1, 3, 4; the held-out brands
 * are never read here). For each label: sentences are positive when a labelled span overlaps them; a
 * reply is predicted positive when any sentence's probability passes a threshold chosen on the training
 * folds. Prints reply-level P/R/F1 for the rules alone, the classifier alone, and rules ∪ classifier.
 *
 *   npx tsx scripts/experiments/reply-classifier.ts
 */
import { join } from 'node:path';
import { checkReply } from '../../src/engine/check.ts';
import { createFeatureBuffer, extractFeatures } from '../../src/engine/model/features.ts';
import { splitSentences } from '../../src/engine/text/sentences.ts';
import { customerContext, predictedLabels, readReplySet } from '../lib/replies.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BITS = 16;
const rows = readReplySet(ROOT).filter((r) => r.split === 'fit');
const LABELS: [string, 'violations' | 'moves'][] = [['transfer', 'violations'], ['customer_burden', 'violations'], ['own', 'moves'], ['reassure', 'moves'], ['ask_details', 'moves'], ['corporate_jargon', 'violations'], ['policy_wall', 'violations']];

interface Sent { reply: number; idx: Int32Array; val: Float32Array; y: Record<string, boolean> }
const buf = createFeatureBuffer();
const sents: Sent[] = [];
rows.forEach((r, ri) => {
  for (const s of splitSentences(r.text)) {
    extractFeatures(s.text, buf, { bits: BITS, charWeight: 0.5 });
    const y: Record<string, boolean> = {};
    for (const [label, kind] of LABELS) y[label] = r[kind].some((l) => l.label === label && l.span[0] < s.range[1] && s.range[0] < l.span[1]);
    sents.push({ reply: ri, idx: buf.idx.slice(0, buf.n), val: buf.val.slice(0, buf.n), y });
  }
});
const ruled = rows.map((r) => predictedLabels(checkReply(r.text, { customerMessage: customerContext(r) || undefined })));

function train(data: Sent[], label: string): (s: Sent) => number {
  const w = new Float32Array(1 << BITS);
  let b = 0;
  const lr = 0.5;
  const l2 = 1e-4;
  for (let epoch = 0; epoch < 15; epoch++) {
    for (const s of data) {
      let z = b;
      for (let k = 0; k < s.idx.length; k++) z += w[s.idx[k]] * s.val[k];
      const g = 1 / (1 + Math.exp(-z)) - (s.y[label] ? 1 : 0);
      for (let k = 0; k < s.idx.length; k++) w[s.idx[k]] -= lr * (g * s.val[k] + l2 * w[s.idx[k]]);
      b -= lr * g;
    }
  }
  return (s) => {
    let z = b;
    for (let k = 0; k < s.idx.length; k++) z += w[s.idx[k]] * s.val[k];
    return 1 / (1 + Math.exp(-z));
  };
}

const replyScore = (f: (s: Sent) => number, ri: number) => Math.max(0, ...sents.filter((s) => s.reply === ri).map(f));
const prf = (pred: boolean[], gold: boolean[]) => {
  let tp = 0, fp = 0, fn = 0;
  pred.forEach((p, i) => { if (p && gold[i]) tp++; else if (p) fp++; else if (gold[i]) fn++; });
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  return `P ${p.toFixed(2)} R ${r.toFixed(2)} F1 ${(tp ? (2 * p * r) / (p + r) : 0).toFixed(2)}`;
};
const folds = [...new Set(rows.map((r) => r.fold))];
for (const [label, kind] of LABELS) {
  const gold = rows.map((r) => r[kind].some((l) => l.label === label));
  const clf: boolean[] = new Array(rows.length).fill(false);
  for (const fold of folds) {
    const trainSents = sents.filter((s) => rows[s.reply].fold !== fold);
    const f = train(trainSents, label);
    // threshold: best F1 on the training folds' replies
    const trainReplies = rows.map((_, i) => i).filter((i) => rows[i].fold !== fold);
    const scores = trainReplies.map((i) => replyScore(f, i));
    let best = 0.5, bestF = -1;
    for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      let tp = 0, fp = 0, fn = 0;
      trainReplies.forEach((i, k) => { const p = scores[k] >= t; if (p && gold[i]) tp++; else if (p) fp++; else if (gold[i]) fn++; });
      const F = tp / Math.max(1, tp + (fp + fn) / 2);
      if (F > bestF) { bestF = F; best = t; }
    }
    rows.forEach((r, i) => { if (r.fold === fold) clf[i] = replyScore(f, i) >= best; });
  }
  const rule = ruled.map((p) => (kind === 'violations' ? p.violations : p.moves).has(label));
  console.log(`${label.padEnd(18)} rules ${prf(rule, gold)} | classifier ${prf(clf, gold)} | union ${prf(rule.map((x, i) => x || clf[i]), gold)}  (n=${gold.filter(Boolean).length})`);
}
