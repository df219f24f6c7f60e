// Batch analysis with worker threads must write exactly what one thread writes: same lines, same order,
// the same error objects with the same line numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readable, Writable } from 'node:stream';
import { analyzeJsonl } from './analyze.ts';

const TEXTS = ['This is ridiculous, charged twice again!', 'Thanks, all good.', 'Still waiting for my refund, please help', 'Where is my parcel? Third time asking.'];

function archive(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i % 997 === 5) out.push('{broken');
    else if (i % 1499 === 7) out.push('');
    else out.push(JSON.stringify({ id: `m${i}`, text: `${TEXTS[i % TEXTS.length]} #${i}` }));
  }
  return out.join('\n') + '\n';
}

async function run(input: string, jobs: number) {
  let text = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      text += chunk;
      done();
    },
  });
  const failures: string[] = [];
  const stats = await analyzeJsonl(Readable.from([input]), sink, { jobs, inlineLines: 0, waitForWorkers: true, onWorkerFailure: (e) => failures.push(e.message) });
  return { text, stats, failures };
}

describe('analyzeJsonl with worker threads', () => {
  it('writes what one thread writes, in input order, and the workers do part of it', async () => {
    const input = archive(20_000);
    const one = await run(input, 1);
    const two = await run(input, 2);
    assert.deepEqual(two.failures, []);
    assert.equal(two.text, one.text);
    assert.deepEqual({ ...two.stats, workerChunks: 0 }, one.stats);
    assert.equal(one.stats.workerChunks, 0);
    assert.ok(two.stats.workerChunks > 0, 'no chunk reached a worker');
    const out = two.text.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; line?: number });
    assert.equal(out.length, 20_000 - 14); // 14 blank lines are skipped, every other line answered
    assert.equal(out[0].id, 'm0');
    assert.equal(out.at(-1)?.id, 'm19999');
    const broken = out.filter((o) => o.line !== undefined).map((o) => o.line);
    assert.deepEqual(broken, Array.from({ length: 21 }, (_, k) => 997 * k + 6));
  });
});
