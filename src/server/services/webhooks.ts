import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db.ts';
import { HttpError, notFound } from '../errors.ts';
import { requireRole, type Actor, type ServiceDeps } from './context.ts';

/** The events a webhook endpoint can subscribe to (none listed: all of them). */
export const WEBHOOK_EVENTS = ['case.opened', 'message.received', 'reply.sent', 'offer.approved', 'offer.declined', 'case.resolved', 'follow_up.due', 'process_gap.tagged'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Give up after this many failed attempts (about 10 h of back-off); the row stays `failed` for a replay. */
export const MAX_WEBHOOK_ATTEMPTS = 15;

/** Back-off before attempt n+1: 10 s, 20 s, 40 s … capped at 1 h. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

// Audit actions that are also webhook events: one place, so every service that audits a change publishes it.
const FROM_AUDIT: Record<string, { type: WebhookEvent; extra?: Record<string, unknown> }> = {
  'case.open': { type: 'case.opened' },
  'offer.approve': { type: 'offer.approved' },
  'offer.reject': { type: 'offer.declined', extra: { decidedBy: 'lead' } },
  'offer.declined': { type: 'offer.declined', extra: { decidedBy: 'customer' } },
  'case.resolve': { type: 'case.resolved' },
  'gap.record': { type: 'process_gap.tagged' },
};

/**
 * Publishes an event: one pending delivery per active endpoint subscribed to it, written in the caller's
 * transaction. The payload is `{ id, type, createdAt, data }`, and `data.case` is the case as it stands in
 * that transaction (id, subject, status, phase, owner, customer). Costs one INSERT … SELECT that inserts
 * nothing when no endpoint listens.
 *
 * @example
 * await emitEvent(q, now, 'reply.sent', caseId, { messageId: 12, authorId: 3 });
 */
export async function emitEvent(q: Queryable, at: Date, type: WebhookEvent, caseId: number | null, data: Record<string, unknown> = {}): Promise<void> {
  await q.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, next_attempt_at, created_at)
     SELECT e.id, $1, $2, jsonb_build_object('id', $1::text, 'type', $2::text, 'createdAt', $3::text, 'data',
       $4::jsonb || jsonb_build_object('case', (
         SELECT jsonb_build_object('id', c.id, 'subject', c.subject, 'status', c.status, 'phase', c.phase, 'ownerId', c.owner_id,
           'customer', jsonb_build_object('id', cu.id, 'name', cu.name, 'email', cu.email))
         FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = $5))),
       'pending', $6, $6
     FROM webhook_endpoints e WHERE e.active AND (cardinality(e.events) = 0 OR $2 = ANY(e.events))`,
    [randomUUID(), type, at.toISOString(), JSON.stringify({ caseId, ...data }), caseId, at],
  );
}

/** Called by audit(): publishes the audit actions that are webhook events. */
export async function eventFromAudit(q: Queryable, at: Date, entry: { actorId: number | null; caseId?: number | null; action: string; data?: unknown }): Promise<void> {
  const map = FROM_AUDIT[entry.action];
  if (!map) return;
  const data = entry.data && typeof entry.data === 'object' ? (entry.data as Record<string, unknown>) : {};
  await emitEvent(q, at, map.type, entry.caseId ?? null, { actorId: entry.actorId, ...data, ...map.extra });
}

/**
 * The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>`.
 *
 * @example
 * signatureHeader('whsec_x', '{"id":"…"}', 1763460000) // 't=1763460000,v1=5f1c…'
 */
export function signatureHeader(secret: string, body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute the HMAC over `<t>.<raw body>`, compare in constant time, and refuse a
 * timestamp more than `toleranceSec` away from its clock (a replayed capture).
 *
 * @example
 * verifySignature(secret, req.headers['defuse-signature'], rawBody, Date.now() / 1000) // true
 */
export function verifySignature(secret: string, header: string | undefined, body: string, nowSec: number, toleranceSec = 300): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  if (Math.abs(nowSec - Number(m[1])) > toleranceSec) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2], 'hex'));
}

interface Claimed {
  id: number;
  url: string;
  secret: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  leaseUntil: Date;
}

