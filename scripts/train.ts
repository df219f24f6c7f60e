/**
 * `npm run train`: trains the emotion model on GoEmotions train, selects hyper-parameters, epochs and
 * per-head thresholds on GoEmotions dev only, quantizes to int8 and writes:
 *   models/emotion.model.ts   the artefact the engine imports (base64 int8 weights + metadata)
 *   models/MODEL_CARD.md       data, licence, metrics, date, how to reproduce
 * then fits the second stage (see scripts/lib/stage2.ts) on the hand-labelled customer turns.
 *
 * Deterministic: seeded shuffles, single thread. Options:
 *   --quick         skip the grid; train only the recorded best configuration
 *   --grid          full grid (slower; what produced the recorded configuration)
 *   --seed N        shuffle seed (default 20260)
 * Run it niced on a shared machine: `nice -n 10 npm run train`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EmotionModel, HEADS } from '../src/engine/model/emotion.ts';
import { featurize, readGoEmotions, targets, type Csr } from './lib/goemotions.ts';
import { predictAll, quantize, trainLinear, type LinearModel, type TrainConfig } from './lib/linear.ts';
import { devReport, type DevReport } from './lib/report.ts';
import { fitIssueModel } from './lib/issue-model.ts';
import { fitStage2 } from './lib/stage2.ts';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const seedArg = args.indexOf('--seed');
const SEED = seedArg >= 0 ? Number(args[seedArg + 1]) : 20260;
const MODE = args.includes('--quick') ? 'quick' : args.includes('--grid') ? 'grid' : 'default';

// --issues-only: retrain only the issue model (models/issue.model.ts) and rewrite its model-card section.
if (args.includes('--issues-only')) {
  const { fitIssueModel } = await import('./lib/issue-model.ts');
  const fitted = fitIssueModel(ROOT, new Date().toISOString().slice(0, 10));
  replaceCardSection('Issue model', fitted.summary);
  console.log(fitted.summary);
  process.exit(0);
}

// --stage-only: refit only the second stage on top of the shipped emotion model (after relabelling or a
// change to the analyzer's cues) and rewrite the model card's stage section.
if (args.includes('--stage-only')) {
  const { loadEmotionModel } = await import('../src/engine/model/emotion.ts');
  const fitted = fitStage2(ROOT, loadEmotionModel(), new Date().toISOString().slice(0, 10));
  replaceCardSection('Second stage', fitted.summary);
  console.log(fitted.summary);
  process.exit(0);
}

/**
 * Artefact version. Major: the feature scheme changed (old weights are meaningless with new features);
 * minor: retrained or re-tuned. 2.0.0: features count once per text (binary) instead of by occurrence.
 */
const MODEL_VERSION = '2.0.0';

/** The configuration the last full grid selected (kept here so `--quick` reproduces the shipped model). */
const BEST: Omit<TrainConfig, 'seed'> = { bits: 16, charWeight: 1.5, l2: 1e-6, lr: 0.1, epochs: 5 };

function grid(): Omit<TrainConfig, 'seed'>[] {
  if (MODE === 'quick') return [BEST];
  // Exploration showed the character n-gram weight matters most and L2 hardly at all (see the card).
  const l2s = MODE === 'grid' ? [0, 1e-6, 1e-5] : [1e-6];
  const chars = MODE === 'grid' ? [0.5, 1, 1.5, 2] : [1, 1.5, 2];
  const out: Omit<TrainConfig, 'seed'>[] = [];
  for (const l2 of l2s) for (const charWeight of chars) out.push({ ...BEST, l2, charWeight, epochs: 8 });
  return out;
}

const t0 = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

const train = readGoEmotions('train');
const dev = readGoEmotions('dev');
const yTrain = targets(train);
const yDev = targets(dev);
const H = HEADS.length;
log(`GoEmotions: ${train.length} train, ${dev.length} dev, ${H} heads`);

