/**
 * `npm run eval`: prints the emotion model's figures.
 *  1. GoEmotions dev (the shipped model, its shipped thresholds): per-label F1 and AUC, Ekman groups,
 *     28-label macro-F1, Ekman macro-F1, Ekman-anger F1, with the issue-3 targets.
 *  2. Hand-labelled customer turns (data/labels/): upset AUC and F1, anger Spearman, on the held-out split
 *     (never used for fitting) and on all turns, for Defuse and, in the same run, for the lexicon packages
 *     `vader-sentiment` and `sentiment` (AFINN), plus ablations (emotion model alone, cues alone).
 *  3. Throughput of each scorer on the customer turns.
 * Options: --json (machine-readable summary on the last line).
 */
import vader from 'vader-sentiment';
import Sentiment from 'sentiment';
import { join } from 'node:path';
import { scoreMessage, scoringFeatures, STAGE_FEATURES } from '../src/engine/analyze/scoring.ts';
import { CUSTOMER_STAGE } from '../models/customer-stage.model.ts';
import { HEADS, loadEmotionModel } from '../src/engine/model/emotion.ts';
import { auc, f1, spearman } from '../src/engine/model/metrics.ts';
import { featurize, readGoEmotions, targets } from './lib/goemotions.ts';
import { predictAll } from './lib/linear.ts';
import { devReport } from './lib/report.ts';
import { readCustomerTurns, scoringInputFor, type LabelledTurn } from './lib/customer.ts';
import { crossValidateStage } from './lib/stage2.ts';
import { decodeBase64Int8 } from '../src/engine/model/emotion.ts';

const ROOT = join(import.meta.dirname, '..');
const JSON_OUT = process.argv.includes('--json');
const fmt = (v: number) => (Number.isNaN(v) ? '  n/a' : v.toFixed(3));
const pad = (s: string, n: number) => s.padEnd(n);

// ---- 1. GoEmotions dev ---------------------------------------------------------------------------------
const model = loadEmotionModel();
const dev = readGoEmotions('dev');
const x = featurize(dev.map((e) => e.text), model.data);
const prob = predictAll(x, HEADS.length, decodeBase64Int8(model.data.weights), model.data.bias, model.data.scale);
const r = devReport(prob, targets(dev), model.data.thresholds);
console.log(`Emotion model v${model.data.version} (trained ${model.data.trainedAt}), GoEmotions dev (${dev.length} comments)\n`);
console.log(`${pad('head', 22)} support     F1  F1 (cross-thr)   AUC`);
for (const h of r.heads) {
  console.log(`${pad(h.head, 22)} ${String(h.support).padStart(7)}  ${fmt(h.f1)}  ${fmt(h.f1Cross).padStart(14)}  ${fmt(h.auc)}`);
}
const meanAuc = (rows: typeof r.heads) => rows.reduce((a, h) => a + h.auc, 0) / rows.length;
const labelRows = r.heads.slice(0, 28);
const ekmanRows = r.heads.filter((h) => h.head.startsWith('ekman:'));
const target = (v: number, t: number) => `${fmt(v)} (target ≥ ${t}: ${v >= t ? 'met' : 'NOT met'})`;
console.log('');
console.log(`28-label macro-F1   ${fmt(r.macroF1)}   (cross-threshold ${fmt(r.macroF1Cross)}), mean AUC ${fmt(meanAuc(labelRows))}`);
console.log(`Ekman macro-F1      ${target(r.ekmanMacroF1, 0.6)}   (cross-threshold ${fmt(r.ekmanMacroF1Cross)}), mean AUC ${fmt(meanAuc(ekmanRows))}`);
console.log(`Ekman-anger F1      ${target(r.ekmanAngerF1, 0.57)}`);
console.log(`anger (28-label) F1 ${target(r.angerF1, 0.45)}`);
console.log('F1 uses the per-head thresholds chosen on dev (optimistic); "cross-thr" fits each threshold on one half of dev and scores the other.\n');

