// Second stage: combines the emotion model's logits with the analyzer's customer-service cues into `upset`
// (logistic regression) and anger 0–3 (all-threshold ordinal logistic regression), fitted on the `fit` splits
// of both hand-labelled sets: the IBM Twitter customer turns and the BANKING77 queries. L2 strength is chosen
// by 5-fold cross-validation grouped by conversation (IBM) and by intent (BANKING77) on the fit splits; the
// `heldout` splits are only scored. Few, meaningful inputs and strong regularization on purpose: the stage
// must transfer to customer messages we do not have.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGE_FEATURES, scoringFeatures, type CustomerStage } from '../../src/engine/analyze/scoring.ts';
import { sigmoid, type EmotionModel } from '../../src/engine/model/emotion.ts';
import { auc, balancedF1, balancedF1Threshold, expectedCalibrationError, f1, spearman } from '../../src/engine/model/metrics.ts';
import { readLabelledCustomers, scoringInputFor, type LabelledTurn } from './customer.ts';

const LAMBDAS = [0.003, 0.01, 0.03, 0.1, 0.3, 1];

/**
 * Prior weights, in raw (unstandardized) units: regularization pulls towards these instead of 0.
 * - `signal` (binary): churn, legal, review, repeat-contact, transfer and abuse signals are rare in any small
 *   labelled set, yet a customer threatening to leave is upset by definition: +2 upset log-odds, +1 anger.
 * - `cueAnger`, `cueComplaint` (saturated cue sums, 0..1): the analyzer's lexicon was designed so that about
 *   0.3 of anger or complaint evidence ("still waiting two weeks", "frustrating") marks a message upset; the
 *   prior says 0.3 of evidence adds ≈ +1.5 log-odds (5 per unit), and cue anger carries the anger scale.
 * The labelled turns are few and mostly complaint-free problem reports, so without these priors the stage
 * would learn that cues matter less than they do in a real queue. With enough data the fit overrides them.
 */
const RAW_PRIOR: Record<'upset' | 'anger', Partial<Record<(typeof STAGE_FEATURES)[number], number>>> = {
  upset: { signal: 2, cueAnger: 5, cueComplaint: 5 },
  anger: { signal: 1, cueAnger: 3 },
};
/**
 * Sign constraints, from what each input means: more negative emotion, anger or complaint can only make a
 * message more upset or angrier; more joy or praise only less. With ~200 labelled turns and correlated
 * inputs an unconstrained fit happily gives joy a positive upset weight; the constraint keeps the stage
 * sensible on messages unlike the labelled ones. Sadness and complaints are free for anger (a polite
 * complaint is upset but not angry). Asking can only make a message less upset, other evidence equal (the
 * guide's plain question); for anger it is free ("why the hell…?").
 */
const SIGN: Record<'upset' | 'anger', Partial<Record<(typeof STAGE_FEATURES)[number], number>>> = {
  upset: { negative: 1, anger: 1, annoyance: 1, joy: -1, sadness: 1, maxNegative: 1, maxAnger: 1, maxAnnoyance: 1, cueAnger: 1, cueComplaint: 1, cuePositive: -1, signal: 1, question: -1 },
  anger: { negative: 1, anger: 1, annoyance: 1, joy: -1, maxNegative: 1, maxAnger: 1, maxAnnoyance: 1, cueAnger: 1, cuePositive: -1, signal: 1 },
};
const UPSET_SIGNS = STAGE_FEATURES.map((f) => SIGN.upset[f] ?? 0);
const ANGER_SIGNS = STAGE_FEATURES.map((f) => SIGN.anger[f] ?? 0);
/** Inputs left unstandardized (binary indicators). */
const RAW = new Set<string>(['signal']);

/** A raw-unit prior expressed on standardized inputs: w_std = w_raw × std. */
function priorFor(kind: 'upset' | 'anger', std: number[]): number[] {
  return STAGE_FEATURES.map((f, j) => (RAW_PRIOR[kind][f] ?? 0) * std[j]);
}
const FOLDS = 5;

