/**
 * Support for the extension's browser tests: the built extension loaded unpacked into Debian's Chromium (a
 * persistent profile, `--load-extension`, new headless mode), and one loopback server that answers for every
 * host name. Chromium's `--host-resolver-rules` sends `acme.zendesk.com`, `mail.google.com` and every other
 * name to that server, so the fixture pages load under the helpdesks' real https addresses (the extension's
 * host permissions and site adapters match them as they would in production) and any request the extension
 * or a page might make anywhere lands in the server's log, where a test can see it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { buildExtension, type BuildResult } from '../../extension/build.ts';
import { CHROMIUM } from './support.ts';
// The extension's entry points are bundled by esbuild, never imported; these type-only imports put them in
// `npm run typecheck`'s program.
import type * as _background from '../../extension/src/background.ts';
import type * as _coach from '../../extension/src/content/coach.ts';
import type * as _loader from '../../extension/src/content/loader.ts';
import type * as _options from '../../extension/src/options/options.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, 'fixtures', 'extension');

/** The fixture page for each host the tests use. */
export const FIXTURE_HOSTS: Record<string, string> = {
  zendesk: 'acme.zendesk.com',
  freshdesk: 'acme.freshdesk.com',
  helpscout: 'secure.helpscout.net',
  front: 'app.frontapp.com',
  intercom: 'app.intercom.com',
  gmail: 'mail.google.com',
};

export interface LoggedRequest {
  method: string;
  host: string;
  url: string;
  origin?: string;
}

export interface FixtureServer {
  port: number;
  /** Every request received, in order. */
  requests: LoggedRequest[];
  /** Extra routes by path (e.g. the built web component). */
  routes: Map<string, { type: string; body: string | Buffer; headers?: Record<string, string> }>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/**
 * One port, both protocols: a TLS ClientHello (first byte 0x16) goes to the https server, anything else to
 * the http one. The certificate is self-signed, made with openssl for this run; Chromium is told to accept it.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];
  const routes: FixtureServer['routes'] = new Map();
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', host, url, ...(req.headers.origin ? { origin: String(req.headers.origin) } : {}) });
    const path = new URL(url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const route = routes.get(path);
    if (route) {
      res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store', ...route.headers });
      res.end(route.body);
      return;
    }
    const name = path.replace(/^\/+/, '') || 'index.html';
    const file = join(FIXTURES, name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  };
  const { key, cert } = selfSignedCertificate();
  const https = createHttpsServer({ key, cert }, handler);
  const http = createHttpServer(handler);
  const front = createNetServer((socket) => {
    socket.once('data', (chunk) => {
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    port: (front.address() as AddressInfo).port,
    requests,
    routes,
    close: () => new Promise<void>((resolve) => {
      https.close();
      http.close();
      front.close(() => resolve());
      https.closeAllConnections?.();
      http.closeAllConnections?.();
    }),
  };
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=defuse-fixtures',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (err) {
    throw new Error(`openssl is needed to serve the fixture pages over https (apt-get install openssl; .ci/run does): ${(err as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  build: BuildResult;
  server: FixtureServer;
  /** `https://<host>/<file>` for a fixture. */
  url(host: string, file: string): string;
  /** Clicks the extension's toolbar button on a page (a real action click: it grants activeTab). */
  clickToolbarButton(page: Page): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the extension into a temporary folder and starts Chromium with it loaded, plus the fixture server.
 * Fails, never skips, when Chromium is missing.
 */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH.`);
  }
  const outDir = mkdtempSync(join(tmpdir(), 'defuse-ext-'));
  const build = await buildExtension({ outDir });
  const server = await startFixtureServer();
  const profile = mkdtempSync(join(tmpdir(), 'defuse-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // Playwright's headless flag is Chromium's new headless mode (the old one could not load extensions).
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update',
      `--disable-extensions-except=${build.unpacked}`,
      `--load-extension=${build.unpacked}`,
      // Every host name resolves to the fixture server; 127.0.0.1 itself (a desk under test) stays direct.
      `--host-resolver-rules=MAP * 127.0.0.1:${server.port}, EXCLUDE 127.0.0.1`,
      // Lets the test click the toolbar button through the DevTools protocol (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  let cdp: CDPSession | undefined;
  return {
    context,
    worker,
    extensionId,
    build,
    server,
    url: (host, file) => `https://${host}/${file}`,
    async clickToolbarButton(page) {
      const browser = context.browser();
      if (!browser) throw new Error('no browser handle for the DevTools protocol');
      cdp ??= await browser.newBrowserCDPSession();
      const pageUrl = page.url();
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as { targetInfos: { type: string; targetId: string; url: string }[] };
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url === pageUrl);
      if (!tab) throw new Error(`no tab target for ${pageUrl}`);
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
      // A click can reach the extension before its service worker is ready and inject nothing (seen in clean CI
      // runs, on either fallback page); an agent would click again, and so does this, only while nothing was injected.
      const injected = await page.locator('defuse-panel').waitFor({ state: 'attached', timeout: 15_000 }).then(() => true, () => false);
      if (!injected) await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The coach's panel in a page (Playwright's CSS pierces its open shadow root). */
export const PANEL = 'defuse-panel section.dp';