async function claim(deps: ServiceDeps, timeoutMs: number): Promise<Claimed | null> {
  const now = deps.clock.now();
  const { rows } = await deps.db.query<Claimed>(
    `WITH next AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.lease_until IS NULL OR d.lease_until <= $1) AND e.active
       ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED)
     UPDATE webhook_deliveries d SET lease_until = $2 FROM next, webhook_endpoints e WHERE d.id = next.id AND e.id = d.endpoint_id
     RETURNING d.id, e.url, e.secret, d.event_id AS "eventId", d.event_type AS "eventType", d.payload, d.attempts, d.lease_until AS "leaseUntil"`,
    [now, new Date(now.getTime() + timeoutMs + 60_000)],
  );
  return rows[0] ?? null;
}

/** Why an attempt failed, for the admin page: the HTTP status, or what happened to the connection. */
function attemptError(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string }; message?: string };
  if (e?.name === 'TimeoutError') return 'no answer in time';
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return (e?.message ?? String(err)).slice(0, 200);
}

/**
 * Webhook job: posts due deliveries, `concurrency` at a time, each signed and bounded by `timeoutMs`, outside
 * any transaction (a lease keeps a row to one sender; a sender that dies lets the lease run out and the row
 * is sent again, with the same event id: at least once). A 2xx delivers; anything else is retried with
 * back-off until MAX_WEBHOOK_ATTEMPTS, then `failed`. Redirects are not followed.
 *
 * @example
 * await deliverWebhooks(deps, { concurrency: 4, timeoutMs: 10_000 }); // { delivered: 2, failed: 0 }
 */
export async function deliverWebhooks(deps: ServiceDeps, options: { limit?: number; concurrency?: number; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<{ delivered: number; failed: number }> {
  const limit = options.limit ?? 50;
  const timeoutMs = options.timeoutMs ?? deps.config.webhookTimeoutMs;
  let taken = 0;
  let delivered = 0;
  let failed = 0;
  const lane = async () => {
    while (taken < limit && !options.signal?.aborted) {
      taken++;
      const row = await claim(deps, timeoutMs);
      if (!row) return;
      const body = JSON.stringify(row.payload);
      const t = Math.floor(deps.clock.now().getTime() / 1000);
      let status: number | null = null;
      let error: string | null = null;
      try {
        const signal = options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs);
        const res = await fetch(row.url, {
          method: 'POST',
          redirect: 'manual',
          signal,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Defuse-Webhooks/1',
            'defuse-event': row.eventType,
            'defuse-event-id': row.eventId,
            'idempotency-key': row.eventId,
            'defuse-delivery': String(row.id),
            'defuse-signature': signatureHeader(row.secret, body, t),
          },
          body,
        });
        status = res.status;
        await res.body?.cancel().catch(() => undefined);
        if (status < 200 || status >= 300) error = `HTTP ${status}`;
      } catch (err) {
        if (options.signal?.aborted) {
          // Stopping, not the receiver's fault: give the row back for the next process.
          await deps.db.query('UPDATE webhook_deliveries SET lease_until = NULL WHERE id = $1 AND lease_until = $2', [row.id, row.leaseUntil]).catch(() => undefined);
          return;
        }
        error = attemptError(err);
      }
      const attempts = row.attempts + 1;
      if (error === null) {
        await deps.db.query(
          "UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, last_status = $3, last_error = NULL, delivered_at = $4, lease_until = NULL WHERE id = $1 AND lease_until = $5",
          [row.id, attempts, status, deps.clock.now(), row.leaseUntil],
        );
        delivered++;
      } else {
        await deps.db.query(
          'UPDATE webhook_deliveries SET attempts = $2, last_status = $3, last_error = $4, next_attempt_at = $5, status = $6, lease_until = NULL WHERE id = $1 AND lease_until = $7',
          [row.id, attempts, status, error, new Date(deps.clock.now().getTime() + webhookRetryDelayMs(attempts)), attempts >= MAX_WEBHOOK_ATTEMPTS ? 'failed' : 'pending', row.leaseUntil],
        );
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? deps.config.webhookConcurrency) }, lane));
  return { delivered, failed };
}

// ---- Administration (admins only) ----

export interface WebhookEndpoint {
  id: number;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  createdAt: Date;
  pending: number;
  failed: number;
  lastDeliveredAt: Date | null;
}

const ENDPOINT_COLUMNS = `e.id, e.url, e.events, e.description, e.active, e.created_at AS "createdAt",
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending') AS pending,
  (SELECT count(*)::int FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'failed') AS failed,
  (SELECT max(d.delivered_at) FROM webhook_deliveries d WHERE d.endpoint_id = e.id) AS "lastDeliveredAt"`;

function checkUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new HttpError(400, 'invalid_url', 'The URL is not a valid absolute URL.');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new HttpError(400, 'invalid_url', 'The URL must be http:// or https://.');
  return u.toString();
}

export async function listEndpoints(deps: ServiceDeps, actor: Actor): Promise<WebhookEndpoint[]> {
  requireRole(actor, 'admin');
  return (await deps.db.query<WebhookEndpoint>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e ORDER BY e.id`)).rows;
}

async function loadEndpoint(q: Queryable, id: number): Promise<WebhookEndpoint> {
  const { rows } = await q.query<WebhookEndpoint>(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e WHERE e.id = $1`, [id]);
  if (!rows[0]) throw notFound('Webhook endpoint');
  return rows[0];
}

/**
 * Adds an endpoint and returns its signing secret, shown this once.
 *
 * @example
 * await createEndpoint(deps, admin, { url: 'https://crm.example.com/hooks/defuse', events: ['case.resolved'] })
 */
export async function createEndpoint(deps: ServiceDeps, actor: Actor, input: { url: string; events?: string[]; description?: string }): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  requireRole(actor, 'admin');
  const url = checkUrl(input.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const { rows } = await q.query<{ id: number }>(
      'INSERT INTO webhook_endpoints (url, secret, events, description, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [url, secret, [...new Set(input.events ?? [])], input.description ?? '', actor.id, now],
    );
    await q.query('INSERT INTO audit_log (actor_id, action, data, created_at) VALUES ($1, $2, $3, $4)', [actor.id, 'webhook.create', JSON.stringify({ endpointId: rows[0].id, url }), now]);
    return { endpoint: await loadEndpoint(q, rows[0].id), secret };
  });
}

export async function updateEndpoint(deps: ServiceDeps, actor: Actor, id: number, input: { active?: boolean; events?: string[]; description?: string; url?: string }): Promise<WebhookEndpoint> {
  requireRole(actor, 'admin');
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    await loadEndpoint(q, id);
    await q.query(
      `UPDATE webhook_endpoints SET active = coalesce($2, active), events = coalesce($3, events), description = coalesce($4, description), url = coalesce($5, url) WHERE id = $1`,
      [id, input.active ?? null, input.events ? [...new Set(input.events)] : null, input.description ?? null, input.url !== undefined ? checkUrl(input.url) : null],
    );
    await q.query('INSERT INTO audit_log (actor_id, action, data, created_at) VALUES ($1, $2, $3, $4)', [actor.id, 'webhook.update', JSON.stringify({ endpointId: id, ...input }), now]);
    return loadEndpoint(q, id);
  });
}

export interface WebhookDelivery {
  id: number;
  endpointId: number;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  replayOf: number | null;
  createdAt: Date;
  payload: unknown;
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId", d.event_type AS "eventType", d.status, d.attempts,
  d.last_status AS "lastStatus", d.last_error AS "lastError", d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt",
  d.replay_of AS "replayOf", d.created_at AS "createdAt", d.payload`;

export async function listDeliveries(deps: ServiceDeps, actor: Actor, endpointId: number, limit = 100): Promise<WebhookDelivery[]> {
  requireRole(actor, 'admin');
  await loadEndpoint(deps.db, endpointId);
  return (await deps.db.query<WebhookDelivery>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.endpoint_id = $1 ORDER BY d.id DESC LIMIT $2`, [endpointId, limit])).rows;
}

/**
 * Sends a delivery again, as a new row with the same event id and payload (the receiver dedupes on the id
 * if it already had it), due at once.
 */
export async function replayDelivery(deps: ServiceDeps, actor: Actor, deliveryId: number): Promise<WebhookDelivery> {
  requireRole(actor, 'admin');
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const { rows } = await q.query<{ id: number }>(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, next_attempt_at, replay_of, created_at)
       SELECT endpoint_id, event_id, event_type, payload, 'pending', $2, id, $2 FROM webhook_deliveries WHERE id = $1 RETURNING id`,
      [deliveryId, now],
    );
    if (!rows[0]) throw notFound('Webhook delivery');
    await q.query('INSERT INTO audit_log (actor_id, action, data, created_at) VALUES ($1, $2, $3, $4)', [actor.id, 'webhook.replay', JSON.stringify({ deliveryId, replayId: rows[0].id }), now]);
    return (await q.query<WebhookDelivery>(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.id = $1`, [rows[0].id])).rows[0];
  });
}
