/**
 * Research experiment (not shipped): one-hidden-layer MLP over the engine's hashed sparse features vs the
 * shipped linear model, on GoEmotions dev, with the exact same dev report as scripts/train.ts.
 *
 *   nice -n 10 npx tsx scripts/experiments/hidden-layer.ts linear                         # linear baseline (BEST cfg), saves dev probs
 *   nice -n 10 npx tsx scripts/experiments/hidden-layer.ts mlp H=64 act=relu lr=0.05 epochs=6 drop=0 l2=0 tag=NAME
 *   nice -n 10 npx tsx scripts/experiments/hidden-layer.ts ens a=linear.f32 b=NAME.f32 [wa=0.5]
 *
 * Probabilities (dev × 36, float32) of every run go to <tmpdir>/defuse-experiments/<tag>.f32, so ensembles need
 * no retraining. The README's "what did not work" figures: `mlp H=64 act=relu lr=0.05 drop=0.5 epochs=5` and
 * its `ens` with `linear`, seeds 20260, 1 and 2.
 * Model selection (epoch) uses the same `selection` score as train.ts: mean of 28-label and Ekman macro-F1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADS, sigmoid } from '../../src/engine/model/emotion.ts';
import { createFeatureBuffer, extractFeatures } from '../../src/engine/model/features.ts';
import { featurize, readGoEmotions, targets, type Csr } from '../lib/goemotions.ts';
import { predictAll, quantize, rng, shuffle, trainLinear } from '../lib/linear.ts';
import { devReport, type DevReport } from '../lib/report.ts';

const OUT = join(tmpdir(), 'defuse-experiments');
mkdirSync(OUT, { recursive: true });
const [mode, ...rest] = process.argv.slice(2);
const opt: Record<string, string> = Object.fromEntries(rest.map((a) => a.split('=') as [string, string]));
const num = (k: string, d: number) => (opt[k] !== undefined ? Number(opt[k]) : d);
const NH = HEADS.length;
const BITS = 16;
const CHAR = num('char', 1.5);
const SEED = num('seed', 20260);
const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const fmt = (r: DevReport) =>
  `macroF1 ${r.macroF1.toFixed(3)} ekmanMacroF1 ${r.ekmanMacroF1.toFixed(3)} ekmanAnger ${r.ekmanAngerF1.toFixed(3)} ` +
  `anger ${r.angerF1.toFixed(3)} (cross: ekman ${r.ekmanMacroF1Cross.toFixed(3)}, ekAngerX ${r.heads.find((h) => h.head === 'ekman:anger')!.f1Cross.toFixed(3)}) sel ${r.selection.toFixed(4)}`;

const dev = readGoEmotions('dev');
const yDev = targets(dev);
const EA = HEADS.indexOf('ekman:anger');

function save(tag: string, p: Float32Array) {
  writeFileSync(join(OUT, `${tag}.f32`), Buffer.from(p.buffer, p.byteOffset, p.byteLength));
}
function load(file: string): Float32Array {
  const b = readFileSync(file.startsWith('/') ? file : join(OUT, file));
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

/** Non-zeros per 1,000-character text: dev comments concatenated into 1,000-char chunks. */
function nnzPer1000(): number {
  const all = dev.map((e) => e.text).join(' ');
  const buf = createFeatureBuffer();
  let tot = 0;
  let cnt = 0;
  for (let s = 0; s + 1000 <= all.length && cnt < 200; s += 1000, cnt++) tot += extractFeatures(all.slice(s, s + 1000), buf, { bits: BITS, charWeight: CHAR });
  return tot / cnt;
}

