import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { scanJsonCollections } from '../../src/importers/json-stream.ts';
import { runQa, type QaRunSummary } from '../../src/qa/run.ts';
import { analyzerSpec, loadAnalyzer } from './helpers/analyzer.ts';
import { messageRows, writeJsonlArchive } from '../../src/qa/synthetic.ts';

const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), `defuse-qa-${prefix}-`));
const csvIds = (dir: string): string[] => readFileSync(join(dir, 'conversations.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);

/** The parts of two runs' totals that must agree exactly. */
function comparable(s: QaRunSummary): unknown {
  const t = s.totals;
  return {
    conversations: t.conversations, findings: t.findings, scoreSum: t.scoreSum, scoreHist: t.scoreHist, byRule: t.byRule, byAgent: t.byAgent,
    effects: t.effects, transfers: t.transfers, ack: t.ack, problems: { ...t.problems, sample: t.problems.sample.length }, worst: t.worst.map((w) => w.result.id),
  };
}

/** A generic JSONL archive with a malformed line after every 250 conversations. */
function archiveWithBadLines(path: string, n: number): void {
  writeFileSync(path, '');
  let conversations = 0;
  let last = '';
  let chunk = '';
  for (const row of messageRows(n)) {
    if (row.conversation_id !== last) {
      last = row.conversation_id;
      if (conversations++ % 250 === 249) chunk += '{"conversation_id": "broken", "role": \n';
    }
    chunk += `${JSON.stringify(row)}\n`;
    if (chunk.length > 1 << 16) {
      appendFileSync(path, chunk);
      chunk = '';
    }
  }
  appendFileSync(path, chunk);
}

describe('QA streaming path', () => {
  it('scores a few thousand conversations on worker threads, complete and in input order, holding a bounded window', async () => {
    const dir = tmp('stream');
    const input = join(dir, 'archive.jsonl');
    const n = 3000;
    await writeJsonlArchive(input, n);
    let maxPending = 0;
    const batchSize = 16;
    const summary = await runQa({ inputs: [input], outDir: join(dir, 'out'), workers: 2, batchSize, analyzerSpec, onProgress: (p) => (maxPending = Math.max(maxPending, p.pending)) });
    assert.equal(summary.totals.conversations, n);
    assert.equal(summary.totals.problems.skipped, 0);
    const expected = Array.from({ length: n }, (_, i) => `conv-${String(i).padStart(7, '0')}`);
    assert.deepEqual(csvIds(join(dir, 'out')), expected);
    // Reading stops while the pool is full: at most two batches per worker in flight plus one being filled.
    assert.ok(maxPending <= (2 * 2 + 1) * batchSize + 1, `pending window ${maxPending}`);
    const findingsCsv = readFileSync(join(dir, 'out', 'findings.csv'), 'utf8').trim().split('\r\n').length - 1;
    assert.equal(findingsCsv, summary.totals.findings);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'conversations.json'), 'utf8')) as { id: string }[];
    assert.deepEqual(json.map((c) => c.id), expected);
    assert.equal((JSON.parse(readFileSync(join(dir, 'out', 'findings.json'), 'utf8')) as unknown[]).length, summary.totals.findings);
  });

  it('yields the first element of a big JSON array long before the file is read', async () => {
    const dir = tmp('scan');
    const file = join(dir, 'big.json');
    const element = JSON.stringify({ type: 'conversation', id: 'x', source: { body: 'y'.repeat(900) } });
    writeFileSync(file, `{"type":"conversation.list","conversations":[${Array.from({ length: 6000 }, () => element).join(',\n')}],"pages":{}}`);
    let bytes = 0;
    let firstAt = -1;
    let count = 0;
    for await (const item of scanJsonCollections(file, (b) => (bytes = b))) {
      assert.equal(item.kind, 'record');
      if (firstAt < 0) firstAt = bytes;
      count++;
    }
    assert.equal(count, 6000);
    assert.ok(firstAt > 0 && firstAt <= 256 * 1024, `first element after ${firstAt} of ${bytes} bytes`);
  });
});

describe('QA resume', () => {
  it('a run killed mid-way and resumed gives the same totals and rows as an uninterrupted run', async () => {
    const dir = tmp('resume');
    const input = join(dir, 'archive.jsonl');
    archiveWithBadLines(input, 1500);
    const clean = await runQa({ inputs: [input], outDir: join(dir, 'clean'), workers: 0, analyzer: await loadAnalyzer() });
    assert.equal(clean.totals.conversations, 1500);
    assert.equal(clean.totals.problems.skipped, 6);

    const out = join(dir, 'killed');
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./helpers/qa-child.ts', import.meta.url).pathname, out, input], { stdio: 'ignore' });
    const exited = new Promise((r) => child.once('exit', r));
    let killedAt = 0;
    for (let i = 0; i < 1200 && !killedAt; i++) {
      await sleep(50);
      const cp = join(out, 'checkpoint.json');
      if (!existsSync(cp)) continue;
      try {
        const done = (JSON.parse(readFileSync(cp, 'utf8')) as { eventsDone: number }).eventsDone;
        if (done > 100) {
          child.kill('SIGKILL');
          killedAt = done;
        }
      } catch {
        // Being renamed into place; read it next round.
      }
    }
    await exited;
    assert.ok(killedAt > 0, 'the child run reached a checkpoint');
    assert.ok(!existsSync(join(out, 'report.html')), 'the child was killed before finishing');

    const resumed = await runQa({ inputs: [input], outDir: out, workers: 0, analyzer: await loadAnalyzer(), resume: true });
    assert.ok(resumed.resumedAfter >= killedAt);
    assert.deepEqual(comparable(resumed), comparable(clean));
    for (const file of ['conversations.csv', 'findings.csv', 'problems.csv', 'conversations.json', 'findings.json']) {
      assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(dir, 'clean', file), 'utf8'), file);
    }
  });

  it('stops on abort with a checkpoint, refuses to resume on changed input, and resumes to the same totals', async () => {
    const dir = tmp('abort');
    const input = join(dir, 'archive.jsonl');
    await writeJsonlArchive(input, 600);
    const analyzer = await loadAnalyzer();
    const clean = await runQa({ inputs: [input], outDir: join(dir, 'clean'), workers: 0, analyzer });
    const controller = new AbortController();
    const out = join(dir, 'run');
    const first = await runQa({ inputs: [input], outDir: out, workers: 0, analyzer, batchSize: 10, signal: controller.signal, onProgress: (p) => p.conversations >= 200 && controller.abort() });
    assert.equal(first.interrupted, true);
    assert.ok(first.totals.conversations >= 200 && first.totals.conversations < 600);
    await assert.rejects(runQa({ inputs: [input], outDir: out, workers: 0, analyzer, resume: true, format: 'csv' }), /--format/);
    const second = await runQa({ inputs: [input], outDir: out, workers: 0, analyzer, resume: true });
    assert.equal(second.interrupted, false);
    assert.deepEqual(comparable(second), comparable(clean));
    assert.deepEqual(csvIds(out), csvIds(join(dir, 'clean')));
    appendFileSync(input, `${JSON.stringify({ conversation_id: 'late', role: 'customer', text: 'hi' })}\n`);
    await assert.rejects(runQa({ inputs: [input], outDir: out, workers: 0, analyzer, resume: true }), /input files differ/);
  });
});
