/**
 * The coach inside a helpdesk page (or any page the agent asked it into). Injected once per frame, by the
 * loader when a reply editor appears on a supported helpdesk, or by the background when the agent clicks the
 * toolbar button or "Use as customer message" on another page.
 *
 * It finds the reply editor (the site adapter's selectors, else whatever editor has focus, including editors
 * inside same-origin iframes), reads the customer's latest message through the adapter, and runs the shared
 * coaching session: the engine in this page, underlines over the editor, a small panel in the corner. It
 * keeps working when the helpdesk re-renders: a lost editor is looked for again, and a change of address
 * (SPA navigation, another ticket) drops a customer message the agent picked by hand. Nothing here makes
 * a network request.
 */
import '../chrome.ts';
import { mountPanel } from '../../../src/web/coach/panel.ts';
import { createCoachSession, type CoachSituation } from '../../../src/web/coach/session.ts';
import type { ReplyEditor } from '../../../src/web/coach/text.ts';
import { effectiveSettings, loadSettings, SETTINGS_KEY, TEAM_KEY, DEFAULT_SETTINGS, type EffectiveSettings } from '../settings.ts';
import { siteFor } from '../sites/index.ts';
import { readCustomerMessage } from './conversation.ts';
import { allDocuments, deepActiveElement, editorFor, findSiteEditor, handledByParent, isVisible, OWN_TAGS } from './editors.ts';
import type { CoachMessage } from './messages.ts';

/** How often, at most, page mutations trigger a new look for the editor. */
const RESCAN_MS = 250;

