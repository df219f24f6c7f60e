import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..');

/** A desk server running as its own process, its JSON log lines parsed as they arrive. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed, raw. */
  output(): string;
  /** Its log records (lines that are JSON). */
  records(): Record<string, unknown>[];
  /** The `msg` of every record. */
  messages(): string[];
  /** Resolves with its exit code. */
  exited: Promise<number | null>;
  /** Signal the whole process group (started with `group`). */
  group: boolean;
}

/**
 * Starts `command args…` (default: the server from the TypeScript sources) and resolves once it logs the
 * address it serves; rejects with its output if it exits first or takes longer than `timeoutMs`.
 *
 * @example
 * const s = await startServerProcess({ DATABASE_URL: url });
 */
export function startServerProcess(
  env: Record<string, string>,
  options: { command?: string; args?: string[]; cwd?: string; timeoutMs?: number; group?: boolean } = {},
): Promise<ServerProcess> {
  const child = spawn(options.command ?? process.execPath, options.args ?? ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: options.cwd ?? REPO,
    // Its own process group, signalled as a whole, as a terminal's Ctrl+C or a service manager does: npm
    // does not pass a signal sent to npm alone on to the node process it started.
    detached: options.group ?? false,
    env: { ...process.env, PORT: '0', DEMO: '0', SCHEDULER_INTERVAL_MS: '500', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const records: Record<string, unknown>[] = [];
  let partial = '';
  const onData = (d: Buffer) => {
    out += d.toString();
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        records.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not a log record */
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${options.timeoutMs ?? 180_000} ms:\n${out}`)), options.timeoutMs ?? 180_000);
    const check = () => {
      // The banner ends with the API line; wait for all of it.
      const running = records.find((r) => typeof r.msg === 'string' && r.msg.startsWith('Defuse desk is running at'));
      if (running && records.some((r) => typeof r.msg === 'string' && r.msg.startsWith('API: '))) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve({ child, url: String(running.url), output: () => out, records: () => records, messages: () => records.map((r) => String(r.msg)), exited, group: options.group ?? false });
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** SIGTERM, then waits for the exit; resolves with the exit code. */
export async function stopServerProcess(s: ServerProcess): Promise<number | null> {
  if (s.child.exitCode !== null) return s.child.exitCode;
  if (s.group) process.kill(-s.child.pid!, 'SIGTERM');
  else s.child.kill('SIGTERM');
  return s.exited;
}

/** Signs in through the API; returns the cookie and CSRF token. */
export async function loginAt(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string; headers: Record<string, string> }> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: body.csrfToken, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken } };
}
