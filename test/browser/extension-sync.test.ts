// The extension pulling its team's settings from a real desk (PostgreSQL, the app on loopback) in Chromium:
// the options page sends the agent's API token to GET /api/config, the desk answers the extension's origin
// with CORS, and the settings reach the coach in an open helpdesk tab. A wrong token and an unreachable desk
// show as errors on the options page while coaching goes on with what it had.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchWithExtension, PANEL, type ExtensionBrowser } from './extension-support.ts';
import { startWebDesk, watchPage, type WebDesk } from './support.ts';

describe('extension and desk: team settings over CORS', () => {
  let web: WebDesk;
  let ext: ExtensionBrowser;
  let token: string;
  let stopped = false;

  before(async () => {
    web = await startWebDesk();
    const admin = await web.desk.login('admin');
    const created = await admin.post('/api/admin/tokens', { userId: web.desk.users.agent.id, name: "Ana's browser" });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    token = created.body.secret;
    ext = await launchWithExtension();
  });
  after(async () => {
    await ext?.close();
    if (!stopped) await web?.stop();
  });

  async function optionsPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await ext.context.newPage();
    const problems = watchPage(page);
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    return { page, problems };
  }

  const teamState = (): Promise<{ config?: { companyName?: string; agentName?: string; options?: { id: string }[] }; error?: string; fetchedAt?: number }> =>
    ext.worker.evaluate(async () => (await chrome.storage.local.get('team')).team as never);

  it('pulls the team settings with the token through the desk\'s CORS for the extension origin', async () => {
    const { page, problems } = await optionsPage();
    await page.getByLabel('Server address').fill(web.baseUrl);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Save and pull team settings' }).click();
    await page.locator('#sync-status', { hasText: 'Team settings pulled' }).waitFor();
    const state = await teamState();
    assert.equal(state.error, undefined);
    assert.equal(state.config?.companyName, web.desk.config.companyName);
    assert.equal(state.config?.agentName, web.desk.users.agent.name);
    assert.ok((state.config?.options ?? []).length > 0, 'the options catalogue came along');
    assert.match(await page.locator('#team-options').innerText(), /From your team/);

    // Test connection: the desk coaches a fixed sample draft the same way the extension does.
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.locator('#sync-status', { hasText: /^Connected/ }).waitFor();
    assert.deepEqual(problems, []);

    // An open helpdesk tab coaches with the team's settings (its catalogue reaches the engine).
    const tab = await ext.context.newPage();
    await tab.goto(ext.url('acme.freshdesk.com', 'freshdesk.html'));
    await tab.locator('defuse-panel').waitFor({ state: 'attached', timeout: 60_000 });
    const editor = tab.locator('.fr-element');
    await editor.click();
    // The draft acknowledges first: an offer is only suggested where it adds no new problem, and one appended
    // to a bare "we can't" would come before any acknowledgement (no-fix-before-acknowledge).
    await editor.pressSequentially("I can see how frustrating this is, Priya, and I apologize for the broken blender. We can't do anything about that.", { delay: 5 });
    await tab.locator(`${PANEL} li.dp-finding`).first().waitFor();
    const more = tab.locator(`${PANEL} .dp-more`);
    // The customer wants their money back: the suggestion offers a remedy from the desk's catalogue. It is a
    // suggestion, so it may sit behind "Show all"; the panel re-renders as coaching catches up with the typing,
    // so the list is expanded whenever it shows the collapsed state, until the offer is on screen.
    const offer = tab.locator(`${PANEL} li.dp-finding[data-rule="offer-options-for-need"] .dp-fix`);
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      if ((await offer.count()) > 0 && (await offer.first().isVisible())) break;
      if ((await more.isVisible()) && /^Show all/.test(await more.innerText())) await more.click();
      await tab.waitForTimeout(200);
    }
    assert.ok((await offer.count()) > 0, `an offer from the catalogue; the panel shows: ${await tab.locator(PANEL).innerText()}`);
    assert.match(await offer.first().innerText(), /I can offer you/);
    await tab.close();
    await page.close();
  });

  it('a wrong token is reported on the options page; the last good settings stay in use', async () => {
    const { page } = await optionsPage();
    await page.getByLabel('API token').fill('dfs_wrong-token');
    await page.getByRole('button', { name: 'Save and pull team settings' }).click();
    await page.locator('#sync-status', { hasText: /answered 401/ }).waitFor();
    const state = await teamState();
    assert.match(state.error ?? '', /401/);
    assert.equal(state.config?.companyName, web.desk.config.companyName, 'the last pulled settings are kept');
    await page.close();
  });

  it('offline (the desk is gone): the error shows, coaching works as before', async () => {
    const { page } = await optionsPage();
    await page.getByLabel('API token').fill(token);
    await web.stop();
    stopped = true;
    await page.getByRole('button', { name: 'Save and pull team settings' }).click();
    await page.locator('#sync-status', { hasText: /could not be reached/ }).waitFor();
    const tab = await ext.context.newPage();
    await tab.goto(ext.url('app.frontapp.com', 'front.html'));
    await tab.locator('defuse-panel').waitFor({ state: 'attached', timeout: 60_000 });
    const editor = tab.locator('.ProseMirror');
    await editor.click();
    await editor.pressSequentially("Calm down. That's not my department.", { delay: 5 });
    await tab.locator(`${PANEL} li.dp-finding[data-rule="no-dismissing-emotion"]`).first().waitFor();
    await tab.close();
    await page.close();
  });
});
