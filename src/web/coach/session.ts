/**
 * One coaching loop around one reply editor: every pause in typing re-checks the draft with the engine in
 * this page (`checkReply`, no network), underlines the findings through the overlay, and redraws the panel.
 * Shared by the browser extension and the `<defuse-coach>` element, which differ only in how they find the
 * editor and the customer's message.
 */
import { analyzeMessage, checkReply, type CheckResult, type Finding, type MessageAnalysis, type ReplyContext, type RuleSettings, type Suggestion } from '../../engine/index.ts';
import { applyFix, type FixOutcome } from './apply.ts';
import { createOverlay, type Overlay } from './overlay.ts';
import type { Panel, PanelState } from './panel.ts';
import { domRange, isTextArea, readEditorText, type EditorText, type ReplyEditor } from './text.ts';

/**
 * The pause after a keystroke before the draft is checked again. A check takes a few milliseconds on a
 * typical draft once the engine is warm, so findings show well within 100 ms of the last keystroke; a burst
 * of fast typing is checked once, at its end.
 */
export const DEBOUNCE_MS = 25;

/** Alt+Shift+D in the editor moves focus to the panel (Escape in the panel comes back). */
export const FOCUS_PANEL_KEY = { altKey: true, shiftKey: true, code: 'KeyD' } as const;

/** What the coaching reads besides the draft; asked again before every check, so it may change. */
export interface CoachSituation {
  context: ReplyContext;
  rules?: RuleSettings;
  /** The customer's message as shown in the panel, with where it came from. */
  customer?: PanelState['customer'];
}

export interface CoachSessionOptions {
  panel: Panel;
  situation(): CoachSituation;
  /** Called after every check (timings, events for an embedding page). */
  onCheck?(info: { text: string; result: CheckResult; ms: number }): void;
  onFix?(outcome: FixOutcome): void;
  /** The attached editor left the document (the host app re-rendered it). */
  onEditorLost?(): void;
}

export interface CoachSession {
  attach(editor: ReplyEditor, ignore?: readonly string[]): void;
  detach(): void;
  readonly editor: ReplyEditor | undefined;
  /** Checks now, skipping the pause; undefined without an editor. */
  check(): CheckResult | undefined;
  /** Applies a suggestion computed for the current text. */
  fix(suggestion: Suggestion): Promise<FixOutcome | undefined>;
  /** Selects a finding's words in the editor. */
  jump(finding: Finding): void;
  highlight(index: number | undefined): void;
  focusEditor(): void;
}

/**
 * Starts a session; `attach` it to an editor.
 *
 * @example
 * const session = createCoachSession({ panel, situation: () => ({ context: { customerMessage } }) });
 * session.attach(document.querySelector('textarea')!);
 */
