/**
 * The shapes inbound e-mail arrives in, turned into one: a generic JSON body, the form fields Mailgun and
 * SendGrid post, Postmark's JSON, and a raw RFC 822 message (the IMAP poller, SendGrid's "raw" mode). Field
 * names follow each provider's inbound-parse documentation:
 * - Mailgun routes (forward()): `from`, `subject`, `body-plain`, `body-html`, `Message-Id`, `In-Reply-To`,
 *   `References`, `message-headers` (a JSON list of [name, value]), files `attachment-1`…, or `attachments`
 *   (a JSON list with `name`, `content-type`, `size`) from store(notify=…);
 * - SendGrid Inbound Parse: `from`, `subject`, `text`, `html`, `headers` (the raw header block),
 *   `attachment-info` (JSON: `attachment1` → `{ filename, type }`), files `attachment1`…; `email` in raw mode;
 * - Postmark inbound webhook (JSON): `FromFull { Email, Name }`, `Subject`, `TextBody`, `HtmlBody`,
 *   `Headers [{ Name, Value }]`, `MessageID` (Postmark's own id), `Date`, `Attachments [{ Name, ContentType, ContentLength }]`.
 * Attachment contents are never kept: only name, type and size.
 */
import { createHash } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { simpleParser, type AddressObject } from 'mailparser';

import type { InboundFormat } from './inbound-sources.ts';

export { INBOUND_FORMATS, type InboundFormat } from './inbound-sources.ts';

export interface AttachmentMeta {
  name: string;
  type: string;
  size: number;
}

/** One received e-mail, whatever carried it. */
export interface InboundMail {
  /** Without angle brackets; made up from the content when the message has none. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: { address: string; name: string | null };
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  attachments: AttachmentMeta[];
  /** A delivery status report (the customer's mail server returned one of our e-mails). */
  bounce: boolean;
}

export class InboundFormatError extends Error {}

type Fields = Record<string, unknown>;

/** `<a@b>` → `a@b`; blank → null. */
export function bareId(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /<([^<>\s]+)>/.exec(v);
  const id = (m ? m[1] : v).trim();
  return id && id.length <= 998 && !/\s/.test(id) ? id : null;
}

/** Every `<id>` in a References (or In-Reply-To) header, or the whitespace-separated ids when unbracketed. */
export function idList(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(idList);
  if (typeof v !== 'string') return [];
  const bracketed = [...v.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  const ids = bracketed.length ? bracketed : v.split(/[\s,]+/).filter(Boolean);
  return ids.filter((id) => id.length <= 998).slice(-50);
}

function parseAddress(v: unknown): { address: string; name: string | null } | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Fields;
    const address = typeof o.address === 'string' ? o.address : typeof o.email === 'string' ? o.email : typeof o.Email === 'string' ? o.Email : null;
    const name = typeof o.name === 'string' ? o.name : typeof o.Name === 'string' ? o.Name : null;
    return address && /@/.test(address) ? { address: address.trim(), name: name?.trim() || null } : null;
  }
  if (typeof v !== 'string' || !v.trim()) return null;
  const first = addressparser(v, { flatten: true })[0];
  if (!first?.address || !/@/.test(first.address)) return null;
  return { address: first.address.trim(), name: first.name?.trim() || null };
}

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string').join('\n');
  return '';
}

