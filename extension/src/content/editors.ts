/**
 * Finding reply editors on a page: in the document, in same-origin iframes (classic CKEditor and TinyMCE put
 * their editable body in an `about:blank` or `srcdoc` frame, where no content script runs, so the frame's
 * parent coaches it), and in whatever has focus. Shared by the small loader and the coach.
 */
import { editableRoot, isReplyEditor, isTextArea, type ReplyEditor } from '../../../src/web/coach/text.ts';
import type { SiteAdapter } from '../sites/types.ts';

/** Our own elements: never coached, never counted as the page's. */
export const OWN_TAGS = new Set(['DEFUSE-PANEL', 'DEFUSE-OVERLAY']);

/**
 * True when this frame's parent is same-origin: the parent's coach reaches into this frame, so this frame's
 * own script stands down and the panel stays in the top page rather than inside a small editor frame.
 */
export function handledByParent(win: Window = window): boolean {
  try {
    return win.frameElement !== null && win !== win.top;
  } catch {
    return false;
  }
}

/** The document and every same-origin iframe document under it, depth first. */
export function allDocuments(doc: Document): Document[] {
  const out: Document[] = [doc];
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) out.push(...allDocuments(inner));
  }
  return out;
}

/** The element that really has focus, through iframes and open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  for (;;) {
    if (el && (el.tagName === 'IFRAME' || el.tagName === 'FRAME')) {
      let inner: Document | null = null;
      try {
        inner = (el as HTMLIFrameElement).contentDocument;
      } catch {
        return el;
      }
      if (!inner?.activeElement || inner.activeElement === inner.body && !inner.body?.isContentEditable) return el;
      el = inner.activeElement;
      continue;
    }
    const shadowActive = el?.shadowRoot?.activeElement;
    if (shadowActive) {
      el = shadowActive;
      continue;
    }
    return el;
  }
}

/** The reply editor an element belongs to (itself, or the contenteditable root around it), if any. */
export function editorFor(target: EventTarget | null | undefined): ReplyEditor | undefined {
  const el = target as Element | null | undefined;
  if (!el || el.nodeType !== 1 || OWN_TAGS.has(el.tagName)) return undefined;
  if (isTextArea(el)) return isReplyEditor(el) ? el : undefined;
  const root = editableRoot(el);
  return root && isVisible(root) ? root : undefined;
}

/** Rendered with a size (not display:none, not in a hidden tab of the app). */
export function isVisible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/** The first visible editor the site's selectors name, trying each selector in order across the documents. */
export function findSiteEditor(site: SiteAdapter, docs: readonly Document[]): ReplyEditor | undefined {
  for (const selector of site.editors) {
    for (const doc of docs) {
      for (const el of doc.querySelectorAll(selector)) {
        const editor = editorFor(el);
        if (editor && isVisible(editor)) return editor;
      }
    }
  }
  return undefined;
}

/** Whether an editor is one the site's selectors name. */
export function isSiteEditor(site: SiteAdapter | undefined, editor: Element): boolean {
  return !!site && site.editors.some((s) => editor.matches(s));
}
