// The case of issue 12, walked in real Chromium against the real app, PostgreSQL and SMTP server. Before: a
// brand-new case already had a summary agreeing to "a discount on your next order" and scored 100, the 10%
// discount the customer accepted never reached the e-mail, and the summary promised "a short summary by e-mail
// later today". Now: a new case has no agreement, so no summary and Resolve refused with the reason; an
// accepted offer, a done task and a typed line make the agreement; the e-mail is previewed exactly as sent, and
// the SMTP server receives exactly that text. A lead then finds it in Sent mail, as sent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, signIn, startWebDesk, watchPage, type WebDesk } from './support.ts';

describe('the resolution e-mail is built from what happened', () => {
  let web: WebDesk;
  let browser: Browser;
  let previewText = '';

  before(async () => {
    browser = await launchBrowser();
    web = await startWebDesk();
  });

  after(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('new case → nothing agreed, no summary, Resolve refused → offer accepted, task done, agreement typed → preview → resolve → the e-mail received is the preview', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const problems = watchPage(page);
    await signIn(page, web.baseUrl, web.desk.users.agent.email, web.desk.users.agent.password);

    // A new case from the customer's first message.
    await page.goto(`${web.baseUrl}/cases/new`);
    await page.getByLabel('Name', { exact: true }).fill('Maria Lopez');
    await page.getByLabel('E-mail', { exact: true }).fill('maria.lopez@example.com');
    await page.getByLabel('What they wrote').fill("You charged me twice for the same order! This is ridiculous. Refund the second charge or I'm done with you.");
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/\d+$/);
    const caseId = Number(/\/cases\/(\d+)$/.exec(page.url())?.[1]);

    // Nothing agreed: no summary, no e-mail, and Resolve says why it will not.
    const blocked = page.locator('.resolve-panel .resolve-blocked');
    await blocked.filter({ hasText: 'Nothing has been agreed yet' }).waitFor();
    const summary = page.getByLabel('Summary for the customer (e-mailed)');
    assert.equal(await summary.inputValue(), '');
    assert.equal(await page.locator('.resolve-panel .email-text').count(), 0);
    const resolve = page.getByRole('button', { name: 'Resolve and e-mail summary' });
    assert.equal(await resolve.getAttribute('aria-disabled'), 'true');
    assert.equal((await web.desk.login('agent').then((a) => a.get(`/api/cases/${caseId}`))).body.status, 'open');

    // The customer accepts a 10% discount.
    const amount = page.getByLabel('Discount on the next order amount in %');
    if (!(await amount.isVisible())) await page.locator('.more-options summary').click();
    await amount.fill('10');
    await page.getByRole('button', { name: 'Offer Discount on the next order' }).click();
    await page.getByRole('button', { name: 'Customer accepted Discount on the next order' }).click();
    await page.locator('.offer-accepted').waitFor();
    await page.locator('.resolve-panel .agreed-offer').filter({ hasText: 'You will get a 10% discount on your next order.' }).waitFor();
    // The agreement alone drafts the summary; it is no longer empty, and Resolve is possible.
    await page.waitForFunction(() => /10% discount/.test((document.querySelector('.resolve-panel textarea.composer-input') as HTMLTextAreaElement).value));

    // Billing does the footwork and says what they did.
    await page.getByLabel('Team', { exact: true }).fill('Billing');
    await page.getByLabel('What you need from them').fill('refund the second charge');
    await page.getByRole('button', { name: 'Ask team' }).click();
    await page.getByRole('button', { name: 'Mark done' }).click();
    await page.getByLabel('What Billing came back with').fill('the second charge of $49 is refunded');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.resolve-panel .agreed-task').filter({ hasText: 'Billing: the second charge of $49 is refunded.' }).waitFor();

    // And the agent writes what else they agreed.
    await page.getByLabel('What you agreed').fill('reship the parcel by express');
    await page.locator('.resolve-panel .agreed-agent').filter({ hasText: 'Reship the parcel by express.' }).waitFor();
    await page.waitForFunction(() => /Reship the parcel by express\./.test(document.querySelector('.resolve-panel .email-text')?.textContent ?? ''));
    assert.equal(await blocked.isHidden(), true);
    assert.equal(await resolve.getAttribute('aria-disabled'), 'false');

    // The preview: sender from MAIL_FROM, the customer's address, the summary as written and the footer.
    assert.equal(await page.locator('.resolve-panel .email-from').innerText(), web.desk.config.mailFrom);
    assert.equal(await page.locator('.resolve-panel .email-to').innerText(), 'maria.lopez@example.com');
    previewText = (await page.locator('.resolve-panel .email-text').textContent()) ?? '';
    const summaryText = await summary.inputValue();
    assert.ok(previewText.startsWith(`${summaryText.trim()}\n\n--\n`), 'the e-mail is the summary, then the footer');
    for (const line of ['- You will get a 10% discount on your next order.', '- Billing: the second charge of $49 is refunded.', '- Reship the parcel by express.']) {
      assert.ok(previewText.includes(line), `${line} in ${previewText}`);
    }
    assert.doesNotMatch(previewText, /summary by e-?mail|send you a (short )?summary|receive (refund|reship)/i);
    const previewHtml = (await page.locator('.resolve-panel iframe.email-html').getAttribute('srcdoc')) ?? '';
    assert.match(previewHtml, /<li>You will get a 10% discount on your next order\.<\/li>/);
    const subject = await page.locator('.resolve-panel .email-subject').innerText();

    await resolve.click();
    await page.locator('.resolve-panel .alert-ok').waitFor();
    await web.desk.scheduler.tick();
    const [mail] = await web.desk.smtp.waitFor(1);
    assert.equal(mail.text, previewText, 'the e-mail received is the preview, exactly');
    assert.equal(String(mail.html).trim(), previewHtml.trim(), 'and so is its HTML');
    assert.equal(mail.subject, subject);
    assert.equal(mail.from?.value[0].address, /<([^>]+)>/.exec(web.desk.config.mailFrom)?.[1]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a lead finds that e-mail in Sent mail and reads it exactly as sent; agents have no such page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const problems = watchPage(page);
    await signIn(page, web.baseUrl, web.desk.users.lead.email, web.desk.users.lead.password);
    await page.goto(`${web.baseUrl}/outbox`);
    const row = page.locator('.outbox-table tr.mail-sent').first();
    await row.waitFor();
    assert.match(await row.innerText(), /maria\.lopez@example\.com/);
    await row.locator('.open-mail').click();
    assert.equal(await page.locator('.mail-viewer .email-text').textContent(), previewText);
    assert.deepEqual(problems, []);
    await page.close();

    const agentPage = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(agentPage, web.baseUrl, web.desk.users.agent.email, web.desk.users.agent.password);
    assert.equal(await agentPage.getByRole('link', { name: 'Sent mail' }).count(), 0);
    await agentPage.close();
  });
});
