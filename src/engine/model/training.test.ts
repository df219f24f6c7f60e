// The training pipeline's pieces (scripts/lib/), on tiny problems whose answers are known.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { featurize } from '../../../scripts/lib/goemotions.ts';
import { predictAll, quantize, rng, shuffle, trainLinear } from '../../../scripts/lib/linear.ts';
import { fitLogistic, fitOrdinal, youdenThreshold } from '../../../scripts/lib/stage2.ts';
import { auc } from './metrics.ts';
import { sigmoid } from './emotion.ts';

describe('training pieces', () => {
  it('seeded PRNG and shuffle are reproducible permutations', () => {
    const a = Array.from(shuffle(50, rng(7)));
    assert.deepEqual(Array.from(shuffle(50, rng(7))), a);
    assert.notDeepEqual(Array.from(shuffle(50, rng(8))), a);
    assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  });

  it('learns a toy two-head text problem, deterministically, and survives int8 quantization', () => {
    const pos = ['i am furious', 'so angry right now', 'this makes me furious', 'angry and upset'];
    const neg = ['thanks a lot', 'lovely day', 'thank you so much', 'what a lovely surprise'];
    const texts = [...pos, ...neg];
    // Head 0: anger; head 1: its complement.
    const y = new Uint8Array(texts.flatMap((_, i) => (i < pos.length ? [1, 0] : [0, 1])));
    const x = featurize(texts, { bits: 10, charWeight: 1 });
    const cfg = { bits: 10, charWeight: 1, l2: 1e-6, lr: 0.3, epochs: 30, seed: 1 };
    const m1 = trainLinear(cfg, x, y, 2);
    const m2 = trainLinear(cfg, x, y, 2);
    assert.deepEqual(Array.from(m1.w), Array.from(m2.w));
    const test = featurize(['you make me so angry', 'thank you, lovely'], { bits: 10, charWeight: 1 });
    const p = predictAll(test, 2, m1.w, m1.b);
    assert.ok(p[0] > 0.5 && p[2] < 0.5, `angry ${p[0]} calm ${p[2]}`);
    const { q, scale } = quantize(m1);
    const pq = predictAll(test, 2, q, m1.b, scale);
    for (let i = 0; i < p.length; i++) assert.ok(Math.abs(p[i] - pq[i]) < 0.02, `${p[i]} vs ${pq[i]}`);
  });

  it('fits a logistic model that separates a 1-D problem, pulled towards its prior and sign', () => {
    const x = [[-2], [-1], [-0.5], [0.5], [1], [2]];
    const y = [0, 0, 0, 1, 1, 1];
    const w = fitLogistic(x, y, 0.01);
    assert.ok(w[1] > 1);
    assert.equal(auc(x.map((r) => sigmoid(w[0] + w[1] * r[0])), y), 1);
    // A sign constraint of -1 forbids the positive slope the data wants.
    assert.equal(fitLogistic(x, y, 0.01, [0], [-1])[1], 0);
    // With no information in the input the weight stays at its prior.
    const flat = fitLogistic([[0], [0], [0], [0]], [0, 1, 0, 1], 0.1, [1.5]);
    assert.ok(Math.abs(flat[1] - 1.5) < 1e-9);
  });

  it('fits ordered cut points for an ordinal target', () => {
    const x = [[-2], [-1.5], [-0.5], [0], [0.5], [1], [1.5], [2.5]];
    const y = [0, 0, 1, 1, 2, 2, 3, 3];
    const m = fitOrdinal(x, y, 3, 0.001);
    assert.ok(m.weights[0] > 0);
    assert.ok(m.cuts[0] < m.cuts[1] && m.cuts[1] < m.cuts[2], m.cuts.join(' '));
  });

  it("picks the cut maximizing Youden's J", () => {
    // Labels 0 0 1 0 1. Cut ≥ 0.8: J = 1/2 + 3/3 − 1 = 0.5; ≥ 0.7: 1/2 + 2/3 − 1 = 0.17;
    // ≥ 0.6: 2/2 + 2/3 − 1 = 0.67 (best); ≥ 0.3: 2/2 + 1/3 − 1 = 0.33.
    assert.equal(youdenThreshold([0.1, 0.3, 0.6, 0.7, 0.8], [0, 0, 1, 0, 1]), 0.6);
  });
});