const featCache = new Map<string, { tr: Csr; dv: Csr }>();
function features(bits: number, charWeight: number) {
  const key = `${bits}/${charWeight}`;
  let f = featCache.get(key);
  if (!f) {
    f = { tr: featurize(train.map((e) => e.text), { bits, charWeight }), dv: featurize(dev.map((e) => e.text), { bits, charWeight }) };
    featCache.set(key, f);
  }
  return f;
}

interface Trial {
  cfg: TrainConfig;
  epochs: number;
  report: DevReport;
}
const trials: Trial[] = [];
for (const base of grid()) {
  const cfg: TrainConfig = { ...base, seed: SEED };
  const { tr, dv } = features(cfg.bits, cfg.charWeight);
  let best: Trial | undefined;
  trainLinear(cfg, tr, yTrain, H, (epoch, m) => {
    const report = devReport(predictAll(dv, H, m.w, m.b), yDev);
    if (!best || report.selection > best.report.selection) best = { cfg, epochs: epoch, report };
    log(
      `bits=${cfg.bits} char=${cfg.charWeight} l2=${cfg.l2} lr=${cfg.lr} epoch ${epoch}: ` +
        `macroF1 ${report.macroF1.toFixed(3)} ekmanMacroF1 ${report.ekmanMacroF1.toFixed(3)} ` +
        `ekmanAnger ${report.ekmanAngerF1.toFixed(3)} anger ${report.angerF1.toFixed(3)}`,
    );
  });
  trials.push(best!);
}
trials.sort((a, b) => b.report.selection - a.report.selection);
const chosen = trials[0];
log(`selected ${JSON.stringify({ ...chosen.cfg, epochs: chosen.epochs })} (selection ${chosen.report.selection.toFixed(4)})`);

// Retrain the chosen configuration for exactly the selected number of epochs (same seed → same path).
const finalCfg: TrainConfig = { ...chosen.cfg, epochs: chosen.epochs };
const { tr, dv } = features(finalCfg.bits, finalCfg.charWeight);
const model: LinearModel = trainLinear(finalCfg, tr, yTrain, H);
const { q, scale } = quantize(model);
const probQ = predictAll(dv, H, q, model.b, scale);
const reportQ = devReport(probQ, yDev);
const thresholds = reportQ.heads.map((r) => (Number.isFinite(r.threshold) ? r.threshold : 1));
log(
  `quantized: macroF1 ${reportQ.macroF1.toFixed(3)} ekmanMacroF1 ${reportQ.ekmanMacroF1.toFixed(3)} ` +
    `ekmanAnger ${reportQ.ekmanAngerF1.toFixed(3)} anger ${reportQ.angerF1.toFixed(3)} ` +
    `(cross-threshold: macro ${reportQ.macroF1Cross.toFixed(3)}, ekman ${reportQ.ekmanMacroF1Cross.toFixed(3)})`,
);

const trainedAt = new Date().toISOString().slice(0, 10);
const metrics = {
  devMacroF1: round(reportQ.macroF1),
  devEkmanMacroF1: round(reportQ.ekmanMacroF1),
  devEkmanAngerF1: round(reportQ.ekmanAngerF1),
  devAngerF1: round(reportQ.angerF1),
  devMacroF1CrossThreshold: round(reportQ.macroF1Cross),
  devEkmanMacroF1CrossThreshold: round(reportQ.ekmanMacroF1Cross),
};
const data = {
  version: MODEL_VERSION,
  trainedAt,
  bits: finalCfg.bits,
  charWeight: finalCfg.charWeight,
  heads: [...HEADS],
  bias: Array.from(model.b, (v) => round(v, 6)),
  scale: scale.map((v) => Number(v.toPrecision(7))),
  thresholds: thresholds.map((v) => round(v, 5)),
  metrics,
  weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'),
};
mkdirSync(join(ROOT, 'models'), { recursive: true });
const modelFile = join(ROOT, 'models', 'emotion.model.ts');
writeFileSync(
  modelFile,
  `// Generated by \`npm run train\` (scripts/train.ts) on ${trainedAt}; do not edit. See models/MODEL_CARD.md.\n` +
    `// Trained on GoEmotions (Demszky et al., 2020), Apache-2.0.\n` +
    `import type { EmotionModelData } from '../src/engine/model/emotion.ts';\n\n` +
    `export const EMOTION_MODEL: EmotionModelData = ${JSON.stringify(data, null, 1).replace(/\n\s*(-?[\d.e-]+,?)(?=\n)/g, ' $1')};\n`,
);
log(`wrote ${modelFile} (${(q.byteLength / 1024 / 1024).toFixed(2)} MiB of int8 weights)`);

