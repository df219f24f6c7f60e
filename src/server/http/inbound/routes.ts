import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from '../../errors.ts';
import { INBOUND_FORMATS, InboundFormatError, parseInbound, type InboundFormat } from '../../mail/inbound-formats.ts';
import { rateLimit } from '../../services/auth.ts';
import { accessibleCase } from '../../services/cases.ts';
import { inboundMailFor, receiveMail } from '../../services/inbound.ts';
import { clientAddress } from '../client-ip.ts';
import { defineRoute, readJson, type AppDeps, type AppEnv, type DocumentedRoute } from '../route.ts';
import { IdParams, Timestamp } from '../schemas.ts';

/** Compares two secrets in constant time (hashes first, so unequal lengths take the same time too). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The secret a provider sent: HTTP Basic auth (the password; Mailgun, Postmark and SendGrid all take
 * `https://user:SECRET@host/…` as the URL), `Authorization: Bearer SECRET`, `X-Defuse-Secret`, or `?secret=`
 * for providers that only let you set a URL.
 */
function givenSecret(c: Context<AppEnv>): string | null {
  const auth = c.req.header('authorization') ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(auth);
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    return i >= 0 ? decoded.slice(i + 1) : decoded;
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
  if (bearer) return bearer[1];
  return c.req.header('x-defuse-secret') ?? c.req.query('secret') ?? null;
}

function peer(c: Context<AppEnv>, deps: AppDeps): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const address = incoming?.socket?.remoteAddress;
  return address ? clientAddress(address, c.req.header('x-forwarded-for'), deps.config.trustProxy) : 'local';
}

const Result = z.object({
  status: z.enum(['stored', 'duplicate', 'bounce']).meta({ description: 'duplicate: this Message-ID was stored before (a retry); nothing changed' }),
  caseId: z.number().int().nullable(),
  opened: z.boolean().meta({ description: 'The message opened a new case' }),
});

/** The generic JSON body (`POST /api/inbound/json`). */
export const InboundJsonBody = z
  .object({
    messageId: z.string().optional().meta({ description: 'The Message-ID header (with or without <>); the key that makes a retry harmless. Without it, one is derived from sender, subject, date and text.' }),
    inReplyTo: z.string().optional(),
    references: z.union([z.string(), z.array(z.string())]).optional().meta({ description: 'The References header, or its ids as a list' }),
    from: z.union([z.string(), z.object({ address: z.string(), name: z.string().optional() })]).meta({ description: '"Ana Lima <ana@example.com>" or { address, name }' }),
    subject: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    date: z.string().optional(),
    attachments: z.array(z.object({ name: z.string(), type: z.string().optional(), size: z.number().optional() })).optional().meta({ description: 'Metadata only; contents are not accepted' }),
  })
  .meta({ id: 'InboundEmail' });

const DESCRIPTION: Record<InboundFormat, string> = {
  json: 'A generic JSON e-mail (see InboundEmail).',
  mailgun: 'Mailgun route forward(): the form fields Mailgun posts (multipart/form-data or urlencoded): from, subject, body-plain, body-html, message-headers, Message-Id, In-Reply-To, References, attachment-N.',
  postmark: "Postmark's inbound webhook JSON: FromFull, Subject, TextBody, HtmlBody, Headers, Attachments.",
  sendgrid: 'SendGrid Inbound Parse (multipart/form-data): from, subject, text, html, headers, attachment-info, attachmentN; or `email` in raw mode.',
};

/** The inbound endpoints as the OpenAPI document lists them. */
export const INBOUND_DOCS: DocumentedRoute[] = INBOUND_FORMATS.map((f) => ({
  method: 'post',
  path: `/api/inbound/${f}`,
  operationId: `inbound${f[0].toUpperCase()}${f.slice(1)}`,
  summary: `Receive one e-mail from ${f === 'json' ? 'any system (generic JSON)' : f[0].toUpperCase() + f.slice(1)}`,
  description: `${DESCRIPTION[f]} Authenticated by this source's secret from INBOUND_SECRETS (HTTP Basic password, Bearer, X-Defuse-Secret or ?secret=); 404 when the source is not configured. Stored once per Message-ID: a retry answers 200 with status "duplicate".`,
  tag: 'inbound',
  access: 'public',
  ...(f === 'json' ? { body: InboundJsonBody } : f === 'postmark' ? { body: z.record(z.string(), z.unknown()) } : { body: z.record(z.string(), z.string()), contentType: 'multipart/form-data' }),
  response: Result,
}));