export function createCoachSession(options: CoachSessionOptions): CoachSession {
  let editor: ReplyEditor | undefined;
  let ignore: readonly string[] = [];
  let overlay: Overlay | undefined;
  let mutations: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  let last: { text: string; result: CheckResult; key: string } | undefined;
  let editorText: EditorText | undefined;
  // The customer's message is analysed once, not on every keystroke.
  let analysisCache: { key: string; analysis: MessageAnalysis } | undefined;

  const onInput = (): void => schedule();
  const onKeydown = (e: KeyboardEvent): void => {
    if (e.altKey === FOCUS_PANEL_KEY.altKey && e.shiftKey === FOCUS_PANEL_KEY.shiftKey && e.code === FOCUS_PANEL_KEY.code && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      options.panel.focus();
    }
  };

  function withAnalysis(context: ReplyContext): ReplyContext {
    if (!context.customerMessage || context.analysis) return context;
    const key = `${context.customerName ?? ''}\u0000${context.customerMessage}`;
    if (analysisCache?.key !== key) analysisCache = { key, analysis: analyzeMessage(context.customerMessage, { customerName: context.customerName }) };
    return { ...context, analysis: analysisCache.analysis };
  }

  function run(): CheckResult | undefined {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!editor) return undefined;
    if (!editor.isConnected) {
      lose();
      return undefined;
    }
    const situation = options.situation();
    const read = readEditorText(editor, ignore);
    const key = JSON.stringify([situation.context, situation.rules ?? null]);
    if (last && last.text === read.text && last.key === key) {
      editorText = read;
      overlay?.paint(visible(read.text, last.result.findings), read);
      return last.result;
    }
    const t0 = performance.now();
    const result = checkReply(read.text, withAnalysis(situation.context), { rules: situation.rules });
    const ms = performance.now() - t0;
    last = { text: read.text, result, key };
    editorText = read;
    overlay?.paint(visible(read.text, result.findings), read);
    options.panel.render({ text: read.text, result, customer: situation.customer });
    const ds = options.panel.root.dataset;
    ds.checkMs = ms.toFixed(1);
    ds.checkedLength = String(read.text.length);
    ds.renderedAt = performance.now().toFixed(1);
    options.onCheck?.({ text: read.text, result, ms });
    return result;
  }

  /** An empty draft gets the next move only: underlining "everything missing" in nothing is noise. */
  function visible(text: string, findings: readonly Finding[]): readonly Finding[] {
    return text.trim() ? findings : [];
  }

  function schedule(): void {
    if (!editor) return;
    // While typing, keep only the underlines before the first changed character, so none drifts.
    if (last && overlay) {
      const read = readEditorText(editor, ignore);
      let common = 0;
      const a = read.text;
      const b = last.text;
      while (common < a.length && common < b.length && a.charCodeAt(common) === b.charCodeAt(common)) common++;
      overlay.paint(visible(a, last.result.findings.filter((f) => f.range[1] <= common)), read);
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  function lose(): void {
    detach();
    options.onEditorLost?.();
  }

  function detach(): void {
    if (timer) clearTimeout(timer);
    if (poll) clearInterval(poll);
    timer = poll = undefined;
    mutations?.disconnect();
    mutations = undefined;
    overlay?.destroy();
    overlay = undefined;
    if (editor) {
      editor.removeEventListener('input', onInput);
      editor.removeEventListener('keydown', onKeydown as EventListener);
    }
    editor = undefined;
    last = undefined;
  }

  function attach(next: ReplyEditor, nextIgnore: readonly string[] = []): void {
    if (next === editor) return;
    detach();
    editor = next;
    ignore = nextIgnore;
    overlay = createOverlay(next);
    next.addEventListener('input', onInput);
    next.addEventListener('keydown', onKeydown as EventListener);
    const win = next.ownerDocument.defaultView as Window & typeof globalThis;
    if (isTextArea(next)) {
      // A script setting `value` (a macro, a restored draft) fires no event; a cheap look twice a second sees it.
      poll = setInterval(() => {
        if (!editor?.isConnected) lose();
        else if (last && (editor as HTMLTextAreaElement).value !== last.text) schedule();
      }, 500);
    } else {
      // Contenteditable editors change their DOM for macros and pasted templates, often without an input event.
      mutations = new win.MutationObserver(() => {
        if (last && editor && readEditorText(editor, ignore).text !== last.text) schedule();
      });
      mutations.observe(next, { childList: true, characterData: true, subtree: true });
      poll = setInterval(() => {
        if (!editor?.isConnected) lose();
      }, 500);
    }
    run();
  }

  function select(f: Finding): void {
    if (!editor) return;
    editor.focus({ preventScroll: false });
    if (isTextArea(editor)) {
      editor.setSelectionRange(f.range[0], f.range[1]);
      return;
    }
    const range = editorText && domRange(editor.ownerDocument, editorText, f.range[0], f.range[1]);
    if (!range) return;
    const sel = editor.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    (range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement)?.scrollIntoView({ block: 'nearest' });
  }

  return {
    attach,
    detach,
    get editor() {
      return editor;
    },
    check: run,
    async fix(suggestion) {
      if (!editor) return undefined;
      const current = readEditorText(editor, ignore).text;
      if (!last || last.text !== current) run();
      // Only a fix computed for exactly this text is applied; a stale range would corrupt the draft.
      const fresh = last?.result.findings.some((f) => f.suggestions.some((s) => s.fix.range[0] === suggestion.fix.range[0] && s.fix.range[1] === suggestion.fix.range[1] && s.fix.text === suggestion.fix.text));
      if (!fresh) return undefined;
      const outcome = await applyFix(editor, suggestion.fix, ignore);
      run();
      options.onFix?.(outcome);
      return outcome;
    },
    jump: select,
    highlight(index) {
      overlay?.highlight(index);
    },
    focusEditor() {
      editor?.focus();
    },
  };
}
