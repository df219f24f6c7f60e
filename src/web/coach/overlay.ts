/**
 * Underlines findings in place, over any textarea or contenteditable editor, without touching it.
 *
 * The overlay is an element of our own (`<defuse-overlay>`, a shadow root holding the underlines) appended to
 * the editor's document root, outside the editor and outside the page's app root, with `pointer-events: none`
 * so every click and keystroke still reaches the editor. Underlines are boxes drawn at the client rects of
 * each finding's range: a DOM `Range` for contenteditable, a hidden mirror of the textarea (same font,
 * width, padding and wrapping) for a textarea. They follow scrolling, resizing and the page moving the editor.
 * This follows Harper's lint-framework (STYLE.md 19): the host page's text is never rewritten to show coaching.
 */
import type { Finding, Severity } from '../../engine/index.ts';
import { domRange, isTextArea, type EditorText, type ReplyEditor } from './text.ts';
import { adoptStyles } from './styles.ts';

export interface Overlay {
  /** Our element in the editor's document (tests look for it; the page never should). */
  readonly host: HTMLElement;
  /** Draws these findings over the editor's current text. */
  paint(findings: readonly Finding[], text: EditorText): void;
  /** Recomputes positions (after the editor moved or scrolled). */
  reposition(): void;
  /** Marks one finding's underline as the active one (its panel entry has focus), or none. */
  highlight(index: number | undefined): void;
  destroy(): void;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, suggestion: 1 };

const OVERLAY_CSS = `
:host { all: initial; }
.clip { position: fixed; overflow: hidden; pointer-events: none; }
.u { position: absolute; pointer-events: none; border-bottom: 2px solid; box-sizing: border-box; border-radius: 1px; }
.u.sev-error { border-color: #b42318; background: rgba(180, 35, 24, .10); }
.u.sev-warning { border-color: #c27c0e; background: rgba(214, 137, 16, .12); }
.u.sev-suggestion { border-color: #245d9c; border-bottom-style: dashed; }
.u.active { outline: 2px solid #b45309; outline-offset: 1px; }
.mirror { position: fixed; visibility: hidden; pointer-events: none; overflow: hidden; white-space: pre-wrap; overflow-wrap: break-word; word-wrap: break-word; }
`;

/** Textarea styles the mirror copies so it wraps text at exactly the same places. */
const MIRRORED = [
  'boxSizing', 'width', 'height', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch',
  'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing',
  'wordSpacing', 'tabSize', 'direction', 'whiteSpace', 'wordBreak', 'overflowWrap',
] as const;

/**
 * Creates the overlay for one editor. Call `destroy()` when the editor goes away or coaching stops.
 *
 * @example
 * const overlay = createOverlay(textarea);
 * overlay.paint(checkReply(textarea.value, ctx).findings, readEditorText(textarea));
 */
export function createOverlay(editor: ReplyEditor): Overlay {
  const doc = editor.ownerDocument;
  const win = doc.defaultView as Window & typeof globalThis;
  const host = doc.createElement('defuse-overlay');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', left: '0', top: '0', width: '0', height: '0', zIndex: '2147483646', pointerEvents: 'none', display: 'block' });
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, OVERLAY_CSS);
  const clip = doc.createElement('div');
  clip.className = 'clip';
  shadow.append(clip);
  let mirror: HTMLDivElement | undefined;
  doc.documentElement.append(host);

  let findings: readonly Finding[] = [];
  let text: EditorText | undefined;
  let active: number | undefined;
  let frame = 0;

  function rectsFor(start: number, end: number): DOMRect[] {
    if (!text) return [];
    if (isTextArea(editor)) return textareaRects(start, end);
    const range = domRange(doc, text, start, end);
    if (!range) return [];
    return [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0);
  }

  function textareaRects(start: number, end: number): DOMRect[] {
    const ta = editor as HTMLTextAreaElement;
    mirror ??= shadow.appendChild(doc.createElement('div'));
    mirror.className = 'mirror';
    const cs = win.getComputedStyle(ta);
    for (const prop of MIRRORED) (mirror.style as unknown as Record<string, string>)[prop] = cs[prop];
    const box = ta.getBoundingClientRect();
    Object.assign(mirror.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    // A textarea wraps like pre-wrap whatever its white-space says, except `off`/nowrap set explicitly.
    if (ta.getAttribute('wrap') !== 'off' && cs.whiteSpace !== 'nowrap' && cs.whiteSpace !== 'pre') mirror.style.whiteSpace = 'pre-wrap';
    // The zero-width space keeps a trailing newline's empty line, as the textarea shows it.
    const value = ta.value;
    mirror.textContent = `${value}\u200b`;
    const node = mirror.firstChild as Text;
    const range = doc.createRange();
    range.setStart(node, Math.min(start, value.length));
    range.setEnd(node, Math.min(end, value.length));
    const m = mirror.getBoundingClientRect();
    const dx = box.left - m.left - ta.scrollLeft;
    const dy = box.top - m.top - ta.scrollTop;
    return [...range.getClientRects()].filter((r) => r.width > 0.5).map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height));
  }

  function draw(): void {
    frame = 0;
    const box = editor.getBoundingClientRect();
    if (!editor.isConnected || box.width === 0 || box.height === 0) {
      clip.replaceChildren();
      return;
    }
    // The visible content area: inside the borders, without scrollbars.
    const left = box.left + editor.clientLeft;
    const top = box.top + editor.clientTop;
    Object.assign(clip.style, { left: `${left}px`, top: `${top}px`, width: `${editor.clientWidth || box.width}px`, height: `${editor.clientHeight || box.height}px` });
    // Most severe last, so it is drawn on top where findings overlap.
    const order = findings.map((f, i) => [f, i] as const).sort(([a], [b]) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    const boxes: HTMLElement[] = [];
    for (const [f, i] of order) {
      if (f.range[1] <= f.range[0]) continue;
      for (const r of rectsFor(f.range[0], f.range[1])) {
        const u = doc.createElement('div');
        u.className = `u sev-${f.severity}${active === i ? ' active' : ''}`;
        u.dataset.rule = f.ruleId;
        u.dataset.finding = String(i);
        Object.assign(u.style, { left: `${r.left - left}px`, top: `${r.top - top}px`, width: `${r.width}px`, height: `${r.height}px` });
        boxes.push(u);
      }
    }
    clip.replaceChildren(...boxes);
  }

  const schedule = (): void => {
    if (!frame) frame = win.requestAnimationFrame(draw);
  };
  const resize = new win.ResizeObserver(schedule);
  resize.observe(editor);
  win.addEventListener('scroll', schedule, { capture: true, passive: true });
  win.addEventListener('resize', schedule, { passive: true });

  return {
    host,
    paint(next, t) {
      findings = next;
      text = t;
      // Draw now rather than next frame: the underline must not lag the panel the agent is reading.
      if (frame) win.cancelAnimationFrame(frame);
      draw();
    },
    reposition: schedule,
    highlight(index) {
      active = index;
      schedule();
    },
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      resize.disconnect();
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
      host.remove();
    },
  };
}
