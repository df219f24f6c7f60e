// A worker thread of `defuse analyze --jsonl`: analyzes the chunks of lines it is sent (see analyze.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeChunk, type JsonlChunk } from './analyze.ts';
import type { MessageContext } from '../engine/index.ts';

const { context } = workerData as { context: MessageContext };
parentPort?.on('message', (chunk: JsonlChunk) => parentPort?.postMessage(analyzeChunk(chunk, context)));
// Loaded (engine, tables, model): ready for work.
parentPort?.postMessage('ready');