/**
 * Mounts `POST /api/inbound/:source`: a provider posts one received e-mail; it is parsed, deduplicated by
 * Message-ID and stored on its case (see receiveMail). Rate-limited per client address before the secret is
 * checked (guessing is throttled) and per source after.
 */
export function mountInbound(app: Hono<AppEnv>, deps: AppDeps): void {
  const limit = bodyLimit({
    maxSize: deps.config.inboundMaxBytes,
    onError: () => {
      throw new HttpError(413, 'too_large', `The e-mail is larger than ${deps.config.inboundMaxBytes} bytes (INBOUND_MAX_BYTES).`);
    },
  });
  app.post('/api/inbound/:source', limit, async (c) => {
    const source = c.req.param('source') as InboundFormat;
    const expected = INBOUND_FORMATS.includes(source) ? deps.config.inboundSecrets[source] : undefined;
    if (!expected) throw new HttpError(404, 'not_found', 'No inbound source by that name is configured (INBOUND_SECRETS).');
    const now = deps.clock.now();
    await rateLimit(deps.db, now, `inbound-ip:${peer(c, deps)}`, deps.config.inboundLimitPerMin, 60_000);
    const given = givenSecret(c);
    if (given === null || !sameSecret(given, expected)) throw new HttpError(401, 'unauthenticated', "Missing or wrong secret for this inbound source.");
    await rateLimit(deps.db, now, `inbound:${source}`, deps.config.inboundLimitPerMin, 60_000);
    const type = c.req.header('content-type') ?? '';
    let body: Record<string, unknown>;
    if (/^application\/(.+\+)?json\b/i.test(type)) {
      const parsed = await readJson(c, deps.config.inboundMaxBytes);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new HttpError(400, 'invalid_request', 'The body must be a JSON object.');
      body = parsed as Record<string, unknown>;
    } else if (/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
      try {
        body = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
      } catch (err) {
        if (err instanceof HttpError) throw err;
        throw new HttpError(400, 'invalid_request', 'The form body could not be read.');
      }
      // A field sent twice arrives as a list; only attachments may legitimately repeat, and they are numbered.
      for (const [k, v] of Object.entries(body)) if (Array.isArray(v)) body[k] = v[0];
    } else {
      throw new HttpError(415, 'unsupported_media_type', 'Send JSON, multipart/form-data or application/x-www-form-urlencoded.');
    }
    let mail;
    try {
      mail = await parseInbound(source, body);
    } catch (err) {
      if (err instanceof InboundFormatError) throw new HttpError(400, 'invalid_request', `Not an e-mail in the ${source} format: ${err.message}.`);
      throw err;
    }
    const res = await receiveMail(deps, mail, `webhook:${source}`);
    if (res.status === 'stored') deps.poke?.();
    return c.json({ status: res.status, caseId: res.caseId, opened: res.opened });
  });
}

const InboundMailRow = z
  .object({
    id: z.number().int(),
    kind: z.enum(['message', 'bounce']),
    source: z.string().meta({ description: 'webhook:<provider> or imap' }),
    fromAddress: z.string(),
    fromName: z.string().nullable(),
    subject: z.string(),
    messageRowId: z.number().int().nullable().meta({ description: 'The message it became on the case' }),
    attachments: z.array(z.object({ name: z.string(), type: z.string(), size: z.number(), overLimit: z.boolean().optional() })).meta({ description: 'Metadata only: the contents are not kept' }),
    receivedAt: Timestamp,
  })
  .meta({ id: 'InboundMail' });

export const caseMailRoute = defineRoute({
  method: 'get',
  path: '/api/cases/{id}/mail',
  operationId: 'caseInboundMail',
  summary: 'The e-mails that arrived on a case (sender, subject, attachment names, types and sizes)',
  tag: 'cases',
  access: 'user',
  params: IdParams,
  response: z.object({ mail: z.array(InboundMailRow) }),
  async handler({ params, actor, deps }) {
    const c = await accessibleCase(deps.db, actor, params.id);
    return { mail: await inboundMailFor(deps.db, c.id) };
  },
});

export const inboundRoutes = [caseMailRoute];
