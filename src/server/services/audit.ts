import type { Queryable } from '../db/db.ts';
import { eventFromAudit } from './webhooks.ts';

/** Appends to the audit log; call inside the transaction that made the change. Actions that are webhook events are published too. */
export async function audit(q: Queryable, at: Date, entry: { actorId: number | null; caseId?: number | null; action: string; data?: unknown }): Promise<void> {
  await q.query('INSERT INTO audit_log (actor_id, case_id, action, data, created_at) VALUES ($1, $2, $3, $4, $5)', [
    entry.actorId,
    entry.caseId ?? null,
    entry.action,
    JSON.stringify(entry.data ?? {}),
    at,
  ]);
  await eventFromAudit(q, at, entry);
}

/** Leaves a notification for a user (shown in the desk's bell and the queue). */
export async function notify(q: Queryable, at: Date, n: { userId: number; caseId?: number | null; kind: string; text: string }): Promise<void> {
  await q.query('INSERT INTO notifications (user_id, case_id, kind, text, created_at) VALUES ($1, $2, $3, $4, $5)', [n.userId, n.caseId ?? null, n.kind, n.text, at]);
}

/**
 * Leaves a notification that replaces the user's unread one of the same kind on the same case, so a burst of
 * requests is one line in the bell, kept up to date. Only kinds with a unique index for it
 * (`notifications_approval_once_idx`: approval requests) may use it.
 */
export async function notifyCoalesced(q: Queryable, at: Date, n: { userId: number; caseId: number; kind: 'approval.requested'; text: string }): Promise<void> {
  await q.query(
    `INSERT INTO notifications (user_id, case_id, kind, text, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (user_id, case_id, kind) WHERE read_at IS NULL AND kind = 'approval.requested'
     DO UPDATE SET text = EXCLUDED.text, created_at = EXCLUDED.created_at`,
    [n.userId, n.caseId, n.kind, n.text, at],
  );
}
