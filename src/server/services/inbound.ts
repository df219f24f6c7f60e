import { analyzeMessage } from '../../engine/index.ts';
import { cleanMessage } from '../../importers/clean.ts';
import type { Queryable } from '../db/db.ts';
import type { AttachmentMeta, InboundMail } from '../mail/inbound-formats.ts';
import { audit, notify } from './audit.ts';
import { insertMessage, leastLoadedAgent, loadCase, needsOf, storeInbound, subjectFrom, type CaseRow } from './cases.ts';
import type { ServiceDeps } from './context.ts';
import { emitEvent } from './webhooks.ts';

/** Longest text stored for one inbound message (the API's limit for a message body). */
const MAX_TEXT = 20_000;
/** Attachments listed per message; the rest are counted, not listed. */
const MAX_LISTED_ATTACHMENTS = 50;

export interface ReceiveResult {
  /** stored: a new message on a case; duplicate: this Message-ID was stored before; bounce: one of our e-mails came back. */
  status: 'stored' | 'duplicate' | 'bounce';
  caseId: number | null;
  /** The messages row (stored) or null. */
  messageRowId: number | null;
  /** True when the message opened a new case. */
  opened: boolean;
}

/** The case token put in the subject of every reply the desk sends, e.g. `[#42]`: the fallback for threading. */
export function caseToken(caseId: number): string {
  return `[#${caseId}]`;
}