/**
 * Full-batch gradient descent on logistic loss + λ‖w − prior‖² (the prior is 0 except where stated);
 * returns [bias, ...weights].
 */
export function fitLogistic(x: number[][], y: number[], lambda: number, prior?: number[], signs?: number[], iters = 3000, lr = 0.5): number[] {
  const d = x[0].length;
  const p0 = prior ?? new Array<number>(d).fill(0);
  const w = [0, ...p0];
  const n = x.length;
  for (let it = 0; it < iters; it++) {
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < n; i++) {
      let s = w[0];
      for (let j = 0; j < d; j++) s += w[j + 1] * x[i][j];
      const e = sigmoid(s) - y[i];
      g[0] += e;
      for (let j = 0; j < d; j++) g[j + 1] += e * x[i][j];
    }
    w[0] -= (lr * g[0]) / n;
    for (let j = 0; j < d; j++) w[j + 1] = project(w[j + 1] - lr * (g[j + 1] / n + lambda * (w[j + 1] - p0[j])), signs?.[j]);
  }
  return w;
}

/**
 * All-threshold ordinal logistic regression (shared weights, one cut per level): minimizes
 * Σ_k BCE(σ(w·x − c_k), [y ≥ k]) + λ‖w − prior‖². Returns { weights, cuts }.
 */
export function fitOrdinal(x: number[][], y: number[], levels: number, lambda: number, prior?: number[], signs?: number[], iters = 3000, lr = 0.5) {
  const d = x[0].length;
  const p0 = prior ?? new Array<number>(d).fill(0);
  const w = [...p0];
  const cuts = Array.from({ length: levels }, (_, k) => k + 1);
  const n = x.length;
  for (let it = 0; it < iters; it++) {
    const gw = new Array<number>(d).fill(0);
    const gc = new Array<number>(levels).fill(0);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j] * x[i][j];
      for (let k = 0; k < levels; k++) {
        const e = sigmoid(s - cuts[k]) - (y[i] >= k + 1 ? 1 : 0);
        for (let j = 0; j < d; j++) gw[j] += e * x[i][j];
        gc[k] -= e;
      }
    }
    for (let j = 0; j < d; j++) w[j] = project(w[j] - lr * (gw[j] / n + lambda * (w[j] - p0[j])), signs?.[j]);
    for (let k = 0; k < levels; k++) cuts[k] -= (lr * gc[k]) / n;
  }
  return { weights: w, cuts };
}

/** Projects a weight onto its allowed sign: +1 means ≥ 0, -1 means ≤ 0, 0 or undefined means free. */
function project(w: number, sign: number | undefined): number {
  if (sign === 1) return Math.max(0, w);
  if (sign === -1) return Math.min(0, w);
  return w;
}

/** P(level = y) under the cumulative-logit reading of the fitted cuts (clamped: cuts may cross slightly). */
function ordinalProbability(s: number, cuts: number[], y: number): number {
  const above = (k: number) => (k <= 0 ? 1 : k > cuts.length ? 0 : sigmoid(s - cuts[k - 1]));
  return Math.max(0, above(y) - above(y + 1));
}

function ordinalExpectation(s: number, cuts: number[]): number {
  return cuts.reduce((e, c) => e + sigmoid(s - c), 0) / cuts.length;
}

function dot(w: number[], x: number[], offset = 0): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += w[j + offset] * x[j];
  return s;
}

/**
 * Deterministic grouped folds: groups (an IBM conversation, a BANKING77 intent) sorted by id within each set,
 * dealt round-robin, so every fold holds both sets and no group is split.
 */
function folds(turns: LabelledTurn[]): number[] {
  const fold = new Map<string, number>();
  for (const source of ['ibm', 'banking'] as const) {
    const groups = [...new Set(turns.filter((t) => t.source === source).map((t) => t.group))].sort();
    groups.forEach((g, i) => fold.set(g, i % FOLDS));
  }
  return turns.map((t) => fold.get(t.group)!);
}

