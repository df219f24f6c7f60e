// Every page at a phone's width (390 px) and a laptop's (1366 px) in real Chromium: no sideways scrolling,
// no serious or critical accessibility violation (axe-core, WCAG 2.1 AA), the navigation folds into a menu
// on the phone, tables become cards; and the QA report too.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { runQa } from '../../src/qa/run.ts';
import { seriousViolations } from './axe.ts';
import { launchBrowser, signIn, startWebDesk, watchPage, type WebDesk } from './support.ts';

const WIDTHS = [390, 1366] as const;

/** Elements whose right edge passes the viewport: what to fix when a page scrolls sideways. */
function overflowing(): string[] {
  const w = document.documentElement.clientWidth;
  const out: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1 && !(el as HTMLElement).closest('.visually-hidden')) {
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
    }
  }
  return out.slice(0, 12);
}

describe('every page fits 390 px and 1366 px', () => {
  let web: WebDesk;
  let browser: Browser;
  let caseId: number;
  const report = mkdtempSync(join(tmpdir(), 'defuse-qa-layout-'));

  before(async () => {
    browser = await launchBrowser();
    web = await startWebDesk();
    const agent = await web.desk.login('agent');
    const open = await agent.post('/api/cases', {
      customer: { name: 'Alexandria Konstantinopoulou-Whitfield', email: 'alexandria.konstantinopoulou@example.com', customerSince: '2015-02-01', lifetimeValue: 12_500 },
      message: "This is absolutely ridiculous!!! I was charged twice for order #4411-XYZ-9981 and NOBODY answers. I've been a customer for 11 years. Refund the second charge today or I'm cancelling and telling everyone.",
    });
    caseId = open.body.id;
    await agent.post(`/api/cases/${caseId}/tasks`, { team: 'Billing and payments reconciliation', what: 'Check the duplicate charge on order 4411-XYZ-9981 and refund it', dueAt: new Date(web.desk.clock.now().getTime() + 3_600_000).toISOString() });
    await agent.post(`/api/cases/${caseId}/gaps`, { cause: 'Payment provider retried a timed-out charge', team: 'Payments' });
    const other = await agent.post('/api/cases', { customer: { name: 'Rui Costa', email: 'rui@example.com' }, message: 'My router drops every evening. Third time I write!' });
    await agent.post(`/api/cases/${other.body.id}/resolve`, { agreed: 'New router', summary: 'Rui, a new router is on its way today.' });
    web.desk.clock.advance(3 * 86_400_000); // the call-back is due
    await runQa({ inputs: [join(import.meta.dirname, '..', 'fixtures', 'exports', 'sample')], outDir: report, workers: 0, title: 'Layout check' });
  });

  after(async () => {
    await browser?.close();
    await web?.stop();
    rmSync(report, { recursive: true, force: true });
  });

  async function open(width: number, who: 'agent' | 'lead' | 'admin'): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 844 } });
    const problems = watchPage(page);
    const u = web.desk.users[who];
    await signIn(page, web.baseUrl, u.email, u.password);
    return { page, problems };
  }

  /** Empty when the page fits; else what is too wide. */
  async function misfit(page: Page, what: string): Promise<string[]> {
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    return scroll <= inner ? [] : [`${what}: page is ${scroll} px wide in a ${inner} px window; too wide: ${JSON.stringify(await page.evaluate(overflowing))}`];
  }

  const pages: { path: () => string; who: 'agent' | 'lead' | 'admin'; ready: string; name: string; then?: (page: Page) => Promise<void> }[] = [
    { name: 'queue', path: () => '/', who: 'agent', ready: 'table.queue tbody tr' },
    {
      name: 'case', path: () => `/cases/${caseId}`, who: 'agent', ready: '.reply-panel textarea',
      // With coaching findings on screen, so their buttons are checked too.
      then: async (page) => {
        await page.locator('.reply-panel textarea').fill("Calm down. That's not my department, call billing.");
        await page.locator('.reply-panel .finding').first().waitFor();
      },
    },
    { name: 'new case', path: () => '/cases/new', who: 'agent', ready: 'form.newcase-form' },
    { name: 'follow-ups', path: () => '/follow-ups', who: 'agent', ready: '.followup-item' },
    {
      name: 'whole-team queue', path: () => '/', who: 'lead', ready: '.queue-body .empty',
      then: async (page) => {
        await page.getByLabel('Show').selectOption('all');
        await page.locator('table.queue tbody tr').first().waitFor();
      },
    },
    {
      name: 'case with the e-mail preview', path: () => `/cases/${caseId}`, who: 'agent', ready: '.resolve-panel .resolve-blocked',
      then: async (page) => {
        await page.getByLabel('What you agreed').fill('Refund of the second charge on order 4411-XYZ-9981 to the card it was taken from, within three to five working days');
        await page.locator('.resolve-panel .email-text').waitFor();
      },
    },
    {
      name: "the team's follow-ups", path: () => '/follow-ups', who: 'lead', ready: '#followups-whose',
      then: async (page) => {
        await page.getByLabel('Whose call-backs').selectOption({ label: 'The whole team' });
        await page.locator('.followup-item .followup-owner').first().waitFor();
      },
    },
    {
      name: 'sent mail', path: () => '/outbox', who: 'lead', ready: 'table.outbox-table tbody tr',
      then: async (page) => {
        await page.locator('.outbox-table .open-mail').first().click();
        await page.locator('.mail-viewer .email-text').waitFor();
      },
    },
    { name: 'dashboard', path: () => '/dashboard', who: 'lead', ready: '.tile canvas' },
    { name: 'admin', path: () => '/admin', who: 'admin', ready: 'table.admin-table tbody tr' },
  ];

  for (const width of WIDTHS) {
    it(`fits ${width} px: sign-in, queue, case, new case, follow-ups, dashboard, admin`, async () => {
      const login = await browser.newPage({ viewport: { width, height: 844 } });
      await login.goto(`${web.baseUrl}/login`);
      await login.getByLabel('E-mail').waitFor();
      const misfits = await misfit(login, `login at ${width}`);
      const axe = (await seriousViolations(login)).map((v) => `login at ${width}: ${v}`);
      await login.close();
      for (const p of pages) {
        const { page, problems } = await open(width, p.who);
        await page.goto(`${web.baseUrl}${p.path()}`);
        await page.locator(p.ready).first().waitFor();
        await p.then?.(page);
        if (p.name === 'dashboard') await page.waitForFunction(() => ![...document.querySelectorAll('.tile')].some((t) => t.querySelector('.loading')));
        misfits.push(...(await misfit(page, `${p.name} at ${width}`)));
        axe.push(...(await seriousViolations(page)).map((v) => `${p.name} at ${width}: ${v}`));
        assert.deepEqual(problems, [], p.name);
        await page.close();
      }
      assert.deepEqual(misfits, []);
      assert.deepEqual(axe, [], 'no serious or critical accessibility violations');
    });
  }

  it('on a phone the navigation is one menu button, and the queue is a list of cards', async () => {
    const { page, problems } = await open(390, 'admin');
    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByRole('link', { name: 'Admin' }).isVisible(), false, 'links folded away');
    const header = await page.locator('header.topbar').boundingBox();
    assert.ok(header && header.height < 70, `the header is one row: ${header?.height}`);
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(`${web.baseUrl}/admin`);
    await page.goto(`${web.baseUrl}/`);
    await page.locator('.queue-body .empty').waitFor();
    await page.getByLabel('Show').selectOption('all');
    await page.locator('table.queue tbody tr').first().waitFor();
    const card = await page.locator('table.queue tbody tr').first().evaluate((tr) => ({ display: getComputedStyle(tr).display, head: getComputedStyle(tr.closest('table')!.querySelector('thead')!).position }));
    assert.equal(card.display, 'block', 'each row is a card');
    assert.match(await page.locator('table.queue tbody tr').first().innerText(), /Why here/i, 'each value is labelled in the card');
    // At 1366 the same page is a table with the full navigation.
    await page.setViewportSize({ width: 1366, height: 844 });
    assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), false);
    assert.equal(await page.getByRole('link', { name: 'Admin' }).isVisible(), true);
    assert.equal(await page.locator('table.queue tbody tr').first().evaluate((tr) => getComputedStyle(tr).display), 'table-row');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the QA report fits 390 px and 1366 px', async () => {
    const html = readFileSync(join(report, 'report.html'), 'utf8');
    assert.match(html, /Layout check/);
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 844 } });
      await page.goto(`file://${join(report, 'report.html')}`);
      await page.locator('canvas').first().waitFor();
      assert.deepEqual(await misfit(page, `QA report at ${width}`), []);
      // The worst conversations open with their findings and fixes, so those are checked too.
      assert.deepEqual(await seriousViolations(page), [], `QA report at ${width}`);
      await page.close();
    }
  });
});