const stage2 = fitStage2(ROOT, new EmotionModel(data), trainedAt);
log(`second stage: ${JSON.stringify(stage2.stage.metrics)}`);
const issues = fitIssueModel(ROOT, trainedAt);
log(`issue model: ${JSON.stringify(issues.data.metrics)}`);
writeModelCard(finalCfg, reportQ, trials, stage2.summary, issues.summary);
log('done');

/** Rewrites one `## title` section of models/MODEL_CARD.md (up to the next `## ` heading). */
function replaceCardSection(title: string, body: string): void {
  const file = join(ROOT, 'models', 'MODEL_CARD.md');
  const card = readFileSync(file, 'utf8');
  const start = card.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`models/MODEL_CARD.md has no "## ${title}" section`);
  const next = card.indexOf('\n## ', start + 4);
  writeFileSync(file, `${card.slice(0, start)}\n## ${title}\n${body}\n${next < 0 ? '' : card.slice(next)}`);
}

function round(v: number, d = 4): number {
  return Number(v.toFixed(d));
}

function writeModelCard(cfg: TrainConfig, r: DevReport, all: Trial[], stage2Summary: string, issueSummary: string): void {
  const rows = r.heads
    .map((h) => `| ${h.head} | ${h.support} | ${h.f1.toFixed(3)} | ${h.f1Cross.toFixed(3)} | ${h.auc.toFixed(3)} | ${h.threshold.toFixed(3)} |`)
    .join('\n');
  const gridRows = all
    .map((t) => `| ${t.cfg.bits} | ${t.cfg.charWeight} | ${t.cfg.l2} | ${t.cfg.lr} | ${t.epochs} | ${t.report.macroF1.toFixed(3)} | ${t.report.ekmanMacroF1.toFixed(3)} | ${t.report.ekmanAngerF1.toFixed(3)} |`)
    .join('\n');
  const card = `# Model card: Defuse emotion model v${MODEL_VERSION}

Generated by \`npm run train\` on ${trainedAt}. Do not edit by hand; change scripts/train.ts and retrain.

## What it is
One-vs-rest logistic regression over hashed text features (word unigrams with negation scope, word
bigrams, character 3–5-grams, punctuation/caps/emoji cues; 2^${cfg.bits} buckets), ${HEADS.length} heads: the 28
GoEmotions labels, the 7 Ekman groups, and "any negative emotion". Weights are int8 with a float scale
per head (${(((1 << cfg.bits) * HEADS.length) / 1024 / 1024).toFixed(2)} MiB), shipped as base64 in \`models/emotion.model.ts\`.
Inference is pure TypeScript (src/engine/model/), runs in Node and browsers.

## Data and licence
- Training: GoEmotions train split (43,410 Reddit comments). Model selection (L2, char n-gram weight,
  epochs) and per-head decision thresholds: GoEmotions dev split (5,426) only. The test split was not used.
- GoEmotions: Dorottya Demszky, Dana Movshovitz-Attias, Jeongwoo Ko, Alan Cowen, Gaurav Nemade, Sujith Ravi.
  "GoEmotions: A Dataset of Fine-Grained Emotions". ACL 2020. Licence: Apache-2.0.
- The second stage (customer upset / anger intensity) is fitted on hand-labelled customer turns from the IBM
  "twitter-customer-care-document-prediction" data (Apache-2.0) and hand-labelled BANKING77 train queries
  (Casanueva et al., PolyAI 2020, CC BY 4.0); see data/labels/GUIDE.md.
- The issue model is trained on the tune part (70 %, by hash of the text) of BANKING77 train, with its intents
  mapped to issue categories by shared/data/banking77/issue-map.json, and GoEmotions train comments as text
  with no issue. The held-out 30 % is only scored, by \`npm run eval\`.
- Caveat: Reddit comments, not customer messages. Complaint wording is under-represented; the second stage
  and the engine's customer-service cues make up for part of it.

## Training configuration
${JSON.stringify(cfg)} (AdaGrad, per-weight L2 on touched weights, bias initialised at log-odds).

Grid (best epoch per configuration; dev, float weights):

| bits | char weight | L2 | lr | epochs | 28-label macro-F1 | Ekman macro-F1 | Ekman-anger F1 |
|---|---|---|---|---|---|---|---|
${gridRows}

## Dev figures of the shipped (quantized) model
28-label macro-F1 ${r.macroF1.toFixed(3)}, Ekman macro-F1 ${r.ekmanMacroF1.toFixed(3)}, Ekman-anger F1 ${r.ekmanAngerF1.toFixed(3)},
anger F1 ${r.angerF1.toFixed(3)}. Thresholds are chosen on dev, so these F1s are optimistic; the "cross" column
fits each threshold on one half of dev and scores the other half (macro ${r.macroF1Cross.toFixed(3)}, Ekman ${r.ekmanMacroF1Cross.toFixed(3)}).

| head | support | F1 | F1 (cross-threshold) | AUC | threshold |
|---|---|---|---|---|---|
${rows}

## Second stage
${stage2Summary}

## Issue model
${issueSummary}

## Limitations (read before trusting a number)
- Linear bag-of-n-grams: on GoEmotions dev it stays below the issue-3 targets for Ekman macro-F1 (0.60) and
  Ekman-anger F1 (0.57, roughly BERT-base); the 28-label anger target (0.45) is met. Averaging epoch
  snapshots, 2^18 buckets instead of 2^16, L2 from 0 to 1e-5, a higher learning rate and mixing each Ekman
  head with the noisy-OR of its labels all moved dev F1 by less than 0.01.
- The customer sets are small: all 625 customer turns of the IBM dev file (Twitter), labelled by the project's
  engineers in two passes under one guide (the second pass marked more turns upset, 70 % against 61 %), and 616
  BANKING77 queries (a blind second pass on 129: κ 0.93 on upset). Small splits swing: the first 121-turn IBM
  held-out split scored 0.88 upset AUC, the full 231-turn one 0.80 with the same model. \`npm run eval\` also
  prints a grouped 5-fold cross-validation over every label, the fairer figure, but the analyzer's cues were
  written reading the fit splits' errors, so it is somewhat optimistic.
- The issue model knows banking: on the IBM Twitter turns and GoEmotions comments it names an issue for about
  1 % of messages without an issue phrase, and its categories are the five the BANKING77 issue map scores.
- The upset labels define problem reports by the guide: a flat problem put as a plain question is not upset,
  a loss (a charge, missing money, a kept or stolen card) is. Teams that want every problem report flagged
  lower the threshold (\`upsetThreshold\`).
- Trained on Reddit: flat problem reports ("I can't log in, I lost my phone") read as calm to the model;
  only the analyzer's issue cues catch them, so upset recall on such messages is limited.
- Not for decisions about people beyond ordering a support queue and coaching a reply.

## Reproduce
\`\`\`sh
nice -n 10 npm run train          # grid + final model, a few minutes on one core
nice -n 10 npm run train -- --quick   # recorded configuration only
nice -n 10 npm run train -- --stage-only    # refit the second stage on the shipped emotion model
nice -n 10 npm run train -- --issues-only   # retrain the issue model
npm run eval                      # GoEmotions dev + both customer sets + VADER/AFINN baselines + issues
\`\`\`
`;
  writeFileSync(join(ROOT, 'models', 'MODEL_CARD.md'), card);
}
