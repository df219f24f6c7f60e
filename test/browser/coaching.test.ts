// Coaching an agent under pressure can use (issue 12): a 13-word draft got 12 findings in a 1,900-px panel
// that pushed Send off screen. Now at most three findings are expanded, most severe first in the playbook's
// order (emotion first), the rest one click away grouped by principle, and Send stays on screen, at a
// laptop's width (1366 px) and a phone's (390 px), in real Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, startWebDesk, watchPage, type WebDesk } from './support.ts';

// Thirteen words, nearly every one a problem.
const BAD_DRAFT = "Calm down. That's not our department, you'll need to contact your bank. Sorry.";
const RANK: Record<string, number> = { error: 3, warning: 2, suggestion: 1 };

/** Whether the element is on screen and on top at its centre (not under a sticky bar or off the window). */
async function onScreen(page: Page, selector: string): Promise<string | true> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el) return 'missing';
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth) return `outside the window: ${JSON.stringify(r)} in ${window.innerWidth}×${window.innerHeight}`;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return top === el || el.contains(top) ? true : `covered by ${top?.tagName}.${top?.className}`;
  }, selector);
}

describe('coaching an agent under pressure can use', () => {
  let web: WebDesk;
  let browser: Browser;
  let caseId: number;

  before(async () => {
    browser = await launchBrowser();
    web = await startWebDesk();
    const agent = await web.desk.login('agent');
    const res = await agent.post('/api/cases', {
      customer: { name: 'Maria Lopez', email: 'maria@example.com' },
      message: 'You charged me twice for the same order!! This is ridiculous. I want the second charge refunded today.',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    caseId = res.body.id;
  });

  after(async () => {
    await browser?.close();
    await web?.stop();
  });

  for (const width of [1366, 390]) {
    it(`at ${width} px: three findings in order, the rest grouped one click away, Send always on screen`, async (t) => {
      const page = await browser.newPage({ viewport: { width, height: width > 700 ? 768 : 844 } });
      const problems = watchPage(page);
      await signIn(page, web.baseUrl, web.desk.users.agent.email, web.desk.users.agent.password);
      await page.goto(`${web.baseUrl}/cases/${caseId}`);
      const reply = page.getByLabel('Reply to Maria Lopez');
      await reply.click();
      await reply.fill(BAD_DRAFT);
      assert.equal(BAD_DRAFT.split(/\s+/).length, 13);
      await page.locator('.reply-panel .coach-findings-top .finding').first().waitFor();
      await page.waitForFunction(() => /\d+ coaching finding/.test(document.querySelector('.reply-panel .coach-summary-text')?.textContent ?? ''));
      const total = Number(/(\d+) coaching finding/.exec(await page.locator('.reply-panel .coach-summary-text').innerText())?.[1]);
      assert.ok(total >= 6, `a bad 13-word draft gets many findings (${total})`);

      // Three expanded, most severe first and by principle number within a severity.
      const top = page.locator('.reply-panel .coach-findings-top > li.finding');
      assert.equal(await top.count(), 3);
      for (let i = 0; i < 3; i++) assert.ok(await top.nth(i).isVisible());
      const read = (loc: ReturnType<Page['locator']>) => loc.evaluateAll((lis) => lis.map((li) => ({
        sev: /sev-(error|warning|suggestion)/.exec(li.className)?.[1] ?? '',
        p: Number((li as HTMLElement).dataset.principle?.slice(1)),
        rule: (li as HTMLElement).dataset.rule,
      })));
      const shown = await read(top);
      const rest = await read(page.locator('.reply-panel .coach-more li.finding'));
      assert.equal(shown.length + rest.length, total, 'every finding is there, shown or one click away');
      for (let i = 1; i < shown.length; i++) {
        const [a, b] = [shown[i - 1], shown[i]];
        assert.ok(RANK[a.sev] > RANK[b.sev] || (RANK[a.sev] === RANK[b.sev] && a.p <= b.p), `ordered: ${JSON.stringify(shown)}`);
      }
      assert.ok(rest.every((r) => RANK[r.sev] <= RANK[shown[2].sev]), `none hidden is more severe than one shown: ${JSON.stringify({ shown, rest })}`);
      assert.equal(shown[0].sev, 'error');

      // The rest: closed, one click away, one group per principle.
      const more = page.locator('.reply-panel details.more-findings');
      assert.equal(await more.evaluate((d) => (d as HTMLDetailsElement).open), false);
      assert.equal(await more.locator('summary').innerText(), `${total - 3} more findings, by principle`);
      assert.equal(await page.locator('.reply-panel .coach-more li.finding').first().isVisible(), false);
      const groups = await page.locator('.reply-panel .finding-group').evaluateAll((s) => s.map((g) => (g as HTMLElement).dataset.principle));
      assert.equal(new Set(groups).size, groups.length, `one group per principle: ${groups}`);
      for (const g of await page.locator('.reply-panel .finding-group').all()) {
        const p = await g.getAttribute('data-principle');
        assert.ok((await g.locator('li.finding').evaluateAll((l) => l.map((x) => (x as HTMLElement).dataset.principle))).every((x) => x === p));
      }

      const panel = await page.locator('.reply-panel').evaluate((el) => Math.round(el.getBoundingClientRect().height));
      t.diagnostic(`${width} px: ${total} findings, 3 expanded; reply panel ${panel} px tall`);
      // Send is on screen while typing, while reading the findings, and with the rest expanded.
      const send = '.reply-panel .send-bar button.primary';
      assert.equal(await onScreen(page, send), true, 'while typing');
      await page.locator('.reply-panel .coach-findings-top').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      assert.equal(await onScreen(page, send), true, 'while reading the findings');
      await more.locator('summary').click();
      await page.locator('.reply-panel .coach-more li.finding').first().waitFor();
      await page.locator('.reply-panel .coach-more').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      assert.equal(await onScreen(page, send), true, 'with every finding expanded');
      // A re-check (the agent types on) keeps the expanded group open.
      await reply.press('End');
      await reply.pressSequentially(' ok', { delay: 5 });
      await page.waitForTimeout(400);
      assert.equal(await more.evaluate((d) => (d as HTMLDetailsElement).open), true);

      // And Send works from where it is: it asks before sending a reply with problems left.
      await page.locator(send).click();
      await page.locator('.reply-panel .send-bar').getByText(/problems? left in this reply/).waitFor();
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
});