function dateOf(v: unknown): Date | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const d = new Date(typeof v === 'number' && v < 1e12 ? v * 1000 : v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function jsonField(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/** Header lookup in a raw header block (SendGrid's `headers`): unfolded, first match, case-insensitive. */
function rawHeader(block: string, name: string): string | null {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im');
  return re.exec(unfolded)?.[1]?.trim() ?? null;
}

function isFile(v: unknown): v is File {
  return typeof File !== 'undefined' && v instanceof File;
}

function fileMeta(f: File, fallbackName: string, type?: string): AttachmentMeta {
  return { name: f.name || fallbackName, type: type || f.type || 'application/octet-stream', size: f.size };
}

const BOUNCE_FROM = /^(mailer-daemon|postmaster|mail-delivery-subsystem|mail delivery (system|subsystem))\b/i;
const BOUNCE_SUBJECT = /\b(undeliver(ed|able)|delivery (status notification|has failed|failure)|returned mail|failure notice|mail delivery failed)\b/i;

function looksLikeBounce(from: { address: string; name: string | null }, subject: string, contentType?: string): boolean {
  if (contentType && /report-type\s*=\s*"?delivery-status/i.test(contentType)) return true;
  const local = from.address.split('@')[0];
  return (BOUNCE_FROM.test(local) || BOUNCE_FROM.test(from.name ?? '')) && BOUNCE_SUBJECT.test(subject);
}

/** A stable id for a message that came without one, so a retry of the same message still dedupes. */
function syntheticId(from: string, subject: string, date: Date | null, text: string): string {
  const h = createHash('sha256').update(`${from}\n${subject}\n${date?.toISOString() ?? ''}\n${text}`).digest('hex').slice(0, 32);
  return `${h}@no-message-id.defuse`;
}

/** Text PostgreSQL can store: no NUL, no unpaired surrogate (a sender's bytes are not always valid Unicode). */
function storable(v: string): string {
  return v.replace(/\u0000/g, '').replace(/\p{Cs}/gu, '\ufffd');
}

function finish(raw: Omit<InboundMail, 'messageId' | 'bounce'> & { messageId: string | null; contentType?: string }): InboundMail {
  const { contentType, ...m } = raw;
  const text = storable(m.text);
  const html = m.html === null ? null : storable(m.html);
  if (!text.trim() && !(html ?? '').trim()) throw new InboundFormatError('the message has no text or HTML body');
  const from = { address: storable(m.from.address).slice(0, 320), name: m.from.name === null ? null : storable(m.from.name).slice(0, 200) || null };
  const subject = storable(m.subject).replace(/[\r\n]+/g, ' ').slice(0, 998);
  const id = (v: string | null) => (v === null ? null : storable(v) || null);
  return {
    messageId: id(m.messageId) ?? syntheticId(from.address, subject, m.date, text || html || ''),
    inReplyTo: id(m.inReplyTo),
    references: m.references.map(storable).filter(Boolean),
    from,
    subject,
    text,
    html,
    date: m.date,
    attachments: m.attachments.map((a) => ({ name: storable(a.name).slice(0, 255), type: storable(a.type).slice(0, 255), size: Number.isFinite(a.size) ? Math.min(Math.max(0, Math.round(a.size)), Number.MAX_SAFE_INTEGER) : 0 })),
    bounce: looksLikeBounce(from, subject, contentType),
  };
}

function requireFrom(v: unknown): { address: string; name: string | null } {
  const from = parseAddress(v);
  if (!from) throw new InboundFormatError('no sender address (from)');
  return from;
}

/**
 * The generic JSON body: `{ messageId, inReplyTo, references, from, subject, text, html, date, attachments }`.
 * `from` is `"Name <a@b>"` or `{ address, name }`; `references` a header string or a list of ids.
 */
function fromJson(b: Fields): InboundMail {
  const attachments = Array.isArray(b.attachments)
    ? b.attachments.filter((a): a is Fields => Boolean(a) && typeof a === 'object').map((a, i) => ({ name: str(a.name) || `attachment-${i + 1}`, type: str(a.type) || 'application/octet-stream', size: Number(a.size) >= 0 ? Number(a.size) : 0 }))
    : [];
  return finish({
    messageId: bareId(b.messageId),
    inReplyTo: bareId(b.inReplyTo),
    references: idList(b.references),
    from: requireFrom(b.from),
    subject: str(b.subject),
    text: str(b.text),
    html: str(b.html) || null,
    date: dateOf(b.date),
    attachments,
  });
}

function fromMailgun(b: Fields): InboundMail {
  // Mailgun posts every header as its own field too, but `message-headers` keeps all of them in order.
  const list = jsonField(b['message-headers']);
  const headers = new Map<string, string>();
  if (Array.isArray(list)) for (const h of list) if (Array.isArray(h) && typeof h[0] === 'string' && typeof h[1] === 'string' && !headers.has(h[0].toLowerCase())) headers.set(h[0].toLowerCase(), h[1]);
  const header = (name: string) => headers.get(name.toLowerCase()) || str(b[name]) || str(b[name.toLowerCase()]);
  const attachments: AttachmentMeta[] = [];
  for (const [k, v] of Object.entries(b)) if (/^attachment-\d+$/.test(k) && isFile(v)) attachments.push(fileMeta(v, k));
  const stored = jsonField(b.attachments);
  if (Array.isArray(stored)) for (const a of stored as Fields[]) if (a && typeof a === 'object') attachments.push({ name: str(a.name) || 'attachment', type: str(a['content-type']) || 'application/octet-stream', size: Number(a.size) || 0 });
  return finish({
    messageId: bareId(header('Message-Id')),
    inReplyTo: bareId(header('In-Reply-To')),
    references: idList(header('References')),
    from: requireFrom(str(b.from) || header('From') || str(b.sender)),
    subject: str(b.subject) || header('Subject'),
    text: str(b['body-plain']),
    html: str(b['body-html']) || null,
    date: dateOf(header('Date')),
    attachments,
    contentType: header('Content-Type'),
  });
}

function fromSendGrid(b: Fields): Promise<InboundMail> | InboundMail {
  if (typeof b.email === 'string' && b.email.trim()) return fromRaw(b.email);
  const headers = str(b.headers);
  const info = jsonField(b['attachment-info']);
  const attachments: AttachmentMeta[] = [];
  for (const [k, v] of Object.entries(b)) {
    if (!/^attachment\d+$/.test(k) || !isFile(v)) continue;
    const meta = info && typeof info === 'object' ? ((info as Record<string, Fields>)[k] ?? {}) : {};
    attachments.push(fileMeta(v, str(meta.filename) || str(meta.name) || k, str(meta.type)));
  }
  return finish({
    messageId: bareId(rawHeader(headers, 'Message-ID')),
    inReplyTo: bareId(rawHeader(headers, 'In-Reply-To')),
    references: idList(rawHeader(headers, 'References')),
    from: requireFrom(str(b.from) || rawHeader(headers, 'From')),
    subject: str(b.subject) || rawHeader(headers, 'Subject') || '',
    text: str(b.text),
    html: str(b.html) || null,
    date: dateOf(rawHeader(headers, 'Date')),
    attachments,
    contentType: rawHeader(headers, 'Content-Type') ?? undefined,
  });
}

function fromPostmark(b: Fields): InboundMail {
  const headers = new Map<string, string>();
  if (Array.isArray(b.Headers)) for (const h of b.Headers as Fields[]) if (h && typeof h.Name === 'string' && typeof h.Value === 'string' && !headers.has(h.Name.toLowerCase())) headers.set(h.Name.toLowerCase(), h.Value);
  const attachments = Array.isArray(b.Attachments)
    ? (b.Attachments as Fields[]).filter((a) => a && typeof a === 'object').map((a, i) => ({ name: str(a.Name) || `attachment-${i + 1}`, type: str(a.ContentType) || 'application/octet-stream', size: Number(a.ContentLength) || 0 }))
    : [];
  return finish({
    // MessageID is Postmark's own id; the sender's Message-ID header is what replies will reference.
    messageId: bareId(headers.get('message-id')) ?? (typeof b.MessageID === 'string' && b.MessageID ? `${b.MessageID}@postmark.inbound` : null),
    inReplyTo: bareId(headers.get('in-reply-to')),
    references: idList(headers.get('references')),
    from: requireFrom(b.FromFull ?? b.From),
    subject: str(b.Subject),
    text: str(b.TextBody),
    html: str(b.HtmlBody) || null,
    date: dateOf(b.Date),
    attachments,
    contentType: headers.get('content-type'),
  });
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address: string; name: string | null } | null {
  const obj = Array.isArray(a) ? a[0] : a;
  const v = obj?.value?.[0];
  return v?.address ? { address: v.address, name: v.name || null } : null;
}

/**
 * A whole RFC 822 message (IMAP, SendGrid raw mode), parsed with mailparser.
 *
 * @example
 * const mail = await fromRaw(rawSource); // { messageId: 'abc@x', from: { address: 'ana@x.com', … }, … }
 */
export async function fromRaw(source: string | Buffer): Promise<InboundMail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  const from = firstAddress(parsed.from);
  if (!from) throw new InboundFormatError('no sender address (From)');
  const ct = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | string | undefined;
  const contentType = typeof ct === 'string' ? ct : ct ? `${ct.value ?? ''}; report-type=${ct.params?.['report-type'] ?? ''}` : undefined;
  return finish({
    messageId: bareId(parsed.messageId),
    inReplyTo: bareId(parsed.inReplyTo),
    references: idList(parsed.references),
    from,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    date: parsed.date ?? null,
    attachments: parsed.attachments.map((a, i) => ({ name: a.filename || `attachment-${i + 1}`, type: a.contentType || 'application/octet-stream', size: a.size })),
    contentType,
  });
}

/**
 * Reads one provider's payload (form fields or JSON) into an InboundMail; throws InboundFormatError when it is
 * not an e-mail this format describes.
 *
 * @example
 * await parseInbound('mailgun', { from: 'Ana <ana@x.com>', subject: 'Late', 'body-plain': 'Where is it?' })
 */
export async function parseInbound(format: InboundFormat, body: Fields): Promise<InboundMail> {
  switch (format) {
    case 'json':
      return fromJson(body);
    case 'mailgun':
      return fromMailgun(body);
    case 'sendgrid':
      return fromSendGrid(body);
    case 'postmark':
      return fromPostmark(body);
  }
}
