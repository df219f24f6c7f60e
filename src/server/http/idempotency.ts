import { createHash } from 'node:crypto';
import { nestedDb, type Db } from '../db/db.ts';
import { HttpError } from '../errors.ts';

/** How long a key and its response are kept: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** What a client may send: 1–255 visible ASCII characters (a UUID is typical). */
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

/**
 * Runs `work` at most once per (user, Idempotency-Key). The key is inserted at the start of one transaction,
 * `work` runs inside it (its own transactions become savepoints), and its response is stored before the
 * commit: the key exists exactly when the work was committed, even if the process dies right after. A retry
 * gets the stored response; a concurrent one waits on the key's row, then reads it. A request that failed
 * leaves nothing, so a retry does the work. The same key with another method, path or body is a 422.
 *
 * @example
 * const r = await idempotent(db, now, userId, key, fingerprint, (db) => openCase({ ...deps, db }, actor, body), 201);
 * if (r.replayed) c.header('Idempotent-Replayed', 'true');
 */
export async function idempotent(
  db: Db,
  now: Date,
  userId: number,
  key: string,
  fingerprint: string,
  work: (db: Db) => Promise<unknown>,
  status: number,
): Promise<StoredResponse> {
  if (!KEY.test(key)) throw new HttpError(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID, say).');
  const stored = await lookup(db, now, userId, key, fingerprint);
  if (stored) return stored;
  try {
    return await db.tx(async (q) => {
      await q.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at < $3', [userId, key, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)]);
      await q.query('INSERT INTO idempotency_keys (user_id, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)', [userId, key, fingerprint, now]);
      // Dates and the like become what the client receives, so a replay is byte for byte the same JSON.
      const body: unknown = JSON.parse(JSON.stringify(await work(nestedDb(q, db.pool))));
      await q.query('UPDATE idempotency_keys SET status = $3, response = $4 WHERE user_id = $1 AND key = $2', [userId, key, status, JSON.stringify(body)]);
      return { status, body, replayed: false };
    });
  } catch (err) {
    // A concurrent request with this key committed first: answer as it did.
    if ((err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'idempotency_keys_pkey') {
      const first = await lookup(db, now, userId, key, fingerprint);
      if (first) return first;
    }
    throw err;
  }
}

async function lookup(db: Db, now: Date, userId: number, key: string, fingerprint: string): Promise<StoredResponse | null> {
  const { rows } = await db.query<{ fingerprint: string; status: number; response: unknown }>(
    'SELECT fingerprint, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND created_at >= $3',
    [userId, key, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.fingerprint !== fingerprint) {
    throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request (another route or body); use a new key for new work.');
  }
  return { status: row.status, body: row.response, replayed: true };
}

/** What identifies a request for its key: method, path and the exact body. */
export function fingerprintOf(method: string, path: string, body: ArrayBuffer | null): string {
  const h = createHash('sha256').update(`${method.toUpperCase()} ${path}\n`);
  if (body) h.update(Buffer.from(body));
  return h.digest('hex');
}
