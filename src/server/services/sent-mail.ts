/**
 * Sent mail, for leads and admins: every e-mail the desk wrote to its outbox (queued, sent, failed with the
 * reason in words, retried, bounced), each one readable exactly as it was sent, and a failed one sent again.
 * Agents see their own cases' e-mails on the case (`GET /api/cases/{id}/emails`), not this list.
 */
import { HttpError, notFound } from '../errors.ts';
import { audit } from './audit.ts';
import { requireRole, type Actor, type ServiceDeps } from './context.ts';
import { withDisplayName } from './outbox.ts';

export type MailStatus = 'pending' | 'sent' | 'failed' | 'bounced';

export interface SentMailItem {
  id: number;
  caseId: number | null;
  caseSubject: string | null;
  customerName: string | null;
  kind: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  /** Tried more than once: it failed at least once before its present state. */
  retried: boolean;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
  /** This e-mail repeats a failed one (its id), sent again by `resentByName`. */
  resentFrom: number | null;
  resentByName: string | null;
  /** A later e-mail that repeats this one, when it was sent again. */
  resentAs: number | null;
}

export interface SentMailMessage extends SentMailItem {
  from: string;
  messageId: string;
  text: string;
  html: string | null;
}

const COLUMNS = `o.id, o.case_id AS "caseId", c.subject AS "caseSubject", cu.name AS "customerName", o.kind, o.to_address AS "to", o.subject,
  o.status, o.attempts, o.attempts > 1 AS retried, o.last_error AS "lastError", o.next_attempt_at AS "nextAttemptAt", o.sent_at AS "sentAt",
  o.created_at AS "createdAt", o.resent_from AS "resentFrom", ru.name AS "resentByName",
  (SELECT max(r.id) FROM outbox r WHERE r.resent_from = o.id) AS "resentAs"`;
const FROM = `outbox o LEFT JOIN cases c ON c.id = o.case_id LEFT JOIN customers cu ON cu.id = c.customer_id LEFT JOIN users ru ON ru.id = o.resent_by`;

/**
 * The outbox, newest first: `status` keeps one state, `retried` the ones tried more than once, `caseId` one
 * case's; `before` pages on by id.
 *
 * @example
 * await listSentMail(deps, lead, { status: 'failed' }) // [{ id: 7, status: 'failed', lastError: 'Could not reach the mail server; …', … }]
 */
export async function listSentMail(
  deps: ServiceDeps,
  actor: Actor,
  filter: { status?: MailStatus; retried?: boolean; caseId?: number; before?: number; limit?: number } = {},
): Promise<{ emails: SentMailItem[]; counts: Record<MailStatus, number> }> {
  requireRole(actor, 'lead');
  const { rows } = await deps.db.query<SentMailItem>(
    `SELECT ${COLUMNS} FROM ${FROM}
     WHERE ($1::text IS NULL OR o.status = $1) AND (NOT $2 OR o.attempts > 1) AND ($3::int IS NULL OR o.case_id = $3) AND ($4::int IS NULL OR o.id < $4)
     ORDER BY o.id DESC LIMIT $5`,
    [filter.status ?? null, filter.retried ?? false, filter.caseId ?? null, filter.before ?? null, filter.limit ?? 100],
  );
  const counts = await deps.db.query<{ status: MailStatus; n: number }>('SELECT status, count(*)::int AS n FROM outbox GROUP BY status');
  const all: Record<MailStatus, number> = { pending: 0, sent: 0, failed: 0, bounced: 0 };
  for (const r of counts.rows) all[r.status] = r.n;
  return { emails: rows, counts: all };
}

/** One e-mail as it was sent: sender, recipient, subject, Message-ID, plain text and HTML. */
export async function getSentMail(deps: ServiceDeps, actor: Actor, id: number): Promise<SentMailMessage> {
  requireRole(actor, 'lead');
  const { rows } = await deps.db.query<Omit<SentMailMessage, 'from'> & { fromName: string | null }>(
    `SELECT ${COLUMNS}, o.message_id AS "messageId", o.body_text AS "text", o.body_html AS "html", o.from_name AS "fromName" FROM ${FROM} WHERE o.id = $1`,
    [id],
  );
  if (!rows[0]) throw notFound('E-mail');
  const { fromName, ...mail } = rows[0];
  // The sender as the mail loop writes it: a reply goes out under its agent's name on MAIL_FROM's address.
  return { ...mail, from: fromName ? withDisplayName(deps.config.mailFrom, fromName) : deps.config.mailFrom };
}

/**
 * Sends a failed (or bounced) e-mail again: a new outbox row with the same content and a Message-ID of its
 * own, pointing at the one it repeats, delivered by the mail loop like any other. Once per e-mail: a second
 * resend of the same one is a 409 naming the first. Audited.
 *
 * @example
 * const again = await resendMail(deps, lead, failedId); // { id: 12, status: 'pending', resentFrom: failedId, … }
 */
export async function resendMail(deps: ServiceDeps, actor: Actor, id: number): Promise<SentMailItem> {
  requireRole(actor, 'lead');
  const now = deps.clock.now();
  const newId = await deps.db.tx(async (q) => {
    const { rows } = await q.query<{ id: number; status: MailStatus; caseId: number | null; to: string; messageId: string }>(
      'SELECT id, status, case_id AS "caseId", to_address AS "to", message_id AS "messageId" FROM outbox WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    if (!row) throw notFound('E-mail');
    if (row.status !== 'failed' && row.status !== 'bounced') {
      throw new HttpError(409, 'not_failed', `Only an e-mail that failed or bounced is sent again; this one is ${row.status === 'pending' ? 'still queued' : row.status}.`);
    }
    const again = await q.query<{ id: number }>('SELECT id FROM outbox WHERE resent_from = $1 LIMIT 1', [id]);
    if (again.rows[0]) throw new HttpError(409, 'already_resent', `This e-mail was already sent again as #${again.rows[0].id}.`);
    // Every column of the original but its state, so a threaded reply stays threaded and the HTML stays.
    const inserted = await q.query<{ id: number }>(
      `INSERT INTO outbox (case_id, kind, to_address, subject, body_text, body_html, in_reply_to, references_ids, from_name, message_row,
         status, attempts, next_attempt_at, message_id, created_at, resent_from, resent_by)
       SELECT case_id, kind, to_address, subject, body_text, body_html, in_reply_to, references_ids, from_name, message_row,
         'pending', 0, $2, '', $2, id, $3 FROM outbox WHERE id = $1 RETURNING id`,
      [id, now, actor.id],
    );
    const fresh = inserted.rows[0].id;
    const domain = /@([^>]+)>?$/.exec(row.messageId)?.[1] ?? 'defuse.localhost';
    await q.query('UPDATE outbox SET message_id = $2 WHERE id = $1', [fresh, `<outbox-${fresh}-${now.getTime()}@${domain}>`]);
    await audit(q, now, { actorId: actor.id, caseId: row.caseId, action: 'outbox.resend', data: { outboxId: id, resentAs: fresh, to: row.to } });
    return fresh;
  });
  const { rows } = await deps.db.query<SentMailItem>(`SELECT ${COLUMNS} FROM ${FROM} WHERE o.id = $1`, [newId]);
  return rows[0];
}
