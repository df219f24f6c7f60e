import { z } from 'zod';
import { createEndpoint, listDeliveries, listEndpoints, replayDelivery, updateEndpoint, WEBHOOK_EVENTS, type WebhookEvent } from '../../services/webhooks.ts';
import { defineRoute } from '../route.ts';
import { IdParams, label, Timestamp } from '../schemas.ts';

const EventName = z.enum(WEBHOOK_EVENTS);
const Url = z.string().max(2000, 'url is longer than 2000 characters').refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'url must be an http:// or https:// URL');

const Endpoint = z
  .object({
    id: z.number().int(),
    url: z.string(),
    events: z.array(z.string()).meta({ description: 'Subscribed events; empty: all' }),
    description: z.string(),
    active: z.boolean(),
    createdAt: Timestamp,
    pending: z.number().int(),
    failed: z.number().int(),
    lastDeliveredAt: Timestamp.nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });

const Delivery = z
  .object({
    id: z.number().int(),
    endpointId: z.number().int(),
    eventId: z.string().meta({ description: 'The idempotency key: the same on every retry and replay of this event' }),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().meta({ description: "The receiver's last HTTP status" }),
    lastError: z.string().nullable(),
    nextAttemptAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
    replayOf: z.number().int().nullable(),
    createdAt: Timestamp,
    payload: z.unknown(),
  })
  .meta({ id: 'WebhookDelivery' });

const CreateBody = z.object({
  url: Url,
  events: z.array(EventName).max(WEBHOOK_EVENTS.length).optional().meta({ description: 'Omit or [] for every event' }),
  description: label(200, 'description').optional(),
});
const UpdateBody = z
  .object({ url: Url.optional(), events: z.array(EventName).max(WEBHOOK_EVENTS.length).optional(), description: label(200, 'description').optional(), active: z.boolean().optional() })
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

export const listWebhooksRoute = defineRoute({
  method: 'get',
  path: '/api/admin/webhooks',
  operationId: 'listWebhooks',
  summary: 'Webhook endpoints, with their pending and failed deliveries',
  tag: 'admin',
  access: 'admin',
  response: z.object({ endpoints: z.array(Endpoint), events: z.array(z.string()) }),
  handler: async ({ actor, deps }) => ({ endpoints: await listEndpoints(deps, actor), events: [...WEBHOOK_EVENTS] }),
});

export const createWebhookRoute = defineRoute({
  method: 'post',
  path: '/api/admin/webhooks',
  operationId: 'createWebhook',
  summary: 'Add a webhook endpoint (its signing secret is returned once)',
  tag: 'admin',
  access: 'admin',
  body: CreateBody,
  response: z.object({ endpoint: Endpoint, secret: z.string().meta({ description: 'HMAC-SHA256 key for the Defuse-Signature header. Shown once.' }) }),
  status: 201,
  handler: ({ body, actor, deps }) => createEndpoint(deps, actor, body),
});

export const updateWebhookRoute = defineRoute({
  method: 'patch',
  path: '/api/admin/webhooks/{id}',
  operationId: 'updateWebhook',
  summary: 'Change an endpoint: pause or resume it (active), its URL, events or description',
  tag: 'admin',
  access: 'admin',
  params: IdParams,
  body: UpdateBody,
  response: Endpoint,
  handler: ({ params, body, actor, deps }) => updateEndpoint(deps, actor, params.id, body),
});

export const listWebhookDeliveriesRoute = defineRoute({
  method: 'get',
  path: '/api/admin/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  summary: "An endpoint's latest 100 deliveries, newest first",
  tag: 'admin',
  access: 'admin',
  params: IdParams,
  response: z.object({ deliveries: z.array(Delivery) }),
  handler: async ({ params, actor, deps }) => ({ deliveries: await listDeliveries(deps, actor, params.id) }),
});

export const replayWebhookDeliveryRoute = defineRoute({
  method: 'post',
  path: '/api/admin/webhook-deliveries/{id}/replay',
  operationId: 'replayWebhookDelivery',
  summary: 'Send a delivery again now (same event id and payload)',
  tag: 'admin',
  access: 'admin',
  params: IdParams,
  response: Delivery,
  status: 201,
  async handler({ params, actor, deps }) {
    const d = await replayDelivery(deps, actor, params.id);
    deps.poke?.();
    return d;
  },
});

export const webhookRoutes = [listWebhooksRoute, createWebhookRoute, updateWebhookRoute, listWebhookDeliveriesRoute, replayWebhookDeliveryRoute];

// ---- The events, as the OpenAPI document's `webhooks` section describes them ----

const CaseRef = z
  .object({
    id: z.number().int(),
    subject: z.string(),
    status: z.enum(['open', 'resolved', 'closed']),
    phase: z.string(),
    ownerId: z.number().int(),
    customer: z.object({ id: z.number().int(), name: z.string(), email: z.string().nullable() }),
  })
  .meta({ id: 'WebhookCase', description: 'The case as it stood when the event committed' });

const DATA: Record<WebhookEvent, { summary: string; data: z.ZodRawShape }> = {
  'case.opened': { summary: 'A case was opened (by an agent, the API or an e-mail)', data: { actorId: z.number().int().nullable(), ownerId: z.number().int(), via: z.string().optional().meta({ description: 'webhook:<provider> or imap when it came by e-mail' }) } },
  'message.received': { summary: 'A customer message arrived on a case (typed in or by e-mail)', data: { messageId: z.number().int(), reopened: z.boolean(), anger: z.number().nullable() } },
  'reply.sent': { summary: 'An agent replied on a case', data: { messageId: z.number().int(), authorId: z.number().int(), authorName: z.string(), emailed: z.boolean().meta({ description: 'The reply also went to the customer by e-mail' }), score: z.number().nullable() } },
  'offer.approved': { summary: 'A lead approved an offer beyond the agent’s authority', data: { actorId: z.number().int(), offerId: z.number().int(), reason: z.string() } },
  'offer.declined': { summary: 'A lead turned an offer down, or the customer declined it', data: { actorId: z.number().int(), offerId: z.number().int(), decidedBy: z.enum(['lead', 'customer']), reason: z.string().optional() } },
  'case.resolved': { summary: 'A case was resolved (agreement, summary e-mail, call-back booked)', data: { actorId: z.number().int(), resolutionId: z.number().int(), followUpId: z.number().int(), outboxId: z.number().int().nullable().optional(), score: z.number().nullable().optional() } },
  'follow_up.due': { summary: 'A booked call-back fell due', data: { followUpId: z.number().int(), ownerId: z.number().int() } },
  'process_gap.tagged': { summary: 'A case was tagged with a process gap (a cause another team owns)', data: { actorId: z.number().int(), gapId: z.number().int() } },
};

/** One schema per event: the envelope `{ id, type, createdAt, data }` with that event's data. */
export const WEBHOOK_PAYLOADS: { event: WebhookEvent; summary: string; schema: z.ZodType }[] = WEBHOOK_EVENTS.map((event) => ({
  event,
  summary: DATA[event].summary,
  schema: z
    .object({
      id: z.string().meta({ description: 'Event id: also sent as Defuse-Event-Id and Idempotency-Key; dedupe on it' }),
      type: z.literal(event),
      createdAt: Timestamp,
      data: z.object({ caseId: z.number().int().nullable(), case: CaseRef.nullable(), ...DATA[event].data }),
    })
    .meta({ id: `WebhookEvent_${event.replace(/\./g, '_')}` }),
}));