// ---- 2. Customer turns ---------------------------------------------------------------------------------
const turns = readCustomerTurns(ROOT);
const vaderScore = (t: string) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound;
const afinn = new Sentiment();
const afinnScore = (t: string) => afinn.analyze(t).score;

interface Scorer {
  name: string;
  /** Higher = more upset. */
  upset: (t: string) => number;
  /** Decision rule for F1. */
  decide: (score: number) => boolean;
  /** Higher = angrier (for Spearman against the 0–3 labels). */
  anger: (t: string) => number;
  mapping: string;
}
const idx = (name: string) => STAGE_FEATURES.indexOf(name as (typeof STAGE_FEATURES)[number]);
const scorers: Scorer[] = [
  {
    name: 'Defuse (model + cues)',
    upset: (t) => scoreMessage(t, scoringInputFor(t)).upsetProbability,
    decide: (s) => s >= CUSTOMER_STAGE.upset.threshold,
    anger: (t) => scoreMessage(t, scoringInputFor(t)).anger,
    mapping: `upsetProbability ≥ ${CUSTOMER_STAGE.upset.threshold.toFixed(3)}; anger intensity`,
  },
  {
    name: 'emotion model alone',
    upset: (t) => model.predict(t).negative,
    decide: (s) => s >= 0.5,
    anger: (t) => model.predict(t).ekman.anger,
    mapping: 'P(any negative emotion) ≥ 0.5; P(Ekman anger)',
  },
  {
    name: 'cues alone',
    upset: (t) => {
      const f = scoringFeatures(t, scoringInputFor(t));
      return f[idx('cueAnger')] + f[idx('cueComplaint')] + f[idx('signal')];
    },
    decide: (s) => s >= 0.3,
    anger: (t) => scoringFeatures(t, scoringInputFor(t))[idx('cueAnger')],
    mapping: 'cue anger + complaint + signal ≥ 0.3; cue anger',
  },
  {
    name: 'vader-sentiment',
    upset: (t) => -vaderScore(t),
    decide: (s) => s >= 0.05,
    anger: (t) => -vaderScore(t),
    mapping: 'upset = compound ≤ -0.05 (VADER\'s own negative cut-off); anger = -compound',
  },
  {
    name: 'sentiment (AFINN)',
    upset: (t) => -afinnScore(t),
    decide: (s) => s > 0,
    anger: (t) => -afinnScore(t),
    mapping: 'upset = score < 0; anger = -score',
  },
];