/** Per-fold standardization statistics (binary inputs stay raw). */
function standardizer(rows: number[][]): { mean: number[]; std: number[] } {
  const d = STAGE_FEATURES.length;
  const mean = Array.from({ length: d }, (_, j) => (RAW.has(STAGE_FEATURES[j]) ? 0 : rows.reduce((a, r) => a + r[j], 0) / rows.length));
  const std = Array.from({ length: d }, (_, j) => {
    if (RAW.has(STAGE_FEATURES[j])) return 1;
    const v = rows.reduce((a, r) => a + (r[j] - mean[j]) ** 2, 0) / rows.length;
    return Math.sqrt(v) || 1;
  });
  return { mean, std };
}

/**
 * Grouped 5-fold cross-validation of the whole stage recipe (standardization, priors, signs, the given L2
 * strengths) over `turns` with raw stage inputs `xRaw`: out-of-fold upset probabilities and anger intensities.
 * `npm run eval` uses it over all labelled turns, the least noisy estimate a set this small allows.
 */
export function crossValidateStage(turns: LabelledTurn[], xRaw: number[][], lambdaUp: number, lambdaAng: number) {
  const fold = folds(turns);
  const upset = new Array<number>(turns.length).fill(0);
  const anger = new Array<number>(turns.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const tr = turns.map((_, i) => i).filter((i) => fold[i] !== f);
    const { mean, std } = standardizer(tr.map((i) => xRaw[i]));
    const st = (r: number[]) => r.map((v, j) => (v - mean[j]) / std[j]);
    const x = tr.map((i) => st(xRaw[i]));
    const w = fitLogistic(x, tr.map((i) => (turns[i].upset ? 1 : 0)), lambdaUp, priorFor('upset', std), UPSET_SIGNS);
    const m = fitOrdinal(x, tr.map((i) => turns[i].anger), 3, lambdaAng, priorFor('anger', std), ANGER_SIGNS);
    turns.forEach((_, i) => {
      if (fold[i] !== f) return;
      const xi = st(xRaw[i]);
      upset[i] = sigmoid(w[0] + dot(w, xi, 1));
      anger[i] = ordinalExpectation(dot(m.weights, xi), m.cuts);
    });
  }
  return { upset, anger };
}

export interface Stage2Fit {
  stage: CustomerStage;
  summary: string;
}

/** Held-out figures of one labelled set. */
export interface SetFigures {
  n: number;
  upsetAuc: number;
  upsetF1: number;
  balancedF1: number;
  ece: number;
  angerSpearman: number;
}

/** Upset AUC, F1 and balanced F1 at `threshold`, calibration error and anger Spearman of predictions on `set`. */
export function setFigures(set: readonly LabelledTurn[], upset: readonly number[], anger: readonly number[], threshold: number): SetFigures {
  const y = set.map((t) => (t.upset ? 1 : 0));
  return {
    n: set.length,
    upsetAuc: auc(upset, y),
    upsetF1: f1(upset.map((p) => p >= threshold), y).f1,
    balancedF1: balancedF1(upset, y, threshold),
    ece: expectedCalibrationError(upset, y),
    angerSpearman: spearman(anger, set.map((t) => t.anger)),
  };
}

