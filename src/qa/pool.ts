/** A fixed pool of worker threads that score batches of conversations, one batch per worker at a time. */
import { Worker } from 'node:worker_threads';
import { COMPILED } from '../package-root.ts';
import type { ImportedConversation } from '../importers/types.ts';
import type { AnalyzerSpec, QaResult } from './types.ts';
import type { BatchRequest, BatchResponse } from './worker.ts';

type Outcome = QaResult | { error: string };

interface Job {
  req: BatchRequest;
  resolve: (results: Outcome[]) => void;
  reject: (err: Error) => void;
}

/**
 * @example
 * const pool = await WorkerPool.start(2, { module: analyzerUrl, exportName: 'analyzeConversation' });
 * const results = await pool.run(conversations);
 * await pool.close();
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly busy = new Map<Worker, Job>();
  private nextBatch = 0;
  private failure: Error | undefined;

  private constructor(private readonly workers: Worker[]) {}

  static async start(size: number, analyzer: AnalyzerSpec): Promise<WorkerPool> {
    // From the production build the worker is plain JavaScript beside this bundle (dist/node).
    const url = new URL(COMPILED ? './qa-worker.js' : './worker-boot.mjs', import.meta.url);
    const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(url, { workerData: { analyzer } }));
    const pool = new WorkerPool(workers);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (m: unknown): void => {
              if ((m as { ready?: boolean }).ready) {
                w.off('error', reject);
                w.off('message', onMessage);
                resolve();
              }
            };
            w.on('message', onMessage);
            w.once('error', reject);
          }),
      ),
    ).catch(async (err: Error) => {
      await Promise.all(workers.map((w) => w.terminate()));
      throw new Error(`cannot start the analysis workers: ${err.message}`);
    });
    for (const w of workers) pool.attach(w);
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  private attach(w: Worker): void {
    w.on('message', (m: BatchResponse) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      this.idle.push(w);
      job?.resolve(m.results);
      this.pump();
    });
    w.on('error', (err) => this.fail(err));
    w.on('exit', (code) => {
      if (this.busy.has(w)) this.fail(new Error(`analysis worker exited with code ${code}`));
    });
    this.idle.push(w);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(err);
    this.busy.clear();
    this.queue.length = 0;
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.busy.set(w, job);
      w.postMessage(job.req);
    }
  }

  /** Scores a batch; results come back in the batch's order. */
  run(items: ImportedConversation[]): Promise<Outcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ req: { batch: this.nextBatch++, items }, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
