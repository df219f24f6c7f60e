/**
 * The trained emotion model at inference time: hashed features (`features.ts`) times an int8 weight table,
 * one logistic head per GoEmotions label, per Ekman group and for "any negative emotion".
 *
 * The weights ship inside the package as a generated module (`models/emotion.model.ts`, written by
 * `npm run train`), so the engine imports them statically: no file system, no fetch, works in a browser.
 * Decoding happens once, on first use.
 */
import { EMOTION_MODEL } from '../../../models/emotion.model.ts';
import { createFeatureBuffer, extractFeatures, type FeatureBuffer, type WithinText } from './features.ts';

/** The serialized model, as `scripts/train.ts` writes it. */
export interface EmotionModelData {
  /** Semantic version of the artefact; bump the major when features change. */
  version: string;
  /** ISO date of training. */
  trainedAt: string;
  /** log2 of the number of hash buckets. */
  bits: number;
  charWeight: number;
  /** Head names, in weight-column order: 28 labels, then `ekman:*`, then `negative`. */
  heads: string[];
  bias: number[];
  /** Dequantization scale per head: weight = int8 × scale. */
  scale: number[];
  /** Decision threshold per head, chosen on GoEmotions dev to maximize F1. */
  thresholds: number[];
  /** Base64 of an Int8Array laid out bucket-major: `w[bucket * heads.length + head]`. */
  weights: string;
  /** Dev-set figures at training time, for the model card and `npm run eval` to compare against. */
  metrics?: Record<string, number>;
}

/** The 28 GoEmotions labels, index = label id in the data set. */
export const GO_LABELS = [
  'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
  'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief',
  'joy', 'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise',
  'neutral',
] as const;

/** Ekman groups as defined by the GoEmotions paper. */
export const EKMAN_GROUPS: Record<string, readonly string[]> = {
  anger: ['anger', 'annoyance', 'disapproval'],
  disgust: ['disgust'],
  fear: ['fear', 'nervousness'],
  joy: [
    'admiration', 'amusement', 'approval', 'caring', 'desire', 'excitement', 'gratitude', 'joy', 'love',
    'optimism', 'pride', 'relief',
  ],
  sadness: ['sadness', 'disappointment', 'embarrassment', 'grief', 'remorse'],
  surprise: ['surprise', 'realization', 'confusion', 'curiosity'],
  neutral: ['neutral'],
};

/** Labels counted as "negative emotion" for the `negative` head: the anger, disgust, fear and sadness groups. */
export const NEGATIVE_LABELS: readonly string[] = [
  ...EKMAN_GROUPS.anger, ...EKMAN_GROUPS.disgust, ...EKMAN_GROUPS.fear, ...EKMAN_GROUPS.sadness,
];

/** Head names in the order the trainer writes them. */
export const HEADS: readonly string[] = [
  ...GO_LABELS,
  ...Object.keys(EKMAN_GROUPS).map((g) => `ekman:${g}`),
  'negative',
];

/** What the model reads from a text. */
export interface EmotionPrediction {
  /** Probability per GoEmotions label. */
  labels: Record<string, number>;
  /** Probability per Ekman group (anger, disgust, fear, joy, sadness, surprise, neutral). */
  ekman: Record<string, number>;
  /** Probability that the text expresses any negative emotion. */
  negative: number;
}

/**
 * Linear heads of another model trained on the same hashed features (the issue model): int8 weights laid out
 * bucket-major (`weights[bucket * heads + h]`), a float scale and a bias per head. The features are those of
 * `featureBits` and `charWeight` (the emotion model's); the heads fold each feature's bucket to `bits`
 * (`bucket & (2^bits − 1)`), so a small table stays in cache.
 */
export interface PackedHeads {
  bits: number;
  featureBits: number;
  charWeight: number;
  heads: number;
  weights: Int8Array;
  bias: readonly number[];
  scale: readonly number[];
}

/** Extra heads to score in the same pass as the emotion heads, and where their logits go. */
export interface ExtraHeads {
  heads: PackedHeads;
  out: Float64Array;
}

/** Feature-buffer capacity kept between calls (a ~20,000-character text); larger buffers are dropped. */
const MAX_KEPT_FEATURES = 1 << 16;

/** Packed head lists kept per model: each is a few hundred KB, and callers use one or two lists. */
const MAX_PACKED = 4;

/** A decoded, ready-to-run model. */
export class EmotionModel {
  readonly data: EmotionModelData;
  readonly heads: readonly string[];
  private readonly w: Int8Array;
  private buf: FeatureBuffer = createFeatureBuffer();
  private readonly acc: Float64Array;
  private readonly nHeads: number;
  private readonly packed = new Map<string, Int8Array>();
  /** The same, by the caller's array, so a caller that keeps its list (the analyzer) skips the lookup. */
  private readonly packedFor = new WeakMap<Int32Array, Int8Array>();


  constructor(data: EmotionModelData) {
    if (data.heads.length !== data.bias.length || data.heads.length !== data.scale.length) {
      throw new Error('emotion model: heads, bias and scale lengths differ');
    }
    this.data = data;
    this.heads = data.heads;
    this.nHeads = data.heads.length;
    this.w = decodeBase64Int8(data.weights);
    if (this.w.length !== (1 << data.bits) * this.nHeads) {
      throw new Error(`emotion model: expected ${(1 << data.bits) * this.nHeads} weights, got ${this.w.length}`);
    }
    this.acc = new Float64Array(this.nHeads);
  }

