import { z } from 'zod';
import type { DocumentedRoute, RouteDef } from './route.ts';
import { ErrorBody } from './schemas.ts';

type AnyRoute = RouteDef<never, never, never> | DocumentedRoute;
type Json = Record<string, unknown>;

const IDEMPOTENCY_KEY: Json = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Any 1–255 visible ASCII characters (a UUID, say). The first response to this key is stored with the work it did; a retry with the same key gets that response (header Idempotent-Replayed: true) instead of doing it again. The same key with another route or body is a 422. A request that failed is not stored. Keys are per user and kept 24 hours.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/**
 * Converts a zod schema to JSON Schema (draft 2020-12, which OpenAPI 3.1 uses), moving named schemas
 * (`.meta({ id })`) into components so the document has one definition per type.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Json): Json {
  const js = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json;
  const defs = (js.$defs ?? {}) as Json;
  delete js.$defs;
  delete js.$schema;
  for (const [name, def] of Object.entries(defs)) components[name] ??= rewrite(def, io);
  return rewrite(js, io) as Json;
}

function rewrite(value: unknown, io: 'input' | 'output'): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, io));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out[k] = v.replace('#/$defs/', '#/components/schemas/');
      // Responses may grow fields without breaking clients, so they are documented as open objects.
      else if (k === 'additionalProperties' && v === false && io === 'output') continue;
      else out[k] = rewrite(v, io);
    }
    return out;
  }
  return value;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', components: Json): Json[] {
  if (!schema) return [];
  const js = toSchema(schema, 'input', components);
  const props = (js.properties ?? {}) as Record<string, Json>;
  const required = new Set((js.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

/**
 * Builds the OpenAPI 3.1 document from the same route definitions and zod schemas that validate requests.
 *
 * @example
 * const doc = buildOpenApi(routes, docs);
 * doc.paths['/api/cases'].post.operationId // 'openCase'
 */
export function buildOpenApi(routes: readonly AnyRoute[], info: { title: string; version: string }, events: readonly { event: string; summary: string; schema: z.ZodType }[] = []): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  // ErrorBody carries a component id, so toSchema already put it under components and returns only a $ref
  // to it; storing that $ref as the component made Error a reference to itself, which crashes generators.
  const errorSchema = toSchema(ErrorBody, 'output', components);
  if (!('$ref' in errorSchema)) components.Error = errorSchema;
  delete (components.Error as Json).id;
  for (const r of routes) {
    const op: Json = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      'x-access': r.access,
    };
    const params = [...parameters('params' in r ? (r.params as z.ZodType | undefined) : undefined, 'path', components), ...parameters(r.query as z.ZodType | undefined, 'query', components)];
    if (r.method === 'post' && r.access !== 'public') params.push(IDEMPOTENCY_KEY);
    if (params.length) op.parameters = params;
    if (r.body) op.requestBody = { required: true, content: { [('contentType' in r && r.contentType) || 'application/json']: { schema: toSchema(r.body, 'input', components) } } };
    const responses: Json = {
      [String(r.status ?? 200)]: r.path === '/metrics'
        ? { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } }
        : { description: 'Success', content: { 'application/json': { schema: toSchema(r.response, 'output', components) } } },
      400: { description: 'Invalid request: the message names each bad field', content: { 'application/json': { schema: errorRef } } },
    };
    if (r.access !== 'public') {
      responses[401] = { description: 'Not signed in (no valid session cookie or bearer token)', content: { 'application/json': { schema: errorRef } } };
      responses[403] = { description: 'Signed in, but not allowed (role, ownership or missing CSRF token)', content: { 'application/json': { schema: errorRef } } };
      op.security = [{ session: [] }, { bearer: [] }];
    } else {
      // Public operations say so, instead of leaving linters and clients to guess.
      op.security = [];
    }
    if (r.path.includes('{')) responses[404] = { description: 'Not found', content: { 'application/json': { schema: errorRef } } };
    responses[429] = { description: 'Rate limited; details.retryAfter gives the seconds to wait', content: { 'application/json': { schema: errorRef } } };
    op.responses = responses;
    (paths[r.path] ??= {})[r.method] = op;
  }
  // Outgoing webhooks: what the desk POSTs to a subscribed endpoint, one entry per event.
  const webhooks: Record<string, Json> = {};
  for (const e of events) {
    webhooks[e.event] = {
      post: {
        operationId: `webhook_${e.event.replace(/\./g, '_')}`,
        summary: e.summary,
        description: 'Headers: `Defuse-Event` (the type), `Defuse-Event-Id` and `Idempotency-Key` (the event id: the same on every retry and replay; dedupe on it), `Defuse-Delivery` (this delivery row), `Defuse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint secret>`. Answer 2xx to acknowledge; anything else (or no answer within WEBHOOK_TIMEOUT_MS) is retried with back-off.',
        tags: ['webhooks'],
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: toSchema(e.schema, 'output', components) } } },
        responses: {
          200: { description: 'Received (any 2xx)' },
          400: { description: 'Refused (any other status): the desk retries with back-off' },
        },
      },
    };
  }
  for (const v of Object.values(components)) if (v && typeof v === 'object') delete (v as Json).id;
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'The Defuse desk API. Authenticate with the session cookie from POST /api/session (and send X-CSRF-Token on writes) or with `Authorization: Bearer dfs_…`.', license: { name: 'Apache-2.0', identifier: 'Apache-2.0' } },
    // Relative: the document is served by the desk it describes, at whatever address that desk has.
    servers: [{ url: '/', description: 'This desk' }],
    paths,
    ...(events.length ? { webhooks } : {}),
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'defuse_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'API token from `defuse token create` or POST /api/admin/tokens' },
      },
    },
  };
}
