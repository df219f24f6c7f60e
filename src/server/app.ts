import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { timingSafeEqual } from 'node:crypto';
import { webRoutes } from '../web/routes.ts';
import { HttpError } from './errors.ts';
import { observeRequests, operationRoutes, type Operations } from './ops/http.ts';
import { adminRoutes } from './http/admin/routes.ts';
import { caseRoutes } from './http/cases/routes.ts';
import { checkRoutes } from './http/check/routes.ts';
import { configRoutes } from './http/config/routes.ts';
import { extensionCors } from './http/cors.ts';
import { gapRoutes } from './http/gaps/routes.ts';
import { INBOUND_DOCS, inboundRoutes, mountInbound } from './http/inbound/routes.ts';
import { WEBHOOK_PAYLOADS, webhookRoutes } from './http/webhooks/routes.ts';
import { notificationRoutes } from './http/notifications/routes.ts';
import { outboxRoutes } from './http/outbox/routes.ts';
import { clientAddress, type ProxyTrust } from './http/client-ip.ts';
import { fingerprintOf, idempotent } from './http/idempotency.ts';
import { buildOpenApi } from './http/openapi.ts';
import { optionRoutes } from './http/options/routes.ts';
import { reportRoutes } from './http/reports/routes.ts';
import { resolutionRoutes } from './http/resolution/routes.ts';
import { parseInput, readJson, type AppDeps, type AppEnv, type DocumentedRoute, type RouteDef } from './http/route.ts';
import { DEVICE_COOKIE, loginDoc, SESSION_COOKIE, sessionRoutes } from './http/session/routes.ts';
import { LoginBody } from './http/session/schemas.ts';
import { taskRoutes } from './http/tasks/routes.ts';
import { z } from 'zod';
import { DEVICE_TTL_DAYS, login, rateLimit, sessionUser, tokenUser } from './services/auth.ts';
import { hasRole, type Actor } from './services/context.ts';

export type { AppDeps } from './http/route.ts';

/** Every JSON API operation, in the order the OpenAPI document lists them. */
export const API_ROUTES: readonly RouteDef<never, never, never>[] = [
  ...sessionRoutes,
  ...caseRoutes,
  ...checkRoutes,
  ...configRoutes,
  ...taskRoutes,
  ...optionRoutes,
  ...resolutionRoutes,
  ...gapRoutes,
  ...notificationRoutes,
  ...outboxRoutes,
  ...reportRoutes,
  ...adminRoutes,
  ...inboundRoutes,
  ...webhookRoutes,
] as unknown as RouteDef<never, never, never>[];

const HEALTH_DOC: DocumentedRoute = {
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  summary: 'Liveness: the process answers (restart it when this fails)',
  tag: 'system',
  access: 'public',
  response: z.object({ ok: z.boolean(), uptime: z.number() }),
};
const READY_DOC: DocumentedRoute = {
  method: 'get',
  path: '/readyz',
  operationId: 'ready',
  summary: 'Readiness: PostgreSQL answers, every migration is applied and the process is not shutting down (503 otherwise: send no traffic)',
  tag: 'system',
  access: 'public',
  response: z.object({ ready: z.boolean(), db: z.enum(['up', 'down', 'unknown']), migrations: z.enum(['applied', 'pending', 'unknown']), draining: z.boolean(), pending: z.array(z.string()).optional() }),
};
const METRICS_DOC: DocumentedRoute = {
  method: 'get',
  path: '/metrics',
  operationId: 'metrics',
  summary: 'Prometheus metrics (text format): from this machine only, or with METRICS_TOKEN as a bearer token',
  tag: 'system',
  access: 'public',
  response: z.string(),
};
const OPENAPI_DOC: DocumentedRoute = {
  method: 'get',
  path: '/api/openapi.json',
  operationId: 'openapi',
  summary: 'This document',
  tag: 'system',
  access: 'public',
  response: z.record(z.string(), z.unknown()),
};