  /**
   * Logits of every head for `text`, written into `out` (length = number of heads). Allocation-free.
   *
   * @example
   * const out = new Float64Array(model.heads.length);
   * model.logits('This is unacceptable!', out);
   */
  logits(text: string, out: Float64Array): Float64Array {
    const H = this.nHeads;
    const acc = this.acc;
    acc.fill(0);
    const n = extractFeatures(text, this.buf, this.data);
    const idx = this.buf.idx;
    const val = this.buf.val;
    const w = this.w;
    for (let k = 0; k < n; k++) {
      const v = val[k];
      const base = idx[k] * H;
      for (let h = 0; h < H; h++) acc[h] += v * w[base + h];
    }
    for (let h = 0; h < H; h++) out[h] = this.data.bias[h] + this.data.scale[h] * acc[h];
    // A huge input (a pasted log file) grows the buffer; do not keep megabytes alive for the next draft.
    if (idx.length > MAX_KEPT_FEATURES) this.buf = createFeatureBuffer();
    return out;
  }

  /**
   * Logits of the listed heads only (`out[i]` for `heads[i]`): the same arithmetic as {@link logits} at a
   * fraction of the cost when a caller needs a few heads (the analyzer scores every sentence this way).
   *
   * With `extra`, another model's heads trained on the same features (the issue model) are scored in the same
   * pass, into `extra.out`: the analyzer reads a message once for both.
   *
   * @example
   * model.logitsOf('Still waiting!', Int32Array.of(model.headIndex('negative')), new Float64Array(1));
   */
  logitsOf(text: string, heads: Int32Array, out: Float64Array, within?: WithinText, extra?: ExtraHeads): Float64Array {
    const m = heads.length;
    const acc = this.acc;
    acc.fill(0, 0, m);
    const n = extractFeatures(text, this.buf, this.data, within);
    const idx = this.buf.idx;
    const val = this.buf.val;
    const w = this.columns(heads);
    for (let k = 0; k < n; k++) {
      const v = val[k];
      const base = idx[k] * m;
      for (let i = 0; i < m; i++) acc[i] += v * w[base + i];
    }
    for (let i = 0; i < m; i++) out[i] = this.data.bias[heads[i]] + this.data.scale[heads[i]] * acc[i];
    if (extra) foldedLogits(extra.heads, this.data, idx, val, n, extra.out);
    if (idx.length > MAX_KEPT_FEATURES) this.buf = createFeatureBuffer();
    return out;
  }

  /**
   * The weights of a few heads packed bucket by bucket (`w[bucket * m + i]` for `heads[i]`): a feature then
   * reads one short run of bytes instead of picking them out of a 36-byte row, and the table is small
   * enough to stay in cache. Built once per list of heads (the analyzer asks for one list).
   */
  private columns(heads: Int32Array): Int8Array {
    const same = this.packedFor.get(heads);
    if (same) return same;
    const key = heads.join(',');
    let packed = this.packed.get(key);
    if (!packed) {
      const H = this.nHeads;
      const m = heads.length;
      const buckets = this.w.length / H;
      packed = new Int8Array(buckets * m);
      for (let b = 0; b < buckets; b++) for (let i = 0; i < m; i++) packed[b * m + i] = this.w[b * H + heads[i]];
      if (this.packed.size >= MAX_PACKED) this.packed.clear();
      this.packed.set(key, packed);
    }
    this.packedFor.set(heads, packed);
    return packed;
  }

  /**
   * Probabilities for every label, Ekman group and the `negative` head.
   *
   * @example
   * loadEmotionModel().predict('I am so angry right now').ekman.anger // high
   */
  predict(text: string): EmotionPrediction {
    const z = this.logits(text, new Float64Array(this.nHeads));
    const labels: Record<string, number> = {};
    const ekman: Record<string, number> = {};
    let negative = 0;
    for (let h = 0; h < this.nHeads; h++) {
      const name = this.heads[h];
      const p = sigmoid(z[h]);
      if (name.startsWith('ekman:')) ekman[name.slice(6)] = p;
      else if (name === 'negative') negative = p;
      else labels[name] = p;
    }
    return { labels, ekman, negative };
  }

  /** Index of a head by name, -1 when absent. */
  headIndex(name: string): number {
    return this.heads.indexOf(name);
  }
}

/**
 * Logits of `heads` over `n` hashed features (`idx`, `val`), each bucket folded to the heads' `bits`.
 *
 * @example
 * foldedLogits(issueHeads, { bits: 16, charWeight: 1.5 }, buf.idx, buf.val, n, out);
 */
export function foldedLogits(heads: PackedHeads, features: { bits: number; charWeight: number }, idx: Int32Array, val: Float32Array, n: number, out: Float64Array): Float64Array {
  if (heads.featureBits !== features.bits || heads.charWeight !== features.charWeight || heads.bits > heads.featureBits) {
    throw new Error('extra heads were trained on other feature options');
  }
  const e = heads.heads;
  const mask = (1 << heads.bits) - 1;
  const w = heads.weights;
  out.fill(0, 0, e);
  for (let k = 0; k < n; k++) {
    const v = val[k];
    const base = (idx[k] & mask) * e;
    for (let i = 0; i < e; i++) out[i] += v * w[base + i];
  }
  for (let i = 0; i < e; i++) out[i] = heads.bias[i] + heads.scale[i] * out[i];
  return out;
}

/** Logistic function, stable for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Decodes base64 without Node's Buffer, so the engine stays browser-safe. */
export function decodeBase64Int8(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

let shipped: EmotionModel | undefined;

/**
 * The model that ships with the engine, decoded on first call and cached.
 *
 * @example
 * const p = loadEmotionModel().predict('Still waiting for my refund. Not happy.');
 * p.negative > 0.5 // true
 */
export function loadEmotionModel(): EmotionModel {
  shipped ??= new EmotionModel(EMOTION_MODEL);
  return shipped;
}
