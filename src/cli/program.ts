// The `defuse` command tree: parse arguments, read files, call the engine, format. No rule logic lives here.
import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { analyzeMessage, PRINCIPLES, type CheckOptions, type Phase, type ReplyContext } from '../engine/index.ts';
import { analyzeJsonl, analyzeRecord, type CustomerRecord } from './analyze.ts';
import { ConfigError, engineSettings, findConfig, loadConfig, type DefuseConfig } from './config.ts';
import { FORMATTERS, type FileResult } from './formatters/index.ts';
import { positionsOf } from './formatters/position.ts';
import { fixSource, lintSource } from './lint.ts';
import { PACKAGE, repositoryRoot, ruleInfos } from './project.ts';
import { formatFromPath, INPUT_FORMATS, SourceError, type InputFormat } from './sources/index.ts';
import { registerQaCommands } from '../qa/cli.ts';
import { registerDeskCommands } from '../server/cli-commands.ts';

/** Exit codes: 0 clean, 1 error-severity findings, 2 the command itself failed (usage, config, unreadable input). */
const EXIT_FINDINGS = 1;
const EXIT_FAILURE = 2;

class UsageError extends Error {}

const PHASES: Phase[] = ['listen', 'acknowledge', 'apologize', 'ask', 'offer', 'agree', 'summarize', 'follow-up'];
const CHECKED_EXTENSIONS = /\.(?:txt|text|md|markdown|mdx|json|csv|tsv)$/i;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Expands directories to the reply files inside them (skipping dot folders and node_modules). */
function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (CHECKED_EXTENSIONS.test(name)) out.push(full);
    }
  };
  for (const input of inputs) {
    if (input !== '-' && existsSync(input) && statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}

function resolveConfig(opts: { config?: string | false }): DefuseConfig {
  if (opts.config === false) return {};
  const path = typeof opts.config === 'string' ? opts.config : findConfig(process.cwd());
  if (typeof opts.config === 'string' && !existsSync(opts.config)) throw new ConfigError(`config file not found: ${opts.config}`);
  return path ? loadConfig(path) : {};
}

/**
 * `--context` is a file when such a file exists, else the customer's message itself. A single word that
 * looks like a file name but names no file is a typo, not a message: refuse it rather than coach against
 * the text "customer.txt".
 */
function readContextArg(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value !== '' && existsSync(value) && statSync(value).isFile()) return readFileSync(value, 'utf8');
  if (/^\S+\.(?:txt|md|eml|json|text)$/i.test(value)) throw new UsageError(`--context: no such file: ${value}`);
  return value;
}

interface CheckCliOptions {
  format: string;
  fix?: boolean;
  context?: string;
  name?: string;
  channel?: 'private' | 'public-review';
  issue?: string;
  phase?: Phase;
  config?: string | false;
  inputFormat?: InputFormat;
  output?: string;
}

