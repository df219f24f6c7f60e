import pg from 'pg';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** The database handle every service receives. Injected, never imported as a module singleton. */
export interface Db extends Queryable {
  pool: pg.Pool;
  /** Runs `fn` in one transaction; rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// numeric and bigint come back as strings by default; the desk's amounts and counts fit a double easily.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1700 || oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * Opens a pool on a PostgreSQL URL.
 *
 * @example
 * const db = createDb('postgres://defuse:secret@localhost:5432/defuse');
 * const { rows } = await db.query('select 1 as one');
 */
export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('[db] idle client error:', err.message));
  return {
    pool,
    query: (text, values) => pool.query(text, values),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * A `Db` that runs everything on one client already inside a transaction: `tx` becomes a savepoint, so a
 * service's own transaction nests in the caller's (used to store an idempotent response with the work it
 * describes). Nested transactions run one at a time, as they would on their own connections' locks.
 *
 * @example
 * await db.tx(async (q) => handler({ db: nestedDb(q as pg.PoolClient, db.pool) }));
 */
export function nestedDb(client: Queryable, pool: pg.Pool): Db {
  let savepoints = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const self: Db = {
    pool,
    query: (text, values) => client.query(text, values),
    tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
      const run = async () => {
        const name = `nested_${++savepoints}`;
        await client.query(`SAVEPOINT ${name}`);
        try {
          const result = await fn(client);
          await client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (err) {
          await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
          throw err;
        }
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => undefined,
  };
  return self;
}
