// GoEmotions dev figures computed the same way by train.ts (for model selection) and eval.ts (for the table).
import { auc, bestThreshold, f1 } from '../../src/engine/model/metrics.ts';
import { GO_LABELS, HEADS } from '../../src/engine/model/emotion.ts';

export interface HeadReport {
  head: string;
  f1: number;
  /** F1 with the threshold chosen on the other half of dev (honest estimate; see eval.ts). */
  f1Cross: number;
  auc: number;
  threshold: number;
  support: number;
}

export interface DevReport {
  heads: HeadReport[];
  macroF1: number;
  ekmanMacroF1: number;
  ekmanAngerF1: number;
  angerF1: number;
  ekmanMacroF1Cross: number;
  macroF1Cross: number;
  /** Model-selection score: mean of the 28-label and Ekman macro-F1. */
  selection: number;
}

function column(p: Float32Array | Uint8Array, H: number, h: number, rows?: number[]): number[] {
  const n = p.length / H;
  const idx = rows ?? Array.from({ length: n }, (_, i) => i);
  return idx.map((i) => p[i * H + h]);
}

/** Per-head F1 at its best dev threshold, AUC, and a 2-fold cross-threshold F1. */
export function devReport(prob: Float32Array, y: Uint8Array, thresholds?: number[]): DevReport {
  const H = HEADS.length;
  const n = prob.length / H;
  const even = Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0);
  const odd = Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 1);
  const heads: HeadReport[] = HEADS.map((head, h) => {
    const s = column(prob, H, h);
    const l = column(y, H, h);
    const best = bestThreshold(s, l);
    const threshold = thresholds ? thresholds[h] : best.threshold;
    const f = f1(s.map((v) => v >= threshold), l).f1;
    // Threshold fitted on one half, F1 counted on the other, pooled.
    const tEven = bestThreshold(column(prob, H, h, even), column(y, H, h, even)).threshold;
    const tOdd = bestThreshold(column(prob, H, h, odd), column(y, H, h, odd)).threshold;
    const pred = s.map((v, i) => v >= (i % 2 === 0 ? tOdd : tEven));
    return { head, f1: f, f1Cross: f1(pred, l).f1, auc: auc(s, l), threshold, support: l.reduce((a, b) => a + b, 0) };
  });
  const labels = heads.slice(0, GO_LABELS.length);
  const ekman = heads.filter((r) => r.head.startsWith('ekman:'));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const macroF1 = mean(labels.map((r) => r.f1));
  const ekmanMacroF1 = mean(ekman.map((r) => r.f1));
  return {
    heads,
    macroF1,
    ekmanMacroF1,
    ekmanAngerF1: heads.find((r) => r.head === 'ekman:anger')!.f1,
    angerF1: heads.find((r) => r.head === 'anger')!.f1,
    macroF1Cross: mean(labels.map((r) => r.f1Cross)),
    ekmanMacroF1Cross: mean(ekman.map((r) => r.f1Cross)),
    selection: (macroF1 + ekmanMacroF1) / 2,
  };
}
