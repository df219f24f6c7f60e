/**
 * The desk's web UI as a Hono sub-app: HTML shell pages plus `/assets/*`. The client (TypeScript under
 * `client/`, including the engine so coaching runs in the browser) is bundled by esbuild. Run from the
 * production build (`npm run build`), the server serves the bundle that build wrote to `dist/web/` and never
 * loads esbuild; run from the sources (tests, development), it bundles on first request and keeps the result
 * in memory. No build output is in git.
 *
 * The backend mounts it with `app.route('/', webRoutes({ dev }))`. Pages are thin shells: all data comes from
 * the JSON API under `/api` with the session cookie, and all customer text is written with `textContent`.
 */
import { Hono } from 'hono';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { sameOriginPath } from './client/redirect.ts';
import { COMPILED, PACKAGE_ROOT } from '../package-root.ts';
import { clientBuildOptions, staticAssets } from './client-build.mjs';

/** What the backend passes in; nothing else from the server is needed. */
export interface WebDeps {
  /** Rebuild the bundle on every request (for editing the client); default false. */
  dev?: boolean;
  /** Product name in titles; default "Defuse". */
  productName?: string;
  /** A line for the sign-in page (demo mode: which accounts, where the password is). */
  loginHint?: string;
  /** Serve the bundle from this folder (`npm run build`'s output) instead of bundling; default: `dist/web` when running the build. */
  prebuilt?: string | null;
}

/** Where `npm run build` writes the client bundle, and where the built server reads it. */
export const PREBUILT_DIR = join(PACKAGE_ROOT, 'dist', 'web');

export { clientBuildOptions, staticAssets } from './client-build.mjs';

interface Asset {
  body: string;
  /** Gzipped once at build time; the engine's emotion model makes the case page's chunk megabytes large. */
  gzip: Uint8Array;
  type: string;
  etag: string;
}

/** Built assets by name; one shared promise so concurrent first requests build once. */
type AssetTable = Map<string, Asset>;

async function buildAssets(dev: boolean): Promise<AssetTable> {
  // Imported lazily so servers that never serve the UI (CLI, API tests) don't load esbuild; the production
  // build never gets here (see loadPrebuilt): esbuild is for building, never loaded by the built server.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ ...clientBuildOptions(dev), write: false, outdir: '/assets' });
  const table: AssetTable = new Map();
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    table.set(name, asset(file.text, typeFor(name)));
  }
  for (const [name, body] of Object.entries(await staticAssets())) table.set(name, asset(body, typeFor(name)));
  return table;
}

/** Reads what `npm run build` wrote: every file of the folder, gzipped once here. */
async function loadPrebuilt(dir: string): Promise<AssetTable> {
  const table: AssetTable = new Map();
  for (const name of await readdir(dir)) table.set(name, asset(await readFile(join(dir, name), 'utf8'), typeFor(name)));
  if (!table.has('app.js')) throw new Error(`${dir} has no app.js: run \`npm run build\``);
  return table;
}

function typeFor(name: string): string {
  return name.endsWith('.css') ? 'text/css; charset=utf-8' : name.endsWith('.svg') ? 'image/svg+xml' : 'text/javascript; charset=utf-8';
}

function asset(body: string, type: string): Asset {
  return { body, type, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}


/** Pages the client knows; the shell names the page and the client's router draws it. */
const PAGES: Record<string, { title: string }> = {
  login: { title: 'Sign in' },
  queue: { title: 'My queue' },
  case: { title: 'Case' },
  newcase: { title: 'New case' },
  followups: { title: 'Follow-ups due' },
  dashboard: { title: 'Team dashboard' },
  outbox: { title: 'Sent mail' },
  admin: { title: 'Users and API tokens' },
};

function shell(page: keyof typeof PAGES, product: string, params: Record<string, string> = {}): string {
  const data = Object.entries(params)
    .map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttr(PAGES[page].title)} · ${escapeAttr(product)}</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body data-page="${page}"${data}>
<a class="skip-link" href="#main">Skip to content</a>
<div id="app"><main id="main" tabindex="-1"><p class="loading">Loading…</p></main></div>
<noscript><p>The Defuse desk needs JavaScript: the coaching runs in your browser.</p></noscript>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The UI routes: `/`, `/login`, `/cases/new`, `/cases/:id`, `/follow-ups`, `/dashboard`, `/outbox`, `/admin` and `/assets/:name`.
 *
 * @example
 * const app = new Hono();
 * app.route('/', webRoutes({ dev: process.env.NODE_ENV !== 'production' }));
 */
export function webRoutes(deps: WebDeps = {}): Hono {
  const product = deps.productName ?? 'Defuse';
  const prebuilt = deps.prebuilt === undefined ? (COMPILED ? PREBUILT_DIR : null) : deps.prebuilt;
  let built: Promise<AssetTable> | undefined;
  // In dev the bundle is rebuilt when a page asks for its entry files; the chunks it then loads come
  // from that same build, so hashes always match.
  const assets = (name: string): Promise<AssetTable> => {
    if (!built || (deps.dev && (name === 'app.js' || name === 'app.css'))) {
      built = prebuilt && !deps.dev ? loadPrebuilt(prebuilt) : buildAssets(Boolean(deps.dev));
      // A failed build must not be cached: the next request tries again (e.g. after fixing a typo in dev).
      built.catch(() => { built = undefined; });
    }
    return built;
  };
  const app = new Hono();
  const html = (body: string) =>
    new Response(body, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // Scripts only from our origin; no inline script, so injected markup could not run even if it got in.
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      },
    });
  app.get('/', () => html(shell('queue', product)));
  app.get('/login', (c) => {
    // A `next` that leaves the desk (`/%09/evil.example` is `//evil.example` to a browser) is dropped here
    // too, so the page never holds it; the page's own check (sameOriginPath) stays for links made in it.
    const next = c.req.query('next');
    if (next !== undefined) {
      const safe = sameOriginPath(next, 'http://desk.invalid');
      if (safe !== next) return c.redirect(safe === '/' ? '/login' : `/login?next=${encodeURIComponent(safe)}`, 302);
    }
    return html(shell('login', product, deps.loginHint ? { 'login-hint': deps.loginHint } : {}));
  });
  app.get('/follow-ups', () => html(shell('followups', product)));
  app.get('/dashboard', () => html(shell('dashboard', product)));
  app.get('/outbox', () => html(shell('outbox', product)));
  app.get('/admin', () => html(shell('admin', product)));
  // Before /cases/:id, so "new" is not taken for a case id.
  app.get('/cases/new', () => html(shell('newcase', product)));
  app.get('/cases/:id', (c) => html(shell('case', product, { 'case-id': c.req.param('id') })));
  app.get('/assets/:name', async (c) => {
    let table: AssetTable;
    try {
      table = await assets(c.req.param('name'));
    } catch (err) {
      return c.text(`UI bundle failed to build: ${(err as Error).message}`, 500);
    }
    const a = table.get(c.req.param('name'));
    if (!a) return c.text('Not found', 404);
    const name = c.req.param('name');
    const headers: Record<string, string> = {
      'content-type': a.type,
      etag: a.etag,
      vary: 'accept-encoding',
      // Chunk names carry a content hash, so a browser may keep them forever; entry files are revalidated.
      'cache-control': deps.dev ? 'no-store' : name.startsWith('chunk-') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (c.req.header('if-none-match') === a.etag) return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      return c.body(a.gzip as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' });
    }
    return c.body(a.body, 200, headers);
  });
  return app;
}
