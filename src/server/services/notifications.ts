import { notFound } from '../errors.ts';
import type { Actor, ServiceDeps } from './context.ts';

export interface Notification {
  id: number;
  caseId: number | null;
  kind: string;
  text: string;
  createdAt: Date;
  readAt: Date | null;
}

/** The actor's notifications, newest first (reminders, approvals, reassignments). */
export async function listNotifications(deps: ServiceDeps, actor: Actor, unreadOnly = false): Promise<Notification[]> {
  const { rows } = await deps.db.query<Notification>(
    `SELECT id, case_id AS "caseId", kind, text, created_at AS "createdAt", read_at AS "readAt" FROM notifications
     WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY id DESC LIMIT 200`,
    [actor.id, unreadOnly],
  );
  return rows;
}

export async function markNotificationRead(deps: ServiceDeps, actor: Actor, id: number): Promise<Notification> {
  const { rows } = await deps.db.query<Notification>(
    `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2
     RETURNING id, case_id AS "caseId", kind, text, created_at AS "createdAt", read_at AS "readAt"`,
    [id, actor.id, deps.clock.now()],
  );
  if (!rows[0]) throw notFound('Notification');
  return rows[0];
}