function customerRow(s: Scorer, set: LabelledTurn[]) {
  const u = set.map((t) => s.upset(t.text));
  const a = set.map((t) => s.anger(t.text));
  const yu = set.map((t) => (t.upset ? 1 : 0));
  return {
    upsetAuc: auc(u, yu),
    upsetF1: f1(u.map(s.decide), yu).f1,
    angerSpearman: spearman(a, set.map((t) => t.anger)),
    angerAuc: auc(a, set.map((t) => (t.anger >= 2 ? 1 : 0))),
  };
}
const held = turns.filter((t) => t.split === 'heldout');
const summary: Record<string, unknown> = { goemotions: { macroF1: r.macroF1, ekmanMacroF1: r.ekmanMacroF1, ekmanAngerF1: r.ekmanAngerF1, angerF1: r.angerF1 } };
for (const [label, set] of [
  [`held-out split (${held.length} turns, ${held.filter((t) => t.upset).length} upset; never used for fitting)`, held],
  [`all turns (${turns.length}; the second stage was fitted on the other ${turns.length - held.length}, so Defuse is optimistic here)`, turns],
] as const) {
  console.log(`Customer turns, ${label}`);
  console.log(`${pad('scorer', 24)} upset AUC  upset F1  anger Spearman  anger≥2 AUC`);
  const rows: Record<string, ReturnType<typeof customerRow>> = {};
  for (const s of scorers) {
    const row = customerRow(s, set);
    rows[s.name] = row;
    console.log(`${pad(s.name, 24)} ${fmt(row.upsetAuc).padStart(9)} ${fmt(row.upsetF1).padStart(9)} ${fmt(row.angerSpearman).padStart(15)} ${fmt(row.angerAuc).padStart(12)}`);
  }
  const ours = rows['Defuse (model + cues)'].upsetAuc;
  const bestLex = Math.max(rows['vader-sentiment'].upsetAuc, rows['sentiment (AFINN)'].upsetAuc);
  console.log(`upset AUC ${target(ours, 0.9)}; margin over the best lexicon ${fmt(ours - bestLex)} (target ≥ 0.15: ${ours - bestLex >= 0.15 ? 'met' : 'NOT met'})\n`);
  summary[set === held ? 'heldout' : 'all'] = rows;
}
// The least noisy estimate: the whole stage recipe refitted in grouped 5-fold cross-validation over all
// labelled turns (each turn scored by a stage that never saw its conversation).
{
  const xRaw = turns.map((t) => scoringFeatures(t.text, scoringInputFor(t.text)));
  const lu = CUSTOMER_STAGE.metrics?.upsetL2 ?? 0.1;
  const la = CUSTOMER_STAGE.metrics?.angerL2 ?? 0.1;
  const cv = crossValidateStage(turns, xRaw, lu, la);
  const yu = turns.map((t) => (t.upset ? 1 : 0));
  const cvAuc = auc(cv.upset, yu);
  const cvRow = {
    upsetAuc: cvAuc,
    upsetF1: f1(cv.upset.map((p) => p >= CUSTOMER_STAGE.upset.threshold), yu).f1,
    angerSpearman: spearman(cv.anger, turns.map((t) => t.anger)),
    angerAuc: auc(cv.anger, turns.map((t) => (t.anger >= 2 ? 1 : 0))),
  };
  console.log(`Customer turns, grouped 5-fold cross-validation of the second stage over all ${turns.length} turns (L2 ${lu} / ${la})`);
  console.log(`${pad('scorer', 24)} upset AUC  upset F1  anger Spearman  anger≥2 AUC`);
  console.log(`${pad('Defuse (model + cues)', 24)} ${fmt(cvRow.upsetAuc).padStart(9)} ${fmt(cvRow.upsetF1).padStart(9)} ${fmt(cvRow.angerSpearman).padStart(15)} ${fmt(cvRow.angerAuc).padStart(12)}`);
  const all = summary.all as Record<string, { upsetAuc: number }>;
  const bestLex = Math.max(all['vader-sentiment'].upsetAuc, all['sentiment (AFINN)'].upsetAuc);
  console.log(`upset AUC ${target(cvAuc, 0.9)}; margin over the best lexicon on the same turns ${fmt(cvAuc - bestLex)} (target ≥ 0.15: ${cvAuc - bestLex >= 0.15 ? 'met' : 'NOT met'})\n`);
  summary.crossValidated = cvRow;
}

console.log('Mappings:');
for (const s of scorers) console.log(`  ${pad(s.name, 24)} ${s.mapping}`);

// ---- 3. Throughput -----------------------------------------------------------------------------------------
console.log('\nThroughput on the customer turns (messages per second, one core):');
const texts = turns.map((t) => t.text);
function throughput(fn: (t: string) => unknown): number {
  for (const t of texts) fn(t); // warm-up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 500) {
    for (const t of texts) fn(t);
    n += texts.length;
  }
  return Math.round((n / (performance.now() - start)) * 1000);
}
const tp = {
  'emotion model only': throughput((t) => model.logits(t, new Float64Array(HEADS.length))),
  'Defuse scoring (cues + model + stage)': throughput((t) => scoreMessage(t, scoringInputFor(t))),
  'sentiment (AFINN)': throughput((t) => afinn.analyze(t)),
  'vader-sentiment': throughput((t) => vader.SentimentIntensityAnalyzer.polarity_scores(t)),
};
for (const [k, v] of Object.entries(tp)) console.log(`  ${pad(k, 40)} ${v.toLocaleString('en-US')}/s`);
summary.throughput = tp;
if (JSON_OUT) console.log(JSON.stringify(summary));
