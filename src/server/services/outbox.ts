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
export interface OutgoingMail {
  caseId: number | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** The same e-mail as HTML (multipart/alternative with the text); plain text only when absent. */
  html?: string;
  /** Threading: the Message-ID answered (without <>) and the chain of earlier ones. */
  inReplyTo?: string | null;
  references?: string[];
  /** Shown as the sender's name, on MAIL_FROM's address (the agent who wrote a reply). */
  fromName?: string;
  /** The messages row this e-mail carries (a reply). */
  messageRow?: number;
  domain?: string;
  resentFrom?: number;
  resentBy?: number;
}

export async function enqueueMail(q: Queryable, now: Date, mail: OutgoingMail): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO outbox (case_id, kind, to_address, subject, body_text, body_html, status, next_attempt_at, message_id, created_at, resent_from, resent_by, in_reply_to, references_ids, from_name, message_row)
     VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, '', $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [mail.caseId, mail.kind, mail.to, mail.subject, mail.text, mail.html ?? null, now, mail.resentFrom ?? null, mail.resentBy ?? null, mail.inReplyTo ?? null, mail.references ?? null, mail.fromName ?? null, mail.messageRow ?? null],
  );
  const id = rows[0].id;
  await q.query('UPDATE outbox SET message_id = $2 WHERE id = $1', [id, `<outbox-${id}-${now.getTime()}@${mail.domain ?? 'defuse.localhost'}>`]);
  return id;
}

/**
 * MAIL_FROM's address with another display name: replies leave as "Ana Agent (Northwind Support)" from the
 * desk's own address, so the customer sees who wrote and their answer still reaches the desk.
 *
 * @example
 * withDisplayName('Defuse desk <desk@x.com>', 'Ana (Northwind)') // '"Ana (Northwind)" <desk@x.com>'
 */
