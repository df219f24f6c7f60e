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
  /** A new device cookie value when this browser had none for this account (set it; it is not stored). */
  deviceToken?: string;
}

/** How long a device cookie is remembered. */
export const DEVICE_TTL_DAYS = 180;
/** Failures counted together: a key with no attempt for this long starts again from zero. */
const THROTTLE_WINDOW_MS = 15 * 60_000;

interface ThrottleKey {
  key: string;
  /** Failures allowed before the back-off starts. */
  free: number;
  /** Longest wait the back-off reaches. */
  capMs: number;
}

/** The wait after `failures` failures on a key: none for the free ones, then 1 s, 2 s, 4 s … up to the cap. */
export function backoffMs(failures: number, free: number, capMs: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - free, 30), capMs);
}

/**
 * Counts one attempt on each key, in one transaction holding their rows locked, or throws 429 when any key
 * is still waiting out its back-off (then nothing is counted, so waiting never gets longer by asking). The
 * attempt counts as a failure up front, so fifty guesses at once meet the limit one by one; a success undoes
 * it (`loginSucceeded`).
 */
async function countAttempt(deps: ServiceDeps, now: Date, keys: ThrottleKey[]): Promise<void> {
  await deps.db.tx(async (q) => {
    const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
    const rows: { key: ThrottleKey; failures: number; blockedUntil: Date | null; lastAttemptAt: Date }[] = [];
    for (const k of sorted) {
      await q.query('INSERT INTO login_throttle (key, failures, last_attempt_at) VALUES ($1, 0, $2) ON CONFLICT (key) DO NOTHING', [k.key, now]);
      const { rows: r } = await q.query<{ failures: number; blockedUntil: Date | null; lastAttemptAt: Date }>(
        'SELECT failures, blocked_until AS "blockedUntil", last_attempt_at AS "lastAttemptAt" FROM login_throttle WHERE key = $1 FOR UPDATE',
        [k.key],
      );
      rows.push({ key: k, ...r[0] });
    }
    const waitUntil = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
    if (waitUntil > now.getTime()) {
      const retryAfter = Math.max(1, Math.ceil((waitUntil - now.getTime()) / 1000));
      throw new HttpError(429, 'rate_limited', `Too many failed sign-ins; try again in ${retryAfter} s.`, { retryAfter });
    }
    for (const r of rows) {
      const failures = (now.getTime() - r.lastAttemptAt.getTime() > THROTTLE_WINDOW_MS ? 0 : r.failures) + 1;
      const wait = backoffMs(failures, r.key.free, r.key.capMs);
      await q.query('UPDATE login_throttle SET failures = $2, blocked_until = $3, last_attempt_at = $4 WHERE key = $1', [r.key.key, failures, wait ? new Date(now.getTime() + wait) : null, now]);
    }
  });
}

/** After a right password: the account's (or device's) budget starts again; the address gives back this attempt. */
async function loginSucceeded(deps: ServiceDeps, keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) {
    if (k.key.startsWith('ip:')) {
      await deps.db.query(
        'UPDATE login_throttle SET failures = greatest(failures - 1, 0), blocked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE blocked_until END WHERE key = $1',
        [k.key, k.free],
      );
    } else {
      await deps.db.query('UPDATE login_throttle SET failures = 0, blocked_until = NULL WHERE key = $1', [k.key]);
    }
  }
}

/** The account a device cookie signed in to before, if it is this e-mail's. */
async function knownDevice(deps: ServiceDeps, deviceToken: string | undefined, email: string): Promise<boolean> {
  if (!deviceToken) return false;
  const { rows } = await deps.db.query(
    `SELECT 1 FROM login_devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = $1 AND lower(u.email) = lower($2) AND d.last_used_at > $3`,
    [sha256(deviceToken), email, new Date(deps.clock.now().getTime() - DEVICE_TTL_DAYS * 86_400_000)],
  );
  return rows.length > 0;
}

/**
 * Password login with throttling that slows guessing and never locks the real user out:
 *
 * - from a browser that signed in to this account before (device cookie): that device's own budget only;
 * - otherwise: the account's budget (whatever the address, so guessing from many addresses is slowed) and
 *   the client address's budget (five times as large, for guessing across many accounts).
 *
 * Each budget allows LOGIN_LIMIT_PER_15_MIN failures, then waits 1 s, 2 s, 4 s … capped at a minute for an
 * account or device (15 minutes for an address). Then a new session (random token; only its SHA-256 is
 * stored) with its own CSRF token.
 *
 * @example
 * const s = await login(deps, { email: 'ana@example.com', password, ip: '127.0.0.1', deviceToken });
 * // set-cookie: defuse_session=s.token (and defuse_device=s.deviceToken when given); X-CSRF-Token: s.csrfToken on writes
 */
export async function login(deps: ServiceDeps, input: { email: string; password: string; ip: string; deviceToken?: string }): Promise<Session> {
  const now = deps.clock.now();
  const free = deps.config.loginLimitPer15Min;
  const email = input.email.toLowerCase();
  const device = await knownDevice(deps, input.deviceToken, email);
  const keys: ThrottleKey[] = device
    ? [{ key: `device:${sha256(input.deviceToken!)}`, free, capMs: 60_000 }]
    : [
        { key: `account:${email}`, free, capMs: 60_000 },
        { key: `ip:${input.ip}`, free: free * 5, capMs: THROTTLE_WINDOW_MS },
      ];
  await countAttempt(deps, now, keys);
  const user = await verifyCredentials(deps, input.email, input.password);
  if (!user) throw new HttpError(401, 'bad_credentials', 'Wrong e-mail or password.');
  await loginSucceeded(deps, keys);
  const session: Session = { token: token(), csrfToken: token(24), expiresAt: new Date(now.getTime() + deps.config.sessionTtlHours * 3_600_000), user };
  await deps.db.query('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
    sha256(session.token),
    user.id,
    session.csrfToken,
    now,
    session.expiresAt,
  ]);
  if (device) {
    await deps.db.query('UPDATE login_devices SET last_used_at = $2 WHERE token_hash = $1', [sha256(input.deviceToken!), now]);
  } else {
    session.deviceToken = token();
    await deps.db.query('INSERT INTO login_devices (token_hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)', [sha256(session.deviceToken), user.id, now]);
  }
  await audit(deps.db, now, { actorId: user.id, action: 'session.login', data: { ip: input.ip, knownDevice: device } });
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
