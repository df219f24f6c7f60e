/**
 * CORS for the Defuse browser extension, and for nothing else: `GET /api/config` and `POST /api/check` answer
 * the extension origins listed in `EXTENSION_ORIGINS` (by default the unpacked extension's fixed origin), so
 * the extension can pull its team's settings without a host permission for the desk. Such requests must
 * carry a bearer token: the extension never sends the desk's session cookie, and no credentialed CORS is
 * offered. Every other origin gets no CORS headers (the browser then refuses to hand it the response) and a
 * 403 on preflight; every other route has no CORS at all.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './route.ts';

/** The unpacked Defuse extension's origin: its id is pinned by the public key in `extension/manifest.ts`. */
export const DEFUSE_EXTENSION_ORIGIN = 'chrome-extension://nihacdihjonaffmfkpaloalihplmhohh';

/** What `EXTENSION_ORIGINS` may list: browser-extension origins only (never a web origin). */
export const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9-]{1,64}$/;

/**
 * Parses `EXTENSION_ORIGINS`: a comma-separated list of extension origins, or `none`.
 *
 * @example
 * parseExtensionOrigins('chrome-extension://abc, moz-extension://1234-ab') // ['chrome-extension://abc', 'moz-extension://1234-ab']
 */
export function parseExtensionOrigins(value: string): string[] {
  if (value.trim().toLowerCase() === 'none') return [];
  const origins = value.split(',').map((s) => s.trim().replace(/\/+$/, '')).filter(Boolean);
  const bad = origins.filter((o) => !EXTENSION_ORIGIN.test(o));
  if (bad.length) throw new Error(`not an extension origin (chrome-extension://<id>, moz-extension://<uuid>): ${bad.join(', ')}`);
  return origins;
}

/**
 * The middleware for the routes the extension calls.
 *
 * @example
 * app.use('/api/config', extensionCors(config.extensionOrigins));
 */
export function extensionCors(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = origin !== undefined && allowed.includes(origin);
    if (c.req.method === 'OPTIONS') {
      if (!ok) return c.json({ error: { code: 'cross_origin', message: 'This origin may not call the API.' } }, 403, { vary: 'Origin' });
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    }
    if (ok && c.req.header('authorization') === undefined) {
      // Token-authenticated only: a cookie sent along from the extension's origin is not enough.
      return c.json({ error: { code: 'unauthenticated', message: 'Send the API token: Authorization: Bearer <token>.' } }, 401, {
        'access-control-allow-origin': origin,
        vary: 'Origin',
      });
    }
    await next();
    c.res.headers.append('vary', 'Origin');
    if (ok) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'retry-after');
    }
  };
}
