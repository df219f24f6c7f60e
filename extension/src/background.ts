/**
 * The extension's service worker. It injects the coach where it is wanted (a supported helpdesk's frame
 * that has a reply editor; any page once the agent clicks the toolbar button or "Use as customer message",
 * through `activeTab`), owns the "Use as customer message" menu item, and refreshes the team configuration
 * when a server is set. It never sees a draft: coaching happens in the page.
 */
import './chrome.ts';
import type { BackgroundMessage, CoachMessage } from './content/messages.ts';
import { syncIfStale } from './sync.ts';

export const MENU_ID = 'defuse-use-as-customer-message';
const COACH_FILE = 'coach.js';

/**
 * Puts the coach into one frame of a tab, unless it is there already: evaluating the bundle again would set
 * the engine up again (seconds of the page's main thread) only for the coach to see it is running.
 */
async function inject(tabId: number, frameId: number): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await chrome.scripting.executeScript({ target, func: () => Boolean(window.__defuseCoach) });
  if (probe?.result === true) return;
  await chrome.scripting.executeScript({ target, files: [COACH_FILE] });
}

/**
 * "Use as customer message": makes sure the tab's top frame has a coach (with the `activeTab` grant the
 * click gives), then hands the selected text to every coach in the tab.
 */
export async function useAsCustomerMessage(tabId: number, text: string): Promise<void> {
  const trimmed = text.trim();
  if (!trimmed) return;
  await inject(tabId, 0);
  const message: CoachMessage = { type: 'defuse:customer-message', text: trimmed };
  await chrome.tabs.sendMessage(tabId, message);
}

/** The toolbar button: coach this page now and show the panel. */
export async function coachTab(tabId: number): Promise<void> {
  await inject(tabId, 0);
  const message: CoachMessage = { type: 'defuse:open' };
  await chrome.tabs.sendMessage(tabId, message, { frameId: 0 });
}

chrome.runtime.onInstalled.addListener(() => {
  void chrome.contextMenus.removeAll().then(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: 'Use as customer message', contexts: ['selection'] });
  });
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  void useAsCustomerMessage(tab.id, info.selectionText ?? '').catch((err) => console.warn('[defuse] could not coach this page:', err));
});

chrome.action.onClicked.addListener((tab) => {
  if (tab.id === undefined) return;
  void coachTab(tab.id).catch((err) => console.warn('[defuse] could not coach this page:', err));
});

chrome.runtime.onMessage.addListener((message, sender) => {
  const m = message as BackgroundMessage;
  if (m?.type === 'defuse:inject' && sender.tab?.id !== undefined) {
    void inject(sender.tab.id, sender.frameId ?? 0).catch((err) => console.warn('[defuse] could not start the coach:', err));
  } else if (m?.type === 'defuse:coach-started') {
    void syncIfStale().catch(() => undefined);
  }
  return false;
});

// The menu and toolbar handlers, reachable from the worker's own console (and from tests, which cannot
// click browser menus). Nothing outside the extension can reach a service worker's global scope.
(globalThis as unknown as { defuse: unknown }).defuse = { useAsCustomerMessage, coachTab };
