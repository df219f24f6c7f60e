/**
 * The small script the manifest puts on supported helpdesks. It carries no engine: it asks the background
 * to inject the coach into this frame as soon as the page has a reply editor (the site adapter's selectors,
 * or any editor getting focus), and otherwise once the page has gone idle after loading. Starting the engine
 * takes a while (its phrase tables are compiled on first use, on the page's main thread), so it is better
 * paid while the helpdesk is still loading than when the agent first clicks into a reply. The coach's cold
 * start is measured from this request.
 */
import '../chrome.ts';
import { siteFor } from '../sites/index.ts';
import { allDocuments, editorFor, findSiteEditor, handledByParent } from './editors.ts';
import type { BackgroundMessage } from './messages.ts';

function startLoader(): void {
  const site = siteFor(location.hostname);
  if (!site || handledByParent()) return;
  let requested = false;
  const listened = new WeakSet<Document>();

  const request = (): void => {
    if (requested || window.__defuseCoach) return;
    requested = true;
    observer.disconnect();
    window.__defuseLoaderAt = performance.now();
    const message: BackgroundMessage = { type: 'defuse:inject' };
    chrome.runtime.sendMessage(message).catch(() => {
      // The background was restarting; the next editor mutation or focus tries again.
      requested = false;
      observer.observe(document.documentElement, { childList: true, subtree: true });
    });
  };
  const onFocus = (e: Event): void => {
    if (editorFor(e.composedPath()[0] as Element)) request();
  };
  const look = (): void => {
    const docs = allDocuments(document);
    for (const doc of docs) {
      if (listened.has(doc)) continue;
      listened.add(doc);
      doc.addEventListener('focusin', onFocus, true);
    }
    if (findSiteEditor(site, docs)) request();
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      look();
    }, 100);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  look();
  // No reply box yet: start the coach anyway when the page has nothing else to do, so it is warm by the time
  // the agent opens a ticket (helpdesks are single-page apps that stay open all day).
  const preload = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(request, { timeout: PRELOAD_AFTER_MS });
    else setTimeout(request, PRELOAD_AFTER_MS);
  };
  if (document.readyState === 'complete') preload();
  else window.addEventListener('load', preload, { once: true });
}

/** The longest wait for an idle moment after load before the coach is started anyway. */
const PRELOAD_AFTER_MS = 3000;

startLoader();