/** Public routes (implemented in this file) plus every API route: what the OpenAPI document describes. */
export const DOCUMENTED_ROUTES: readonly (DocumentedRoute | RouteDef<never, never, never>)[] = [HEALTH_DOC, READY_DOC, METRICS_DOC, OPENAPI_DOC, loginDoc, ...INBOUND_DOCS, ...API_ROUTES];

export interface CreateAppOptions extends AppDeps {
  /** Mount the web UI at `/` (default true). */
  web?: boolean;
  /** Shown on the sign-in page (demo mode says which accounts to use and where their password is). */
  loginHint?: string;
  /** Access log, metrics and readiness (main passes them; tests that do not ask get health routes only). */
  ops?: Operations;
}

/** The client address: the socket peer, or behind trusted proxies the rightmost untrusted X-Forwarded-For hop. */
function clientIp(c: Context<AppEnv>, trust: ProxyTrust): string {
  // @hono/node-server exposes the socket as env.incoming; in-process test requests have none.
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const peer = incoming?.socket?.remoteAddress;
  if (!peer) return 'local';
  return clientAddress(peer, c.req.header('x-forwarded-for'), trust);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who is calling: a bearer token (integrations; no CSRF needed, browsers never add it on their own) or the
 * session cookie (the web UI; writes must carry the session's CSRF token, and a cross-site Origin is refused).
 */
async function authenticate(c: Context<AppEnv>, deps: AppDeps, write: boolean): Promise<Actor> {
  const auth = c.req.header('authorization');
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const user = m ? await tokenUser(deps, m[1]) : null;
    if (!user) throw new HttpError(401, 'unauthenticated', 'The bearer token is unknown or revoked.');
    return user;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) throw new HttpError(401, 'unauthenticated', 'Sign in first (POST /api/session) or send a bearer token.');
  const session = await sessionUser(deps, cookie);
  if (!session) throw new HttpError(401, 'unauthenticated', 'Your session has expired; sign in again.');
  if (write) {
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const host = c.req.header('host');
      let originHost = '';
      try {
        originHost = new URL(origin).host;
      } catch {
        /* unparsable origin: treated as foreign */
      }
      if (host && originHost !== host) throw new HttpError(403, 'cross_origin', 'Cross-site request refused.');
    }
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!sameSecret(sent, session.csrfToken)) throw new HttpError(403, 'csrf', 'Missing or wrong X-CSRF-Token header (get it from GET /api/me).');
  }
  c.set('sessionToken', cookie);
  c.set('csrfToken', session.csrfToken);
  return session.user;
}

