import type { Queryable } from '../db/db.ts';
import { HttpError } from '../errors.ts';
import type { CaseRow } from './cases.ts';
import type { Actor, ServiceDeps } from './context.ts';
import { getCustomer } from './customers.ts';
import { caseToken } from './inbound.ts';
import { enqueueMail } from './outbox.ts';

/** Most ids kept in a reply's References header (the oldest ones are dropped first, as RFC 5322 allows). */
const MAX_REFERENCES = 20;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The reply as HTML: paragraphs and line breaks kept, everything escaped (the agent's text is never markup).
 *
 * @example
 * replyHtml('Hi Ana,\n\nIt <is> on its way.') // '<p>Hi Ana,</p>\n<p>It &#60;is&#62; on its way.</p>'
 */
export function replyHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

/**
 * E-mails an agent's reply to the customer through the outbox, in the transaction that stored the reply, so
 * the e-mail exists exactly when the reply does. Threaded on the customer's latest e-mail on the case
 * (In-Reply-To, References), else on the desk's latest e-mail to them; the subject carries the case token
 * `[#id]` so a reply that loses its headers still finds the case. Sent under the agent's name, as plain text
 * and HTML.
 *
 * `want` undefined: e-mail it when the case came in by e-mail and the customer has an address. `true` with no
 * address is a 422 (the reply is not stored either).
 *
 * @returns the outbox id, or null when no e-mail goes out
 */
export async function emailReply(deps: ServiceDeps, q: Queryable, c: CaseRow, actor: Actor, messageRow: number, body: string, now: Date, want: boolean | undefined): Promise<{ id: number; to: string } | null> {
  if (want === false) return null;
  const customer = await getCustomer(deps, c.customerId, q);
  const last = await q.query<{ messageId: string; references: string[]; subject: string }>(
    `SELECT message_id AS "messageId", references_ids AS "references", subject FROM inbound_mail
     WHERE case_id = $1 AND kind = 'message' ORDER BY id DESC LIMIT 1`,
    [c.id],
  );
  const inbound = last.rows[0];
  if (want === undefined && !(inbound && customer.email)) return null;
  if (!customer.email) throw new HttpError(422, 'no_address', `${customer.name} has no e-mail address: add one on the customer card, or send the reply another way.`);
  let inReplyTo: string | null = null;
  let references: string[] = [];
  if (inbound) {
    inReplyTo = inbound.messageId;
    references = [...inbound.references, inbound.messageId];
  } else {
    const ours = await q.query<{ id: string }>("SELECT btrim(message_id, '<>') AS id FROM outbox WHERE case_id = $1 ORDER BY id DESC LIMIT 1", [c.id]);
    if (ours.rows[0]) {
      inReplyTo = ours.rows[0].id;
      references = [ours.rows[0].id];
    }
  }
  const base = (inbound?.subject || c.subject).replace(/\s*\[#\d+\]/g, '').trim();
  const subject = `${/^re:/i.test(base) ? base : `Re: ${base}`} ${caseToken(c.id)}`;
  // The RFC 3676 signature delimiter: the customer's mail client, and our own cleaning, cut what follows.
  const signature = `\n\n-- \n${actor.name}\n${deps.config.companyName}`;
  const text = `${body.replace(/\s+$/, '')}${signature}`;
  const html = `${replyHtml(body)}\n<p>-- <br>\n${escapeHtml(actor.name)}<br>\n${escapeHtml(deps.config.companyName)}</p>`;
  const domain = /@([^>\s]+)>?\s*$/.exec(deps.config.mailFrom)?.[1];
  const id = await enqueueMail(q, now, {
    caseId: c.id,
    kind: 'reply',
    to: customer.email,
    subject,
    text,
    html,
    inReplyTo,
    references: references.slice(-MAX_REFERENCES),
    fromName: `${actor.name} (${deps.config.companyName})`,
    messageRow,
    ...(domain ? { domain } : {}),
  });
  return { id, to: customer.email };
}