if (mode === 'ens') {
  const a = load(opt.a);
  const b = load(opt.b);
  const extra = (opt.more ?? '').split(',').filter(Boolean).map(load);
  if (extra.length) {
    // linear (a) weighted wa, mean of b + extra MLPs weighted 1-wa
    const wa = Number(opt.wa ?? 0.5);
    const ms = [load(opt.b), ...extra];
    const p = new Float32Array(a.length);
    for (let i = 0; i < p.length; i++) p[i] = wa * a[i] + ((1 - wa) * ms.reduce((s, m) => s + m[i], 0)) / ms.length;
    const r = devReport(p, yDev);
    log(`ens ${opt.a}×${wa} + mean(${opt.b},${opt.more}): ${fmt(r)} ekAngerAUC ${r.heads[EA].auc.toFixed(3)}`);
    process.exit(0);
  }
  const c = opt.c ? load(opt.c) : undefined;
  const ws = opt.wa ? [Number(opt.wa)] : [0.3, 0.4, 0.5, 0.6, 0.7];
  for (const wa of ws) {
    const p = new Float32Array(a.length);
    for (let i = 0; i < p.length; i++) p[i] = c ? (a[i] + b[i] + c[i]) / 3 : wa * a[i] + (1 - wa) * b[i];
    log(`ens ${opt.a}×${c ? '1/3' : wa} + ${opt.b}${c ? ' + ' + opt.c : ''}: ${fmt(devReport(p, yDev))}`);
    if (opt.save) save(opt.save, p);
    if (c) break;
  }
  process.exit(0);
}

if (mode === 'post') {
  // Post-hoc combinations for ekman:anger from existing probabilities (no training): noisy-OR / max of the
  // anger-group label heads, and mixes with the direct head.
  const p = load(opt.a);
  const n = p.length / NH;
  const members = ['anger', 'annoyance', 'disapproval'].map((h) => HEADS.indexOf(h));
  for (const [name, f] of [
    ['direct', (i: number) => p[i * NH + EA]],
    ['noisyOR', (i: number) => 1 - members.reduce((acc, m) => acc * (1 - p[i * NH + m]), 1)],
    ['max', (i: number) => Math.max(...members.map((m) => p[i * NH + m]))],
    ['0.5 direct+0.5 noisyOR', (i: number) => 0.5 * p[i * NH + EA] + 0.5 * (1 - members.reduce((acc, m) => acc * (1 - p[i * NH + m]), 1))],
  ] as [string, (i: number) => number][]) {
    const q = Float32Array.from(p);
    for (let i = 0; i < n; i++) q[i * NH + EA] = f(i);
    log(`post ${name}: ${fmt(devReport(q, yDev))}`);
  }
  process.exit(0);
}

const train = readGoEmotions('train');
const yTrain = targets(train);
const tr = featurize(train.map((e) => e.text), { bits: BITS, charWeight: CHAR });
const dv = featurize(dev.map((e) => e.text), { bits: BITS, charWeight: CHAR });
const nnzTrain = (tr.ptr[tr.ptr.length - 1] / (tr.ptr.length - 1)).toFixed(1);
const nnz1k = nnzPer1000();
log(`featurized: mean nnz/train text ${nnzTrain}, nnz per 1,000-char text ${nnz1k.toFixed(0)}; linear cost ${(nnz1k * NH).toFixed(0)} MACs`);

