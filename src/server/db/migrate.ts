import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.ts';
import type { Db, Queryable } from './db.ts';

// From the package root, so the production build (dist/node) reads the same SQL files as the sources.
const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'src', 'server', 'migrations');

function migrationFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
}

/**
 * The migration files this build has that the database has not applied yet (none: the schema is current).
 * Read-only, no lock: `/readyz` asks it on every probe.
 *
 * @example
 * await pendingMigrations(db) // [] once `migrate` has run
 */
export async function pendingMigrations(db: Queryable, dir = MIGRATIONS_DIR): Promise<string[]> {
  const table = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  const done = new Set(table.rows[0].t ? (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name) : []);
  return migrationFiles(dir).filter((f) => !done.has(f));
}

// Arbitrary constant shared by every Defuse process: the advisory lock that serialises migrations.
const MIGRATION_LOCK = 7_402_311;

/**
 * Applies the numbered SQL files in `src/server/migrations` that have not run yet, each in its own
 * transaction. Holds a session advisory lock, so several processes starting at once apply each file once.
 *
 * @example
 * const applied = await migrate(db); // ['0001_desk.sql'] on an empty database, [] after
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = migrationFiles(dir);
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(dir, file), 'utf8'));
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
      applied.push(file);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
