/**
 * The text of a reply editor as the engine reads it, and the way back from an engine range to the page.
 *
 * A `<textarea>` is easy: its value is the text. A contenteditable editor (CKEditor, ProseMirror, Froala,
 * Gmail's compose box) holds a tree, so the text is built by walking it: text nodes give their characters,
 * `<br>` and block boundaries give one `\n`. Every character of the result remembers where it came from,
 * so a finding's `[start, end)` range maps back to a DOM `Range` for underlining and for applying a fix.
 * Nothing here changes the page.
 */

/** A textarea or a contenteditable root. */
export type ReplyEditor = HTMLTextAreaElement | HTMLElement;

/** A point in the editor's DOM: a text node and an offset, or an element and a child index. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/** The editor's text at one moment, with the map back to its nodes. */
export interface EditorText {
  text: string;
  /**
   * The DOM point for a text offset (contenteditable only). `side` picks between the end of one node and
   * the start of the next when the offset sits on their boundary.
   */
  locate(offset: number, side?: 'before' | 'after'): DomPoint | undefined;
}

/** Elements that start a new line of text when they begin or end. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'IMG', 'VIDEO', 'AUDIO', 'CANVAS', 'OBJECT', 'IFRAME']);

/** True for a `<textarea>` (the reply boxes of plain forms and of some helpdesks' plain-text mode). */
export function isTextArea(el: Element | null | undefined): el is HTMLTextAreaElement {
  return !!el && el.nodeType === 1 && el.tagName === 'TEXTAREA';
}

/**
 * The contenteditable root an element belongs to, if any: the outermost element whose `isContentEditable`
 * is true, stopping at the document body (Gmail and old editors make the whole iframe body editable).
 */
export function editableRoot(el: Element | null | undefined): HTMLElement | undefined {
  let node = el as HTMLElement | null | undefined;
  if (!node || !(node as HTMLElement).isContentEditable) return undefined;
  while (node.parentElement && node.parentElement.isContentEditable) node = node.parentElement;
  return node;
}

/**
 * Whether an element can hold a reply: an enabled, writable textarea, or a contenteditable root. Single-line
 * inputs (search, subject) are never reply editors.
 */
export function isReplyEditor(el: Element | null | undefined): boolean {
  if (!el) return false;
  if (isTextArea(el)) return !el.disabled && !el.readOnly;
  const root = editableRoot(el);
  return root === el;
}

/**
 * Reads an editor's text. `ignore` lists selectors of parts that are not the reply (a quoted thread, a
 * signature block): they contribute nothing and nothing in them is underlined.
 *
 * @example
 * readEditorText(document.querySelector('[contenteditable]')!).text // 'Hi Ana,\nSorry about the wait.'
 */
export function readEditorText(editor: ReplyEditor, ignore: readonly string[] = []): EditorText {
  if (isTextArea(editor)) {
    const text = editor.value;
    return { text, locate: () => undefined };
  }
  return walkEditable(editor, ignore.length ? ignore.join(',') : undefined);
}

interface Segment {
  start: number;
  end: number;
  /** A text node, or for a synthetic newline the element it stands after. */
  node: Node;
  /** For synthetic characters: the point just before and just after them. */
  before?: DomPoint;
  after?: DomPoint;
}

function walkEditable(root: HTMLElement, ignore: string | undefined): EditorText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  // A block boundary asks for a newline, but only once and never at the very start or twice in a row.
  let pendingBreak: DomPoint | undefined;
  let lastChar = '';

  const push = (s: string, seg: Omit<Segment, 'start' | 'end'>): void => {
    segments.push({ ...seg, start: length, end: length + s.length });
    parts.push(s);
    length += s.length;
    lastChar = s[s.length - 1] ?? lastChar;
  };
  const flushBreak = (): void => {
    if (pendingBreak && length > 0 && lastChar !== '\n') push('\n', { node: pendingBreak.node, before: pendingBreak, after: pendingBreak });
    pendingBreak = undefined;
  };

  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) return;
      flushBreak();
      // Non-breaking spaces (CKEditor and Gmail write them between words) read as spaces; a newline inside a
      // text node of a normally wrapping element renders as a space. Each keeps its length, so offsets hold.
      const collapse = !preservesNewlines(node.parentElement);
      push(data.replace(/\u00a0/g, ' ').replace(collapse ? /[\n\r]/g : /(?!)/g, ' '), { node });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    if (SKIPPED.has(el.tagName) || el.hidden || el.getAttribute('aria-hidden') === 'true' && el.isContentEditable === false) return;
    if (ignore && el !== root && el.matches(ignore)) return;
    if (el.tagName === 'BR') {
      // A trailing <br> is the editors' placeholder that keeps an empty line open, not a line of its own.
      if (isLastInBlock(el, root)) return;
      const parent = el.parentNode as Node;
      const index = indexIn(el);
      flushBreak();
      push('\n', { node: el, before: { node: parent, offset: index }, after: { node: parent, offset: index + 1 } });
      return;
    }
    const block = el !== root && BLOCKS.has(el.tagName);
    if (block) pendingBreak ??= { node: el.parentNode as Node, offset: indexIn(el) };
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (block) pendingBreak ??= { node: el.parentNode as Node, offset: indexIn(el) + 1 };
  };
  visit(root);
  const text = parts.join('');

  return {
    text,
    locate(offset, side = 'after') {
      if (segments.length === 0) return { node: root, offset: 0 };
      // Binary search for the first segment ending at or after the offset.
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (segments[mid].end < offset) lo = mid + 1;
        else hi = mid;
      }
      let seg = segments[lo];
      // On a boundary between two segments, 'after' prefers the next one (where typed text would go).
      if (side === 'after' && offset === seg.end && lo + 1 < segments.length && segments[lo + 1].start === offset) seg = segments[lo + 1];
      if (offset > seg.end) offset = seg.end;
      if (seg.before && seg.after) return offset <= seg.start ? seg.before : seg.after;
      return { node: seg.node, offset: Math.max(0, Math.min(offset - seg.start, (seg.node as Text).data.length)) };
    },
  };
}

function preservesNewlines(el: Element | null): boolean {
  if (!el) return false;
  const ws = el.ownerDocument.defaultView?.getComputedStyle(el).whiteSpace ?? 'normal';
  return ws.startsWith('pre') || ws === 'break-spaces';
}

function indexIn(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/** Whether nothing but empty text follows this node up to the end of its block. */
function isLastInBlock(node: Node, root: HTMLElement): boolean {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    for (let s = n.nextSibling; s; s = s.nextSibling) {
      if (s.nodeType === 3 && !(s as Text).data.trim()) continue;
      if (s.nodeType === 1 && BLOCKS.has((s as Element).tagName)) return true;
      return false;
    }
    if (n.parentNode && n.parentNode.nodeType === 1 && BLOCKS.has((n.parentNode as Element).tagName)) return true;
  }
  return true;
}

/**
 * A DOM range over `[start, end)` of a contenteditable editor's text.
 *
 * @example
 * const t = readEditorText(editor); domRange(t, 0, 5)?.toString() // 'Hi An'
 */
export function domRange(doc: Document, text: EditorText, start: number, end: number): Range | undefined {
  const a = text.locate(start, 'after');
  const b = text.locate(end, 'before');
  if (!a || !b) return undefined;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return undefined;
  }
  return range;
}
