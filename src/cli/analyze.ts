import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { analyzeMessage, detectMoves, type MessageContext } from '../engine/index.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The id echoed back: strings and numbers as given, anything else null. */
function idOf(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * What `defuse analyze` reports for one message: the customer reading plus the reply moves the text makes
 * (so the same command scores agent turns of an archive).
 *
 * @example
 * analyzeRecord('a1', 'This is ridiculous, I was charged twice!').upset // true
 */
export function analyzeRecord(id: string | number | null, text: string, context: MessageContext = {}) {
  const a = analyzeMessage(text, context);
  return {
    id,
    anger: round(a.anger),
    upset: a.upset,
    sentiment: round(a.sentiment),
    roles: a.sentences.map((s) => ({ range: s.range, role: s.role, anger: round(s.anger) })),
    issues: a.issues,
    needs: a.needs,
    signals: a.signals,
    name: a.name?.value ?? null,
    moves: detectMoves(text, { customerName: context.customerName }),
  };
}

export interface JsonlStats {
  lines: number;
  analyzed: number;
  errors: number;
}

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
  if (typeof obj.text !== 'string') return fail(id, `"text" must be a string, got ${obj.text === null ? 'null' : Array.isArray(obj.text) ? 'an array' : `a ${typeof obj.text}`}`);
  try {
    return { json: JSON.stringify(analyzeRecord(id, obj.text, context)), ok: true };
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
export async function analyzeJsonl(input: Readable, output: Writable, opts: { context?: MessageContext; onLine?: (bytes: number) => void } = {}): Promise<JsonlStats> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  const stats: JsonlStats = { lines: 0, analyzed: 0, errors: 0 };
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
  for await (const raw of rl) {
    if (closed) break;
    stats.lines++;
    const line = stats.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    opts.onLine?.(Buffer.byteLength(raw) + 1);
    if (line.trim() === '') continue;
    const out = analyzeJsonlLine(line, stats.lines, opts.context);
    if (out.ok) stats.analyzed++;
    else stats.errors++;
    buffer += out.json + '\n';
    // Batching writes: one syscall per ~64 KB instead of one per line.
    if (buffer.length > 65536) await flush();
  }
  await flush();
  if (failure) throw failure;
  return stats;
}