function startCoach(): NonNullable<Window['__defuseCoach']> {
  const scriptStart = performance.now();
  const site = siteFor(location.hostname);
  let settings: EffectiveSettings = effectiveSettings(DEFAULT_SETTINGS);
  let manual: { text: string; href: string } | undefined;
  let opened = false;
  let firstCheck = true;

  // The panel: our element on the document root, its content in a shadow root.
  const host = document.createElement('defuse-panel');
  Object.assign(host.style, { position: 'fixed', right: '16px', bottom: '16px', zIndex: '2147483647', display: 'block' });
  host.hidden = true;
  const shadow = host.attachShadow({ mode: 'open' });
  const panel = mountPanel(shadow, {
    floating: true,
    onFix: (s) => void session.fix(s),
    onJump: (f) => session.jump(f),
    onFocusFinding: (i) => session.highlight(i),
    onUseSelection: () => {
      const text = selectedText();
      if (text) useCustomerMessage(text);
    },
    onEscape: () => (session.editor ? session.focusEditor() : panel.setCollapsed(true)),
  });
  panel.root.dataset.site = site?.id ?? 'generic';
  document.documentElement.append(host);

  const session = createCoachSession({
    panel,
    situation,
    onCheck: () => {
      if (!firstCheck) return;
      firstCheck = false;
      // Cold start: from the loader's request (or this script's start) to the first coaching on screen.
      const now = performance.now();
      panel.root.dataset.coldStartMs = (now - (window.__defuseLoaderAt ?? scriptStart)).toFixed(0);
      panel.root.dataset.engineStartMs = (now - scriptStart).toFixed(0);
    },
    onFix: (outcome) => {
      panel.root.dataset.lastFix = `${outcome.ok ? 'ok' : 'failed'}:${outcome.via ?? 'none'}`;
    },
    onEditorLost: () => scan(),
  });

  function situation(): CoachSituation {
    if (manual && manual.href !== location.href) manual = undefined;
    const fromPage = !manual && site ? readCustomerMessage(site, session.editor, document) : undefined;
    const customerMessage = manual?.text ?? fromPage?.text;
    return {
      context: {
        ...(customerMessage ? { customerMessage } : {}),
        ...(fromPage?.name ? { customerName: fromPage.name } : {}),
        ...(settings.agentName ? { agentName: settings.agentName } : {}),
        ...(settings.companyName ? { companyName: settings.companyName } : {}),
        ...(settings.options ? { options: settings.options } : {}),
      },
      rules: settings.rules,
      customer: customerMessage ? { text: customerMessage, source: manual ? 'your selection' : `read from ${site?.name ?? 'the page'}` } : undefined,
    };
  }

  function attach(editor: ReplyEditor): void {
    host.hidden = false;
    if (editor === session.editor) return;
    session.attach(editor, site?.ignore ?? []);
  }

  /** Looks for the editor to coach: the focused one, else the one the adapter names. */
  function scan(): void {
    const docs = allDocuments(document);
    for (const doc of docs) listen(doc);
    if (session.editor?.isConnected && isVisible(session.editor)) return;
    const focused = editorFor(deepActiveElement(document));
    const editor = focused ?? (site ? findSiteEditor(site, docs) : undefined);
    if (editor) {
      attach(editor);
    } else {
      session.detach();
      host.hidden = !opened;
      panel.render({ text: '', hint: 'Click into the reply box to get coaching.' });
    }
  }

  // Focus in any of our documents (including a same-origin iframe's) attaches to that editor.
  const listened = new WeakSet<Document>();
  function listen(doc: Document): void {
    if (listened.has(doc)) return;
    listened.add(doc);
    doc.addEventListener('focusin', (e) => {
      const path = e.composedPath();
      if (path.some((n) => OWN_TAGS.has((n as Element).tagName))) return;
      const editor = editorFor(path[0] as Element);
      if (editor) attach(editor);
    }, true);
  }

  let rescanTimer: ReturnType<typeof setTimeout> | undefined;
  let lastHref = location.href;
  const observer = new MutationObserver(() => {
    if (rescanTimer) return;
    rescanTimer = setTimeout(() => {
      rescanTimer = undefined;
      scan();
      if (location.href !== lastHref) {
        // Another ticket: read the conversation again.
        lastHref = location.href;
        session.check();
      }
    }, RESCAN_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });

  function selectedText(): string {
    for (const doc of allDocuments(document)) {
      const text = doc.getSelection()?.toString().trim();
      if (text) return text;
    }
    return lastSelection;
  }
  // The last selection outside the editor, so a keyboard user can select, then Tab to the panel's button.
  let lastSelection = '';
  document.addEventListener('selectionchange', () => {
    const sel = document.getSelection();
    const text = sel?.toString().trim();
    if (!text || !sel?.anchorNode) return;
    const anchor = sel.anchorNode.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode.parentElement;
    if (anchor && session.editor?.contains(anchor)) return;
    lastSelection = text;
  });

  function useCustomerMessage(text: string): void {
    manual = { text: text.slice(0, 20_000), href: location.href };
    opened = true;
    host.hidden = false;
    if (!session.editor) scan();
    if (session.editor) session.check();
    else panel.render({ text: '', hint: 'Got the customer’s message. Click into the reply box to get coaching.' });
  }

  function open(): void {
    opened = true;
    host.hidden = false;
    scan();
    panel.focus();
  }

  async function reloadSettings(): Promise<void> {
    const { local, team } = await loadSettings();
    settings = effectiveSettings(local, team);
    session.check();
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (changes[SETTINGS_KEY] || changes[TEAM_KEY])) void reloadSettings();
  });
  chrome.runtime.onMessage.addListener((message) => {
    const m = message as CoachMessage;
    if (m?.type === 'defuse:customer-message' && typeof m.text === 'string') useCustomerMessage(m.text);
    else if (m?.type === 'defuse:open') open();
  });

  scan();
  void reloadSettings().catch(() => undefined);
  // Lets the background refresh the team config when it is stale; coaching does not wait for it.
  void chrome.runtime.sendMessage({ type: 'defuse:coach-started' }).catch(() => undefined);
  return { open, useCustomerMessage };
}

// Same-origin child frames are coached from their parent; a second injection into a frame is a no-op.
if (!handledByParent() && !window.__defuseCoach) window.__defuseCoach = startCoach();
