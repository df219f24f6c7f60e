// The browser extension in Debian's Chromium, loaded unpacked: each helpdesk's fixture page served from
// loopback under the helpdesk's real address, a bad draft typed as an agent would, findings on screen within
// 100 ms of the last keystroke, a one-click fix going through the editor's own input events, no request
// leaving the page, the generic "Use as customer message" fallback on a plain page, an editor inside an
// iframe, the host app re-rendering its editor, the keyboard, and the options page.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { manifest, UNPACKED_ID, UNPACKED_KEY } from '../../extension/manifest.ts';
import { SITES } from '../../extension/src/sites/index.ts';
import { FIXTURE_HOSTS, launchWithExtension, PANEL, type ExtensionBrowser } from './extension-support.ts';
import { watchPage } from './support.ts';
import { createHash } from 'node:crypto';

const BAD_REPLY = "Calm down. That's not my department, call billing.";
/** Typed after the draft, one at a time: the pauses after these are the ones measured. */
const MORE = [' Sorry.', ' Thanks.', ' Bye.'];
/** Where the screenshots for the README are written (`DEFUSE_SCREENSHOTS=extension/screenshots` to refresh them). */
const SHOTS = process.env.DEFUSE_SCREENSHOTS;

/** Each adapter's editor and the customer message its fixture shows last. */
const CASES: Record<string, { editor: string; customer: RegExp; name: RegExp }> = {
  zendesk: { editor: '[data-test-id="omnicomposer-rich-text-ckeditor"]', customer: /charged twice for order #4411/, name: /Ana/ },
  freshdesk: { editor: '.fr-element', customer: /fed up/, name: /Priya/ },
  helpscout: { editor: '.ProseMirror', customer: /ten days and my refund/, name: /Marta/ },
  front: { editor: '.ProseMirror', customer: /locked out of my account/, name: /Tom/ },
  intercom: { editor: '[data-testid="inbox-composer"] [contenteditable]', customer: /deleted all my notes/, name: /Lena/ },
  gmail: { editor: '[g_editable="true"]', customer: /second time you've sent the wrong size/, name: /Kofi/ },
};

interface FixtureLog {
  events: { type: string; inputType: string | null; isTrusted: boolean; at: number }[];
  mutations: { at: number; count: number }[];
  draft: string;
  lastKeyAt: number;
  reverted: number;
}

const fixtureLog = (page: Page): Promise<FixtureLog> => page.evaluate(() => (window as unknown as { __fixture: FixtureLog }).__fixture);

/** The panel's data attributes (timings, the last check's length, the last fix's route). */
const panelData = (page: Page): Promise<Record<string, string | undefined>> =>
  page.evaluate(() => ({ ...(document.querySelector('defuse-panel')?.shadowRoot?.querySelector('section.dp') as HTMLElement | null)?.dataset }));

/** Milliseconds from the last keystroke (the page's own keydown listener) to the panel showing that check. */
async function latency(page: Page): Promise<number> {
  const [data, log] = [await panelData(page), await fixtureLog(page)];
  return Number(data.renderedAt) - log.lastKeyAt;
}

/** Expands the panel's list to every finding (it shows the top three at first). */
async function showAll(page: Page): Promise<void> {
  const more = page.locator(`${PANEL} .dp-more`);
  if ((await more.isVisible()) && /Show all/.test((await more.textContent()) ?? '')) await more.click();
}

async function waitForCheckOf(page: Page, text: string): Promise<void> {
  await page.waitForFunction((n) => (document.querySelector('defuse-panel')?.shadowRoot?.querySelector('section.dp') as HTMLElement | null)?.dataset.checkedLength === String(n), text.length);
}

describe('browser extension in Chromium', () => {
  let ext: ExtensionBrowser;
  const coldStarts: number[] = [];

  before(async () => {
    ext = await launchWithExtension();
  });
  after(async () => {
    await ext?.close();
  });

  async function open(host: string, file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await ext.context.newPage();
    const problems = watchPage(page);
    await page.goto(ext.url(host, file));
    // On a supported helpdesk the coach starts by itself; its first start in a tab takes seconds on a busy
    // machine (see the README's figures), so wait for it rather than type into a page without it.
    if (Object.values(FIXTURE_HOSTS).includes(host)) await page.locator('defuse-panel').waitFor({ state: 'attached', timeout: 60_000 });
    return { page, problems };
  }

  it('loads unpacked with the pinned id, narrow permissions, and store packages', (t) => {
    assert.equal(ext.extensionId, UNPACKED_ID, 'the unpacked id follows from the manifest key');
    const der = Buffer.from(UNPACKED_KEY, 'base64');
    const derived = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    assert.equal(derived, UNPACKED_ID);
    const built = JSON.parse(readFileSync(join(ext.build.unpacked, 'manifest.json'), 'utf8'));
    assert.deepEqual(built.permissions, ['storage', 'contextMenus', 'activeTab', 'scripting']);
    assert.ok(built.host_permissions.every((p: string) => p.startsWith('https://')), 'https only');
    assert.deepEqual([...built.host_permissions].sort(), SITES.flatMap((s) => s.hosts.map((h) => `https://${h}/*`)).sort());
    assert.equal(manifest('chrome', '1.0.0').key, undefined, 'the store package carries no key');
    assert.deepEqual((manifest('firefox', '1.0.0').background as { scripts: string[] }).scripts, ['background.js']);
    // Every permission is justified in the extension's README.
    const readme = readFileSync(join(import.meta.dirname, '../../extension/README.md'), 'utf8');
    for (const p of [...built.permissions, 'host permissions']) assert.match(readme, new RegExp(`\`${p}\``), `README justifies ${p}`);
    for (const [name, s] of Object.entries(ext.build.sizes)) t.diagnostic(`${name}: ${(s.bytes / 1024).toFixed(0)} KB (${(s.gzip / 1024).toFixed(0)} KB gzipped)`);
    // Zip archives start with a local file header and hold the manifest.
    for (const z of Object.values(ext.build.zips)) assert.equal(readFileSync(z).readUInt32LE(0), 0x04034b50);
  });

  for (const site of SITES) {
    it(`${site.name}: coaches the reply box within 100 ms of typing, and fixes through the editor's input events`, async (t) => {
      const c = CASES[site.id];
      assert.ok(c, `a test case for the ${site.id} adapter`);
      const { page, problems } = await open(FIXTURE_HOSTS[site.id], `${site.id}.html`);
      const editor = page.locator(c.editor).first();

      // The loader sees the reply editor and the coach arrives; the panel names the customer's message.
      await page.locator('defuse-panel').waitFor({ state: 'attached', timeout: 60_000 });
      await editor.click();
      if (site.id === 'gmail') await page.keyboard.press('Control+Home');
      await editor.pressSequentially(BAD_REPLY, { delay: 15 });
      await waitForCheckOf(page, BAD_REPLY);
      const first = await latency(page);
      // Once warm (the first draft pays the engine's lazy set-up), each pause in typing is measured; the
      // median of three keeps one garbage-collection pause on a busy machine from deciding the test.
      const warm: number[] = [];
      let typed = BAD_REPLY;
      for (const more of MORE) {
        await editor.pressSequentially(more, { delay: 15 });
        typed += more;
        await waitForCheckOf(page, typed);
        warm.push(await latency(page));
      }
      const median = [...warm].sort((a, b) => a - b)[1];
      const data = await panelData(page);
      t.diagnostic(`${site.name}: findings on screen ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms after the last keystroke (first draft ${first.toFixed(0)} ms; check ${data.checkMs} ms); cold start ${data.coldStartMs} ms`);
      assert.ok(median >= 0 && median < 100, `findings within 100 ms of the last keystroke (median ${median.toFixed(1)} ms)`);
      coldStarts.push(Number(data.coldStartMs));
      assert.equal(data.site, site.id);

      const panel = page.locator(PANEL);
      assert.match(await panel.locator('.dp-customer').innerText(), c.customer, 'the customer message is read from the page');
      assert.match(await panel.locator('.dp-customer').innerText(), new RegExp(`read from ${site.name}`));
      assert.match(await panel.locator('.dp-next').textContent() ?? '', /Next best move/);
      const severities = await panel.locator('li.dp-finding').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.severity));
      assert.equal(severities[0], 'error', `problems come first: ${severities.join(', ')}`);
      if (SHOTS && (site.id === 'zendesk' || site.id === 'front')) {
        await page.locator('defuse-overlay .u').first().waitFor();
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, `panel-${site.id}.png`) });
      }
      await showAll(page);
      await panel.locator('li.dp-finding[data-rule="no-transfer"]').first().waitFor();

      // Underlined in place, over the words, by our overlay; the editor's own DOM untouched by coaching.
      const underline = page.locator('defuse-overlay .u[data-rule="no-transfer"]').first();
      await underline.waitFor();
      const [u, e] = [await underline.boundingBox(), await editor.boundingBox()];
      assert.ok(u && e && u.x >= e.x - 1 && u.y >= e.y - 1 && u.y + u.height <= e.y + e.height + 1, 'the underline sits over the editor');
      const mutationsBefore = (await fixtureLog(page)).mutations.length;
      const htmlBefore = await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).innerHTML, c.editor);
      await page.waitForTimeout(150);
      assert.equal((await fixtureLog(page)).mutations.length, mutationsBefore, 'coaching never writes into the editor');
      assert.equal(await page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).innerHTML, c.editor), htmlBefore);

      // The name the adapter read reaches the engine (its suggestions address the customer by it).
      const nameFix = panel.locator('li.dp-finding[data-rule="use-customer-name"] .dp-fix');
      if (await nameFix.count()) assert.match(await nameFix.first().innerText(), c.name);

      // One click: the fix replaces the words through the editor's input path, and the app's draft follows.
      const transfer = panel.locator('li.dp-finding[data-rule="no-transfer"]:has(button.dp-fix)').first();
      const quote = (await transfer.locator('.dp-quote').textContent()) ?? '';
      const fixButton = transfer.locator('button.dp-fix').first();
      const inserted = /“(.+)”/.exec((await fixButton.textContent()) ?? '')?.[1] ?? '';
      assert.ok(quote && inserted, `a transfer finding with a replacement (${quote} → ${inserted})`);
      const eventsBefore = (await fixtureLog(page)).events.length;
      await fixButton.click();
      await page.waitForFunction(([sel, text]) => (document.querySelector(sel as string) as HTMLElement).innerText.includes(text as string), [c.editor, inserted]);
      const after = await fixtureLog(page);
      const fixData = await panelData(page);
      t.diagnostic(`${site.name}: fix applied via ${fixData.lastFix}`);
      assert.match(fixData.lastFix ?? '', /^ok:/);
      const text = await editor.innerText();
      // Gmail's box also holds the quoted thread ("On Mon, Kofi Mensah wrote: … That's not my department"): the
      // flagged words must be gone from the reply, not from what the customer wrote.
      const reply = text.split(/\n\s*On [^\n]* wrote:/)[0];
      assert.ok(!reply.includes(quote), `the flagged words are gone: ${text}`);
      assert.ok(text.startsWith('Calm down.'), `the rest of the draft is kept: ${text}`);
      const newEvents = after.events.slice(eventsBefore);
      assert.ok(newEvents.some((ev) => ev.type === 'input' || ev.type === 'beforeinput' || ev.type === 'paste'), `the editor saw input events: ${JSON.stringify(newEvents)}`);
      assert.ok(after.draft.includes(inserted), `the app's own draft has the fix: ${after.draft}`);
      await page.waitForFunction((q) => ![...document.querySelector('defuse-panel')?.shadowRoot?.querySelectorAll('li.dp-finding q') ?? []].some((e) => e.textContent === q), quote);

      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  it('cold start of the coach is measured', (t) => {
    assert.equal(coldStarts.length, SITES.length);
    const sorted = [...coldStarts].sort((a, b) => a - b);
    t.diagnostic(`cold start (loader request to first coaching on screen): median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`);
    assert.ok(sorted.every((ms) => Number.isFinite(ms) && ms > 0));
  });

  it('no request leaves the page when no server is configured', async () => {
    const seen: string[] = [];
    const pageRequests = (r: Request): void => { seen.push(r.url()); };
    ext.context.on('request', pageRequests);
    const from = ext.server.requests.length;
    const { page } = await open(FIXTURE_HOSTS.zendesk, 'zendesk.html');
    const editor = page.locator(CASES.zendesk.editor);
    await editor.click();
    await editor.pressSequentially(BAD_REPLY, { delay: 5 });
    await waitForCheckOf(page, BAD_REPLY);
    await showAll(page);
    await page.locator(`${PANEL} li.dp-finding[data-rule="no-transfer"] button.dp-fix`).first().click();
    await page.waitForTimeout(500);
    ext.context.removeListener('request', pageRequests);
    // Every host name resolves to the fixture server, so anything sent anywhere would be in its log.
    const window_ = ext.server.requests.slice(from);
    assert.deepEqual(window_.filter((r) => r.origin?.startsWith('chrome-extension://')), [], 'nothing sent from the extension');
    // Chromium's own update service checks the unpacked extension now and then; that is the browser, not us.
    const sent = window_.filter((r) => r.host !== 'update.googleapis.com').map((r) => `${r.host}${r.url}`);
    assert.deepEqual(sent.filter((u) => !/^acme\.zendesk\.com\/(zendesk\.html|fixture-editor\.js|favicon\.ico)$/.test(u)), [], `only the fixture itself was fetched: ${sent.join(', ')}`);
    assert.deepEqual(seen.filter((u) => !u.startsWith('https://acme.zendesk.com/')), [], 'the page made no other request');
    await page.close();
  });

  it('survives the helpdesk re-rendering its editor and switching tickets', async () => {
    const { page, problems } = await open(FIXTURE_HOSTS.zendesk, 'zendesk.html');
    const editor = page.locator(CASES.zendesk.editor);
    await editor.click();
    await editor.pressSequentially('Calm down.', { delay: 5 });
    await waitForCheckOf(page, 'Calm down.');
    // React remounts the composer with the same draft: the coach follows to the new element.
    await page.evaluate(() => (window as unknown as { remountComposer(): void }).remountComposer());
    await page.locator('defuse-overlay .u[data-rule="no-dismissing-emotion"]').first().waitFor();
    const attachedToNew = await page.evaluate(() => {
      const u = document.querySelector('defuse-overlay')?.shadowRoot?.querySelector('.u');
      return Boolean(u) && document.querySelectorAll('defuse-overlay').length === 1;
    });
    assert.ok(attachedToNew, 'one overlay, over the new editor');
    await editor.press('End');
    await editor.pressSequentially(" That's not my department.", { delay: 5 });
    await showAll(page);
    await page.locator(`${PANEL} li.dp-finding[data-rule="no-transfer"]`).first().waitFor();

    // Another ticket: new address, new conversation, new composer; the panel reads the new customer.
    await page.evaluate(() => (window as unknown as { switchTicket(): void }).switchTicket());
    assert.match(page.url(), /\/agent\/tickets\/4412$/);
    const fresh = page.locator(CASES.zendesk.editor);
    await fresh.click();
    await fresh.pressSequentially("I'm sorry.", { delay: 5 });
    await waitForCheckOf(page, "I'm sorry.");
    await page.waitForFunction(() => /parcel is two weeks late/.test(document.querySelector('defuse-panel')?.shadowRoot?.querySelector('.dp-customer')?.textContent ?? ''));
    assert.match(await page.locator(`${PANEL} .dp-customer`).innerText(), /two weeks late/);
    assert.equal(await page.locator('defuse-overlay').count(), 1, 'the old overlay went away with the old editor');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the generic fallback works on a plain page: toolbar button, then "Use as customer message"', async () => {
    const { page, problems } = await open('tools.example', 'plain.html');
    assert.equal(await page.locator('defuse-panel').count(), 0, 'nothing runs on a page the extension has no permission for');
    await ext.clickToolbarButton(page);
    // The first start of the engine in a tab takes seconds on a busy machine (see the README's figures).
    await page.locator(PANEL).waitFor({ timeout: 60_000 });
    assert.match(await page.locator(`${PANEL} .dp-hint`).innerText(), /Click into the reply box/);

    // The agent selects the customer's message and uses it.
    await page.locator('#customer').selectText();
    await page.locator(`${PANEL} button.dp-use`).click();
    const reply = page.locator('#reply');
    await reply.click();
    await reply.pressSequentially(BAD_REPLY, { delay: 5 });
    await waitForCheckOf(page, BAD_REPLY);
    assert.match(await page.locator(`${PANEL} .dp-customer`).innerText(), /charged twice.*\(your selection\)/s);
    const apology = page.locator(`${PANEL} .dp-fix`, { hasText: /apologize/i });
    await showAll(page);
    assert.ok(await apology.count(), 'the coaching reads the selected customer message (an apology for their issue is suggested)');
    assert.ok(await page.locator(`${PANEL} .dp-fix`, { hasText: /Ana/ }).count(), 'the name in the selected message is used');

    // A textarea fix goes through execCommand: trusted input events, and Ctrl+Z takes it back.
    const before = await reply.inputValue();
    await page.locator(`${PANEL} li.dp-finding[data-rule="no-transfer"] button.dp-fix`).first().click();
    await page.waitForFunction((b) => (document.getElementById('reply') as HTMLTextAreaElement).value !== b, before);
    const fixed = await reply.inputValue();
    const log = await fixtureLog(page);
    assert.ok(log.events.some((e) => e.type === 'input' && e.inputType === 'insertText' && e.isTrusted), 'a trusted insertText input event');
    assert.equal(log.draft, fixed, 'the app saw the fixed draft');
    assert.equal((await panelData(page)).lastFix, 'ok:insertText');
    await reply.focus();
    await page.keyboard.press('Control+z');
    assert.equal(await reply.inputValue(), before, 'Ctrl+Z undoes the fix');

    // The context menu's handler (the native menu itself cannot be clicked in a test) does the same.
    const tabId = await ext.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    await ext.worker.evaluate(([id, text]) => (globalThis as unknown as { defuse: { useAsCustomerMessage(id: number, t: string): Promise<void> } }).defuse.useAsCustomerMessage(id as number, text as string),
      [tabId, 'My parcel never arrived and I need it tomorrow. - Kofi']);
    await page.waitForFunction(() => /parcel never arrived/.test(document.querySelector('defuse-panel')?.shadowRoot?.querySelector('.dp-customer')?.textContent ?? ''));
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('coaches an editor inside a same-origin iframe', async () => {
    const { page, problems } = await open('legacy.example', 'iframe-editor.html');
    await ext.clickToolbarButton(page);
    // The first start of the engine in a tab takes seconds on a busy machine (see the README's figures).
    await page.locator(PANEL).waitFor({ timeout: 60_000 });
    await page.locator('#customer').selectText();
    await page.locator(`${PANEL} button.dp-use`).click();
    const body = page.frameLocator('#editor-frame').locator('body');
    await body.click();
    await body.pressSequentially(BAD_REPLY, { delay: 5 });
    await page.locator(`${PANEL} li.dp-finding[data-rule="no-transfer"]`).first().waitFor();
    // The overlay lives in the frame's document, next to its editor.
    await page.frameLocator('#editor-frame').locator('defuse-overlay .u[data-rule="no-transfer"]').first().waitFor();
    await showAll(page);
    const before = await body.innerText();
    await page.locator(`${PANEL} li.dp-finding[data-rule="no-transfer"] button.dp-fix`).first().click();
    await page.waitForFunction((b) => (document.getElementById('editor-frame') as HTMLIFrameElement).contentDocument?.body.innerText !== b, before);
    const fixed = await body.innerText();
    assert.ok(!fixed.includes('not my department') || !fixed.includes('call billing'), `a transfer phrase was replaced: ${fixed}`);
    assert.equal((await page.evaluate(() => (window as unknown as { __fixture: FixtureLog }).__fixture.draft)).trim(), fixed.trim(), 'the app saw the fixed draft');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the panel is keyboard-usable: Alt+Shift+D into it, Tab to a fix, Enter applies it, Escape goes back', async () => {
    const { page, problems } = await open(FIXTURE_HOSTS.front, 'front.html');
    const editor = page.locator(CASES.front.editor);
    await editor.click();
    await editor.pressSequentially(BAD_REPLY, { delay: 5 });
    await waitForCheckOf(page, BAD_REPLY);
    await page.keyboard.press('Alt+Shift+KeyD');
    const focused = (): Promise<string> => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return `${host?.tagName.toLowerCase()}>${inner ? `${inner.className}:${inner.textContent}` : ''}`;
    });
    assert.match(await focused(), /^defuse-panel>dp-(fix|jump)/, 'focus moved into the panel');
    // Tab through the panel to a fix and press Enter.
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      if ((await focused()).startsWith('defuse-panel>dp-fix:')) found = true;
      else await page.keyboard.press('Tab');
    }
    assert.ok(found, 'a fix is reachable with Tab');
    const before = await editor.innerText();
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => (document.querySelector('.ProseMirror') as HTMLElement).innerText !== b, before);
    // Escape from the panel returns to the editor.
    await page.keyboard.press('Alt+Shift+KeyD');
    await page.keyboard.press('Escape');
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), 'Escape hands focus back to the editor');
    // The hide/show toggle works from the keyboard too.
    await page.keyboard.press('Alt+Shift+KeyD');
    const toggle = page.locator(`${PANEL} .dp-toggle`);
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('options page: rule levels, names and the options catalogue apply to open reply boxes at once', async () => {
    const { page, problems } = await open(FIXTURE_HOSTS.freshdesk, 'freshdesk.html');
    const editor = page.locator(CASES.freshdesk.editor);
    await editor.click();
    await editor.pressSequentially(BAD_REPLY, { delay: 5 });
    await page.locator(`${PANEL} li.dp-finding[data-rule="no-transfer"]`).first().waitFor();

    const options = await ext.context.newPage();
    const optionProblems = watchPage(options);
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    assert.match(await options.locator('#origin').innerText(), new RegExp(`^chrome-extension://${UNPACKED_ID}$`));
    await options.getByLabel('Company name').fill('Acme Kitchens');
    await options.getByLabel('Your name').fill('Sam');
    await options.getByLabel('no-transfer').selectOption('off');
    await options.getByRole('button', { name: 'Add an option' }).click();
    await options.getByLabel('Id of option 1').fill('refund');
    await options.getByLabel('Label of option 1').fill('Full refund');
    await options.getByLabel('Need option 1 serves').selectOption('financial');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText('Saved.').waitFor();
    const stored = await ext.worker.evaluate(() => chrome.storage.local.get('settings'));
    assert.deepEqual((stored.settings as { rules: unknown }).rules, { 'no-transfer': 'off' });

    // The open Freshdesk tab re-checks with the new levels without a reload.
    await page.waitForFunction(() => !document.querySelector('defuse-panel')?.shadowRoot?.querySelector('li.dp-finding[data-rule="no-transfer"]'));
    assert.equal(await page.locator('defuse-overlay .u[data-rule="no-transfer"]').count(), 0);

    // A server address that is neither https nor this machine is refused before any token is sent.
    await options.getByLabel('Server address').fill('http://desk.example.com');
    await options.getByLabel('API token').fill('dfs_x');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.getByText(/must start with https:\/\//).waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(optionProblems, []);
    await options.close();
    await page.close();
  });
});
