import type { Clock } from '../clock.ts';
import type { AppConfig } from '../config.ts';
import type { Db } from '../db/db.ts';
import { forbidden } from '../errors.ts';

export type Role = 'agent' | 'lead' | 'admin';
export const ROLES: readonly Role[] = ['agent', 'lead', 'admin'];

/** What every service function receives: the injected database, clock and configuration. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  config: AppConfig;
}

/** The signed-in user (by session or API token) on whose behalf a service acts. */
export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
  team: string;
}

const RANK: Record<Role, number> = { agent: 0, lead: 1, admin: 2 };

/** True when the actor has at least this role (admin ⊇ lead ⊇ agent). */
export function hasRole(actor: Actor, role: Role): boolean {
  return RANK[actor.role] >= RANK[role];
}

/**
 * Throws 403 unless the actor has at least `role`.
 *
 * @example
 * requireRole(actor, 'lead'); // an agent gets "This needs the lead role."
 */
export function requireRole(actor: Actor, role: Role): void {
  if (!hasRole(actor, role)) throw forbidden(`This needs the ${role} role.`);
}
