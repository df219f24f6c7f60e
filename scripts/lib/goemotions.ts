// Loading GoEmotions TSVs and featurizing them into compact CSR arrays, shared by train.ts and eval.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFeatureBuffer, extractFeatures, type FeatureOptions } from '../../src/engine/model/features.ts';
import { EKMAN_GROUPS, GO_LABELS, HEADS, NEGATIVE_LABELS } from '../../src/engine/model/emotion.ts';

export const DATA_DIR = process.env.DEFUSE_DATA_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export interface Example {
  text: string;
  labels: number[];
}

export function readGoEmotions(split: 'train' | 'dev'): Example[] {
  const file = join(DATA_DIR, 'goemotions', `${split}.tsv`);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: set DEFUSE_DATA_DIR to the folder holding goemotions/ (${(err as Error).message})`);
  }
  const out: Example[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const [text, labels] = line.split('\t');
    out.push({ text, labels: labels.split(',').map(Number) });
  }
  return out;
}

/** Target matrix (examples × heads) of 0/1 for the heads in `HEADS` order. */
export function targets(examples: Example[]): Uint8Array {
  const H = HEADS.length;
  const y = new Uint8Array(examples.length * H);
  const groupIdx = Object.values(EKMAN_GROUPS).map((names) => names.map((n) => GO_LABELS.indexOf(n as never)));
  const negIdx = NEGATIVE_LABELS.map((n) => GO_LABELS.indexOf(n as never));
  examples.forEach((ex, i) => {
    for (const l of ex.labels) y[i * H + l] = 1;
    groupIdx.forEach((members, g) => {
      if (ex.labels.some((l) => members.includes(l))) y[i * H + GO_LABELS.length + g] = 1;
    });
    if (ex.labels.some((l) => negIdx.includes(l))) y[i * H + H - 1] = 1;
  });
  return y;
}

/** All examples' features in CSR form. */
export interface Csr {
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

export function featurize(texts: string[], opts: FeatureOptions): Csr {
  const buf = createFeatureBuffer();
  const ptr = new Int32Array(texts.length + 1);
  let idx = new Int32Array(texts.length * 64);
  let val = new Float32Array(texts.length * 64);
  let n = 0;
  texts.forEach((t, i) => {
    const k = extractFeatures(t, buf, opts);
    if (n + k > idx.length) {
      const cap = Math.max(idx.length * 2, n + k);
      const i2 = new Int32Array(cap);
      i2.set(idx);
      idx = i2;
      const v2 = new Float32Array(cap);
      v2.set(val);
      val = v2;
    }
    idx.set(buf.idx.subarray(0, k), n);
    val.set(buf.val.subarray(0, k), n);
    n += k;
    ptr[i + 1] = n;
  });
  return { ptr, idx: idx.slice(0, n), val: val.slice(0, n) };
}
