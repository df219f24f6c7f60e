import type { Queryable } from '../db/db.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ServiceDeps } from './context.ts';

/** Give up after this many failed attempts (about a day of back-off); the row stays as `failed` for a look. */
export const MAX_ATTEMPTS = 12;

/**
 * Writes an e-mail to the outbox. Call it inside the transaction that decided to send it: the mail exists
 * exactly when that decision committed, and the worker delivers it later, surviving crashes and restarts.
 *
 * @example
 * await deps.db.tx(async (q) => { ...; await enqueueMail(q, now, { caseId, kind: 'resolution', to, subject, text }); });
 */
export async function enqueueMail(q: Queryable, now: Date, mail: { caseId: number | null; kind: string; to: string; subject: string; text: string; domain?: string }): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO outbox (case_id, kind, to_address, subject, body_text, status, next_attempt_at, message_id, created_at)
     VALUES ($1, $2, $3, $4, $5, 'pending', $6, '', $6) RETURNING id`,
    [mail.caseId, mail.kind, mail.to, mail.subject, mail.text, now],
  );
  const id = rows[0].id;
  await q.query('UPDATE outbox SET message_id = $2 WHERE id = $1', [id, `<outbox-${id}-${now.getTime()}@${mail.domain ?? 'defuse.localhost'}>`]);
  return id;
}

/** Back-off before attempt n+1: 30 s, 1 min, 2 min … capped at 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

/**
 * Scheduler job: delivers due outbox rows. Each row is claimed with FOR UPDATE SKIP LOCKED and stays locked
 * while it is sent, so two processes never send the same e-mail; a failure records the error and schedules a
 * retry with back-off. A crash after the SMTP peer accepted but before the commit sends it again, with the
 * same Message-ID (at-least-once, never lost).
 */
export async function deliverOutbox(deps: ServiceDeps & { mailer: Mailer }, limit = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await deps.db.tx(async (q) => {
      const now = deps.clock.now();
      const { rows } = await q.query<{ id: number; to: string; subject: string; text: string; messageId: string; attempts: number }>(
        `SELECT id, to_address AS "to", subject, body_text AS "text", message_id AS "messageId", attempts FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const row = rows[0];
      if (!row) return 'empty' as const;
      try {
        await deps.mailer.send({ from: deps.config.mailFrom, to: row.to, subject: row.subject, text: row.text, messageId: row.messageId });
        await q.query("UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL WHERE id = $1", [row.id, deps.clock.now()]);
        return 'sent' as const;
      } catch (err) {
        const attempts = row.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        await q.query('UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = $4, status = $5 WHERE id = $1', [
          row.id,
          attempts,
          String((err as Error)?.message ?? err).slice(0, 1000),
          new Date(now.getTime() + retryDelayMs(attempts)),
          giveUp ? 'failed' : 'pending',
        ]);
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'sent') sent++;
    else failed++;
  }
  return { sent, failed };
}

export interface OutboxRow {
  id: number;
  caseId: number | null;
  kind: string;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
}

export async function outboxFor(q: Queryable, caseId: number): Promise<OutboxRow[]> {
  const { rows } = await q.query<OutboxRow>(
    `SELECT id, case_id AS "caseId", kind, to_address AS "to", subject, status, attempts, last_error AS "lastError",
       next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt", created_at AS "createdAt" FROM outbox WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
  return rows;
}