async function runCheck(files: string[], opts: CheckCliOptions): Promise<number> {
  const formatter = FORMATTERS[opts.format];
  if (!formatter) throw new UsageError(`unknown format "${opts.format}" (choose ${Object.keys(FORMATTERS).join(', ')})`);
  const config = resolveConfig(opts);
  const settings = engineSettings(config);
  const customerMessage = readContextArg(opts.context);
  const context: ReplyContext = {
    customerName: opts.name,
    agentName: config.agentName,
    companyName: config.companyName,
    channel: opts.channel ?? config.channel,
    issue: opts.issue,
    phase: opts.phase,
    options: settings.options,
  };
  // Read the customer once, not once per macro.
  if (customerMessage !== undefined) {
    context.customerMessage = customerMessage;
    context.analysis = analyzeMessage(customerMessage, { customerName: opts.name, upsetThreshold: config.upsetThreshold });
  }
  const checkOptions: CheckOptions = { rules: settings.rules };

  let inputs = expandInputs(files);
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new UsageError('no input: pass files, a directory, or - to read a reply from stdin');
    inputs = ['-'];
  }
  if (inputs.filter((f) => f === '-').length > 1) throw new UsageError('stdin (-) can be given only once');

  const results: FileResult[] = [];
  let failed = false;
  const notes: string[] = [];
  for (const input of inputs) {
    const display = input === '-' ? '<stdin>' : input;
    const format = opts.inputFormat ?? (input === '-' ? 'text' : formatFromPath(input));
    let source: string;
    try {
      source = input === '-' ? await readStdin() : readFileSync(input, 'utf8');
    } catch (err) {
      process.stderr.write(`defuse: cannot read ${display}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
      failed = true;
      continue;
    }
    try {
      if (opts.fix) {
        const { output, applied } = fixSource(source, format, context, checkOptions);
        // Stdin's fixed text always goes to stdout, changed or not, so `defuse check --fix - < a > b` is a filter.
        if (input === '-') process.stdout.write(output);
        if (applied > 0) {
          if (input !== '-') writeFileSync(input, output);
          notes.push(`${display}: applied ${applied} fix${applied === 1 ? '' : 'es'}`);
          source = output;
        }
      }
      const result = lintSource(display, source, format, context, checkOptions);
      if (opts.fix && result.blocked.size > 0) {
        const reasons = new Set(result.blocked.values());
        notes.push(`${display}: ${result.blocked.size} fix${result.blocked.size === 1 ? '' : 'es'} not applied: ${[...reasons].join('; ')}`);
      }
      results.push({ filePath: result.filePath, source: result.source, replies: result.replies, findings: result.findings });
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      const where = err.at !== undefined ? (() => { const p = positionsOf(source)(err.at); return `:${p.line}:${p.column}`; })() : '';
      process.stderr.write(`defuse: ${display}${where}: ${err.message}\n`);
      failed = true;
    }
  }

  const report = formatter(results, ruleInfos(opts.format === 'sarif'), { toolVersion: PACKAGE.version ?? '0.0.0', informationUri: PACKAGE.homepage, cwd: process.cwd(), root: repositoryRoot(process.cwd()) });
  // With --fix on stdin the fixed text owns stdout; the report goes to stderr.
  if (opts.output) writeFileSync(opts.output, report);
  else if (opts.fix && inputs.includes('-')) process.stderr.write(report);
  else process.stdout.write(report);
  for (const note of notes) process.stderr.write(`defuse: ${note}\n`);

  if (failed) return EXIT_FAILURE;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : 0;
}

interface AnalyzeCliOptions {
  jsonl?: boolean;
  jobs?: string;
  json?: boolean;
  text?: string;
  name?: string;
  progress?: boolean;
  upsetThreshold?: string;
  config?: string | false;
}

/** `--upset-threshold`, else the config file's `upsetThreshold`, else the model's default (undefined). */
function upsetThresholdOf(opts: AnalyzeCliOptions): number | undefined {
  if (opts.upsetThreshold !== undefined) {
    const t = Number(opts.upsetThreshold);
    if (!/^\s*[\d.]+\s*$/.test(opts.upsetThreshold) || !(t >= 0 && t <= 1)) throw new UsageError(`--upset-threshold must be a number from 0 to 1, got "${opts.upsetThreshold}"`);
    return t;
  }
  return resolveConfig(opts).upsetThreshold;
}

/** Most worker threads `--jobs auto` starts: past this the main thread's reading and writing is the limit. */
const MAX_AUTO_JOBS = 8;

/** `--jobs`: a whole number of threads, or `auto` (default) for one per core up to {@link MAX_AUTO_JOBS}. */
function parseJobs(value: string | undefined): number {
  if (value === undefined || value === 'auto') return Math.min(MAX_AUTO_JOBS, availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs takes a whole number from 1 to 64, or auto (got ${value})`);
  return n;
}

async function runAnalyze(file: string | undefined, opts: AnalyzeCliOptions): Promise<number> {
  const upsetThreshold = upsetThresholdOf(opts);
  const context = { customerName: opts.name, ...(upsetThreshold !== undefined ? { upsetThreshold } : {}) };
  if (opts.jsonl) {
    if (opts.text !== undefined) throw new UsageError('--text and --jsonl do not mix: --jsonl reads a file or stdin');
    const fromStdin = file === undefined || file === '-';
    if (!fromStdin && !existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const input = fromStdin ? process.stdin : createReadStream(file);
    const showBar = opts.progress ?? Boolean(process.stderr.isTTY);
    let bar: SingleBar | undefined;
    let onLine: ((bytes: number) => void) | undefined;
    if (showBar) {
      const total = fromStdin ? 0 : statSync(file).size;
      bar = new SingleBar({
        stream: process.stderr,
        // Without a known size (stdin) only the running count is meaningful.
        format: total ? 'analyze {bar} {percentage}% | {lines} lines | ETA {eta_formatted}' : 'analyze | {lines} lines',
        hideCursor: true,
        noTTYOutput: !process.stderr.isTTY,
        notTTYSchedule: 2000,
      });
      bar.start(total, 0, { lines: 0 });
      let lines = 0;
      onLine = (bytes) => {
        lines++;
        if (total) bar!.increment(bytes, { lines });
        else bar!.update(0, { lines });
      };
    }
    let warned = false;
    const onWorkerFailure = (err: Error) => {
      if (!warned) process.stderr.write(`defuse: a worker thread failed (${err.message}); its lines are analyzed on the main thread\n`);
      warned = true;
    };
    const stats = await analyzeJsonl(input, process.stdout, { context, onLine, jobs: parseJobs(opts.jobs), onWorkerFailure });
    bar?.stop();
    if (stats.errors > 0) process.stderr.write(`defuse: ${stats.errors} of ${stats.analyzed + stats.errors} lines could not be analyzed (see their "error" field)\n`);
    return 0;
  }

  let text: string;
  if (opts.text !== undefined) text = opts.text;
  else if (file === undefined || file === '-') {
    if (file === undefined && process.stdin.isTTY) throw new UsageError('no input: pass a file, - for stdin, or --text "…"');
    text = await readStdin();
  } else {
    if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
    text = readFileSync(file, 'utf8');
  }
  const record = analyzeRecord(null, text, context);
  if (opts.json) {
    process.stdout.write(JSON.stringify(record, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(describeAnalysis(text, record));
  return 0;
}

function describeAnalysis(text: string, r: CustomerRecord): string {
  const quote = (range: readonly [number, number]) => JSON.stringify(text.slice(range[0], range[1]));
  const out: string[] = [];
  out.push(`anger      ${r.anger.toFixed(2)}${r.upset ? '  (upset: needs de-escalation)' : '  (not upset)'}`);
  out.push(`upset      ${r.upsetScore.toFixed(2)}`);
  out.push(`sentiment  ${r.sentiment.toFixed(2)}`);
  if (r.name) out.push(`name       ${r.name}`);
  out.push(`issues     ${r.issues.length ? r.issues.map((i) => `${i.category} ${JSON.stringify(i.phrase)}`).join(', ') : '-'}`);
  out.push(`needs      ${r.needs.length ? r.needs.map((n) => n.need).join(', ') : '-'}`);
  out.push(`signals    ${r.signals.length ? r.signals.map((s) => `${s.kind}${s.value !== undefined ? `(${s.value})` : ''} ${JSON.stringify(s.evidence.text)}`).join(', ') : '-'}`);
  out.push('sentences');
  for (const s of r.roles) out.push(`  ${s.role.padEnd(8)} ${s.anger.toFixed(2)}  ${quote(s.range)}`);
  return out.join('\n') + '\n';
}

function runRules(opts: { format: string }): number {
  const infos = ruleInfos();
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify(infos.map((r) => ({ ...r.meta, principleName: PRINCIPLES[r.meta.principle], docs: r.docsPath })), null, 2) + '\n');
    return 0;
  }
  if (opts.format !== 'text') throw new UsageError(`unknown format "${opts.format}" (choose text, json)`);
  const rows = infos.map((r) => [r.meta.id, r.meta.principle, r.meta.severity, r.meta.fixable ? 'fixable' : '', r.meta.ruleSet === 'all' ? '' : r.meta.ruleSet, r.docsPath]);
  const widths = rows.reduce((w, row) => row.map((c, i) => Math.max(w[i] ?? 0, c.length)), [] as number[]);
  for (const row of rows) process.stdout.write(row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd() + '\n');
  process.stdout.write(`\n${infos.length} rule${infos.length === 1 ? '' : 's'}. Principles: see \`defuse rules --format json\` or PLAYBOOK.md.\n`);
  return 0;
}

/**
 * Builds the command tree; exported so tests can inspect it without spawning.
 *
 * @example
 * await buildProgram().parseAsync(['node', 'defuse', 'rules']);
 */
export function buildProgram(setExit: (code: number) => void = (c) => (process.exitCode = c)): Command {
  const program = new Command()
    .name('defuse')
    .description('De-escalation coach for customer-support replies: lint replies and macro libraries, read customer messages.')
    .version(PACKAGE.version ?? '0.0.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('check')
    .description('check replies or a macro library (plain text, Markdown, JSON or CSV export) against the playbook')
    .argument('[files...]', 'files or directories to check; - reads one reply from stdin')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('text'))
    .option('--fix', 'apply the first suggestion of each finding and write the files back')
    .option('-c, --context <file|text>', "the customer's message the reply answers (a file path or the text)")
    .option('-n, --name <name>', "the customer's name")
    .addOption(new Option('--channel <channel>', 'where the reply goes').choices(['private', 'public-review']))
    .option('--issue <text>', 'the known issue, e.g. "the double charge on your card"')
    .addOption(new Option('--phase <phase>', 'conversation phase').choices(PHASES))
    .option('--config <path>', 'config file (default: nearest .defuserc.json or defuse.config.json)')
    .option('--no-config', 'ignore config files')
    .addOption(new Option('--input-format <format>', 'read inputs as this format instead of guessing from the extension').choices(INPUT_FORMATS as string[]))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(async (files: string[], opts: CheckCliOptions) => setExit(await runCheck(files, opts)));

  program
    .command('analyze')
    .description("read customer messages: anger, upset, sentence roles, issues, needs, signals and the moves a text makes")
    .argument('[file]', 'a message (or with --jsonl, a JSONL file of {"id","text"} lines); - or nothing reads stdin')
    .option('--jsonl', 'batch mode: one JSON result per input line, in input order')
    .option('-j, --jobs <n>', 'with --jsonl: worker threads for a large input (default auto: one per core, up to 8; 1 stays on one thread)')
    .option('--json', 'single message: print the analysis as JSON')
    .option('-t, --text <message>', 'analyze this text instead of a file')
    .option('-n, --name <name>', "the customer's name, if the message does not give it")
    .option('--upset-threshold <p>', 'upset = upsetScore ≥ p, 0–1 (default: the config file\'s upsetThreshold, else the model\'s)')
    .option('--config <path>', 'config file (default: nearest .defuserc.json or defuse.config.json)')
    .option('--no-config', 'ignore config files')
    .option('--progress', 'show a progress bar on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show a progress bar')
    .action(async (file: string | undefined, opts: AnalyzeCliOptions) => setExit(await runAnalyze(file, opts)));

  program
    .command('rules')
    .description('list the rules with their playbook principle, severity and docs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { format: string }) => setExit(runRules(opts)));

  registerQaCommands(program, setExit);
  registerDeskCommands(program, setExit);
  return program;
}

/** Runs the CLI; resolves to the exit code instead of exiting, so callers decide. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version exit 0; any other commander error is a usage error it already printed.
      return err.exitCode === 0 ? 0 : EXIT_FAILURE;
    }
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`defuse: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    process.stderr.write(`defuse: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_FAILURE;
  }
  return code;
}