export function withDisplayName(mailFrom: string, name: string): string {
  const address = /<([^<>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const quoted = name.replace(/[\r\n"\\]/g, ' ').trim();
  return `"${quoted}" <${address}>`;
}

/** Back-off before attempt n+1: 30 s, 1 min, 2 min … capped at 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);
}

/** Why a send failed, in words an agent may read: what to expect, never the mail server's name or address. */
export function publicMailError(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; command?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  if (code === 'ESENDTIMEOUT' || code === 'ETIMEDOUT' || /timeout|timed out|greeting never received/i.test(e?.message ?? '')) return 'The mail server did not answer in time; it is tried again later.';
  if (e?.responseCode && e.responseCode >= 400 && e.responseCode < 500) return `The mail server refused it for now (SMTP ${e.responseCode}); it is tried again later.`;
  if (e?.responseCode && e.responseCode >= 500) return `The mail server rejected it (SMTP ${e.responseCode}); it is tried again later in case that changes.`;
  if (code === 'EAUTH') return "The mail server refused the desk's sign-in; an admin must check SMTP_URL.";
  if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNECTION|ESOCKET|EDNS|ETLS)$/.test(code) || /ECONNREFUSED|ECONNRESET|ENOTFOUND/.test(e?.message ?? '')) {
    return 'Could not reach the mail server; it is tried again later.';
  }
  return 'Sending failed; it is tried again later.';
}

class SendTimeout extends Error {
  readonly code = 'ESENDTIMEOUT';
}
class SendAborted extends Error {}

/** The send, or a SendTimeout after `ms`, or a SendAborted when `signal` fires (the process is stopping). */
function bounded<T>(p: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  // The send goes on in the background until the transport's own timeouts close it; its outcome is moot.
  p.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout(`no answer from the mail server within ${ms} ms`)), ms);
    onAbort = () => reject(new SendAborted('stopping'));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([p, stop]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}

interface Claimed {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[] | null;
  fromName: string | null;
  messageId: string;
  attempts: number;
  leaseUntil: Date;
}

/**
 * Takes the next due row with a lease, in one statement (FOR UPDATE SKIP LOCKED: never the same row twice,
 * across processes). The lease outlasts the send's hard timeout; if the sender dies, it runs out and the row
 * is taken again.
 */
async function claim(deps: ServiceDeps, timeoutMs: number): Promise<Claimed | null> {
  const now = deps.clock.now();
  const { rows } = await deps.db.query<Claimed>(
    `UPDATE outbox SET lease_until = $2 WHERE id = (
       SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
       ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id, to_address AS "to", subject, body_text AS "text", body_html AS "html", in_reply_to AS "inReplyTo", references_ids AS "references", from_name AS "fromName", message_id AS "messageId", attempts, lease_until AS "leaseUntil"`,
    [now, new Date(now.getTime() + timeoutMs + 60_000)],
  );
  return rows[0] ?? null;
}

export interface DeliveryOptions {
  /** Most rows to take in this run. */
  limit?: number;
  /** Sends at once (MAIL_CONCURRENCY). */
  concurrency?: number;
  /** Hard limit per send, in ms (SMTP_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Stops taking rows, and gives back the ones being sent, when the process stops. */
  signal?: AbortSignal;
}

/**
 * Mail job: delivers due outbox rows, `concurrency` at a time, each send bounded by a hard timeout and made
 * outside any transaction, so a hung SMTP server holds one sending lane for at most the timeout and no
 * database connection at all. A failure records why and schedules a retry with back-off; after
 * MAX_ATTEMPTS the row is `failed`. A crash after the SMTP peer accepted but before the outcome was recorded
 * sends it again, with the same Message-ID (at least once, never lost).
 *
 * @example
 * await deliverOutbox({ ...deps, mailer }, { concurrency: 4, timeoutMs: 20_000 }); // { sent: 3, failed: 0 }
 */
export async function deliverOutbox(deps: ServiceDeps & { mailer: Mailer }, options: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const limit = options.limit ?? 20;
  const lanes = Math.max(1, options.concurrency ?? deps.config.mailConcurrency);
  const timeoutMs = options.timeoutMs ?? deps.config.mailTimeoutMs;
  let taken = 0;
  let sent = 0;
  let failed = 0;
  const lane = async () => {
    while (taken < limit && !options.signal?.aborted) {
      taken++;
      const row = await claim(deps, timeoutMs);
      if (!row) return;
      try {
        await bounded(
          deps.mailer.send({
            from: row.fromName ? withDisplayName(deps.config.mailFrom, row.fromName) : deps.config.mailFrom,
            to: row.to,
            subject: row.subject,
            text: row.text,
            messageId: row.messageId,
            ...(row.html ? { html: row.html } : {}),
            ...(row.inReplyTo ? { inReplyTo: `<${row.inReplyTo}>`, references: (row.references ?? []).map((r) => `<${r}>`) } : {}),
          }),
          timeoutMs,
          options.signal,
        );
        await deps.db.query(
          "UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2, last_error = NULL, last_error_detail = NULL, lease_until = NULL WHERE id = $1 AND lease_until = $3",
          [row.id, deps.clock.now(), row.leaseUntil],
        );
        sent++;
      } catch (err) {
        if (err instanceof SendAborted) {
          // Not the mail server's fault: give the row back untouched for the next process to send.
          await deps.db.query('UPDATE outbox SET lease_until = NULL WHERE id = $1 AND lease_until = $2', [row.id, row.leaseUntil]).catch(() => undefined);
          return;
        }
        const attempts = row.attempts + 1;
        const giveUp = attempts >= MAX_ATTEMPTS;
        await deps.db.query(
          'UPDATE outbox SET attempts = $2, last_error = $3, last_error_detail = $4, next_attempt_at = $5, status = $6, lease_until = NULL WHERE id = $1 AND lease_until = $7',
          [row.id, attempts, publicMailError(err), String((err as Error)?.message ?? err).slice(0, 1000), new Date(deps.clock.now().getTime() + retryDelayMs(attempts)), giveUp ? 'failed' : 'pending', row.leaseUntil],
        );
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { sent, failed };
}

export interface OutboxRow {
  id: number;
  caseId: number | null;
  kind: string;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed' | 'bounced';
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