function mount(app: Hono<AppEnv>, deps: AppDeps, def: RouteDef<never, never, never>): void {
  const path = def.path.replace(/\{(\w+)\}/g, ':$1');
  app.on(def.method.toUpperCase(), path, async (c) => {
    const write = def.method !== 'get';
    const actor = await authenticate(c, deps, write);
    if (def.access !== 'user' && !hasRole(actor, def.access)) throw new HttpError(403, 'forbidden', `This needs the ${def.access} role.`);
    await rateLimit(deps.db, deps.clock.now(), `api:${actor.id}`, deps.config.apiLimitPerMin, 60_000);
    c.set('actor', actor);
    const params = def.params ? parseInput(def.params, c.req.param(), 'path') : undefined;
    const query = def.query ? parseInput(def.query, c.req.query(), 'query') : undefined;
    const body = def.body ? parseInput(def.body, await readJson(c, deps.config.maxBodyBytes), 'body') : undefined;
    const run = (d: AppDeps) => def.handler({ params: params as never, query: query as never, body: body as never, actor, deps: d, c });
    const key = def.method === 'post' ? c.req.header('idempotency-key') : undefined;
    if (key === undefined) return c.json((await run(deps)) as object, def.status ?? 200);
    // The work and its stored response commit together; a retry with the key gets the first response.
    let poked = false;
    const fingerprint = fingerprintOf(c.req.method, c.req.path, def.body ? await c.req.arrayBuffer() : null);
    const res = await idempotent(deps.db, deps.clock.now(), actor.id, key, fingerprint, (db) => run({ ...deps, db, poke: () => (poked = true) }), def.status ?? 200);
    // After the commit, so the scheduler finds what the request queued.
    if (poked) deps.poke?.();
    if (res.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(res.body as object, res.status as 200 | 201);
  });
}

/**
 * Builds the desk: JSON API under `/api`, `/healthz`, the OpenAPI document and (unless `web: false`) the web
 * UI at `/`. Everything it touches is injected, so tests run it in-process against a real PostgreSQL with
 * `app.request()` and a clock they control.
 *
 * @example
 * const app = createApp({ db, mailer, clock: systemClock, config: defaultConfig() });
 * const res = await app.request('/readyz'); // 200 { ready: true, db: 'up', migrations: 'applied', draining: false }
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const { web = true, loginHint, ops, ...deps } = options;
  const app = new Hono<AppEnv>();
  // First, so the request id, access log and latency metrics wrap every route below.
  observeRequests(app, ops);
  const api = secureHeaders({ crossOriginResourcePolicy: 'same-origin' });
  app.use('/api/*', api);
  app.use('/healthz', api);
  app.use('/readyz', api);
  app.use('/metrics', api);
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      if (err.status === 429) c.header('Retry-After', String((err.details as { retryAfter?: number })?.retryAfter ?? 60));
      return c.json({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } }, err.status);
    }
    // PostgreSQL rejected values the schemas let through (e.g. a date out of range): the caller's fault.
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '23505') return c.json({ error: { code: 'conflict', message: 'That already exists (a concurrent request may have created it).' } }, 409);
    if (pgCode && /^(22|23)/.test(pgCode)) {
      // The database's own wording names tables and constraints: it goes to the log, not to the caller.
      console.error(`[http] ${c.req.method} ${c.req.path}: PostgreSQL refused a value (${pgCode}):`, (err as Error).message);
      const column = (err as { column?: string }).column;
      return c.json({ error: { code: 'invalid_value', message: `A value was out of range or not allowed${column ? ` (${column})` : ''}; check the fields you sent.` } }, 400);
    }
    console.error(`[http] ${c.req.method} ${c.req.path} failed:`, err);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } }, 500);
  });

  operationRoutes(app, deps.db, ops);

  let openapi: unknown;
  app.get('/api/openapi.json', (c) => c.json((openapi ??= buildOpenApi(DOCUMENTED_ROUTES, { title: 'Defuse desk API', version: '1.0.0' }, WEBHOOK_PAYLOADS)) as object));

  app.post('/api/session', async (c) => {
    const body = parseInput(LoginBody, await readJson(c, 10_000), 'body');
    const session = await login(deps, { email: body.email, password: body.password, ip: clientIp(c, deps.config.trustProxy), deviceToken: getCookie(c, DEVICE_COOKIE) });
    const maxAge = deps.config.sessionTtlHours * 3600;
    const secure = deps.config.secureCookies ? '; Secure' : '';
    c.header('Set-Cookie', `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`);
    // Only the login route reads it: a browser that signed in before keeps its own login budget.
    if (session.deviceToken) c.header('Set-Cookie', `${DEVICE_COOKIE}=${session.deviceToken}; Path=/api/session; HttpOnly; SameSite=Strict; Max-Age=${DEVICE_TTL_DAYS * 86_400}${secure}`, { append: true });
    return c.json({ user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  });

  // The browser extension's two routes answer its origin (EXTENSION_ORIGINS) with CORS, token only.
  const cors = extensionCors(deps.config.extensionOrigins);
  app.use('/api/config', cors);
  app.use('/api/check', cors);
  // Providers post received e-mail here with their source's secret, not a user's session or token.
  mountInbound(app, deps);
  for (const def of API_ROUTES) mount(app, deps, def);
  app.all('/api/*', (c) => c.json({ error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.` } }, 404));

  if (web) app.route('/', webRoutes({ productName: 'Defuse', loginHint }));
  return app;
}
