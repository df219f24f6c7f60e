/**
 * Applies a one-click fix the way a person typing would, so the host editor stays in charge of its text.
 *
 * The fix's range is selected and replaced with `document.execCommand('insertText')`: the browser's own
 * editing command, which fires trusted `input` events (`inputType: "insertText"`) and joins the editor's undo
 * history, so Ctrl+Z takes the fix back and the helpdesk's draft saving sees the change. Editors that take
 * over editing from the browser (CKEditor 5, Lexical, Slate) may refuse it; then the same edit is offered as a
 * `beforeinput` event, then as a paste, which those editors handle through their own models. Only if every
 * one of those is ignored is the text spliced in directly, followed by an `input` event. The result says which
 * way worked and whether the editor ended up with the expected text.
 */
import { applyFixes, type Fix } from '../../engine/index.ts';
import { domRange, isTextArea, readEditorText, type ReplyEditor } from './text.ts';

export type FixRoute = 'insertText' | 'beforeinput' | 'paste' | 'splice';

export interface FixOutcome {
  /** The editor's text is now what the fix produces. */
  ok: boolean;
  /** How the edit reached the editor; undefined when nothing changed. */
  via?: FixRoute;
  /** The editor's text afterwards. */
  text: string;
}

/** Spacing differences (a non-breaking space for a space, a collapsed double space) are not failures. */
const same = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * Replaces `fix.range` of the editor's current text with `fix.text` through the editor's own input path.
 * The caller must have computed the fix on the editor's current text. Each route is given a moment to
 * settle before it is judged, because model-driven editors undo DOM changes they did not make in a
 * mutation observer, after the change.
 *
 * @example
 * (await applyFix(textarea, { range: [11, 35], text: "I'll find the right person and get back to you" })).via // 'insertText'
 */
export async function applyFix(editor: ReplyEditor, fix: Fix, ignore: readonly string[] = []): Promise<FixOutcome> {
  const doc = editor.ownerDocument;
  const before = readEditorText(editor, ignore).text;
  const expected = applyFixes(before, [fix]).output;
  const [start, end] = fix.range;
  const current = (): string => readEditorText(editor, ignore).text;
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

  editor.focus({ preventScroll: true });
  if (isTextArea(editor)) {
    editor.setSelectionRange(start, end);
    execInsert(doc, fix.text, start < end);
    await settle();
    if (editor.value !== before) return { ok: same(editor.value, expected), via: 'insertText', text: editor.value };
    editor.setSelectionRange(start, end);
    editor.setRangeText(fix.text, start, end, 'end');
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.text }));
    await settle();
    return { ok: same(editor.value, expected), via: 'splice', text: editor.value };
  }

  const select = (): Range | undefined => {
    const range = domRange(doc, readEditorText(editor, ignore), start, end);
    if (!range) return undefined;
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    return range;
  };
  /** Runs one route on a fresh selection; undefined when the editor ended up unchanged. */
  const attempt = async (via: FixRoute, act: (range: Range) => void): Promise<FixOutcome | undefined> => {
    const range = select();
    if (!range) return { ok: false, text: current() };
    act(range);
    await settle();
    const now = current();
    // Any change at all ends the attempt: trying the next route would apply the fix twice.
    return now === before ? undefined : { ok: same(now, expected), via, text: now };
  };

  const outcome =
    (await attempt('insertText', () => execInsert(doc, fix.text, start < end))) ??
    (await attempt('beforeinput', (range) => {
      editor.dispatchEvent(new InputEvent('beforeinput', {
        bubbles: true,
        cancelable: true,
        inputType: 'insertReplacementText',
        data: fix.text,
        targetRanges: [new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })],
      }));
    })) ??
    (await attempt('paste', () => {
      const data = new DataTransfer();
      data.setData('text/plain', fix.text);
      editor.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    })) ??
    (await attempt('splice', (range) => {
      range.deleteContents();
      if (fix.text) range.insertNode(doc.createTextNode(fix.text));
      editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.text }));
    })) ?? { ok: false, text: current() };

  // Leave the caret after the inserted words, where the agent would expect to keep typing.
  if (outcome.ok) {
    const point = readEditorText(editor, ignore).locate(start + fix.text.length, 'before');
    if (point) doc.getSelection()?.collapse(point.node, point.offset);
  }
  return outcome;
}

function execInsert(doc: Document, text: string, replacing: boolean): void {
  try {
    // An empty replacement is a deletion: insertText with '' does nothing in some engines.
    if (text) doc.execCommand('insertText', false, text);
    else if (replacing) doc.execCommand('delete', false);
  } catch {
    // execCommand can throw in documents that forbid it; the caller falls through to the next route.
  }
}
