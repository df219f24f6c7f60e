import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { analyzeMessage, checkReply, type MessageContext } from '../engine/index.ts';
import type { MoveFinding } from '../engine/moves.ts';
import type { IssueFinding, NeedFinding, PrincipleId, Range, SentenceRole, Severity, Signal } from '../engine/types.ts';
import { COMPILED } from '../package-root.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The id echoed back: strings and numbers as given, anything else null. */
function idOf(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** Per-line extras of a JSONL record: who wrote the text and, for an agent's reply, what it answers. */
export interface RecordInput {
  /** `customer` (default): read the customer. `agent`: coach the reply (moves and findings). */
  role?: 'customer' | 'agent';
  /** For an agent line: the customer's text the reply answers (their turns before it). */
  context?: string;
  /** The customer's name when the archive knows it (CRM), for both roles. */
  customerName?: string;
}

/** A customer line of `defuse analyze`. */
export interface CustomerRecord {
  id: string | number | null;
  role: 'customer';
  anger: number;
  upset: boolean;
  upsetScore: number;
  sentiment: number;
  roles: { range: Range; role: SentenceRole; anger: number }[];
  issues: IssueFinding[];
  needs: NeedFinding[];
  signals: Signal[];
  name: string | null;
}

/** An agent line of `defuse analyze`. */
export interface AgentRecord {
  id: string | number | null;
  role: 'agent';
  score: number;
  moves: MoveFinding[];
  findings: { ruleId: string; severity: Severity; principle: PrincipleId; message: string; range: Range }[];
}

/**
 * What `defuse analyze` reports for one message. A customer's message gets the customer reading (anger,
 * upset and its score, sentence roles, issues, needs, signals, name); an agent's reply gets what coaching
 * sees: the moves it makes, the findings of `checkReply` against the customer's text when one is given, and
 * the reply score. Neither gets the other's fields: an agent's apology is not an upset customer.
 *
 * @example
 * analyzeRecord('a1', 'This is ridiculous, I was charged twice!').upset // true
 * analyzeRecord('r1', 'Calm down.', {}, { role: 'agent' }).findings[0].ruleId // 'no-dismissing-emotion'
 */
export function analyzeRecord(id: string | number | null, text: string, context?: MessageContext): CustomerRecord;
export function analyzeRecord(id: string | number | null, text: string, context: MessageContext, input: RecordInput): CustomerRecord | AgentRecord;
export function analyzeRecord(id: string | number | null, text: string, context: MessageContext = {}, input: RecordInput = {}): CustomerRecord | AgentRecord {
  const customerName = input.customerName ?? context.customerName;
  if (input.role === 'agent') {
    // The customer's side is read with the caller's threshold, so `upset`-dependent rules agree with customer lines.
    const customerMessage = input.context || undefined;
    const analysis = customerMessage !== undefined && context.upsetThreshold !== undefined ? analyzeMessage(customerMessage, { ...context, customerName }) : undefined;
    // The record carries no suggestions, so they are not checked (each costs a full re-check).
    const r = checkReply(text, { customerMessage, customerName, ...(analysis ? { analysis } : {}) }, { checkFixes: false });
    return {
      id,
      role: 'agent',
      score: r.scores.overall,
      moves: r.moves,
      findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, principle: f.principle, message: f.message, range: f.range })),
    };
  }
  const a = analyzeMessage(text, { ...context, customerName });
  return {
    id,
    role: 'customer',
    anger: round(a.anger),
    upset: a.upset,
    upsetScore: round(a.upsetScore),
    sentiment: round(a.sentiment),
    roles: a.sentences.map((s) => ({ range: s.range, role: s.role, anger: round(s.anger) })),
    issues: a.issues,
    needs: a.needs,
    signals: a.signals,
    name: a.name?.value ?? null,
  };
}

export interface JsonlStats {
  lines: number;
  analyzed: number;
  errors: number;
  /** Chunks of lines that worker threads analyzed (0 when everything ran on the calling thread). */
  workerChunks: number;
}

/** Lines of a JSONL input analyzed together, with their line numbers in the input. */
export interface JsonlChunk {
  lines: string[];
  numbers: number[];
}

export interface ChunkResult {
  /** One output line per input line, each ending in a newline. */
  json: string;
  analyzed: number;
  errors: number;
}

/**
 * Analyzes a chunk of JSONL lines: what a worker thread does, and the calling thread when it works alone.
 *
 * @example
 * analyzeChunk({ lines: ['{"id":1,"text":"Still waiting!"}'], numbers: [1] }).analyzed // 1
 */