if (mode === 'linear') {
  // Shipped recipe, optionally with positive-class weighting of one head (posw=K head=ekman:anger).
  const epochs = num('epochs', 5);
  const tag = opt.tag ?? 'linear';
  const tt = Date.now();
  const cfg = { bits: BITS, charWeight: CHAR, l2: num('l2', 1e-6), lr: num('lr', 0.1), epochs, seed: SEED };
  let y = yTrain;
  let best: { e: number; r: DevReport; p: Float32Array } | undefined;
  if (opt.posw) {
    // Positive weighting emulated by duplicating positive examples of the head (AdaGrad-compatible).
    const h = HEADS.indexOf(opt.head ?? 'ekman:anger');
    const k = Math.round(Number(opt.posw));
    const rows: number[] = [];
    for (let i = 0; i < train.length; i++) for (let r = 0; r < (yTrain[i * NH + h] ? k : 1); r++) rows.push(i);
    const ptr = new Int32Array(rows.length + 1);
    let nz = 0;
    rows.forEach((i, r) => { nz += tr.ptr[i + 1] - tr.ptr[i]; ptr[r + 1] = nz; });
    const idx = new Int32Array(nz);
    const val = new Float32Array(nz);
    y = new Uint8Array(rows.length * NH);
    rows.forEach((i, r) => {
      idx.set(tr.idx.subarray(tr.ptr[i], tr.ptr[i + 1]), ptr[r]);
      val.set(tr.val.subarray(tr.ptr[i], tr.ptr[i + 1]), ptr[r]);
      y.set(yTrain.subarray(i * NH, i * NH + NH), r * NH);
    });
    const m = trainLinear(cfg, { ptr, idx, val }, y, NH, (e, mm) => {
      const p = predictAll(dv, NH, mm.w, mm.b);
      const r = devReport(p, yDev);
      log(`${tag} epoch ${e}: ${fmt(r)}`);
      if (!best || r.selection > best.r.selection) best = { e, r, p };
    });
    void m;
  } else {
    const m = trainLinear(cfg, tr, y, NH, (e, mm) => {
      const p = predictAll(dv, NH, mm.w, mm.b);
      const r = devReport(p, yDev);
      log(`${tag} epoch ${e} (float): ${fmt(r)}`);
      if (!best || r.selection > best.r.selection) best = { e, r, p };
    });
    const { q, scale } = quantize(m);
    const pq = predictAll(dv, NH, q, m.b, scale);
    log(`${tag} epoch ${epochs} QUANTIZED (shipped artefact): ${fmt(devReport(pq, yDev))}`);
    save(`${tag}_q`, pq);
  }
  save(tag, best!.p);
  log(`RESULT ${tag} best epoch ${best!.e} train ${((Date.now() - tt) / 1000).toFixed(1)}s: ${fmt(best!.r)}`);
  process.exit(0);
}

