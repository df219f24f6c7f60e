/**
 * Browser-test support: the real desk (PostgreSQL, SMTP peer, the app with its web UI) served over HTTP on a
 * free port, and Debian's Chromium driven by playwright-core. Builds on the API tests' `startDesk`.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDesk, type TestDesk } from '../support/desk.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium. Fails, never skips, when the browser is missing: a green run must mean the
 * UI was really exercised.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (.ci/run does), or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface WebDesk {
  desk: TestDesk;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The desk with its web UI, listening on 127.0.0.1 at a free port.
 *
 * @example
 * const { desk, baseUrl, stop } = await startWebDesk();
 */
export async function startWebDesk(options: { loginHint?: string } = {}): Promise<WebDesk> {
  const desk = await startDesk({ web: true, loginHint: options.loginHint });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: desk.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    desk,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await desk.stop();
    },
  };
}

/**
 * Fails the test on any uncaught page error, failed console error or dialog (an `alert` would mean
 * injected script ran).
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`unexpected dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}
