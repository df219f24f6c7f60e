/**
 * Scale benchmark for `defuse qa`: writes a synthetic archive (generic JSONL, streamed to a temp file),
 * runs QA over it on worker threads, and reports conversations per second and the peak resident memory
 * of the whole process (main thread + workers).
 *
 *   npx tsx bench/qa.bench.ts                       # 1,000,000 conversations, all cores
 *   npx tsx bench/qa.bench.ts --conversations 100000 --workers 2
 *   npx tsx bench/qa.bench.ts --analyzer ./path/to/module.ts#analyzeConversation
 *
 * The temp folder is removed afterwards unless --keep is given.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_ANALYZER, runQa } from '../src/qa/run.ts';
import { writeJsonlArchive } from '../src/qa/synthetic.ts';

const { values } = parseArgs({
  options: {
    conversations: { type: 'string', default: '1000000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    analyzer: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const n = Number(values.conversations);
const workers = Number(values.workers);
const [modulePath, exportName] = (values.analyzer ?? '').split('#');
const analyzerSpec = values.analyzer ? { module: pathToFileURL(resolve(modulePath)).href, exportName: exportName || 'analyzeConversation' } : DEFAULT_ANALYZER;

const dir = mkdtempSync(join(tmpdir(), 'defuse-qa-bench-'));
const input = join(dir, 'archive.jsonl');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
try {
  let t = Date.now();
  await writeJsonlArchive(input, n);
  const size = statSync(input).size;
  process.stderr.write(`wrote ${n.toLocaleString('en-US')} conversations (${mb(size)}) in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  const load = loadavg()[0];
  const cpuBefore = process.cpuUsage();
  t = Date.now();
  let lastLog = 0;
  const summary = await runQa({
    inputs: [input],
    outDir: join(dir, 'out'),
    workers,
    analyzerSpec,
    onProgress: (p) => {
      if (Date.now() - lastLog < 10_000) return;
      lastLog = Date.now();
      const secs = (Date.now() - t) / 1000;
      process.stderr.write(`  ${p.conversations.toLocaleString('en-US')} conversations, ${(p.conversations / secs).toFixed(0)}/s, rss ${mb(process.memoryUsage().rss)}\n`);
    },
  });
  const secs = (Date.now() - t) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  // CPU time of all threads (main + workers): on a shared machine the wall-clock rate depends on the
  // neighbours, the CPU cost per conversation does not.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result = {
    conversations: summary.totals.conversations,
    messages: summary.totals.customerTurns + summary.totals.agentTurns,
    inputBytes: size,
    workers,
    seconds: Math.round(secs * 10) / 10,
    conversationsPerSecond: Math.round(summary.totals.conversations / secs),
    peakRssMB: Math.round(peak / 1024 / 1024),
    cpuSeconds: Math.round(cpuSeconds * 10) / 10,
    cpuMsPerConversation: Math.round((cpuSeconds * 1000 * 100) / Math.max(1, summary.totals.conversations)) / 100,
    reportBytes: statSync(summary.files.report).size,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    loadAverageAtStart: Math.round(load * 10) / 10,
    analyzer: analyzerSpec.module.replace(pathToFileURL(resolve('.')).href, '.'),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`| ${n.toLocaleString('en-US')} | ${mb(size)} | ${workers} | ${result.seconds} s | ${result.conversationsPerSecond.toLocaleString('en-US')}/s | ${result.cpuMsPerConversation} ms | ${result.peakRssMB} MB | ${result.loadAverageAtStart} |`);
} finally {
  if (values.keep) process.stderr.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