if (mode === 'mlp') {
  const Hh = num('H', 64);
  const act = opt.act ?? 'relu';
  const lr = num('lr', 0.05);
  const lr2 = num('lr2', lr);
  const epochs = num('epochs', 6);
  const drop = num('drop', 0);
  const l2 = num('l2', 0);
  const lw28 = num('lw28', 1); // loss weight of the 28 label heads (0 = Ekman+negative only)
  const posw = num('posw', 1); // loss weight of positives of ekman:anger
  const init1 = num('init', 0.1);
  const idrop = num('idrop', 0); // input-feature dropout (training only)
  const keep = new Uint8Array(4096);
  const tag = opt.tag ?? `mlp_${act}_${Hh}`;
  const nb = 1 << BITS;
  const rand = rng(SEED);
  const W1 = new Float32Array(nb * Hh);
  for (let i = 0; i < W1.length; i++) W1[i] = (rand() * 2 - 1) * init1;
  const G1 = new Float32Array(nb * Hh).fill(0.1);
  const b1 = new Float32Array(Hh).fill(act === 'relu' ? 0.01 : 0);
  const gb1 = new Float32Array(Hh).fill(0.1);
  const a2 = Math.sqrt(6 / (Hh + NH));
  const W2 = new Float32Array(Hh * NH);
  for (let i = 0; i < W2.length; i++) W2[i] = (rand() * 2 - 1) * a2;
  const G2 = new Float32Array(Hh * NH).fill(0.1);
  const b2 = new Float32Array(NH);
  const gb2 = new Float32Array(NH).fill(0.1);
  const n = train.length;
  for (let h = 0; h < NH; h++) {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += yTrain[i * NH + h];
    const p = (pos + 1) / (n + 2);
    b2[h] = Math.log(p / (1 - p));
  }
  const wide = num('wide', 0) > 0;
  const lrw = num('lrw', 0.1);
  const Wl = wide ? new Float32Array(nb * NH) : new Float32Array(0);
  const Gl = wide ? new Float32Array(nb * NH).fill(0.1) : new Float32Array(0);
  // Optional (lazy) Adam: moments only for touched W1 rows; bias correction with a global step.
  const adam = opt.opt === 'adam';
  const alr = num('alr', 2e-3);
  const B1 = 0.9, B2 = 0.999, EPS = 1e-8;
  const mW1 = adam ? new Float32Array(nb * Hh) : new Float32Array(0);
  const vW1 = adam ? new Float32Array(nb * Hh) : new Float32Array(0);
  const mW2 = new Float32Array(adam ? Hh * NH : 0), vW2 = new Float32Array(adam ? Hh * NH : 0);
  const mb1 = new Float32Array(Hh), vb1 = new Float32Array(Hh), mb2 = new Float32Array(NH), vb2 = new Float32Array(NH);
  let step = 0;
  let c1 = 1, c2 = 1;
  const adamUpd = (w: Float32Array, m: Float32Array, v: Float32Array, j: number, grad: number) => {
    m[j] = B1 * m[j] + (1 - B1) * grad;
    v[j] = B2 * v[j] + (1 - B2) * grad * grad;
    w[j] -= (alr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + EPS);
  };
  const pre = new Float64Array(Hh);
  const hid = new Float64Array(Hh);
  const dh = new Float64Array(Hh);
  const z = new Float64Array(NH);
  const g = new Float64Array(NH);
  const forward = (x: Csr, i: number, train: boolean) => {
    for (let j = 0; j < Hh; j++) pre[j] = b1[j];
    const s0 = x.ptr[i];
    for (let k = s0; k < x.ptr[i + 1]; k++) {
      if (train && idrop > 0) {
        keep[k - s0] = rand() < idrop ? 0 : 1;
        if (!keep[k - s0]) continue;
      }
      const v = train && idrop > 0 ? x.val[k] / (1 - idrop) : x.val[k];
      const base = x.idx[k] * Hh;
      for (let j = 0; j < Hh; j++) pre[j] += v * W1[base + j];
    }
    for (let j = 0; j < Hh; j++) {
      let a = act === 'relu' ? (pre[j] > 0 ? pre[j] : 0) : Math.tanh(pre[j]);
      if (train && drop > 0) a = rand() < drop ? 0 : a / (1 - drop);
      hid[j] = a;
    }
    for (let o = 0; o < NH; o++) z[o] = b2[o];
    if (wide) {
      for (let k = x.ptr[i]; k < x.ptr[i + 1]; k++) {
        const v = x.val[k];
        const base = x.idx[k] * NH;
        for (let o = 0; o < NH; o++) z[o] += v * Wl[base + o];
      }
    }
    for (let j = 0; j < Hh; j++) {
      const a = hid[j];
      if (a === 0) continue;
      const base = j * NH;
      for (let o = 0; o < NH; o++) z[o] += a * W2[base + o];
    }
  };
  const predict = (x: Csr) => {
    const m = x.ptr.length - 1;
    const out = new Float32Array(m * NH);
    for (let i = 0; i < m; i++) {
      forward(x, i, false);
      for (let o = 0; o < NH; o++) out[i * NH + o] = sigmoid(z[o]);
    }
    return out;
  };
  let best: { e: number; r: DevReport; p: Float32Array; time: number } | undefined;
  const tt = Date.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = shuffle(n, rand);
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi];
      if (adam) { step++; c1 = 1 - B1 ** step; c2 = 1 - B2 ** step; }
      forward(tr, i, true);
      for (let o = 0; o < NH; o++) {
        const yy = yTrain[i * NH + o];
        let gg = sigmoid(z[o]) - yy;
        if (o === EA && yy) gg *= posw;
        if (o < 28) gg *= lw28;
        g[o] = gg;
        if (adam) adamUpd(b2, mb2, vb2, o, gg);
        else {
          gb2[o] += gg * gg;
          b2[o] -= (lr2 * gg) / Math.sqrt(gb2[o]);
        }
      }
      for (let j = 0; j < Hh; j++) {
        const base = j * NH;
        let s = 0;
        for (let o = 0; o < NH; o++) s += g[o] * W2[base + o];
        // derivative through activation (and dropout: hid==0 for dropped/inactive units under relu)
        let d: number;
        if (act === 'relu') d = hid[j] > 0 ? s * (drop > 0 ? 1 / (1 - drop) : 1) : 0;
        else d = hid[j] === 0 && drop > 0 ? 0 : s * (1 - Math.tanh(pre[j]) ** 2) * (drop > 0 ? 1 / (1 - drop) : 1);
        dh[j] = d;
        const a = hid[j];
        if (a !== 0) {
          for (let o = 0; o < NH; o++) {
            const grad = a * g[o];
            if (adam) { adamUpd(W2, mW2, vW2, base + o, grad); continue; }
            G2[base + o] += grad * grad;
            W2[base + o] -= (lr2 * grad) / Math.sqrt(G2[base + o]);
          }
        }
        if (adam) adamUpd(b1, mb1, vb1, j, d);
        else {
          gb1[j] += d * d;
          b1[j] -= (lr * d) / Math.sqrt(gb1[j]);
        }
      }
      if (wide) {
        for (let k = tr.ptr[i]; k < tr.ptr[i + 1]; k++) {
          const v = tr.val[k];
          const base = tr.idx[k] * NH;
          for (let o = 0; o < NH; o++) {
            const jj = base + o;
            const grad = g[o] * v + 1e-6 * Wl[jj];
            Gl[jj] += grad * grad;
            Wl[jj] -= (lrw * grad) / Math.sqrt(Gl[jj]);
          }
        }
      }
      for (let k = tr.ptr[i]; k < tr.ptr[i + 1]; k++) {
        if (idrop > 0 && !keep[k - tr.ptr[i]]) continue;
        const v = idrop > 0 ? tr.val[k] / (1 - idrop) : tr.val[k];
        const base = tr.idx[k] * Hh;
        for (let j = 0; j < Hh; j++) {
          const d = dh[j];
          if (d === 0 && l2 === 0) continue;
          const jj = base + j;
          const grad = v * d + l2 * W1[jj];
          if (adam) { adamUpd(W1, mW1, vW1, jj, grad); continue; }
          G1[jj] += grad * grad;
          W1[jj] -= (lr * grad) / Math.sqrt(G1[jj]);
        }
      }
    }
    const p = predict(dv);
    const r = devReport(p, yDev);
    log(`${tag} epoch ${epoch}: ${fmt(r)}`);
    if (!best || r.selection > best.r.selection) best = { e: epoch, r, p, time: (Date.now() - tt) / 1000 };
  }
  {
    const pf = predict(dv);
    const rf = devReport(pf, yDev);
    // int8 W1 with one float scale per hidden unit (W2, biases kept float: 64x36 floats)
    const mx = new Float64Array(Hh);
    for (let r = 0; r < nb; r++) for (let j = 0; j < Hh; j++) mx[j] = Math.max(mx[j], Math.abs(W1[r * Hh + j]));
    for (let r = 0; r < nb; r++) for (let j = 0; j < Hh; j++) {
      const sc = mx[j] / 127;
      W1[r * Hh + j] = Math.round(W1[r * Hh + j] / sc) * sc;
    }
    if (wide) {
      const mw = new Float64Array(NH);
      for (let r = 0; r < nb; r++) for (let o = 0; o < NH; o++) mw[o] = Math.max(mw[o], Math.abs(Wl[r * NH + o]));
      for (let r = 0; r < nb; r++) for (let o = 0; o < NH; o++) { const sc = mw[o] / 127; Wl[r * NH + o] = Math.round(Wl[r * NH + o] / sc) * sc; }
    }
    const rq = devReport(predict(dv), yDev);
    log(`QUANT ${tag} final epoch float: ${fmt(rf)}`);
    log(`QUANT ${tag} final epoch int8 : ${fmt(rq)}`);
  }
  save(tag, best!.p);
  const cost = nnz1k * (Hh + (wide ? NH : 0)) + Hh * NH;
  log(`RESULT ${tag} best epoch ${best!.e} train-to-best ${best!.time.toFixed(1)}s total ${((Date.now() - tt) / 1000).toFixed(1)}s: ${fmt(best!.r)}`);
  log(`COST ${tag}: ${cost.toFixed(0)} MACs per 1,000-char text (linear ${(nnz1k * NH).toFixed(0)}; ratio ${(cost / (nnz1k * NH)).toFixed(2)}); params ${(nb * Hh + Hh * NH) / 1e6}M`);
  process.exit(0);
}
console.error('mode: linear | mlp | ens | post');
process.exit(1);