const TOKEN = /\[#(\d{1,9})\]/;

/** What the customer wrote: quoted history and signatures cut (the importers' cleaning), capped. */
export function inboundText(mail: Pick<InboundMail, 'text' | 'html'>): string {
  const source = mail.text.trim() ? mail.text : (mail.html ?? '');
  let text = cleanMessage(source, { html: !mail.text.trim() }).text;
  // Everything was quote or signature (a bare forward, "see below"): keep what came rather than nothing.
  if (!text) text = cleanMessage(source, { html: !mail.text.trim() }).text || source.replace(/\s+/g, ' ').trim();
  // PostgreSQL text holds no NUL; an unpaired surrogate would be stored as U+FFFD anyway.
  text = text.replace(/\u0000/g, '').replace(/\p{Cs}/gu, '\ufffd');
  return (text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text) || '(no text)';
}

function attachmentsMeta(list: AttachmentMeta[], maxBytes: number): unknown[] {
  const shown = list.slice(0, MAX_LISTED_ATTACHMENTS).map((a) => ({
    name: a.name.slice(0, 255),
    type: a.type.slice(0, 255),
    size: Math.max(0, Math.round(a.size)),
    // Over the cap: listed so the agent knows it was sent, flagged so nobody expects it to be usable.
    ...(a.size > maxBytes ? { overLimit: true } : {}),
  }));
  if (list.length > MAX_LISTED_ATTACHMENTS) shown.push({ name: `… ${list.length - MAX_LISTED_ATTACHMENTS} more`, type: 'text/plain', size: 0 });
  return shown;
}

/** The case a reply belongs to: by the ids it answers (ours or the customer's earlier mail), newest first. */
async function caseByThread(q: Queryable, ids: string[]): Promise<number | null> {
  if (!ids.length) return null;
  const { rows } = await q.query<{ caseId: number }>(
    `SELECT case_id AS "caseId" FROM (
       SELECT case_id, received_at AS at FROM inbound_mail WHERE message_id = ANY($1) AND case_id IS NOT NULL
       UNION ALL
       SELECT case_id, created_at AS at FROM outbox WHERE btrim(message_id, '<>') = ANY($1) AND case_id IS NOT NULL
     ) t JOIN cases c ON c.id = t.case_id ORDER BY at DESC LIMIT 1`,
    [ids],
  );
  return rows[0]?.caseId ?? null;
}

/**
 * The case named by a `[#id]` token in the subject, only when the sender is that case's customer: a token is
 * easy to guess, so it must not let anyone write into someone else's case.
 */
async function caseBySubjectToken(q: Queryable, subject: string, fromAddress: string): Promise<number | null> {
  const m = TOKEN.exec(subject);
  if (!m) return null;
  const { rows } = await q.query<{ id: number }>(
    'SELECT c.id FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $1 AND lower(cu.email) = lower($2)',
    [Number(m[1]), fromAddress],
  );
  return rows[0]?.id ?? null;
}

async function customerFor(q: Queryable, now: Date, from: InboundMail['from']): Promise<{ id: number; name: string }> {
  // The customer who wrote in most recently from this address (addresses are not unique across records).
  const { rows } = await q.query<{ id: number; name: string }>(
    `SELECT cu.id, cu.name FROM customers cu LEFT JOIN cases c ON c.customer_id = cu.id
     WHERE lower(cu.email) = lower($1) GROUP BY cu.id ORDER BY max(c.updated_at) DESC NULLS LAST, cu.id DESC LIMIT 1`,
    [from.address],
  );
  if (rows[0]) return rows[0];
  const name = (from.name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || from.address.split('@')[0].slice(0, 200) || 'Customer';
  const created = await q.query<{ id: number; name: string }>('INSERT INTO customers (name, email, created_at) VALUES ($1, $2, $3) RETURNING id, name', [name, from.address.slice(0, 320), now]);
  return created.rows[0];
}

/** A returned e-mail: the outbox row it returns is marked bounced and the case owner told. */
async function recordBounce(deps: ServiceDeps, q: Queryable, mail: InboundMail, now: Date): Promise<number | null> {
  const mentioned = [...new Set([mail.inReplyTo, ...mail.references, ...[...`${mail.text}\n${mail.html ?? ''}`.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].map((m) => m[1])].filter((x): x is string => Boolean(x)))];
  if (!mentioned.length) return null;
  const { rows } = await q.query<{ id: number; caseId: number | null; to: string }>(
    `UPDATE outbox SET status = 'bounced', last_error = $2, last_error_detail = $3
     WHERE btrim(message_id, '<>') = ANY($1) AND status IN ('sent', 'pending') RETURNING id, case_id AS "caseId", to_address AS "to"`,
    [mentioned.slice(0, 200), "The customer's mail server returned this e-mail; check the address on the customer card.", mail.text.slice(0, 1000)],
  );
  for (const r of rows) {
    if (r.caseId === null) continue;
    const c = await loadCase(q, r.caseId);
    await audit(q, now, { actorId: null, caseId: c.id, action: 'mail.bounced', data: { outboxId: r.id } });
    await notify(q, now, { userId: c.ownerId, caseId: c.id, kind: 'mail.bounced', text: `An e-mail to ${r.to} came back undelivered: ${c.subject}` });
  }
  return rows[0]?.caseId ?? null;
}

/**
 * Stores one received e-mail, exactly once per Message-ID: it joins the case it answers (by In-Reply-To /
 * References, then a `[#id]` token in the subject from that case's customer) or opens a new one for the
 * customer with that address (created when unknown), owned by the agent with the fewest open cases. The text
 * is cleaned of quoted history and signatures and analysed on arrival, so the queue reorders at once; a
 * resolved case is reopened. A second delivery of the same Message-ID (a provider's retry, an IMAP re-fetch)
 * stores nothing and reports `duplicate`.
 *
 * @example
 * await receiveMail(deps, mail, 'webhook:mailgun') // { status: 'stored', caseId: 12, opened: true, … }
 */
export async function receiveMail(deps: ServiceDeps, mail: InboundMail, source: string): Promise<ReceiveResult> {
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    // First, and conditional on the unique index: a concurrent delivery of the same message waits here for
    // this transaction and then inserts nothing.
    const inserted = await q.query<{ id: number }>(
      `INSERT INTO inbound_mail (message_id, source, kind, from_address, from_name, subject, in_reply_to, references_ids, attachments, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (message_id) DO NOTHING RETURNING id`,
      [mail.messageId, source, mail.bounce ? 'bounce' : 'message', mail.from.address.slice(0, 320), mail.from.name?.slice(0, 200) ?? null, mail.subject, mail.inReplyTo, mail.references,
        JSON.stringify(attachmentsMeta(mail.attachments, deps.config.inboundAttachmentMaxBytes)), now],
    );
    if (!inserted.rows[0]) {
      const seen = await q.query<{ caseId: number | null; messageRow: number | null }>('SELECT case_id AS "caseId", message_row AS "messageRow" FROM inbound_mail WHERE message_id = $1', [mail.messageId]);
      return { status: 'duplicate', caseId: seen.rows[0]?.caseId ?? null, messageRowId: seen.rows[0]?.messageRow ?? null, opened: false };
    }
    const rowId = inserted.rows[0].id;
    if (mail.bounce) {
      const caseId = await recordBounce(deps, q, mail, now);
      await q.query('UPDATE inbound_mail SET case_id = $2 WHERE id = $1', [rowId, caseId]);
      return { status: 'bounce', caseId, messageRowId: null, opened: false };
    }
    const text = inboundText(mail);
    const threadCase = (await caseByThread(q, [mail.inReplyTo, ...mail.references].filter((x): x is string => Boolean(x)))) ?? (await caseBySubjectToken(q, mail.subject, mail.from.address));
    let caseId: number;
    let messageRowId: number;
    let opened = false;
    if (threadCase !== null) {
      const c: CaseRow = await loadCase(q, threadCase, true);
      messageRowId = (await storeInbound(deps, q, c, text, now, null)).id;
      caseId = c.id;
      await audit(q, now, { actorId: null, caseId, action: 'mail.received', data: { inboundMailId: rowId, source } });
    } else {
      const customer = await customerFor(q, now, mail.from);
      const analysis = analyzeMessage(text, { customerName: customer.name, upsetThreshold: deps.config.upsetThreshold });
      const ownerId = await leastLoadedAgent(q);
      const owner = ownerId ?? (await q.query<{ id: number }>("SELECT id FROM users WHERE NOT disabled ORDER BY (role = 'admin'), id LIMIT 1")).rows[0]?.id;
      if (owner === undefined) throw new Error('no active user to own a new case');
      const subject = mail.subject.replace(/^((re|fwd?|aw|wg|sv)\s*:\s*)+/i, '').trim().slice(0, 300) || subjectFrom(text, analysis);
      const res = await q.query<{ id: number }>(
        `INSERT INTO cases (customer_id, owner_id, subject, status, phase, channel, issue_category, issue_phrase, needs, created_at, updated_at, last_inbound_at)
         VALUES ($1, $2, $3, 'open', 'listen', 'private', $4, $5, $6, $7, $7, $7) RETURNING id`,
        [customer.id, owner, subject, analysis.issues[0]?.category ?? null, analysis.issues[0]?.phrase ?? null, needsOf(analysis), now],
      );
      caseId = res.rows[0].id;
      messageRowId = await insertMessage(q, caseId, 'inbound', null, text, now, analysis, null);
      opened = true;
      await audit(q, now, { actorId: null, caseId, action: 'case.open', data: { ownerId: owner, via: source, inboundMailId: rowId } });
      await emitEvent(q, now, 'message.received', caseId, { messageId: messageRowId, reopened: false, anger: analysis.anger, via: source });
      await notify(q, now, { userId: owner, caseId, kind: 'case.assigned', text: `New case by e-mail from ${customer.name}: ${subject}` });
    }
    await q.query('UPDATE inbound_mail SET case_id = $2, message_row = $3 WHERE id = $1', [rowId, caseId, messageRowId]);
    return { status: 'stored', caseId, messageRowId, opened };
  });
}

export interface InboundMailRow {
  id: number;
  kind: 'message' | 'bounce';
  source: string;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  messageRowId: number | null;
  attachments: { name: string; type: string; size: number; overLimit?: boolean }[];
  receivedAt: Date;
}

/** The e-mails that arrived on a case, with their attachments' metadata. */
export async function inboundMailFor(q: Queryable, caseId: number): Promise<InboundMailRow[]> {
  const { rows } = await q.query<InboundMailRow>(
    `SELECT id, kind, source, from_address AS "fromAddress", from_name AS "fromName", subject, message_row AS "messageRowId", attachments, received_at AS "receivedAt"
     FROM inbound_mail WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
  return rows;
}
