/**
 * The reply composer with live coaching. The engine runs here in the browser: every pause in typing
 * re-checks the draft with `checkReply`, underlines finding ranges in a highlight layer drawn behind a
 * transparent textarea, lists the findings with their reasons and one-click fixes, and shows the playbook
 * checklist and the next best move. Nothing is sent to the server to check a draft.
 */
import { applyFixes, checkReply, orderFindings, PRINCIPLES, resolveContext, type CheckResult, type Finding, type Move, type PrincipleId, type ReplyContext, type Severity, type Suggestion } from '../../engine/index.ts';
import { playbookSteps } from '../../engine/moves.ts';
import { h, replace, uid } from './dom.ts';
import { lengthLimit, MAX_MESSAGE } from './forms.ts';

/** How long typing must pause before the draft is checked again; short enough to feel live. */
const DEBOUNCE_MS = 180;

export const MOVE_LABELS: Record<Move, string> = {
  acknowledge: 'Acknowledge how they feel',
  apologize: 'Apologize for the issue',
  name: 'Use their name',
  empathize: 'Show genuine empathy',
  own: 'Take ownership',
  ask: 'Ask what they need',
  'ask-details': 'Ask for the details you need',
  offer: 'Offer an option',
  reassure: 'Reassure them',
  summarize: 'Summarize what was agreed',
  'follow-up': 'Say when you will follow up',
  loyalty: 'Thank them for their loyalty',
};

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Problem', warning: 'Warning', suggestion: 'Suggestion' };
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, suggestion: 1 };

/** Findings shown in full at once; the rest are one click away. */
export const EXPANDED_FINDINGS = 3;

/**
 * The order coaching is read in: the engine's `orderFindings` (most severe first, then the playbook's order,
 * P1 emotion first), the same order `defuse check` prints.
 */
export function orderForCoaching(findings: readonly Finding[]): Finding[] {
  return orderFindings(findings);
}

export interface ComposerOptions {
  /** Visible label of the textarea. */
  label: string;
  /** The situation the reply answers; read on every check so it can change (phase, options…). */
  context: () => ReplyContext;
  initial?: string;
  placeholder?: string;
  /** Called after every check. */
  onCheck?: (text: string, result: CheckResult) => void;
  /** Rows of the textarea before it grows. */
  rows?: number;
  /** The most characters the server accepts for this text (default: a message's limit, 20,000). */
  maxLength?: number;
  /** How the text is checked (default `checkReply`); the resolution summary is checked as the server scores it. */
  check?: (text: string, context: ReplyContext) => CheckResult;
}

export interface Composer {
  element: HTMLElement;
  textarea: HTMLTextAreaElement;
  text(): string;
  setText(text: string): void;
  /** Checks now (skipping the debounce) and returns the result. */
  check(): CheckResult;
  result(): CheckResult | undefined;
  /** False (and says so beside the text) when the text is longer than the server accepts: do not send it. */
  withinLimit(): boolean;
}

/**
 * Builds a composer.
 *
 * @example
 * const c = createComposer({ label: 'Reply to Ana', context: () => ({ customerMessage: last.body, customerName: 'Ana' }) });
 * panel.append(c.element);
 */
