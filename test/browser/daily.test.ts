// Daily use in real Chromium: the demo sign-in hint, validation errors in words next to their field, the
// length limit shown and enforced before sending, and a double click that creates one task, not two.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { humanIssue } from '../../src/web/client/issues.ts';
import { MAX_MESSAGE as CLIENT_MAX } from '../../src/web/client/forms.ts';
import { MAX_MESSAGE as SERVER_MAX } from '../../src/server/http/cases/schemas.ts';
import type { Client } from '../support/desk.ts';
import { launchBrowser, signIn, startWebDesk, watchPage, type WebDesk } from './support.ts';

const HINT = 'Demo desk: sign in as sam@demo.defuse.localhost (agent) or priya@demo.defuse.localhost (lead). The password is in .defuse-data/demo-login.txt on the server.';

describe('daily use: sign-in hint, errors in words, length limits, one task per click', () => {
  let web: WebDesk;
  let browser: Browser;
  let agent: Client;
  let caseId: number;

  before(async () => {
    browser = await launchBrowser();
    web = await startWebDesk({ loginHint: HINT });
    agent = await web.desk.login('agent');
    caseId = (await agent.post('/api/cases', { customer: { name: 'Ana Silva', email: 'ana@example.com' }, message: 'Charged twice. Fix it!' })).body.id;
  });
  after(async () => {
    await browser?.close();
    await web?.stop();
  });

  async function page(width = 1366): Promise<{ page: Page; problems: string[] }> {
    const p = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchPage(p);
    await signIn(p, web.baseUrl, web.desk.users.agent.email, web.desk.users.agent.password);
    return { page: p, problems };
  }

  it('the sign-in page in demo mode says which accounts to use and where the password is', async () => {
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await p.goto(`${web.baseUrl}/login`);
    const hint = p.locator('.login-hint');
    await hint.waitFor();
    assert.equal(await hint.innerText(), HINT);
    await p.close();
  });

  it('the client and the server agree on the message limit; issues read as words', () => {
    assert.equal(CLIENT_MAX, SERVER_MAX);
    assert.deepEqual(humanIssue('body.customer.email', 'Invalid email address'), { field: 'customer.email', text: 'E-mail: enter an address like name@example.com.' });
    assert.deepEqual(humanIssue('body.customer.lifetimeValue', 'Too small: expected number to be >=0'), { field: 'customer.lifetimeValue', text: 'Lifetime value: enter 0 or more.' });
    assert.equal(humanIssue('body.message', 'message is longer than 20000 characters').text, 'Message: shorten it to 20,000 characters or fewer.');
    assert.equal(humanIssue('body.what', 'what must not be blank').text, 'What you need: fill it in.');
  });

  it('a refused new case says what is wrong in words, next to each field', async () => {
    const { page: p, problems } = await page(390);
    await p.goto(`${web.baseUrl}/cases/new`);
    await p.getByLabel('Name', { exact: true }).fill('Bea Bad-Data');
    await p.getByLabel('E-mail').fill('bea@');
    await p.getByLabel('Lifetime value (USD)').fill('-5');
    await p.getByLabel('What they wrote').fill('Where is my parcel?');
    await p.getByRole('button', { name: 'Open case' }).click();
    const emailError = p.locator('.field-error').filter({ hasText: 'E-mail' });
    await emailError.waitFor();
    assert.equal(await emailError.innerText(), 'E-mail: enter an address like name@example.com.');
    assert.equal(await p.locator('.field-error').filter({ hasText: 'Lifetime value' }).innerText(), 'Lifetime value: enter 0 or more.');
    // Next to the field, tied to it for screen readers, and nothing reads like a schema path.
    const email = p.getByLabel('E-mail');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.match((await email.getAttribute('aria-describedby')) ?? '', /-error/);
    assert.equal(await email.evaluate((el) => el.nextElementSibling?.classList.contains('field-error')), true);
    const all = await p.locator('main').innerText();
    assert.doesNotMatch(all, /body\.customer|Too small|Invalid email/);
    assert.match(await p.locator('.panel-status .alert-error').innerText(), /fix the 2 fields marked below/);
    // Fixed, it goes through.
    await email.fill('bea@example.com');
    await p.getByLabel('Lifetime value (USD)').fill('50');
    await p.getByRole('button', { name: 'Open case' }).click();
    await p.waitForURL(/\/cases\/\d+$/);
    // The browser reports the refused request itself; nothing else may go wrong.
    assert.deepEqual(problems.filter((x) => !/status of 400/.test(x)), []);
    await p.close();
  });

  it('the composer shows the length limit near it and refuses what the server would refuse', async () => {
    const { page: p, problems } = await page();
    await p.goto(`${web.baseUrl}/cases/${caseId}`);
    const reply = p.getByLabel('Reply to Ana Silva');
    await reply.waitFor();
    const count = p.locator('.reply-panel .char-count');
    await reply.fill('Ana, I am sorry about the double charge. '.repeat(10));
    assert.equal(await count.isVisible(), false, 'no counter for an ordinary reply');
    await reply.fill('x'.repeat(SERVER_MAX - 500));
    await count.waitFor();
    assert.equal(await count.innerText(), `19,500 / 20,000 characters`);
    // A 200 KB paste: the counter says how much is too much, and Send refuses it without asking the server.
    await reply.fill('All of the logs you asked for. '.repeat(6600));
    assert.match(await count.innerText(), /^204,600 \/ 20,000 characters: 184,600 too many\. Shorten it before sending\.$/);
    assert.equal(await reply.getAttribute('aria-invalid'), 'true');
    let posted = 0;
    p.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/messages')) posted++; });
    await p.getByRole('button', { name: /Send/ }).click();
    await p.locator('.reply-panel .panel-status .alert-error').waitFor();
    assert.match(await p.locator('.reply-panel .panel-status').innerText(), /longer than the desk accepts/);
    assert.equal(posted, 0, 'nothing was sent');
    assert.equal((await agent.get(`/api/cases/${caseId}`)).body.messages.length, 1);
    await reply.fill('');
    assert.deepEqual(problems, []);
    await p.close();
  });

  it('a double click on "Ask team" creates one task', async () => {
    const { page: p, problems } = await page(390);
    await p.goto(`${web.baseUrl}/cases/${caseId}`);
    await p.getByLabel('Team', { exact: true }).fill('Billing');
    await p.getByLabel('What you need from them').fill('Refund the second charge');
    await p.getByRole('button', { name: 'Ask team' }).dblclick();
    await p.locator('.tasks .task').first().waitFor();
    await p.waitForTimeout(500);
    const tasks = (await agent.get(`/api/cases/${caseId}`)).body.tasks as unknown[];
    assert.equal(tasks.length, 1, 'one task, not two');
    assert.equal(await p.locator('.tasks .task').count(), 1);
    assert.deepEqual(problems, []);
    await p.close();
  });

  it('the agent chooses the call-back day when resolving; the default is the next business day', async () => {
    const { page: p, problems } = await page(390);
    await p.goto(`${web.baseUrl}/cases/${caseId}`);
    const day = p.getByLabel('Call back on');
    await p.waitForFunction(() => !!(document.querySelector('input[type="date"][data-field="followUpOn"]') as HTMLInputElement | null)?.value);
    // The desk's clock is Wednesday 18 November; one business day later on the team's (UTC) calendar.
    assert.equal(await day.inputValue(), '2026-11-19');
    // A day in the past is refused next to the field, in words.
    await day.fill('2026-11-02');
    await p.getByLabel('What you agreed').fill('a refund of the second charge');
    await p.getByRole('button', { name: 'Resolve and e-mail summary' }).click();
    const error = p.locator('.resolve-panel .field-error');
    await error.waitFor();
    assert.equal(await error.innerText(), 'Call back on: must be today (2026-11-18) or later.');
    await day.fill('2026-11-24');
    await p.getByRole('button', { name: 'Resolve and e-mail summary' }).click();
    await p.locator('.resolve-panel .alert-ok').waitFor();
    const fu = (await agent.get(`/api/cases/${caseId}`)).body.followUps[0];
    assert.equal(fu.dueAt, '2026-11-24T10:00:00.000Z', 'that day, at the hour of the resolution');
    assert.deepEqual(problems.filter((x) => !/status of 400/.test(x)), []);
    await p.close();
  });
});
