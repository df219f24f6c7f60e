// The <defuse-coach> element in real Chromium, as an internal tool would embed it: one ES module on a plain
// page with a strict Content-Security-Policy (no inline script or style), next to a textarea or a
// contenteditable editor. Coaching, underlines, one-click fixes through input events, its events, an editor
// that appears later, and no request beyond the page and the module.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { buildCoachElement } from '../../extension/build.ts';
import { startFixtureServer, type FixtureServer } from './extension-support.ts';
import { launchBrowser, watchPage } from './support.ts';

const BAD_REPLY = "Calm down. That's not my department, call billing.";
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

const page = (body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Internal tool</title>
<script type="module" src="/defuse-coach.js"></script></head>
<body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/textarea.html': page(`<h1>Case 12</h1>
<label for="reply">Reply</label>
<textarea id="reply" rows="5" cols="60"></textarea>
<defuse-coach for="reply" context="I was charged twice for my order and nobody answers my emails! - Ana"></defuse-coach>`),
  '/editable.html': page(`<h1>Case 13</h1>
<div id="editor-wrap"><div id="editor" contenteditable="true" role="textbox" aria-label="Reply"><p><br></p></div></div>
<defuse-coach for="editor-wrap" customer-name="Lena" rules='{"no-dismissing-emotion":"off"}'></defuse-coach>`),
  '/later.html': page(`<h1>Case 14</h1>
<div id="slot"></div>
<defuse-coach for="late-reply" context="My parcel is two weeks late."></defuse-coach>`),
};

/** Listeners the tests read, added from the test (the page's CSP forbids inline script). */
async function instrument(p: Page, selector: string): Promise<void> {
  await p.evaluate((sel) => {
    const w = window as unknown as { log: { events: { type: string; inputType?: string; trusted: boolean }[]; checks: number; fixes: unknown[]; lastKeyAt: number } };
    w.log = { events: [], checks: 0, fixes: [], lastKeyAt: 0 };
    const editor = document.querySelector(sel) as HTMLElement;
    for (const type of ['input', 'beforeinput']) editor.addEventListener(type, (e) => w.log.events.push({ type, inputType: (e as InputEvent).inputType, trusted: e.isTrusted }));
    document.addEventListener('keydown', () => { w.log.lastKeyAt = performance.now(); }, true);
    const coach = document.querySelector('defuse-coach') as HTMLElement;
    coach.addEventListener('defuse-check', () => { w.log.checks += 1; });
    coach.addEventListener('defuse-fix', (e) => { w.log.fixes.push((e as CustomEvent).detail); });
  }, selector);
}

describe('<defuse-coach> web component in Chromium', () => {
  let browser: Browser;
  let server: FixtureServer;
  let dir: string;
  let base: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-coach-'));
    const module = readFileSync(await buildCoachElement(join(dir, 'defuse-coach.js')));
    server = await startFixtureServer();
    const headers = { 'content-security-policy': CSP };
    server.routes.set('/defuse-coach.js', { type: 'text/javascript; charset=utf-8', body: module });
    for (const [path, html] of Object.entries(PAGES)) server.routes.set(path, { type: 'text/html; charset=utf-8', body: html, headers });
    base = `http://127.0.0.1:${server.port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('coaches a textarea, underlines in place, fixes through input events, and stays on the page', async (t) => {
    const p = await browser.newPage();
    const problems = watchPage(p);
    const from = server.requests.length;
    await p.goto(`${base}/textarea.html`);
    const coach = p.locator('defuse-coach');
    await coach.locator('section.dp').waitFor();
    await instrument(p, '#reply');
    const reply = p.locator('#reply');
    await reply.click();
    await reply.pressSequentially(BAD_REPLY, { delay: 15 });
    await p.waitForFunction((n) => (document.querySelector('defuse-coach')?.shadowRoot?.querySelector('section.dp') as HTMLElement | null)?.dataset.checkedLength === String(n), BAD_REPLY.length);
    await reply.pressSequentially(' Sorry.', { delay: 15 });
    const typed = `${BAD_REPLY} Sorry.`;
    await p.waitForFunction((n) => (document.querySelector('defuse-coach')?.shadowRoot?.querySelector('section.dp') as HTMLElement | null)?.dataset.checkedLength === String(n), typed.length);
    const ms = await p.evaluate(() => Number((document.querySelector('defuse-coach')!.shadowRoot!.querySelector('section.dp') as HTMLElement).dataset.renderedAt) - (window as unknown as { log: { lastKeyAt: number } }).log.lastKeyAt);
    t.diagnostic(`<defuse-coach>: findings ${ms.toFixed(0)} ms after the last keystroke`);
    // One pause, not a median: under a loaded 2-core machine this measured up to 290 ms, on a quiet one 30–60 ms.
    assert.ok(ms >= 0 && ms < 400, `findings within 400 ms of the last keystroke (${ms.toFixed(1)} ms)`);

    // The panel is styled by its own sheet even under a CSP that forbids inline styles.
    const border = await coach.locator('li.dp-finding.sev-error').first().evaluate((li) => getComputedStyle(li).borderLeftColor);
    assert.equal(border, 'rgb(180, 35, 24)');
    assert.match(await coach.locator('.dp-customer').innerText(), /charged twice/);
    await p.locator('defuse-overlay .u[data-rule="no-transfer"]').first().waitFor();
    const result = await coach.evaluate((el) => (el as unknown as { result: { findings: { ruleId: string }[] } }).result.findings.map((f) => f.ruleId));
    assert.ok(result.includes('no-transfer') && result.includes('no-dismissing-emotion'), 'the element exposes the latest result');
    assert.ok((await p.evaluate(() => (window as unknown as { log: { checks: number } }).log.checks)) > 0, 'defuse-check events');

    // The fix: trusted insertText input events, the defuse-fix event, and Ctrl+Z.
    const before = await reply.inputValue();
    if (await coach.locator('.dp-more').isVisible()) await coach.locator('.dp-more').click();
    await coach.locator('li.dp-finding[data-rule="no-transfer"] button.dp-fix').first().click();
    await p.waitForFunction((b) => (document.getElementById('reply') as HTMLTextAreaElement).value !== b, before);
    const log = await p.evaluate(() => (window as unknown as { log: { events: { type: string; inputType?: string; trusted: boolean }[]; fixes: { ok: boolean; via: string }[] } }).log);
    assert.ok(log.events.some((e) => e.type === 'input' && e.inputType === 'insertText' && e.trusted));
    assert.deepEqual(log.fixes.map((f) => [f.ok, f.via]), [[true, 'insertText']]);
    await reply.focus();
    await p.keyboard.press('Control+z');
    assert.equal(await reply.inputValue(), before);

    // Only the page and the module were fetched.
    const fetched = server.requests.slice(from).map((r) => r.url);
    assert.deepEqual([...new Set(fetched)].sort(), ['/defuse-coach.js', '/favicon.ico', '/textarea.html'].filter((u) => fetched.includes(u)).sort());
    assert.ok(fetched.every((u) => ['/textarea.html', '/defuse-coach.js', '/favicon.ico'].includes(u)), `no other request: ${fetched.join(', ')}`);
    assert.deepEqual(problems, []);
    await p.close();
  });

  it('coaches a contenteditable inside the element `for` names, with rule levels and a context object', async () => {
    const p = await browser.newPage();
    const problems = watchPage(p);
    await p.goto(`${base}/editable.html`);
    const coach = p.locator('defuse-coach');
    await coach.locator('section.dp').waitFor();
    await instrument(p, '#editor');
    const editor = p.locator('#editor');
    await editor.click();
    await editor.pressSequentially(BAD_REPLY, { delay: 5 });
    await coach.locator('li.dp-finding[data-rule="no-transfer"]').first().waitFor();
    assert.equal(await coach.locator('li.dp-finding[data-rule="no-dismissing-emotion"]').count(), 0, 'the rules attribute turned it off');
    // A context object set as a property: the customer's message now drives the coaching.
    await coach.evaluate((el) => { (el as unknown as { context: unknown }).context = { customerMessage: 'Your app deleted all my notes! I am furious.', customerName: 'Lena' }; });
    await p.waitForFunction(() => /deleted all my notes/.test(document.querySelector('defuse-coach')?.shadowRoot?.querySelector('.dp-customer')?.textContent ?? ''));
    const before = await editor.innerText();
    if (await coach.locator('.dp-more').isVisible()) await coach.locator('.dp-more').click();
    await coach.locator('li.dp-finding[data-rule="no-transfer"] button.dp-fix').first().click();
    await p.waitForFunction((b) => (document.getElementById('editor') as HTMLElement).innerText !== b, before);
    const log = await p.evaluate(() => (window as unknown as { log: { events: { type: string; inputType?: string; trusted: boolean }[] } }).log);
    assert.ok(log.events.some((e) => e.type === 'input' && e.trusted), 'the contenteditable saw a trusted input event');
    assert.deepEqual(problems, []);
    await p.close();
  });

  it('waits for an editor that appears later, and follows it when the app replaces it', async () => {
    const p = await browser.newPage();
    const problems = watchPage(p);
    await p.goto(`${base}/later.html`);
    const coach = p.locator('defuse-coach');
    await coach.locator('.dp-hint').waitFor();
    assert.match(await coach.locator('.dp-hint').innerText(), /Waiting for the reply editor/);
    const add = (): Promise<void> => p.evaluate(() => {
      const ta = document.createElement('textarea');
      ta.id = 'late-reply';
      document.getElementById('slot')!.replaceChildren(ta);
    });
    await add();
    const reply = p.locator('#late-reply');
    await reply.click();
    await reply.pressSequentially("That's not my department.", { delay: 5 });
    await coach.locator('li.dp-finding[data-rule="no-transfer"]').first().waitFor();
    // Re-rendered: a new textarea with the same id.
    await add();
    await p.locator('#late-reply').click();
    await p.locator('#late-reply').pressSequentially('Calm down.', { delay: 5 });
    await coach.locator('li.dp-finding[data-rule="no-dismissing-emotion"]').first().waitFor();
    assert.equal(await p.locator('defuse-overlay').count(), 1, 'one overlay, over the new editor');
    assert.deepEqual(problems, []);
    await p.close();
  });
});
