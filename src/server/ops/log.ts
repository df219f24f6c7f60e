/**
 * Structured logs: one JSON object per line (pino), each carrying the request id of the request it belongs
 * to, with secrets redacted. `LOG_FORMAT=pretty` prints the same records as short human lines for a
 * terminal; the default is JSON unless stdout is a terminal.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** What every log line inside one request carries. */
export interface RequestContext {
  reqId: string;
}

/** The request a piece of work belongs to; {@link createLogger}'s lines read it, so no code passes ids along. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Keys whose values never reach a log, wherever they appear (`censor`ed): passwords, tokens, cookies,
 * connection strings with credentials. A value logged under any other name is the caller's responsibility;
 * the desk logs URLs by host only for that reason.
 */
export const REDACTED_KEYS = ['password', 'newPassword', 'token', 'secret', 'csrfToken', 'authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'databaseUrl', 'DATABASE_URL', 'smtpUrl', 'SMTP_URL', 'METRICS_TOKEN'];

const REDACT_PATHS = REDACTED_KEYS.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const sep = key.startsWith('[') ? '' : '.';
  return [key, `*${sep}${key}`, `*.*${sep}${key}`];
});

export interface LogOptions {
  /** `json` (default when stdout is not a terminal) or `pretty`. */
  format?: 'json' | 'pretty';
  level?: string;
  /** Where lines go (default stdout); tests pass a sink. */
  destination?: NodeJS.WritableStream;
}

/**
 * The process's logger. Every line has `time`, `level`, `msg`, and `reqId` when written while serving a
 * request (through {@link requestContext}).
 *
 * @example
 * const log = createLogger({ format: 'json' });
 * log.info({ applied: ['0001_desk.sql'] }, 'migrations applied');
 * // {"level":"info","time":"2026-12-06T07:25:11.000Z","msg":"migrations applied","applied":["0001_desk.sql"]}
 */
export function createLogger(options: LogOptions = {}): Logger {
  const out = options.destination ?? process.stdout;
  const pretty = (options.format ?? ((out as { isTTY?: boolean }).isTTY ? 'pretty' : 'json')) === 'pretty';
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const ctx = requestContext.getStore();
        return ctx ? { reqId: ctx.reqId } : {};
      },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    pretty ? prettyStream(out) : (out as NodeJS.WritableStream & { write(s: string): boolean }),
  );
}

/** Reads pino's JSON lines and writes `07:25:11 INFO  message  key=value …` for a person at a terminal. */
function prettyStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          const { time, level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
          const extra = Object.entries(rest)
            .map(([k, v]) => (k === 'err' && v && typeof v === 'object' ? `\n${(v as { stack?: string }).stack ?? JSON.stringify(v)}` : ` ${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`))
            .join('');
          const clock = typeof time === 'string' ? time.slice(11, 19) : '';
          const tag = level === 'info' ? '' : `${String(level).toUpperCase()} `;
          out.write(`${clock} ${tag}${msg ?? ''}${extra}\n`);
        } catch {
          out.write(line + '\n');
        }
      }
      done();
    },
  });
}

/**
 * Sends `console.*` through the logger, so a library's or an old module's console line is JSON with the
 * request id too, and an Error argument keeps its stack (`err`). Returns a function that restores console.
 *
 * @example
 * const restore = bridgeConsole(log);
 * console.error('[http] failed:', err); // {"level":"error","msg":"[http] failed:","err":{…},"reqId":"…"}
 */
export function bridgeConsole(log: Logger): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const to = (level: 'info' | 'warn' | 'error' | 'debug') => (...args: unknown[]) => {
    const err = args.find((a): a is Error => a instanceof Error);
    const text = format(...args.filter((a) => a !== err)).trim();
    if (err) log[level]({ err }, text || err.message);
    else log[level](text);
  };
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
  console.debug = to('debug');
  return () => Object.assign(console, saved);
}