/** Fits the stage with `model` (the freshly trained one) and writes models/customer-stage.model.ts. */
export function fitStage2(root: string, model: EmotionModel, trainedAt: string): Stage2Fit {
  const turns = readLabelledCustomers(root);
  const fit = turns.filter((t) => t.split === 'fit');
  const held = turns.filter((t) => t.split === 'heldout');
  const raw = (ts: LabelledTurn[]) => ts.map((t) => scoringFeatures(t.text, scoringInputFor(t.text), model));
  const xFitRaw = raw(fit);
  const xHeldRaw = raw(held);
  const { mean, std } = standardizer(xFitRaw);
  const UPSET_PRIOR = priorFor('upset', std);
  const ANGER_PRIOR = priorFor('anger', std);
  const standardize = (rows: number[][]) => rows.map((r) => r.map((v, j) => (v - mean[j]) / std[j]));
  const xFit = standardize(xFitRaw);
  const xHeld = standardize(xHeldRaw);
  const yUp = fit.map((t) => (t.upset ? 1 : 0));
  const yAng = fit.map((t) => t.anger);
  const fold = folds(fit);

  // Upset: λ by grouped-CV log-loss; threshold by balanced F1 of the out-of-fold probabilities.
  let bestUp = { lambda: LAMBDAS[0], loss: Infinity, oof: [] as number[] };
  for (const lambda of LAMBDAS) {
    const oof = new Array<number>(fit.length).fill(0);
    for (let f = 0; f < FOLDS; f++) {
      const tr = fit.map((_, i) => i).filter((i) => fold[i] !== f);
      const w = fitLogistic(tr.map((i) => xFit[i]), tr.map((i) => yUp[i]), lambda, UPSET_PRIOR, UPSET_SIGNS);
      fit.forEach((_, i) => {
        if (fold[i] === f) oof[i] = sigmoid(w[0] + dot(w, xFit[i], 1));
      });
    }
    const loss = -oof.reduce((a, p, i) => a + Math.log(yUp[i] ? Math.max(p, 1e-9) : Math.max(1 - p, 1e-9)), 0) / oof.length;
    if (loss < bestUp.loss) bestUp = { lambda, loss, oof };
  }
  const wUp = fitLogistic(xFit, yUp, bestUp.lambda, UPSET_PRIOR, UPSET_SIGNS);
  // Balanced F1 (precision from the true- and false-positive rates), each labelled set counting equally: the
  // plain F1's best cut moves with the share of upset messages, which is 65 % of the IBM turns, 33 % of the
  // BANKING77 queries, and something else again in a team's queue.
  const { threshold, f1: cvBalancedF1 } = balancedF1Threshold(bestUp.oof, yUp, fit.map((t) => t.source));

  // Anger: λ by grouped-CV ordinal log-loss (calibration matters: \`anger\` is read as an intensity).
  let bestAng = { lambda: LAMBDAS[0], loss: Infinity, rho: NaN };
  for (const lambda of LAMBDAS) {
    const oof = new Array<number>(fit.length).fill(0);
    let loss = 0;
    for (let f = 0; f < FOLDS; f++) {
      const tr = fit.map((_, i) => i).filter((i) => fold[i] !== f);
      const m = fitOrdinal(tr.map((i) => xFit[i]), tr.map((i) => yAng[i]), 3, lambda, ANGER_PRIOR, ANGER_SIGNS);
      fit.forEach((_, i) => {
        if (fold[i] !== f) return;
        const s = dot(m.weights, xFit[i]);
        oof[i] = ordinalExpectation(s, m.cuts);
        loss -= Math.log(Math.max(ordinalProbability(s, m.cuts, yAng[i]), 1e-9));
      });
    }
    loss /= fit.length;
    if (loss < bestAng.loss) bestAng = { lambda, loss, rho: spearman(oof, yAng) };
  }
  const ang = fitOrdinal(xFit, yAng, 3, bestAng.lambda, ANGER_PRIOR, ANGER_SIGNS);

  // Held-out figures, per labelled set.
  const pHeld = xHeld.map((x) => sigmoid(wUp[0] + dot(wUp, x, 1)));
  const aHeld = xHeld.map((x) => ordinalExpectation(dot(ang.weights, x), ang.cuts));
  const figures = (source: LabelledTurn['source']) => {
    const idx = held.map((t, i) => (t.source === source ? i : -1)).filter((i) => i >= 0);
    return setFigures(idx.map((i) => held[i]), idx.map((i) => pHeld[i]), idx.map((i) => aHeld[i]), threshold);
  };
  const ibm = figures('ibm');
  const banking = figures('banking');
  const metrics = {
    heldoutUpsetAuc: round(ibm.upsetAuc),
    heldoutUpsetF1: round(ibm.upsetF1),
    heldoutAngerSpearman: round(ibm.angerSpearman),
    heldoutEce: round(ibm.ece),
    bankingHeldoutUpsetAuc: round(banking.upsetAuc),
    bankingHeldoutUpsetF1: round(banking.upsetF1),
    bankingHeldoutAngerSpearman: round(banking.angerSpearman),
    bankingHeldoutEce: round(banking.ece),
    cvUpsetLogLoss: round(bestUp.loss),
    cvBalancedF1: round(cvBalancedF1),
    cvAngerSpearman: round(bestAng.rho),
    upsetL2: bestUp.lambda,
    angerL2: bestAng.lambda,
  };
  const r6 = (v: number) => Number(v.toFixed(6));
  const stage: CustomerStage = {
    version: '2.0.0',
    trainedAt,
    features: [...STAGE_FEATURES],
    mean: mean.map(r6),
    std: std.map(r6),
    upset: { bias: r6(wUp[0]), weights: wUp.slice(1).map(r6), threshold: r6(threshold) },
    anger: { weights: ang.weights.map(r6), cuts: ang.cuts.map(r6) },
    metrics,
  };
  const nIbm = fit.filter((t) => t.source === 'ibm').length;
  writeFileSync(
    join(root, 'models', 'customer-stage.model.ts'),
    `// Generated by \`npm run train\` (scripts/lib/stage2.ts) on ${trainedAt}; do not edit. See models/MODEL_CARD.md.\n` +
      `// Fitted on the \`fit\` splits of data/labels/customer-turns.jsonl (IBM customer-care turns, Apache-2.0) and\n` +
      `// data/labels/banking-turns.jsonl (BANKING77 queries, CC BY 4.0).\n` +
      `import type { CustomerStage } from '../src/engine/analyze/scoring.ts';\n\n` +
      `export const CUSTOMER_STAGE: CustomerStage = ${JSON.stringify(stage, null, 2)};\n`,
  );
  const table = STAGE_FEATURES.map((f, j) => `| ${f} | ${stage.upset.weights[j].toFixed(3)} | ${stage.anger.weights[j].toFixed(3)} |`).join('\n');
  const row = (name: string, x: SetFigures) =>
    `| ${name} (${x.n}) | ${x.upsetAuc.toFixed(3)} | ${x.upsetF1.toFixed(3)} | ${x.balancedF1.toFixed(3)} | ${x.ece.toFixed(3)} | ${x.angerSpearman.toFixed(3)} |`;
  const summary = `Fitted on ${fit.length} hand-labelled customer messages (the \`fit\` splits: ${nIbm} IBM Twitter turns, ${fit.length - nIbm}
BANKING77 queries), scored on ${held.length} held out (whole IBM conversations and whole BANKING77 intents held out).
Upset: logistic regression, L2 ${bestUp.lambda} (5-fold CV grouped by conversation and intent, log-loss ${bestUp.loss.toFixed(3)}),
threshold ${threshold.toFixed(3)} (best out-of-fold balanced F1, ${cvBalancedF1.toFixed(3)}, each set counting equally). Anger:
all-threshold ordinal logistic regression over levels 0–3, L2 ${bestAng.lambda} (grouped-CV log-loss ${bestAng.loss.toFixed(3)}, Spearman
${bestAng.rho.toFixed(3)}); \`anger\` = expected level / 3.

| held-out set | upset AUC | upset F1 | balanced F1 | ECE | anger Spearman |
|---|---|---|---|---|---|
${row('IBM turns', ibm)}
${row('BANKING77 queries', banking)}

Standardized weights:

| feature | upset | anger |
|---|---|---|
${table}
| (bias / cuts) | ${stage.upset.bias.toFixed(3)} | ${stage.anger.cuts.map((c) => c.toFixed(2)).join(', ')} |`;
  return { stage, summary };
}

/** The cut on `scores` maximizing sensitivity + specificity (predict positive when score ≥ cut). */
export function youdenThreshold(scores: number[], labels: number[]): number {
  const pos = labels.filter((l) => l > 0).length;
  const neg = labels.length - pos;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let fp = 0;
  let best = { j: -Infinity, t: 0.5 };
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]] > 0) tp++;
    else fp++;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const j = tp / pos - fp / neg;
    if (j > best.j) best = { j, t: scores[order[k]] };
  }
  return best.t;
}

function round(v: number): number {
  return Number(v.toFixed(4));
}
