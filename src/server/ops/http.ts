/**
 * The operator's side of the HTTP server: a request id on every request and log line, one access-log line
 * per request, latency metrics by route, `/healthz` (the process answers), `/readyz` (the database answers,
 * every migration is applied, the process is not draining) and `/metrics` (Prometheus text, for a bearer
 * token or from this machine only).
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { routePath } from 'hono/route';
import type { Db } from '../db/db.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { AppEnv } from '../http/route.ts';
import { requestContext, type Logger } from './log.ts';
import type { DeskMetrics } from './metrics.ts';

/** Whether this process should get new traffic; main sets `draining` when a stop signal arrives. */
export interface Readiness {
  draining: boolean;
}

export interface Operations {
  /** Access log and request ids in log lines; none in tests that do not ask. */
  log?: Logger;
  metrics?: DeskMetrics;
  readiness?: Readiness;
  /** When set, `/metrics` needs `Authorization: Bearer <token>`; otherwise it answers loopback peers only. */
  metricsToken?: string;
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** The TCP peer's address (undefined for in-process `app.request()` calls). */
function peerAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * May this request read `/metrics`? With a token configured, only with that token. Without one, only a
 * direct connection from this machine: a request that came through a proxy (it carries `X-Forwarded-For`
 * or `Forwarded`) is refused even from loopback, since the proxy on this host forwards the world.
 */
export function metricsAllowed(c: Context, token: string | undefined): boolean {
  if (token) {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    return !!m && sameSecret(m[1], token);
  }
  if (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) return false;
  const peer = peerAddress(c);
  // In-process requests (tests, no socket) count as local.
  return peer === undefined || isLoopback(peer);
}

/**
 * Adds the request-id/access-log/metrics middleware. Call it first, so it wraps every other route.
 *
 * @example
 * observeRequests(app, { log, metrics });
 */
export function observeRequests(app: Hono<AppEnv>, ops: Operations = {}): void {
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const reqId = given && REQUEST_ID.test(given) ? given : randomUUID();
    const started = process.hrtime.bigint();
    await requestContext.run({ reqId }, async () => {
      try {
        await next();
      } finally {
        c.res.headers.set('X-Request-Id', reqId);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = routePath(c) || 'unmatched';
        const status = c.res.status;
        // Unknown paths are one label, so a scanner cannot blow up the metric's cardinality.
        const label = status === 404 && (route === '*' || route === '/api/*' || route === '/*') ? 'unmatched' : route;
        ops.metrics?.observeRequest(c.req.method, label, status, seconds);
        if (ops.log && !(route === '/healthz' || route === '/readyz' || route === '/metrics')) {
          const actor = c.get('actor');
          ops.log[status >= 500 ? 'error' : 'info'](
            { method: c.req.method, path: c.req.path, route: label, status, ms: Math.round(seconds * 10_000) / 10, userId: actor?.id, ip: peerAddress(c) },
            'request',
          );
        }
      }
    });
  });
}

/**
 * Adds `/healthz`, `/readyz` and `/metrics`.
 *
 * @example
 * operationRoutes(app, deps.db, { metrics, readiness, metricsToken: env.METRICS_TOKEN });
 */
export function operationRoutes(app: Hono<AppEnv>, db: Db, ops: Operations = {}): void {
  const readiness = ops.readiness ?? { draining: false };
  app.get('/healthz', (c) => c.json({ ok: true, uptime: Math.round(process.uptime()) }));

  app.get('/readyz', async (c) => {
    if (readiness.draining) return c.json({ ready: false, db: 'unknown', migrations: 'unknown', draining: true }, 503);
    try {
      const pending = await pendingMigrations(db);
      const ready = pending.length === 0;
      return c.json({ ready, db: 'up', migrations: ready ? 'applied' : 'pending', draining: false, ...(ready ? {} : { pending }) }, ready ? 200 : 503);
    } catch {
      return c.json({ ready: false, db: 'down', migrations: 'unknown', draining: false }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    if (!ops.metrics) return c.json({ error: { code: 'not_found', message: 'Metrics are not enabled in this process.' } }, 404);
    if (!metricsAllowed(c, ops.metricsToken)) {
      return c.json({ error: { code: 'forbidden', message: 'Metrics answer requests from this machine, or with METRICS_TOKEN as a bearer token.' } }, 403);
    }
    const body = await ops.metrics.registry.metrics();
    return c.body(body, 200, { 'content-type': ops.metrics.registry.contentType, 'cache-control': 'no-store' });
  });
}
