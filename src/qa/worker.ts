/**
 * Worker thread body: loads the analyzer named in `workerData`, then scores each batch of conversations it
 * is sent. A conversation the analyzer throws on comes back as an error string, so one bad conversation
 * is reported and the run goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportedConversation } from '../importers/types.ts';
import { scoreConversation } from './score.ts';
import type { AnalyzeConversation, AnalyzerSpec, QaResult } from './types.ts';

export interface BatchRequest {
  batch: number;
  items: ImportedConversation[];
}

export interface BatchResponse {
  batch: number;
  results: (QaResult | { error: string })[];
}

const spec = (workerData as { analyzer: AnalyzerSpec }).analyzer;
const mod = (await import(spec.module)) as Record<string, unknown>;
const analyze = mod[spec.exportName] as AnalyzeConversation | undefined;
if (typeof analyze !== 'function') throw new Error(`analyzer module ${spec.module} has no function export "${spec.exportName}"`);

parentPort?.on('message', (req: BatchRequest) => {
  const results = req.items.map((c) => {
    try {
      return scoreConversation(c, analyze);
    } catch (err) {
      return { error: (err as Error).message || String(err) };
    }
  });
  parentPort?.postMessage({ batch: req.batch, results } satisfies BatchResponse);
});
parentPort?.postMessage({ ready: true });
