// One-vs-rest logistic regression over hashed features, trained with AdaGrad + L2. Deterministic: a seeded
// shuffle and a fixed order of floating-point operations, so the same data and seed give the same weights.
import { sigmoid } from '../../src/engine/model/emotion.ts';
import type { Csr } from './goemotions.ts';

export interface TrainConfig {
  bits: number;
  charWeight: number;
  /** L2 strength applied to every weight an example touches. */
  l2: number;
  /** AdaGrad base learning rate. */
  lr: number;
  epochs: number;
  seed: number;
}

export interface LinearModel {
  w: Float32Array;
  b: Float32Array;
  heads: number;
}

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(n: number, rand: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Trains for `cfg.epochs`, calling `onEpoch` after each so the caller can track dev scores. */
export function trainLinear(
  cfg: TrainConfig,
  x: Csr,
  y: Uint8Array,
  heads: number,
  onEpoch?: (epoch: number, model: LinearModel) => void,
): LinearModel {
  const nb = 1 << cfg.bits;
  const H = heads;
  const w = new Float32Array(nb * H);
  const g2 = new Float32Array(nb * H).fill(0.1);
  const b = new Float32Array(H);
  const gb = new Float32Array(H).fill(0.1);
  const n = x.ptr.length - 1;
  // Start each bias at the label's log-odds so early epochs do not spend themselves learning base rates.
  for (let h = 0; h < H; h++) {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += y[i * H + h];
    const p = (pos + 1) / (n + 2);
    b[h] = Math.log(p / (1 - p));
  }
  const rand = rng(cfg.seed);
  const z = new Float64Array(H);
  const g = new Float64Array(H);
  const model = { w, b, heads: H };
  for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
    const order = shuffle(n, rand);
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi];
      const s = x.ptr[i];
      const e = x.ptr[i + 1];
      for (let h = 0; h < H; h++) z[h] = b[h];
      for (let k = s; k < e; k++) {
        const v = x.val[k];
        const base = x.idx[k] * H;
        for (let h = 0; h < H; h++) z[h] += v * w[base + h];
      }
      for (let h = 0; h < H; h++) {
        g[h] = sigmoid(z[h]) - y[i * H + h];
        const gg = g[h];
        gb[h] += gg * gg;
        b[h] -= (cfg.lr * gg) / Math.sqrt(gb[h]);
      }
      for (let k = s; k < e; k++) {
        const v = x.val[k];
        const base = x.idx[k] * H;
        for (let h = 0; h < H; h++) {
          const j = base + h;
          const grad = g[h] * v + cfg.l2 * w[j];
          g2[j] += grad * grad;
          w[j] -= (cfg.lr * grad) / Math.sqrt(g2[j]);
        }
      }
    }
    onEpoch?.(epoch, model);
  }
  return model;
}

/** Probabilities (examples × heads) of a float or quantized model. */
export function predictAll(
  x: Csr,
  heads: number,
  w: Float32Array | Int8Array,
  b: ArrayLike<number>,
  scale?: ArrayLike<number>,
): Float32Array {
  const n = x.ptr.length - 1;
  const H = heads;
  const out = new Float32Array(n * H);
  const acc = new Float64Array(H);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    for (let k = x.ptr[i]; k < x.ptr[i + 1]; k++) {
      const v = x.val[k];
      const base = x.idx[k] * H;
      for (let h = 0; h < H; h++) acc[h] += v * w[base + h];
    }
    for (let h = 0; h < H; h++) out[i * H + h] = sigmoid(b[h] + (scale ? scale[h] : 1) * acc[h]);
  }
  return out;
}

/** Symmetric per-head int8 quantization. */
export function quantize(m: LinearModel): { q: Int8Array; scale: number[] } {
  const H = m.heads;
  const nb = m.w.length / H;
  const maxAbs = new Float64Array(H);
  for (let j = 0; j < nb; j++) {
    for (let h = 0; h < H; h++) {
      const a = Math.abs(m.w[j * H + h]);
      if (a > maxAbs[h]) maxAbs[h] = a;
    }
  }
  const scale = Array.from(maxAbs, (a) => (a > 0 ? a / 127 : 1));
  const q = new Int8Array(m.w.length);
  for (let j = 0; j < nb; j++) {
    for (let h = 0; h < H; h++) q[j * H + h] = Math.round(m.w[j * H + h] / scale[h]);
  }
  return { q, scale };
}
