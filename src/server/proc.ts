/**
 * What the desk needs to know about other processes, read from Linux's /proc: who started this server (so it
 * stops when `npm start` is stopped), and whether an embedded PostgreSQL still has the process that started
 * it (so one left behind by a crash is restarted, not silently joined). Elsewhere these answer "unknown" and
 * the desk behaves as before.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Whether a process exists (a zombie still does until it is reaped). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent of `pid`, or null when /proc cannot say. */
export function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/** A process's command line (as it shows it: npm sets its title to "npm start"), or null. */
export function commandOf(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

const PACKAGE_MANAGER = /^(npm|pnpm|yarn)(\s|$)/;

function isPackageManager(cmd: string[]): boolean {
  return PACKAGE_MANAGER.test(basename(cmd[0] ?? '')) || cmd.some((a) => /(npm-cli|pnpm|yarn)\.c?js$/.test(a));
}

/**
 * When this process runs as a package script (`npm start`), the processes from its parent up to and including
 * the package manager: npm, then the shell npm started. Empty otherwise, or when the package manager is not
 * found within a few generations (nothing is watched rather than something guessed).
 *
 * @example
 * launcherChain() // [4102 (sh -c node scripts/start.mjs), 4101 (npm start)] under `npm start`
 */
export function launcherChain(env: NodeJS.ProcessEnv = process.env): number[] {
  if (!env.npm_lifecycle_event) return [];
  const chain: number[] = [];
  let pid: number | null = process.ppid;
  for (let depth = 0; depth < 4 && pid && pid >= 1; depth++) {
    const cmd = commandOf(pid);
    if (!cmd) return [];
    chain.push(pid);
    if (isPackageManager(cmd)) return chain;
    pid = parentOf(pid);
  }
  return [];
}

/**
 * Calls `onGone` once when a process of the launcher chain exits. A signal sent to the npm process alone (by a
 * service manager, or `kill <pid of npm>`) reaches only the shell npm started, which exits without passing it
 * on; this is how the server hears of it and stops, so `npm start` stops as one tree.
 *
 * @example
 * watchLauncher((pid) => void stop(`npm (pid ${pid}) is gone`));
 */
export function watchLauncher(onGone: (pid: number) => void, options: { intervalMs?: number; env?: NodeJS.ProcessEnv } = {}): () => void {
  const chain = launcherChain(options.env);
  if (!chain.length) return () => undefined;
  const parent = process.ppid;
  const timer = setInterval(() => {
    const gone = process.ppid !== parent ? parent : chain.find((pid) => !alive(pid));
    if (gone !== undefined) {
      clearInterval(timer);
      onGone(gone);
    }
  }, options.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Whether the process that started this embedded PostgreSQL is gone: its postmaster was handed to init (or to
 * a subreaper that is not a node process). A crashed desk (kill -9, out of memory) leaves it so. Null when
 * /proc cannot say.
 */
export function orphaned(postmasterPid: number): boolean | null {
  const parent = parentOf(postmasterPid);
  if (parent === null) return null;
  if (parent <= 1) return true;
  const cmd = commandOf(parent);
  if (!cmd) return null;
  return !/node/i.test(basename(cmd[0] ?? ''));
}

/**
 * Stops a PostgreSQL server by its postmaster's pid: fast shutdown (SIGINT: clients disconnected, a clean
 * checkpoint), then immediate (SIGQUIT) if it is still there, then SIGKILL; resolves once it is gone.
 */
export async function stopPostmaster(pid: number, waitMs = 30_000): Promise<void> {
  for (const [signal, ms] of [['SIGINT', waitMs], ['SIGQUIT', 10_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (!alive(pid)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