export function analyzeChunk(chunk: JsonlChunk, context: MessageContext = {}): ChunkResult {
  let json = '';
  let analyzed = 0;
  let errors = 0;
  for (let i = 0; i < chunk.lines.length; i++) {
    const out = analyzeJsonlLine(chunk.lines[i], chunk.numbers[i], context);
    if (out.ok) analyzed++;
    else errors++;
    json += out.json + '\n';
  }
  return { json, analyzed, errors };
}

/** Lines analyzed together: enough that handing them to a worker costs little, few enough to share out. */
const CHUNK_LINES = 256;
/**
 * Lines read before worker threads are started: a worker takes about a second to load the engine and its
 * model, so a small file is done without them.
 */
const INLINE_LINES = 8192;

type Job = { resolve: (r: ChunkResult) => void; reject: (e: Error) => void };

/**
 * Worker threads running {@link analyzeChunk}. A worker takes work only once it has loaded; until then, and
 * whenever every worker is busy, the caller analyzes the chunk itself, so no core waits on another. A chunk
 * whose worker fails is rejected and the caller analyzes it, so a batch never loses a line.
 */
class ChunkPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly workers = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private closing = false;

  constructor(size: number, context: MessageContext, private readonly onFailure: (err: Error) => void) {
    for (let i = 0; i < size; i++) {
      // No inherited loader flags: the worker's entry registers the TypeScript loader itself.
      // From the production build the worker is plain JavaScript beside this bundle (dist/node).
      const entry = new URL(COMPILED ? './analyze-worker.js' : './analyze-worker.mjs', import.meta.url);
      const worker = new Worker(entry, { workerData: { context }, execArgv: [] });
      this.workers.add(worker);
      worker.on('message', (msg: ChunkResult | 'ready') => {
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        this.waiting.splice(0).forEach((wake) => wake());
        if (msg !== 'ready') job?.resolve(msg);
      });
      worker.on('error', (err) => this.lose(worker, err));
      worker.on('exit', (code) => {
        if (!this.closing) this.lose(worker, new Error(`worker exited with code ${code}`));
      });
    }
  }

  /** Resolves once a worker is idle (or none is left to wait for). */
  whenReady(): Promise<void> {
    if (this.idle.length > 0 || this.workers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Hands `chunk` to an idle worker; undefined when none is free. */
  tryRun(chunk: JsonlChunk): Promise<ChunkResult> | undefined {
    const worker = this.idle.pop();
    if (worker === undefined) return undefined;
    return new Promise((resolve, reject) => {
      this.busy.set(worker, { resolve, reject });
      worker.postMessage(chunk);
    });
  }

  private lose(worker: Worker, err: Error): void {
    if (!this.workers.delete(worker)) return;
    if (this.workers.size === 0) this.waiting.splice(0).forEach((wake) => wake());
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.onFailure(err);
    job?.reject(err);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }
}

/** Lets queued events (a worker's result, its "ready") run between chunks the caller analyzes. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const describeType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/** One output line for one input line; errors are data, never exceptions. */
export function analyzeJsonlLine(line: string, lineNumber: number, context: MessageContext = {}): { json: string; ok: boolean } {
  const fail = (id: string | number | null, error: string) => ({ json: JSON.stringify({ id, line: lineNumber, error }), ok: false });
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    return fail(null, `invalid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(null, 'expected a JSON object like {"id": "…", "text": "…"}');
  }
  const obj = parsed as Record<string, unknown>;
  const id = idOf(obj.id);
  if (!('text' in obj)) return fail(id, 'missing "text"');
  if (typeof obj.text !== 'string') return fail(id, `"text" must be a string, got ${describeType(obj.text)}`);
  if (obj.role !== undefined && obj.role !== 'customer' && obj.role !== 'agent') return fail(id, `"role" must be "customer" or "agent", got ${JSON.stringify(obj.role)}`);
  for (const key of ['context', 'customerName'] as const) {
    if (obj[key] !== undefined && obj[key] !== null && typeof obj[key] !== 'string') return fail(id, `"${key}" must be a string, got ${describeType(obj[key])}`);
  }
  const input: RecordInput = {
    role: obj.role as RecordInput['role'],
    context: typeof obj.context === 'string' ? obj.context : undefined,
    customerName: typeof obj.customerName === 'string' && obj.customerName.trim() ? obj.customerName.trim() : undefined,
  };
  try {
    return { json: JSON.stringify(analyzeRecord(id, obj.text, context, input)), ok: true };
  } catch (err) {
    // The engine promises never to throw; if it does, this line reports it and the batch goes on.
    return fail(id, `analysis failed: ${(err as Error).message}`);
  }
}

/**
 * Streams JSONL: one `{"id","text"}` object per line in, one result per line out, in input order. Blank
 * lines are skipped (they are not records); every other line yields exactly one output line. Respects
 * back-pressure, so a slow consumer never makes memory grow with the input.
 *
 * @example
 * await analyzeJsonl(createReadStream('chats.jsonl'), process.stdout, { onLine: (bytes) => bar.increment(bytes) });
 */
export async function analyzeJsonl(
  input: Readable,
  output: Writable,
  opts: {
    context?: MessageContext;
    onLine?: (bytes: number) => void;
    /** Threads analyzing, this one included (default 1: no workers). */
    jobs?: number;
    onWorkerFailure?: (err: Error) => void;
    /** Lines read before workers start (default {@link INLINE_LINES}; tests start them at once). */
    inlineLines?: number;
    /**
     * Wait for a worker to finish loading before handing out the first chunk. Tests use it so that a slow
     * engine start on a busy machine cannot leave every chunk to this thread; a real run never waits.
     */
    waitForWorkers?: boolean;
  } = {},
): Promise<JsonlStats> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const stats: JsonlStats = { lines: 0, analyzed: 0, errors: 0, workerChunks: 0 };
  const jobs = Math.max(1, Math.floor(opts.jobs ?? 1));
  let closed = false;
  let failure: NodeJS.ErrnoException | undefined;
  // A reader that goes away (`| head`) closes the pipe: stop reading, and treat EPIPE as the end, not a crash.
  const onError = (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE') failure = err;
    rl.close();
  };
  output.on('error', onError);
  let buffer = '';
  const flush = async () => {
    if (!buffer || closed) return;
    const ok = output.write(buffer);
    buffer = '';
    if (!ok && !closed) {
      await new Promise<void>((resolve) => {
        const done = () => {
          output.off('drain', done);
          output.off('close', done);
          output.off('error', done);
          resolve();
        };
        output.on('drain', done);
        output.on('close', done);
        output.on('error', done);
      });
    }
  };
  const add = async (result: ChunkResult) => {
    stats.analyzed += result.analyzed;
    stats.errors += result.errors;
    buffer += result.json;
    // Batching writes: one syscall per ~64 KB instead of one per line.
    if (buffer.length > 65536) await flush();
  };

  // With workers: chunks are taken in input order, by a free worker or else by this thread, and written in
  // that order; at most a few chunks per worker are in flight, so memory stays bounded.
  let pool: ChunkPool | undefined;
  const inFlight: Promise<ChunkResult>[] = [];
  let chunk: JsonlChunk = { lines: [], numbers: [] };
  const dispatch = async (c: JsonlChunk) => {
    const running = pool?.tryRun(c);
    if (running) {
      inFlight.push(
        running.then(
          (r) => {
            stats.workerChunks++;
            return r;
          },
          () => analyzeChunk(c, opts.context),
        ),
      );
    } else {
      inFlight.push(Promise.resolve(analyzeChunk(c, opts.context)));
      await turn();
    }
    while (inFlight.length > jobs * 4) await add(await inFlight.shift()!);
  };

  try {
    for await (const raw of rl) {
      if (closed) break;
      stats.lines++;
      const line = stats.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      opts.onLine?.(Buffer.byteLength(raw) + 1);
      if (line.trim() === '') continue;
      if (jobs === 1 || stats.lines <= (opts.inlineLines ?? INLINE_LINES)) {
        await add(analyzeChunk({ lines: [line], numbers: [stats.lines] }, opts.context));
        continue;
      }
      if (!pool) {
        pool = new ChunkPool(jobs - 1, opts.context ?? {}, (err) => opts.onWorkerFailure?.(err));
        if (opts.waitForWorkers) await pool.whenReady();
      }
      chunk.lines.push(line);
      chunk.numbers.push(stats.lines);
      if (chunk.lines.length === CHUNK_LINES) {
        await dispatch(chunk);
        chunk = { lines: [], numbers: [] };
      }
    }
    if (chunk.lines.length > 0 && !closed) await dispatch(chunk);
    while (inFlight.length > 0) await add(await inFlight.shift()!);
    await flush();
  } finally {
    await pool?.close();
  }
  if (failure) throw failure;
  return stats;
}
