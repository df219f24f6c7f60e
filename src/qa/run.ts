/**
 * `defuse qa`: streams export files through the importers, scores every conversation on a pool of worker
 * threads, writes the per-row outputs in input order, checkpoints regularly so an interrupted run can
 * resume, and finishes with the HTML report and a JSON summary.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { COMPILED } from '../package-root.ts';
import type { Turn } from '../engine/conversation/types.ts';
import { importFiles } from '../importers/index.ts';
import type { Format, ImportedConversation, ImportProblem } from '../importers/types.ts';
import { addProblem, addResult, emptyTotals, type QaTotals } from './aggregate.ts';
import { OUTPUT_FILES, QaOutputs, type OutputState } from './outputs.ts';
import { WorkerPool } from './pool.ts';
import { renderReport } from './report.ts';
import { scoreConversation } from './score.ts';
import type { AnalyzeConversation, AnalyzerSpec, QaResult } from './types.ts';

/** The engine's conversation analysis, loaded by module so worker threads can load it too. */
export const DEFAULT_ANALYZER: AnalyzerSpec = {
  // The production build bundles it as its own entry beside this one (dist/node/conversation-analyzer.js).
  module: new URL(COMPILED ? './conversation-analyzer.js' : '../engine/conversation/analyze.ts', import.meta.url).href,
  exportName: 'analyzeConversation',
};

export interface QaProgress {
  bytesRead: number;
  totalBytes: number;
  conversations: number;
  problems: number;
  /** Conversations and problems read but not yet written: what the run holds in memory, bounded by the pool. */
  pending: number;
}

export interface QaRunOptions {
  inputs: string[];
  outDir: string;
  format?: Format;
  /** Worker threads; 0 scores in this thread. Default: all cores. */
  workers?: number;
  /** Continue an interrupted run from the checkpoint in `outDir`. */
  resume?: boolean;
  /** In-process analyzer (used when `workers` is 0). */
  analyzer?: AnalyzeConversation;
  /** Where workers load the analyzer from. Default {@link DEFAULT_ANALYZER}. */
  analyzerSpec?: AnalyzerSpec;
  /** How many of the lowest-scoring conversations the report shows in full. */
  worstLimit?: number;
  batchSize?: number;
  checkpointEveryMs?: number;
  onProgress?: (p: QaProgress) => void;
  /** Aborting stops reading, finishes what is in flight, checkpoints, and returns `interrupted: true`. */
  signal?: AbortSignal;
  /** Report title line, e.g. the team name. */
  title?: string;
}

export interface QaRunSummary {
  totals: QaTotals;
  outDir: string;
  interrupted: boolean;
  /** Input events (conversations + problems) skipped because a previous run had done them. */
  resumedAfter: number;
  elapsedMs: number;
  files: Record<string, string>;
}

interface InputId {
  path: string;
  size: number;
  mtimeMs: number;
}

interface Checkpoint {
  version: 1;
  inputs: InputId[];
  format?: Format;
  eventsDone: number;
  outputs: OutputState;
  totals: QaTotals;
  completed: boolean;
}

export const CHECKPOINT_FILE = 'checkpoint.json';
export const REPORT_FILE = 'report.html';
export const SUMMARY_FILE = 'summary.json';

async function identify(inputs: string[]): Promise<InputId[]> {
  return Promise.all(
    inputs.map(async (p) => {
      const path = resolve(p);
      try {
        const s = await stat(path);
        return { path, size: s.size, mtimeMs: Math.round(s.mtimeMs) };
      } catch {
        return { path, size: -1, mtimeMs: 0 };
      }
    }),
  );
}

async function loadCheckpoint(outDir: string, inputs: InputId[], format?: Format): Promise<Checkpoint> {
  const file = join(outDir, CHECKPOINT_FILE);
  let cp: Checkpoint;
  try {
    cp = JSON.parse(await readFile(file, 'utf8')) as Checkpoint;
  } catch (err) {
    throw new Error(`cannot resume: no readable checkpoint at ${file} (${(err as Error).message})`);
  }
  if (cp.version !== 1) throw new Error(`cannot resume: checkpoint version ${String(cp.version)} is not supported`);
  const same = cp.inputs.length === inputs.length && cp.inputs.every((a, i) => a.path === inputs[i].path && a.size === inputs[i].size && a.mtimeMs === inputs[i].mtimeMs);
  if (!same) throw new Error('cannot resume: the input files differ from the interrupted run (names, order, size or modification time); start a fresh run');
  if (cp.format !== format) throw new Error(`cannot resume: the interrupted run used --format ${cp.format ?? '(detected)'}`);
  return cp;
}

