/**
 * Evaluation metrics used by training (model selection, thresholds) and `npm run eval`. Pure and small so
 * the tests can check them against hand-computed examples.
 */

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative, ties
 * counting one half (Mann–Whitney U). Returns NaN when either class is empty.
 *
 * @example
 * auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const ranks = averageRanks(order, scores);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] > 0) {
      pos++;
      rankSum += ranks[i];
    }
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** 1-based ranks with ties sharing their average rank. `order` sorts the values ascending. */
function averageRanks(order: number[], values: ArrayLike<number>): Float64Array {
  const ranks = new Float64Array(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Precision, recall and F1 of binary predictions. F1 is 0 when there is nothing to get right. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Precision, recall and F1 of `predicted` against `actual` (truthy = positive).
 *
 * @example
 * f1([1, 1, 0, 0], [1, 0, 1, 0]).f1 // 0.5
 */
export function f1(predicted: ArrayLike<number | boolean>, actual: ArrayLike<number | boolean>): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = !!predicted[i];
    const a = !!actual[i];
    if (p && a) tp++;
    else if (p) fp++;
    else if (a) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1: f, tp, fp, fn };
}

/**
 * The threshold on `scores` that maximizes F1 against `labels` (predict positive when score ≥ threshold),
 * searched over the observed scores. Ties prefer the higher threshold (fewer false alarms).
 *
 * @example
 * bestThreshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).threshold // 0.35
 */
export function bestThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>): { threshold: number; f1: number } {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let totalPos = 0;
  for (let i = 0; i < n; i++) if (labels[i] > 0) totalPos++;
  if (totalPos === 0) return { threshold: Infinity, f1: 0 };
  let tp = 0;
  let fp = 0;
  let best = { threshold: Infinity, f1: 0 };
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (labels[i] > 0) tp++;
    else fp++;
    // Only cut between distinct scores: all items with equal score fall on the same side.
    if (k + 1 < n && scores[order[k + 1]] === scores[i]) continue;
    const f = (2 * tp) / (2 * tp + fp + (totalPos - tp));
    if (f > best.f1) best = { threshold: scores[i], f1: f };
  }
  return best;
}

/**
 * Spearman's rank correlation (Pearson on average ranks, so ties are handled). NaN when a side is constant.
 *
 * @example
 * spearman([1, 2, 3, 4], [10, 20, 30, 40]) // 1
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  const ox = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const oy = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[a] - y[b]);
  return pearson(averageRanks(ox, x), averageRanks(oy, y));
}

/** Pearson correlation; NaN when either side has no variance. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Expected calibration error: predictions put in `bins` equal-width bins of probability, and the gap between
 * each bin's mean prediction and its share of positives, weighted by the bin's size. 0 is perfectly calibrated.
 *
 * @example
 * expectedCalibrationError([0.9, 0.9, 0.1, 0.1], [1, 1, 0, 0]) // 0.1
 */
export function expectedCalibrationError(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): number {
  const n = probabilities.length;
  if (n === 0) return NaN;
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]));
    const b = Math.min(bins - 1, Math.floor(p * bins));
    sumP[b] += p;
    sumY[b] += labels[i] > 0 ? 1 : 0;
    count[b]++;
  }
  let e = 0;
  for (let b = 0; b < bins; b++) if (count[b] > 0) e += Math.abs(sumP[b] - sumY[b]);
  return e / n;
}

/**
 * F1 as it would be if positives and negatives were equally common: precision is computed from the true- and
 * false-positive rates (TPR / (TPR + FPR)), so the figure and the best cut do not move with a set's share of
 * positives. With `groups`, each group's rates count equally (two labelled sets of different make-up).
 *
 * @example
 * balancedF1([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 0.5) // 1
 */
export function balancedF1(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, groups?: ArrayLike<string | number>): number {
  const { tpr, fpr } = rates(scores, labels, threshold, groups);
  const precision = tpr + fpr === 0 ? 0 : tpr / (tpr + fpr);
  return precision + tpr === 0 ? 0 : (2 * precision * tpr) / (precision + tpr);
}

/** The cut (one of the scores; predict positive when score ≥ cut) with the best {@link balancedF1}. */
export function balancedF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>, groups?: ArrayLike<string | number>): { threshold: number; f1: number } {
  const cuts = [...new Set(Array.from(scores))].sort((a, b) => a - b);
  let best = { threshold: 0.5, f1: -1 };
  for (const t of cuts) {
    const f = balancedF1(scores, labels, t, groups);
    if (f > best.f1) best = { threshold: t, f1: f };
  }
  return best;
}

/** True- and false-positive rates at a cut, averaged over groups when given. */
function rates(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, groups?: ArrayLike<string | number>): { tpr: number; fpr: number } {
  const acc = new Map<string | number, { tp: number; pos: number; fp: number; neg: number }>();
  for (let i = 0; i < scores.length; i++) {
    const g = groups ? groups[i] : 0;
    let a = acc.get(g);
    if (!a) acc.set(g, (a = { tp: 0, pos: 0, fp: 0, neg: 0 }));
    const predicted = scores[i] >= threshold;
    if (labels[i] > 0) {
      a.pos++;
      if (predicted) a.tp++;
    } else {
      a.neg++;
      if (predicted) a.fp++;
    }
  }
  let tpr = 0;
  let fpr = 0;
  for (const a of acc.values()) {
    tpr += a.pos ? a.tp / a.pos : 0;
    fpr += a.neg ? a.fp / a.neg : 0;
  }
  return { tpr: tpr / acc.size, fpr: fpr / acc.size };
}
