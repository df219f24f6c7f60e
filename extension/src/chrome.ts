/**
 * The few WebExtension APIs the extension calls, typed by hand (Chrome's and Firefox's `chrome.*` agree on
 * these). Declaring only what is used keeps the surface reviewable and adds no dependency. Importing this
 * module (`import './chrome.ts'`) declares the global `chrome`; it has no code.
 */

export interface MessageSender {
  tab?: { id?: number; url?: string };
  frameId?: number;
  url?: string;
  origin?: string;
}

interface Listeners<F> {
  addListener(cb: F): void;
}

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface ContextMenuClick {
  menuItemId: string | number;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
}

export interface ChromeApi {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage<T = unknown>(message: unknown): Promise<T>;
    onMessage: Listeners<(message: unknown, sender: MessageSender, sendResponse: (response?: unknown) => void) => boolean | void>;
    onInstalled: Listeners<(details: { reason: string }) => void>;
    onStartup: Listeners<() => void>;
  };
  storage: {
    local: StorageArea;
    onChanged: Listeners<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void>;
  };
  contextMenus: {
    create(props: { id: string; title: string; contexts: string[] }): void;
    removeAll(): Promise<void>;
    onClicked: Listeners<(info: ContextMenuClick, tab?: { id?: number }) => void>;
  };
  action: {
    onClicked: Listeners<(tab: { id?: number; url?: string }) => void>;
  };
  scripting: {
    executeScript(injection: { target: { tabId: number; frameIds?: number[]; allFrames?: boolean }; files: string[] }): Promise<{ result?: unknown }[]>;
    executeScript<T>(injection: { target: { tabId: number; frameIds?: number[]; allFrames?: boolean }; func: () => T }): Promise<{ result?: T }[]>;
  };
  tabs: {
    query(info: { active?: boolean; lastFocusedWindow?: boolean; currentWindow?: boolean }): Promise<{ id?: number; url?: string }[]>;
    sendMessage<T = unknown>(tabId: number, message: unknown, options?: { frameId?: number }): Promise<T>;
  };
}

declare global {
  const chrome: ChromeApi;
}