/**
 * Runs QA over export files and writes the report and row outputs into `outDir`.
 *
 * @example
 * const summary = await runQa({ inputs: ['tickets.json'], outDir: 'qa-out' });
 * console.log(summary.totals.conversations, `${summary.outDir}/report.html`);
 */
export async function runQa(options: QaRunOptions): Promise<QaRunSummary> {
  const started = Date.now();
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const inputs = await identify(options.inputs);
  const totalBytes = inputs.reduce((s, i) => s + Math.max(0, i.size), 0);
  const checkpoint = options.resume ? await loadCheckpoint(outDir, inputs, options.format) : undefined;
  const files = {
    report: join(outDir, REPORT_FILE),
    summary: join(outDir, SUMMARY_FILE),
    ...Object.fromEntries(Object.entries(OUTPUT_FILES).map(([k, v]) => [k, join(outDir, v)])),
  };
  const worstLimit = options.worstLimit ?? 20;

  if (checkpoint?.completed) {
    // Nothing left to score: re-render the outputs that depend only on the totals.
    await writeFinal(checkpoint.totals, options, inputs, files, started);
    return { totals: checkpoint.totals, outDir, interrupted: false, resumedAfter: checkpoint.eventsDone, elapsedMs: Date.now() - started, files };
  }

  // A fresh run makes any earlier checkpoint in this folder stale: its row files are about to be rewritten.
  if (!checkpoint) await rm(join(outDir, CHECKPOINT_FILE), { force: true });
  const totals = checkpoint?.totals ?? emptyTotals();
  const outputs = new QaOutputs(outDir);
  await outputs.open(checkpoint?.outputs);
  const skip = checkpoint?.eventsDone ?? 0;

  const workerCount = options.workers ?? availableParallelism();
  let analyze = options.analyzer;
  let pool: WorkerPool | undefined;
  if (workerCount > 0) pool = await WorkerPool.start(workerCount, options.analyzerSpec ?? DEFAULT_ANALYZER);
  else if (!analyze) {
    const spec = options.analyzerSpec ?? DEFAULT_ANALYZER;
    analyze = (await import(spec.module))[spec.exportName] as AnalyzeConversation;
    if (typeof analyze !== 'function') throw new Error(`analyzer module ${spec.module} has no function export "${spec.exportName}"`);
  }

  // In-order completion: events finish out of order on the workers and are applied in input order.
  type Done = { problem: ImportProblem; analysis?: boolean } | { result: QaResult; turns: Turn[] };
  const ready = new Map<number, Done>();
  let nextApply = skip;
  let bytesRead = 0;
  let seq = 0;
  const progress = (): void =>
    options.onProgress?.({ bytesRead, totalBytes, conversations: totals.conversations, problems: totals.problems.skipped + totals.problems.kept + totals.problems.analysisErrors, pending: seq - nextApply });

  let lastCheckpoint = Date.now();
  let checkpointing: Promise<void> = Promise.resolve();
  const saveCheckpoint = (completed: boolean): Promise<void> => {
    // Capture a consistent state now; write it once the row files have flushed everything before it.
    const eventsDone = nextApply;
    const totalsJson = JSON.stringify(totals);
    const statePromise = outputs.checkpointState();
    checkpointing = checkpointing.then(async () => {
      const state = await statePromise;
      const head = JSON.stringify({ version: 1, inputs, format: options.format, eventsDone, outputs: state, completed });
      // The totals were serialized when the state was captured; splice them in rather than re-stringify.
      const tmp = join(outDir, `${CHECKPOINT_FILE}.tmp`);
      await writeFile(tmp, `${head.slice(0, -1)},"totals":${totalsJson}}`);
      await rename(tmp, join(outDir, CHECKPOINT_FILE));
    });
    return checkpointing;
  };

  const apply = (): void => {
    while (ready.has(nextApply)) {
      const done = ready.get(nextApply) as Done;
      ready.delete(nextApply);
      nextApply++;
      if ('problem' in done) {
        addProblem(totals, done.problem, done.analysis ? 'analysis' : 'import');
        outputs.addProblem(done.problem);
      } else {
        addResult(totals, done.result, done.turns, worstLimit);
        outputs.addResult(done.result);
      }
    }
    progress();
    if (Date.now() - lastCheckpoint >= (options.checkpointEveryMs ?? 2000)) {
      lastCheckpoint = Date.now();
      void saveCheckpoint(false);
    }
  };

  const analysisProblem = (c: ImportedConversation, error: string): ImportProblem => ({ file: c.file, line: c.line, conversationId: c.id, reason: `analysis failed: ${error}` });

  const inflight = new Set<Promise<void>>();
  const maxInflight = (pool?.size ?? 1) * 2;
  let batch: { seq: number; conversation: ImportedConversation }[] = [];
  const batchSize = options.batchSize ?? 64;
  const dispatch = (): void => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    if (!pool) {
      for (const { seq, conversation } of items) {
        try {
          ready.set(seq, { result: scoreConversation(conversation, analyze as AnalyzeConversation), turns: conversation.turns });
        } catch (err) {
          ready.set(seq, { problem: analysisProblem(conversation, (err as Error).message), analysis: true });
        }
      }
      apply();
      return;
    }
    const p = pool.run(items.map((i) => i.conversation)).then((results) => {
      results.forEach((r, k) => {
        const { seq, conversation } = items[k];
        ready.set(seq, 'error' in r ? { problem: analysisProblem(conversation, r.error), analysis: true } : { result: r, turns: conversation.turns });
      });
      apply();
    });
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
  };

  // First report before reading: rates are measured from here (after any resumed part).
  progress();
  let interrupted = false;
  let failure: unknown;
  try {
    for await (const event of importFiles(options.inputs, { format: options.format, onBytes: (b) => (bytesRead = b) })) {
      const s = seq++;
      if (s < skip) continue;
      if (event.kind === 'problem') ready.set(s, { problem: event.problem });
      else batch.push({ seq: s, conversation: event.conversation });
      if (batch.length >= batchSize) dispatch();
      else if (event.kind === 'problem' && batch.length === 0) apply();
      // Backpressure: batches finish out of order, so bound what is read but not yet written, not only
      // the batches on the workers; otherwise one slow batch lets finished ones pile up behind it.
      while (inflight.size > 0 && (inflight.size >= maxInflight || seq - nextApply >= maxInflight * batchSize)) await Promise.race(inflight);
      if (options.signal?.aborted) {
        interrupted = true;
        break;
      }
    }
    dispatch();
    await Promise.all(inflight);
    apply();
  } catch (err) {
    failure = err;
    await Promise.allSettled(inflight);
  } finally {
    await pool?.close();
  }
  if (failure || interrupted) {
    await saveCheckpoint(false);
    await outputs.abandon();
    if (failure) throw failure;
    return { totals, outDir, interrupted: true, resumedAfter: skip, elapsedMs: Date.now() - started, files };
  }
  await outputs.finish();
  await writeFinal(totals, options, inputs, files, started);
  await saveCheckpoint(true);
  return { totals, outDir, interrupted: false, resumedAfter: skip, elapsedMs: Date.now() - started, files };
}

async function writeFinal(totals: QaTotals, options: QaRunOptions, inputs: InputId[], files: Record<string, string>, started: number): Promise<void> {
  const generatedAt = new Date().toISOString();
  const summary = {
    generatedAt,
    inputs: inputs.map((i) => ({ path: i.path, bytes: i.size })),
    elapsedMs: Date.now() - started,
    ...totals,
    worst: totals.worst.map((w) => ({ id: w.result.id, score: w.result.score, findings: w.result.findings.length, file: w.result.file, line: w.result.line })),
  };
  await writeFile(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(files.report, await renderReport(totals, { generatedAt, inputs: inputs.map((i) => i.path), title: options.title }));
}
