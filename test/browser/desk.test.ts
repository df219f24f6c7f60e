// The desk end to end in real Chromium against the real app, PostgreSQL and an SMTP peer: an agent signs
// in, takes the angriest case from the queue, gets coached live while typing a bad reply, fixes it in one
// click, resolves with an e-mailed summary and sees the follow-up scheduled. Customer text is only ever text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Client } from '../support/desk.ts';
import { inPage, lowContrastText } from './contrast.ts';
import { launchBrowser, signIn, startWebDesk, watchPage, type WebDesk } from './support.ts';

const BAD_REPLY = "Calm down. That's not my department, call billing.";

describe('desk web UI in Chromium', () => {
  let web: WebDesk;
  let browser: Browser;
  let agent: Client;
  const ids: Record<string, number> = {};

  before(async () => {
    browser = await launchBrowser();
    web = await startWebDesk();
    agent = await web.desk.login('agent');
    const open = async (key: string, customer: Record<string, unknown>, message: string) => {
      const res = await agent.post('/api/cases', { customer, message });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids[key] = res.body.id;
    };
    // The angriest customer is also the most valuable and has waited longest, so they top the queue
    // whatever weights the priority formula uses.
    await open('angry', { name: 'Ana Silva', email: 'ana.silva@example.com', customerSince: '2017-02-01', lifetimeValue: 5200 },
      "This is ridiculous!!! I was charged twice for order #4411 and NOBODY answers. I've been a customer for 9 years. Refund the second charge today or I'm cancelling.");
    web.desk.clock.advance(30 * 60_000);
    await open('mild', { name: 'Chen Wei', email: 'chen@example.com', lifetimeValue: 300 }, 'Hi, the jumper I got is the wrong size. Could I swap it?');
    await open('hostile', { name: '<img src=x onerror="window.__pwned=1">Mallory', email: 'mallory@example.com', lifetimeValue: 10 },
      '<script>window.__pwned=2</script> Where is my <b>parcel</b>? <img src=x onerror="window.__pwned=3">');
    web.desk.clock.advance(60 * 60_000);
  });

  after(async () => {
    await browser?.close();
    await web?.stop();
  });

  async function newPage(width = 1280): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems = watchPage(page);
    await signIn(page, web.baseUrl, web.desk.users.agent.email, web.desk.users.agent.password);
    return { page, problems };
  }

  it('takes the angriest case from coaching to an e-mailed summary and a scheduled follow-up', async (t) => {
    const { page, problems } = await newPage();

    // Queue: the server's priority order, the angriest (and most valuable, longest waiting) first, with why.
    const queue = await agent.get('/api/queue');
    assert.equal(queue.body.items[0].caseId, ids.angry);
    const rows = page.locator('table.queue tbody tr');
    await rows.first().waitFor();
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.caseId))), queue.body.items.map((i: { caseId: number }) => i.caseId));
    assert.match(await rows.first().locator('.reason').innerText(), /\S/, 'the top row says why it is there');
    await rows.first().getByRole('link', { name: 'Ana Silva' }).click();
    await page.waitForURL(`${web.baseUrl}/cases/${ids.angry}`);

    // The conversation tells venting from the issue.
    await page.locator('.msg-in .sentence.role-venting').first().waitFor();
    assert.match(await page.locator('.msg-in .sentence.role-venting').first().innerText(), /ridiculous/i);
    assert.match(await page.locator('.msg-in .sentence.role-issue').first().innerText(), /charged twice/i);
    // …and says how upset the message reads, as the calibrated score the API stores.
    const stored = (await agent.get(`/api/cases/${ids.angry}`)).body.messages[0].analysis;
    assert.equal(await page.locator('.msg-in .upset-chip').first().innerText(), `upset ${stored.upsetScore.toFixed(2)}`);

    // Live coaching while typing, in the browser: underline + finding with message and note.
    const reply = page.getByLabel('Reply to Ana Silva');
    await reply.click();
    await reply.pressSequentially(BAD_REPLY, { delay: 5 });
    // "That's not my department" has no fix that reads as a sentence; "call billing" has one.
    const transfer = page.locator('.reply-panel .finding[data-rule="no-transfer"]').filter({ has: page.locator('button.fix') }).first();
    await transfer.waitFor();
    assert.match(await transfer.locator('.finding-note').innerText(), /P10/);
    const marks = await page.locator('.reply-panel .composer-highlights mark').allInnerTexts();
    assert.ok(marks.some((m) => /not my department|call billing/i.test(m)), `transfer wording is underlined, marks: ${JSON.stringify(marks)}`);
    assert.ok(marks.some((m) => /calm down/i.test(m)), `"Calm down" is underlined, marks: ${JSON.stringify(marks)}`);
    // The check runs in the page, not on the server: its time is measured where it happens.
    const checkMs = Number(await page.locator('.reply-panel .composer').getAttribute('data-check-ms'));
    t.diagnostic(`in-browser checkReply on the draft: ${checkMs} ms`);
    assert.ok(checkMs >= 0 && checkMs < 250, `coaching keeps up with typing (${checkMs} ms per check)`);
    const status = page.locator('.reply-panel [role="status"][aria-live="polite"]');
    assert.match((await status.getAttribute('aria-label')) ?? '', /coaching finding/, 'the live region announces the findings');

    // One-click fix: the flagged words are replaced and that finding goes away.
    const quote = (await transfer.locator('.finding-quote').innerText()).replace(/^[“"]|[”"]$/g, '');
    const before = await reply.inputValue();
    assert.ok(before.includes(quote), `the finding quotes the draft (${quote})`);
    await transfer.locator('button.fix').first().click();
    await page.waitForFunction(([q]) => !(document.querySelector('.reply-panel textarea') as HTMLTextAreaElement).value.includes(q), [quote]);
    const after = await reply.inputValue();
    assert.notEqual(after, before);
    assert.ok(!after.includes(quote));
    await page.waitForFunction(([q]) => ![...document.querySelectorAll('.reply-panel .finding[data-rule="no-transfer"] .finding-quote')].some((e) => e.textContent?.includes(q)), [quote]);
    // The fix went through the browser's editing history: Ctrl+Z takes it back, Ctrl+Shift+Z redoes it.
    await page.keyboard.press('Control+z');
    assert.equal(await reply.inputValue(), before);
    await page.keyboard.press('Control+Shift+z');
    assert.equal(await reply.inputValue(), after);

    // Resolve with a summary drafted for the agent, e-mailed through the outbox to the SMTP peer.
    // Nothing is agreed yet, so there is no summary; it is drafted from what was agreed until the agent edits it.
    const summary = page.getByLabel('Summary for the customer (e-mailed)');
    await page.locator('.resolve-panel .resolve-blocked').filter({ hasText: 'Nothing has been agreed yet' }).waitFor();
    assert.equal(await summary.inputValue(), '', 'no summary of an agreement that never happened');
    await page.getByLabel('What you agreed').fill('a refund of the second charge of $49 and 10% off your next order');
    await page.waitForFunction(() => /refund of the second charge/.test((document.querySelector('.resolve-panel textarea.composer-input') as HTMLTextAreaElement).value));
    const summaryText = await summary.inputValue();
    await page.waitForFunction(() => document.querySelector('.resolve-panel .coach-summary-text')?.textContent === 'No coaching findings.');
    assert.equal(await page.getByLabel('E-mail the summary to').inputValue(), 'ana.silva@example.com');
    await page.getByRole('button', { name: 'Resolve and e-mail summary' }).click();
    await page.locator('.resolve-panel .alert-ok').waitFor();
    assert.match(await page.locator('.case-head .status').innerText(), /resolved/i);

    await web.desk.scheduler.tick();
    const [mail] = await web.desk.smtp.waitFor(1);
    assert.equal((mail.to as { text: string }).text, 'ana.silva@example.com');
    assert.ok(mail.text?.includes(summaryText.trim().split('\n')[0]), 'the e-mail carries the summary');
    assert.match(mail.text ?? '', /refund of the second charge/);

    // The follow-up the server scheduled is shown on the case and in the agent's follow-up list.
    const followUps = await agent.get('/api/follow-ups');
    const fu = followUps.body.followUps.find((f: { caseId: number }) => f.caseId === ids.angry);
    assert.ok(fu, 'a follow-up was scheduled');
    await page.locator('.followups-panel time.followup-due').waitFor();
    assert.equal(await page.locator('.followups-panel time.followup-due').getAttribute('datetime'), new Date(fu.dueAt).toISOString());
    await page.locator('.resolve-panel .email-sent').waitFor({ timeout: 10_000 });
    await page.goto(`${web.baseUrl}/follow-ups`);
    await page.locator('.followup-item').first().waitFor();
    assert.match(await page.locator('.followup-item').first().innerText(), /Ana Silva/);

    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows customer text containing markup as text and never runs it', async () => {
    const { page, problems } = await newPage();
    await page.locator('table.queue tbody tr').first().waitFor();
    const row = page.locator(`table.queue tbody tr[data-case-id="${ids.hostile}"]`);
    assert.match(await row.innerText(), /<img src=x onerror="window.__pwned=1">Mallory/);
    await page.goto(`${web.baseUrl}/cases/${ids.hostile}`);
    const message = page.locator('.msg-in .msg-body').first();
    await message.waitFor();
    const text = await message.innerText();
    assert.match(text, /<script>window.__pwned=2<\/script>/);
    assert.match(text, /<b>parcel<\/b>/);
    assert.match(text, /<img src=x onerror="window.__pwned=3">/);
    assert.equal(await page.locator('main img, main script, .msg-body b').count(), 0, 'no element was created from customer text');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.match(await page.locator('h2#customer-heading').innerText(), /<img src=x/);

    // A case opened from the UI with markup in it lands on its page with the markup as text.
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Name').fill('Eve "><svg onload=window.__pwned=4>');
    await page.getByLabel('E-mail').fill('eve@example.com');
    await page.getByLabel('What they wrote').fill('Refund me now <iframe src="javascript:window.__pwned=5"></iframe> or else!');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    await page.locator('.msg-in .msg-body').first().waitFor();
    assert.match(await page.locator('.msg-in .msg-body').first().innerText(), /<iframe src="javascript:window.__pwned=5"><\/iframe>/);
    assert.match(await page.locator('h2#customer-heading').innerText(), /<svg onload=window.__pwned=4>/);
    assert.equal(await page.locator('main svg, main iframe').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('labels every control, announces coaching politely and fits a tablet without sideways scrolling', async () => {
    const { page, problems } = await newPage(800);
    await page.goto(`${web.baseUrl}/cases/${ids.mild}`);
    await page.getByLabel('Reply to Chen Wei').waitFor();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, textarea, select, button')]
        .filter((el) => !(el as HTMLElement).closest('[hidden]'))
        .filter((el) => {
          const e = el as HTMLInputElement;
          const name = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent?.trim());
          return !name;
        })
        .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabelled, []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scrolling at 800px');
    assert.deepEqual(await page.evaluate(inPage(lowContrastText)), [], 'all text meets WCAG AA contrast');
    // In one column the panels follow the playbook: reply, then options and footwork, then resolve.
    const top = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top);
    const [reply, options, tasks, resolve] = [await top('.reply-panel'), await top('.options-panel'), await top('.tasks-panel'), await top('.resolve-panel')];
    assert.ok(reply < options && options < resolve && tasks < resolve, `reply ${reply}, options ${options}, tasks ${tasks}, resolve ${resolve}`);

    // Keyboard: Tab moves from the reply box onward and the focused control is visibly outlined.
    await page.getByLabel('Reply to Chen Wei').focus();
    await page.keyboard.type('I am sorry.');
    await page.locator('.reply-panel .finding').first().waitFor();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { tag: el.tagName, outline: getComputedStyle(el).outlineStyle };
    });
    assert.equal(outline.tag, 'BUTTON');
    assert.notEqual(outline.outline, 'none');

    // An unsent draft survives a reload.
    await page.reload();
    await page.getByLabel('Reply to Chen Wei').waitFor();
    assert.equal(await page.getByLabel('Reply to Chen Wei').inputValue(), 'I am sorry.');
    assert.match(await page.locator('.reply-panel .panel-status').innerText(), /draft was restored/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('asks a lead to approve an offer beyond the agent\'s authority, and the lead approves it from the dashboard', async () => {
    const { page, problems } = await newPage();
    const options = (await agent.get(`/api/options?caseId=${ids.mild}`)).body.options as { id: number; label: string; unit: string | null; authority: { allowed: boolean; maxAmount: number | null } }[];
    const option = options.find((o) => o.unit && o.authority.allowed && o.authority.maxAmount !== null);
    assert.ok(option, 'the catalogue has an option with an amount limit for agents');
    await page.goto(`${web.baseUrl}/cases/${ids.mild}`);
    const amount = page.getByLabel(`${option.label} amount in ${option.unit}`);
    if (!(await amount.isVisible())) await page.locator('.more-options summary').click();
    // Option names stay readable in the side column: none is squeezed to one word a line by its controls.
    const lines = await page.locator('.option-label').evaluateAll((els) => els.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e.firstChild!);
      return [e.firstChild!.textContent, range.getClientRects().length] as const;
    }));
    assert.deepEqual(lines.filter(([, n]) => n > 2), [], JSON.stringify(lines));
    await amount.fill(String(option.authority.maxAmount! * 2));
    await page.getByRole('button', { name: `Ask a lead to approve ${option.label}` }).click();
    await page.locator('.offer-pending_approval').waitFor();
    assert.match(await page.locator('.offer-pending_approval').innerText(), /waiting for a lead/);

    // Two process gaps on different days, so the gaps-over-time tile has a series to draw.
    assert.equal((await agent.post(`/api/cases/${ids.mild}/gaps`, { cause: 'Sizing chart wrong', team: 'Catalogue' })).status, 201);
    web.desk.clock.advance(24 * 60 * 60_000);
    assert.equal((await agent.post(`/api/cases/${ids.mild}/gaps`, { cause: 'Sizing chart wrong', team: 'Catalogue' })).status, 201);

    const leadContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const leadPage = await leadContext.newPage();
    const leadProblems = watchPage(leadPage);
    await signIn(leadPage, web.baseUrl, web.desk.users.lead.email, web.desk.users.lead.password);
    await leadPage.getByRole('link', { name: 'Dashboard' }).click();
    const approval = leadPage.locator('.approval').filter({ hasText: option.label });
    await approval.waitFor();
    await approval.getByLabel('Reason').fill('Three-year customer; the wrong size was our mistake');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await leadPage.locator('.approvals[hidden]').waitFor({ state: 'attached' });
    // Every report tile ends up with a chart or a sentence, never a spinner or an error.
    await leadPage.waitForFunction(() => document.querySelectorAll('.tile').length === 7 && ![...document.querySelectorAll('.tile')].some((t) => t.querySelector('.loading')));
    assert.equal(await leadPage.locator('.tile .alert-error').count(), 0);
    const gapsOverTime = leadPage.getByRole('region', { name: 'Process gaps over time' });
    assert.equal(await gapsOverTime.locator('canvas').count(), 1, await gapsOverTime.innerText());
    assert.match(await gapsOverTime.innerText(), /2 gaps tagged on 2 days\./);
    assert.ok(await leadPage.locator('.tile canvas').count() >= 2, `the dashboard draws charts: ${JSON.stringify(await leadPage.locator('.tile').allInnerTexts())}`);
    assert.deepEqual(await leadPage.evaluate(inPage(lowContrastText)), [], 'dashboard text meets WCAG AA contrast');
    assert.deepEqual(leadProblems, []);
    await leadContext.close();

    await page.reload();
    const offer = page.locator('.offers .offer').filter({ hasText: option.label });
    await offer.waitFor();
    assert.match(await offer.innerText(), /approved by a lead/);
    const [yes, no] = [await offer.getByRole('button', { name: `Customer accepted ${option.label}` }).boundingBox(), await offer.getByRole('button', { name: `Customer declined ${option.label}` }).boundingBox()];
    assert.ok(yes && no && no.x - (yes.x + yes.width) >= 8, `the two answers are set apart: ${JSON.stringify([yes, no])}`);
    await offer.getByRole('button', { name: `Customer accepted ${option.label}` }).click();
    await page.locator('.offers .offer-accepted').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('records a call-back only once its outcome is chosen, and says why a call-back was cancelled', async () => {
    const { page, problems } = await newPage();
    const opened = await agent.post('/api/cases', { customer: { name: 'Rui Costa', email: 'rui@example.com' }, message: 'My router still drops every evening. Third time I write!' });
    const caseId = opened.body.id as number;
    const resolved = await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'New router sent', summary: 'Rui, a new router is on its way today.' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    const followUpId = resolved.body.followUp.id as number;
    const status = async () => (await agent.get(`/api/cases/${caseId}`)).body.followUps.find((f: { id: number }) => f.id === followUpId).status;

    await page.goto(`${web.baseUrl}/follow-ups`);
    const item = page.locator('.followup-item').filter({ hasText: 'Rui Costa' });
    await item.waitFor();
    // Nothing is preselected, so Record alone cannot close the case by accident.
    assert.equal(await item.getByLabel('Outcome').inputValue(), '');
    await item.getByRole('button', { name: 'Record' }).click();
    assert.equal(await item.getByLabel('Outcome').evaluate((el) => (el as HTMLSelectElement).validity.valueMissing), true);
    assert.equal(await status(), 'scheduled', 'nothing was recorded');
    await item.getByLabel('Outcome').selectOption({ label: 'No answer' });
    await item.getByRole('button', { name: 'Record' }).click();
    await page.waitForFunction(async ([id, fu]) => {
      const res = await fetch(`/api/cases/${id}`);
      return (await res.json()).followUps.find((f: { id: number }) => f.id === fu)?.status === 'done';
    }, [caseId, followUpId]);

    // The customer writes again: the pending retry is cancelled and the case view says why, not "Cancelled ·".
    for (let i = 1; i <= 6; i++) await agent.post(`/api/cases/${caseId}/messages`, { direction: 'inbound', body: `Evening ${i}: it dropped again. `.repeat(12) });
    await agent.post(`/api/cases/${caseId}/messages`, { direction: 'inbound', body: 'It dropped again tonight.' });
    await page.goto(`${web.baseUrl}/cases/${caseId}`);
    // A long conversation opens at its newest message, and its scrolling list can be reached by keyboard.
    const list = page.locator('ol.messages');
    await page.waitForFunction(() => {
      const el = document.querySelector('ol.messages');
      return !!el && el.scrollHeight > el.clientHeight && el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    });
    assert.equal(await list.getAttribute('tabindex'), '0');
    const cancelled = page.locator('.followups-panel .followup-cancelled');
    await cancelled.waitFor();
    assert.match(await cancelled.innerText(), /^Cancelled · The customer wrote again/);
    assert.match(await page.locator('.followups-panel .followup-done').innerText(), /^Called · no answer/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('lets an admin create an API token shown once, which works until revoked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPage(page);
    await signIn(page, web.baseUrl, web.desk.users.admin.email, web.desk.users.admin.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByLabel('Token name').fill('Helpdesk sync');
    // No user is preselected (the first was the admin): Create does nothing until one is chosen.
    assert.equal(await page.getByLabel('Acts as').inputValue(), '');
    await page.getByRole('button', { name: 'Create token' }).click();
    assert.equal(await page.getByLabel('Acts as').evaluate((el) => (el as HTMLSelectElement).validity.valueMissing), true);
    assert.deepEqual((await (await web.desk.login('admin')).get('/api/admin/tokens')).body.tokens, [], 'no token made without choosing its user');
    await page.getByLabel('Acts as').selectOption({ label: `${web.desk.users.agent.name} (agent)` });
    await page.getByRole('button', { name: 'Create token' }).click();
    const secretField = page.locator('input.secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    const me = await fetch(`${web.baseUrl}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).user.email, web.desk.users.agent.email);
    await page.getByRole('button', { name: 'Revoke Helpdesk sync' }).click();
    await page.getByText(/^revoked /).waitFor();
    assert.equal((await fetch(`${web.baseUrl}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
