import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { HttpError, notFound } from '../errors.ts';
import type { Queryable } from '../db/db.ts';
import { audit } from './audit.ts';
import { requireRole, type Actor, type Role, type ServiceDeps } from './context.ts';

export interface User extends Actor {
  disabled: boolean;
  createdAt: Date;
}

export const USER_COLUMNS = 'id, email, name, role, team, disabled, created_at AS "createdAt"';

/** A readable random password: 20 base64url characters (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * Creates a user. Without a password one is generated and returned once; it is stored only as an argon2 hash.
 *
 * @example
 * const { user, password } = await createUser(deps, null, { email: 'ana@example.com', name: 'Ana', role: 'agent' });
 */
export async function createUser(
  deps: ServiceDeps,
  actor: Actor | null,
  input: { email: string; name: string; role: Role; team?: string; password?: string },
  q: Queryable = deps.db,
): Promise<{ user: User; password: string }> {
  if (actor) requireRole(actor, 'admin');
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const existing = await q.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [input.email]);
  if (existing.rowCount) throw new HttpError(409, 'email_taken', `A user with the e-mail ${input.email} already exists.`);
  const now = deps.clock.now();
  const { rows } = await q.query<User>(
    `INSERT INTO users (email, name, role, team, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${USER_COLUMNS}`,
    [input.email, input.name, input.role, input.team ?? 'Support', passwordHash, now],
  );
  await audit(q, now, { actorId: actor?.id ?? null, action: 'user.create', data: { userId: rows[0].id, role: input.role } });
  return { user: rows[0], password };
}

export async function listUsers(deps: ServiceDeps, actor: Actor): Promise<User[]> {
  requireRole(actor, 'lead');
  const { rows } = await deps.db.query<User>(`SELECT ${USER_COLUMNS} FROM users ORDER BY role, name`);
  return rows;
}

export async function getUser(deps: ServiceDeps, id: number): Promise<User> {
  const { rows } = await deps.db.query<User>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound('User');
  return rows[0];
}

/** Admin edits: role, name, team, disabled, new password. Disabling ends the user's sessions. `actor` null: the local command line. */
export async function updateUser(
  deps: ServiceDeps,
  actor: Actor | null,
  id: number,
  patch: { name?: string; role?: Role; team?: string; disabled?: boolean; password?: string },
): Promise<User> {
  if (actor) requireRole(actor, 'admin');
  if (actor && id === actor.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
    throw new HttpError(409, 'self_lockout', 'You cannot disable yourself or drop your own admin role.');
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : null;
  // The database keeps at least one active admin (trigger users_keep_an_active_admin), in this transaction:
  // a check here, before the write, would let two admins demote each other at once.
  return lastAdminGuard(deps.db.tx(async (q) => {
    const { rows } = await q.query<User>(
      `UPDATE users SET name = coalesce($2, name), role = coalesce($3, role), team = coalesce($4, team),
         disabled = coalesce($5, disabled), password_hash = coalesce($6, password_hash)
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, patch.name ?? null, patch.role ?? null, patch.team ?? null, patch.disabled ?? null, passwordHash],
    );
    if (!rows[0]) throw notFound('User');
    if (patch.disabled || patch.password) await q.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    await audit(q, deps.clock.now(), { actorId: actor?.id ?? null, action: 'user.update', data: { userId: id, fields: Object.keys(patch).filter((k) => k !== 'password').concat(patch.password ? ['password'] : []) } });
    return rows[0];
  }));
}

/** Turns the database's refusal to lose the last active admin into a 409 the caller can act on. */
async function lastAdminGuard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'users_one_active_admin') {
      throw new HttpError(409, 'last_admin', 'The desk must keep at least one active admin: make another user admin first.');
    }
    throw err;
  }
}

/**
 * Sets a new generated password for a user and ends their sessions: how an admin lets a locked-out user back
 * in without shell access. The password is returned once; only its argon2 hash is stored. Audited.
 *
 * @example
 * const { password } = await resetPassword(deps, admin, userId);
 */
export async function resetPassword(deps: ServiceDeps, actor: Actor | null, id: number): Promise<{ user: User; password: string }> {
  const password = generatePassword();
  const user = await updateUser(deps, actor, id, { password });
  return { user, password };
}

/** Checks an e-mail and password; returns the user or null. Runs argon2 even for unknown e-mails (timing). */
export async function verifyCredentials(deps: ServiceDeps, email: string, password: string): Promise<User | null> {
  const { rows } = await deps.db.query<User & { password_hash: string | null }>(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE lower(email) = lower($1)`, [email]);
  const row = rows[0];
  const stored = row?.password_hash ?? DUMMY_HASH;
  const ok = await verify(stored, password).catch(() => false);
  if (!row || !ok || row.disabled || !row.password_hash) return null;
  const { password_hash: _ignored, ...user } = row;
  return user;
}

// A real argon2 hash of a random string, so unknown e-mails cost the same time as known ones.
const DUMMY_HASH = await hash(randomBytes(16).toString('hex'));
