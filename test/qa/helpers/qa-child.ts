/** Runs one QA job in its own process so a test can kill it mid-run: `node --import tsx qa-child.ts OUT INPUT…`. */
import { runQa } from '../../../src/qa/run.ts';
import { analyzerSpec } from './analyzer.ts';

const [outDir, ...inputs] = process.argv.slice(2);
await runQa({ inputs, outDir, workers: 1, analyzerSpec, checkpointEveryMs: 50, batchSize: 8, resume: process.env.QA_RESUME === '1' });
