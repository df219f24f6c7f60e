// An admin adds a webhook endpoint on the admin page, sees its secret once, watches a delivery fail while the
// receiver is down, and replays it once the receiver is back; the page passes axe.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { freePort } from '../../src/server/db/embedded.ts';
import { verifySignature } from '../../src/server/services/webhooks.ts';
import { seriousViolations } from './axe.ts';
import { launchBrowser, signIn, startWebDesk, watchPage, type WebDesk } from './support.ts';

describe('webhooks on the admin page', () => {
  let web: WebDesk;
  let browser: Browser;
  let receiver: Server | null = null;
  let port = 0;
  const received: { signature: string; body: string }[] = [];

  const startReceiver = () =>
    new Promise<void>((resolve) => {
      receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push({ signature: String(req.headers['defuse-signature']), body });
          res.writeHead(204).end();
        });
      });
      receiver.listen(port, '127.0.0.1', () => resolve());
    });

  before(async () => {
    browser = await launchBrowser();
    web = await startWebDesk();
    port = await freePort();
  });
  after(async () => {
    receiver?.closeAllConnections();
    receiver?.close();
    await browser?.close();
    await web?.stop();
  });

  it('adds an endpoint, shows its secret once, lists a failed delivery and replays it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPage(page);
    await signIn(page, web.baseUrl, web.desk.users.admin.email, web.desk.users.admin.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    const url = `http://127.0.0.1:${port}/hooks`;
    await page.getByLabel('Endpoint URL').fill(url);
    await page.getByLabel('case.opened').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secretField = page.locator('#webhooks-heading ~ .panel-status input.secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    assert.match(secret, /^whsec_/);

    // The receiver is down: the delivery fails and waits for its retry.
    const agent = await web.desk.login('agent');
    const c = await agent.post('/api/cases', { customer: { name: 'Webhook Customer' }, message: 'Is my order shipped?' });
    assert.equal(c.status, 201);
    await web.desk.scheduler.tick();
    await page.getByRole('button', { name: `Deliveries to ${url}` }).click();
    const row = page.locator('table.webhook-deliveries tbody tr', { hasText: 'case.opened' });
    await row.first().waitFor();
    assert.match(await row.first().innerText(), /connection refused/);
    assert.deepEqual(await seriousViolations(page), []);

    // Back up: a replay from the page reaches it, signed.
    await startReceiver();
    await page.getByRole('button', { name: /^Replay case\.opened #/ }).first().click();
    await page.getByText(/replay of #/).waitFor();
    await web.desk.scheduler.tick();
    assert.ok(received.length >= 1, 'delivered');
    assert.ok(verifySignature(secret, received[0].signature, received[0].body, web.desk.clock.now().getTime() / 1000));
    assert.equal(JSON.parse(received[0].body).data.caseId, c.body.id);
    // The secret is not shown again.
    await page.reload();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    assert.equal(await page.locator('input.secret').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
