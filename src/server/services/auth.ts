import { createHash, randomBytes } from 'node:crypto';
import { HttpError, notFound } from '../errors.ts';
import type { Queryable } from '../db/db.ts';
import { audit } from './audit.ts';
import { requireRole, type Actor, type ServiceDeps } from './context.ts';
import { USER_COLUMNS, verifyCredentials, type User } from './users.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');

/**
 * Counts one hit on `key` in a fixed window stored in PostgreSQL (shared by every server process) and throws
 * 429 with the seconds to wait when the count passes `limit`.
 *
 * @example
 * await rateLimit(deps.db, clock.now(), 'login:10.0.0.1', 10, 15 * 60_000);
 */
export async function rateLimit(q: Queryable, now: Date, key: string, limit: number, windowMs: number): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const { rows } = await q.query<{ count: number }>(
    `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
     ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`,
    [key, windowStart],
  );
  if (rows[0].count > limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new HttpError(429, 'rate_limited', `Too many requests; try again in ${retryAfter} s.`, { retryAfter });
  }
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

/**
 * Password login: rate-limited per address and e-mail, then a new session (random token; only its SHA-256
 * is stored) with its own CSRF token.
 *
 * @example
 * const s = await login(deps, { email: 'ana@example.com', password, ip: '127.0.0.1' });
 * // set-cookie: defuse_session=s.token; header X-CSRF-Token: s.csrfToken on writes
 */
export async function login(deps: ServiceDeps, input: { email: string; password: string; ip: string }): Promise<Session> {
  const now = deps.clock.now();
  const limit = deps.config.loginLimitPer15Min;
  await rateLimit(deps.db, now, `login:${input.ip}:${input.email.toLowerCase()}`, limit, 15 * 60_000);
  await rateLimit(deps.db, now, `login-ip:${input.ip}`, limit * 5, 15 * 60_000);
  const user = await verifyCredentials(deps, input.email, input.password);
  if (!user) throw new HttpError(401, 'bad_credentials', 'Wrong e-mail or password.');
  const session: Session = { token: token(), csrfToken: token(24), expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000), user };
  await deps.db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    sha256(session.token),
    user.id,
    session.csrfToken,
    now,
    session.expiresAt,
  ]);
  await audit(deps.db, now, { actorId: user.id, action: 'session.login', data: { ip: input.ip } });
  return session;
}

/** The user and CSRF token behind a session cookie, or null when unknown, expired or disabled. */
export async function sessionUser(deps: ServiceDeps, sessionToken: string): Promise<{ user: User; csrfToken: string } | null> {
  const { rows } = await deps.db.query<User & { csrf_token: string }>(
    `SELECT ${USER_COLUMNS.split(', ').map((c) => 'u.' + c).join(', ')}, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [sha256(sessionToken), deps.clock.now()],
  );
  if (!rows[0]) return null;
  const { csrf_token, ...user } = rows[0];
  return { user, csrfToken: csrf_token };
}

export async function logout(deps: ServiceDeps, sessionToken: string): Promise<void> {
  await deps.db.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(sessionToken)]);
}

export interface ApiTokenInfo {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_COLUMNS = 'id, user_id AS "userId", name, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"';

/**
 * Creates an API token acting as `userId`. The secret (`dfs_…`) is returned once; only its hash is kept.
 * `actor` null means the local command line (`defuse token create`), which has shell access to the server.
 *
 * @example
 * const { secret } = await createApiToken(deps, null, { userId: 1, name: 'helpdesk import' });
 * // Authorization: Bearer dfs_…
 */
export async function createApiToken(deps: ServiceDeps, actor: Actor | null, input: { userId: number; name: string }): Promise<{ token: ApiTokenInfo; secret: string }> {
  if (actor) requireRole(actor, 'admin');
  const secret = `dfs_${token(30)}`;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const user = await q.query('SELECT 1 FROM users WHERE id = $1', [input.userId]);
    if (!user.rowCount) throw notFound('User');
    const { rows } = await q.query<ApiTokenInfo>(
      `INSERT INTO api_tokens (user_id, name, prefix, token_hash, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${TOKEN_COLUMNS}`,
      [input.userId, input.name, secret.slice(0, 8), sha256(secret), now],
    );
    await audit(q, now, { actorId: actor?.id ?? null, action: 'token.create', data: { tokenId: rows[0].id, userId: input.userId } });
    return { token: rows[0], secret };
  });
}

export async function listApiTokens(deps: ServiceDeps, actor: Actor | null): Promise<ApiTokenInfo[]> {
  if (actor) requireRole(actor, 'admin');
  const { rows } = await deps.db.query<ApiTokenInfo>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id`);
  return rows;
}

export async function revokeApiToken(deps: ServiceDeps, actor: Actor | null, id: number): Promise<ApiTokenInfo> {
  if (actor) requireRole(actor, 'admin');
  const now = deps.clock.now();
  const { rows } = await deps.db.query<ApiTokenInfo>(`UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`, [id, now]);
  if (!rows[0]) throw notFound('Token');
  await audit(deps.db, now, { actorId: actor?.id ?? null, action: 'token.revoke', data: { tokenId: id } });
  return rows[0];
}

/** The user behind a bearer token, or null. Records when the token was last used. */
export async function tokenUser(deps: ServiceDeps, secret: string): Promise<User | null> {
  const now = deps.clock.now();
  const { rows } = await deps.db.query<User & { token_id: number }>(
    `UPDATE api_tokens t SET last_used_at = $2 FROM users u
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND NOT u.disabled
     RETURNING ${USER_COLUMNS.split(', ').map((c) => 'u.' + c).join(', ')}, t.id AS token_id`,
    [sha256(secret), now],
  );
  if (!rows[0]) return null;
  const { token_id: _t, ...user } = rows[0];
  return user;
}
