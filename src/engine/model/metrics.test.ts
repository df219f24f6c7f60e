import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auc, balancedF1, balancedF1Threshold, bestThreshold, expectedCalibrationError, f1, pearson, spearman } from './metrics.ts';

describe('metrics (hand-computed examples)', () => {
  it('AUC counts correctly ordered positive/negative pairs, ties as one half', () => {
    // Pairs (pos, neg): (0.35,0.1) ✓ (0.35,0.4) ✗ (0.8,0.1) ✓ (0.8,0.4) ✓ → 3/4.
    assert.equal(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
    assert.equal(auc([0.5, 0.5], [0, 1]), 0.5);
    assert.equal(auc([1, 2, 3], [0, 1, 1]), 1);
    assert.equal(auc([3, 2, 1], [0, 1, 1]), 0);
    assert.ok(Number.isNaN(auc([1, 2], [1, 1])));
  });

  it('F1 from true/false positives and negatives', () => {
    const r = f1([1, 1, 0, 0], [1, 0, 1, 0]);
    assert.deepEqual([r.tp, r.fp, r.fn], [1, 1, 1]);
    assert.equal(r.precision, 0.5);
    assert.equal(r.recall, 0.5);
    assert.equal(r.f1, 0.5);
    // tp 2, fp 1, fn 0 → P 2/3, R 1, F1 0.8.
    assert.ok(Math.abs(f1([true, true, true], [true, true, false]).f1 - 0.8) < 1e-12);
    assert.equal(f1([0, 0], [0, 0]).f1, 0);
  });

  it('best threshold maximizes F1 over the observed scores', () => {
    // At 0.35: predicted {0.4, 0.35, 0.8} → tp 2, fp 1 → F1 0.8, the best cut.
    const b = bestThreshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    assert.equal(b.threshold, 0.35);
    assert.ok(Math.abs(b.f1 - 0.8) < 1e-12);
    assert.equal(bestThreshold([0.1, 0.2], [0, 0]).f1, 0);
  });

  it('Spearman is Pearson on average ranks', () => {
    assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 1);
    assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    // x ranks [1, 2.5, 2.5, 4], y ranks [1, 2, 3, 4]: sxy 4.5, sxx 4.5, syy 5 → 4.5/√22.5.
    assert.ok(Math.abs(spearman([1, 2, 2, 3], [1, 2, 3, 4]) - 4.5 / Math.sqrt(22.5)) < 1e-12);
    assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
  });

  it('expected calibration error: the size-weighted gap between predicted and observed rates per bin', () => {
    // Bin 9 holds two 0.9s, both positive: gap 0.2; bin 1 two 0.1s, both negative: gap 0.2 → 0.4 / 4.
    assert.ok(Math.abs(expectedCalibrationError([0.9, 0.9, 0.1, 0.1], [1, 1, 0, 0]) - 0.1) < 1e-12);
    // Half right at 0.5: perfectly calibrated.
    assert.equal(expectedCalibrationError([0.5, 0.5], [1, 0]), 0);
    assert.equal(expectedCalibrationError([1, 0], [0, 1]), 1);
  });

  it('balanced F1 does not move with the share of positives', () => {
    // TPR 1/2, FPR 1/4 whatever the number of negatives: precision 2/3, F1 4/7.
    const few = balancedF1([0.9, 0.2, 0.8, 0.1, 0.1, 0.1], [1, 1, 0, 0, 0, 0], 0.5);
    const many = balancedF1([0.9, 0.2, 0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1], [1, 1, 0, 0, 0, 0, 0, 0, 0, 0], 0.5);
    assert.ok(Math.abs(few - 4 / 7) < 1e-12 && Math.abs(many - 4 / 7) < 1e-12, `${few} ${many}`);
    assert.deepEqual(balancedF1Threshold([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]), { threshold: 0.8, f1: 1 });
    // Two groups count equally: group b's perfect split (TPR 1, FPR 0) and group a's inverted one (0, 1)
    // average to TPR 1/2, FPR 1/2: precision 1/2, F1 1/2.
    const g = balancedF1([0.9, 0.1, 0.9, 0.1], [1, 0, 0, 1], 0.5, ['b', 'b', 'a', 'a']);
    assert.equal(g, 0.5);
  });
});