export function createComposer(options: ComposerOptions): Composer {
  const taId = uid('composer');
  const statusId = uid('coach-status');
  const textarea = h('textarea', {
    id: taId,
    class: 'composer-input',
    rows: options.rows ?? 6,
    spellcheck: 'true',
    placeholder: options.placeholder ?? '',
    'aria-describedby': statusId,
  });
  textarea.value = options.initial ?? '';
  const highlights = h('div', { class: 'composer-highlights' });
  const backdrop = h('div', { class: 'composer-backdrop', 'aria-hidden': 'true' }, highlights);
  const editor = h('div', { class: 'composer-editor' }, backdrop, textarea);

  const score = h('span', { class: 'coach-score' });
  const summary = h('span', { class: 'coach-summary-text' });
  // The live region: screen readers hear the coaching summary when it changes, not every keystroke.
  const status = h('p', { id: statusId, class: 'coach-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, summary);
  const nextMove = h('div', { class: 'coach-next' });
  const findingsList = h('ol', { class: 'coach-findings coach-findings-top', 'aria-label': 'Coaching findings' });
  const moreFindings = h('div', { class: 'coach-more', hidden: true });
  const checklist = h('ul', { class: 'coach-checklist', 'aria-label': 'Playbook checklist' });

  const limit = lengthLimit(textarea, options.maxLength ?? MAX_MESSAGE);
  const element = h('div', { class: 'composer' },
    h('div', { class: 'composer-head' },
      h('label', { for: taId, class: 'composer-label' }, options.label),
      score),
    editor,
    limit.element,
    h('div', { class: 'coach' },
      status,
      nextMove,
      findingsList,
      moreFindings,
      h('h4', { class: 'coach-subhead' }, 'Playbook checklist'),
      checklist),
  );

  let last: CheckResult | undefined;
  let lastText = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounced = '';

  function run(): CheckResult {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Past the limit the server refuses the text: coaching it would only invite polishing what cannot be
    // sent (and a pasted 200 KB costs the browser), so the first part is coached and the limit is said.
    const max = options.maxLength ?? MAX_MESSAGE;
    const text = textarea.value.length > max ? textarea.value.slice(0, max) : textarea.value;
    const context = options.context();
    const t0 = performance.now();
    const result = (options.check ?? checkReply)(text, context);
    element.dataset.checkMs = (performance.now() - t0).toFixed(1);
    last = result;
    lastText = text;
    render(text, result, context);
    options.onCheck?.(text, result);
    return result;
  }

  function schedule(): void {
    paintHighlights(textarea.value, last && lastText === textarea.value ? last.findings : staleFindings());
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  /** While typing, keep the old underlines only if the text before them is unchanged, so they don't drift. */
  function staleFindings(): Finding[] {
    if (!last) return [];
    const text = textarea.value;
    let common = 0;
    while (common < text.length && common < lastText.length && text.charCodeAt(common) === lastText.charCodeAt(common)) common++;
    return last.findings.filter((f) => f.range[1] <= common);
  }

  function render(text: string, full: CheckResult, context: ReplyContext): void {
    // An empty draft only gets the next move and checklist: a list of everything missing from nothing is noise.
    const result = text.trim() ? full : { ...full, findings: [] };
    paintHighlights(text, result.findings);
    const n = result.findings.length;
    score.textContent = text.trim() ? `Playbook score ${result.scores.overall}` : '';
    score.className = `coach-score ${result.scores.overall >= 80 ? 'good' : result.scores.overall >= 50 ? 'fair' : 'poor'}`;
    const counts = text.trim()
      ? n === 0 ? 'No coaching findings.' : `${n} coaching finding${n === 1 ? '' : 's'}: ${result.findings.map((f) => f.message).join(' ')}`
      : 'Start typing; coaching appears as you write.';
    const next = result.nextMove ? ` Next best move: ${MOVE_LABELS[result.nextMove.move]}.` : '';
    const announcement = counts + next;
    if (announcement !== lastAnnounced) {
      summary.textContent = text.trim() ? (n === 0 ? 'No coaching findings.' : `${n} coaching finding${n === 1 ? '' : 's'}`) : counts;
      // The visible text is short; the status's accessible text carries the detail once per change.
      status.setAttribute('aria-label', announcement);
      lastAnnounced = announcement;
    }
    renderNextMove(result);
    renderFindings(text, result.findings);
    renderChecklist(text, result, context);
  }

  function renderNextMove(result: CheckResult): void {
    if (!result.nextMove) {
      replace(nextMove);
      nextMove.hidden = true;
      return;
    }
    nextMove.hidden = false;
    replace(nextMove,
      h('span', { class: 'coach-next-label' }, 'Next best move'),
      h('strong', {}, MOVE_LABELS[result.nextMove.move]),
      h('span', { class: 'coach-next-why' }, result.nextMove.reason));
  }

  function findingItem(text: string, f: Finding, i: number): HTMLElement {
    const quote = text.slice(f.range[0], f.range[1]);
    // The button's name is its visible text plus a hidden hint, never a different label: speech users say
    // what they see (WCAG 2.5.3, label in name).
    const jump = h('button', { type: 'button', class: 'finding-jump', 'data-finding': i, onclick: () => select(f) },
      h('span', { class: `sev sev-${f.severity}` }, SEVERITY_LABEL[f.severity]),
      ' ',
      h('span', { class: 'finding-message' }, f.message),
      quote ? ' ' : null,
      quote ? h('q', { class: 'finding-quote' }, quote.length > 60 ? `${quote.slice(0, 57)}…` : quote) : null,
      h('span', { class: 'visually-hidden' }, ' (select it in the reply)'));
    return h('li', { class: `finding sev-${f.severity}`, 'data-rule': f.ruleId, 'data-principle': f.principle },
      jump,
      h('p', { class: 'finding-note' }, f.note, ' ', h('span', { class: 'principle' }, `${f.principle} · ${PRINCIPLES[f.principle]}`)),
      f.suggestions.length
        ? h('div', { class: 'finding-fixes' }, f.suggestions.map((s) => h('button', { type: 'button', class: 'fix', onclick: () => applySuggestion(s) }, s.message)))
        : null);
  }

  function renderFindings(text: string, findings: Finding[]): void {
    // An agent under pressure reads three: the most severe first, in the playbook's order (emotion first).
    // The rest stay one click away, grouped by principle, so a bad short draft is not a wall of advice.
    const ordered = orderForCoaching(findings);
    const shown = ordered.slice(0, EXPANDED_FINDINGS);
    const rest = ordered.slice(EXPANDED_FINDINGS);
    replace(findingsList, shown.map((f, i) => findingItem(text, f, i)));
    if (rest.length === 0) {
      replace(moreFindings);
      moreFindings.hidden = true;
      return;
    }
    const groups = new Map<PrincipleId, Finding[]>();
    for (const f of rest) groups.set(f.principle, [...(groups.get(f.principle) ?? []), f]);
    // Kept open across re-checks while the agent reads them.
    const wasOpen = (moreFindings.firstElementChild as HTMLDetailsElement | null)?.open ?? false;
    replace(moreFindings, h('details', { class: 'more-findings', open: wasOpen },
      h('summary', {}, `${rest.length} more finding${rest.length === 1 ? '' : 's'}, by principle`),
      [...groups].map(([principle, list]) => h('section', { class: 'finding-group', 'data-principle': principle },
        h('h5', { class: 'finding-group-head' }, `${principle} · ${PRINCIPLES[principle]} (${list.length})`),
        h('ol', { class: 'coach-findings' }, list.map((f, j) => findingItem(text, f, EXPANDED_FINDINGS + j)))))));
    moreFindings.hidden = false;
  }

  function renderChecklist(text: string, result: CheckResult, context: ReplyContext): void {
    const made = new Set(result.moves.map((m) => m.move));
    const expected = expectedMoves(context);
    const items = [...new Set<Move>([...expected, ...made])];
    replace(checklist, items.map((move) => {
      const done = made.has(move);
      const isNext = result.nextMove?.move === move;
      return h('li', { class: `move ${done ? 'done' : 'todo'}${isNext ? ' next' : ''}`, 'data-move': move },
        h('span', { class: 'move-mark', 'aria-hidden': 'true' }, done ? '✓' : '○'),
        h('span', { class: 'move-label' }, MOVE_LABELS[move]),
        h('span', { class: 'visually-hidden' }, done ? ' — done' : ' — not yet'));
    }));
    checklist.hidden = !text.trim() && items.length === 0;
  }

  function paintHighlights(text: string, findings: readonly Finding[]): void {
    // Cut the text at every finding boundary; each piece takes the most severe finding covering it.
    const cuts = new Set<number>([0, text.length]);
    for (const f of findings) {
      if (f.range[1] > text.length || f.range[0] >= f.range[1]) continue;
      cuts.add(f.range[0]);
      cuts.add(f.range[1]);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes: Node[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const piece = text.slice(s, e);
      let worst: Severity | undefined;
      for (const f of findings) {
        if (f.range[0] <= s && f.range[1] >= e && f.range[1] <= text.length && (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst])) worst = f.severity;
      }
      nodes.push(worst ? h('mark', { class: `hl hl-${worst}` }, piece) : document.createTextNode(piece));
    }
    // A trailing newline collapses in the mirror unless something follows it.
    nodes.push(document.createTextNode('\u200b'));
    replace(highlights, nodes);
    syncScroll();
  }

  function select(f: Finding): void {
    textarea.focus();
    textarea.setSelectionRange(f.range[0], f.range[1]);
  }

  function applySuggestion(s: Suggestion): void {
    if (textarea.value !== lastText) run();
    // Only apply a fix computed for exactly this text; a stale range would corrupt the draft.
    if (!last || !last.findings.some((f) => f.suggestions.some((x) => x.fix.range[0] === s.fix.range[0] && x.fix.range[1] === s.fix.range[1] && x.fix.text === s.fix.text))) return;
    const [start, end] = s.fix.range;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    // insertText keeps the browser's undo history, so Ctrl+Z takes a fix back.
    const ok = document.execCommand?.('insertText', false, s.fix.text);
    if (!ok || textarea.value === lastText) {
      const { output } = applyFixes(lastText, [s.fix]);
      textarea.value = output;
    }
    const caret = start + s.fix.text.length;
    textarea.setSelectionRange(caret, caret);
    autoGrow();
    run();
  }

  function syncScroll(): void {
    backdrop.scrollTop = textarea.scrollTop;
    backdrop.scrollLeft = textarea.scrollLeft;
  }

  function autoGrow(): void {
    // Detached (drawn before the page inserts it), there is no height to measure yet: try next frame.
    if (!textarea.isConnected) {
      requestAnimationFrame(() => textarea.isConnected && autoGrow());
      return;
    }
    textarea.style.height = 'auto';
    const max = Math.max(160, Math.round(window.innerHeight * 0.5));
    textarea.style.height = `${Math.min(max, textarea.scrollHeight + 2)}px`;
  }

  textarea.addEventListener('input', () => {
    autoGrow();
    schedule();
  });
  textarea.addEventListener('scroll', syncScroll);
  window.addEventListener('resize', autoGrow);

  // First paint once attached, so sizes are real.
  queueMicrotask(() => {
    run();
    autoGrow();
  });

  return {
    element,
    textarea,
    text: () => textarea.value,
    setText(text: string) {
      textarea.value = text;
      autoGrow();
      limit.update();
      run();
    },
    check: run,
    result: () => last,
    withinLimit: () => limit.ok(),
  };
}

/**
 * The moves the playbook expects in this reply, in playbook order, as the engine itself decides them
 * (`playbookSteps`), so the checklist and the next best move never disagree.
 */
export function expectedMoves(context: ReplyContext): Move[] {
  const resolved = resolveContext(context);
  const moves = playbookSteps(resolved).map((s) => s.move);
  // Using their name is its own rule (P5) rather than a playbook step; list it whenever a name is known.
  if (resolved.name && !moves.includes('name')) moves.splice(Math.min(2, moves.length), 0, 'name');
  return moves;
}
