/**
 * The small coaching panel: the next best move, the top findings with their reasons, one-click fixes and
 * where the customer's message came from. It draws into a shadow root it is given (the browser extension's
 * floating panel, or the `<defuse-coach>` element), so host-page styles cannot reach it and it cannot reach
 * the page. Every control is a real button in reading order, so it works from the keyboard; Escape hands
 * focus back to the editor. Customer and draft text are only ever written as text.
 */
import { PRINCIPLES, type CheckResult, type Finding, type Severity, type Suggestion } from '../../engine/index.ts';
import { MOVE_LABELS } from '../client/composer.ts';
import { adoptStyles } from './styles.ts';

/** How many findings show before "Show all": enough for the worst problems, few enough to read mid-reply. */
export const TOP_FINDINGS = 3;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Problem', warning: 'Warning', suggestion: 'Suggestion' };
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, suggestion: 1 };

export interface PanelState {
  /** The draft the result is for. */
  text: string;
  result?: CheckResult;
  /** The customer's message the coaching reads, and where it came from ("Zendesk", "your selection"). */
  customer?: { text: string; source: string };
  /** Shown instead of coaching, e.g. before any editor is found. */
  hint?: string;
}

export interface PanelOptions {
  /** A fixed panel in the page's corner (extension) rather than one in the flow (web component). */
  floating: boolean;
  onFix(suggestion: Suggestion, finding: Finding): void;
  /** Select the finding's words in the editor. */
  onJump(finding: Finding): void;
  /** The finding whose entry has focus or the pointer, so its underline can stand out. */
  onFocusFinding?(index: number | undefined): void;
  /** When given, the panel offers "Use selected text as customer message". */
  onUseSelection?(): void;
  /** Escape pressed in the panel. */
  onEscape?(): void;
}

export interface Panel {
  readonly root: HTMLElement;
  render(state: PanelState): void;
  /** Moves keyboard focus to the first control of the panel (expanding it). */
  focus(): void;
  setCollapsed(collapsed: boolean): void;
}

const PANEL_CSS = `
:host { all: initial; }
.dp { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2933;
  background: #fff; border: 1px solid #d3d8de; border-radius: 8px; box-shadow: 0 6px 24px rgba(15, 23, 42, .18); box-sizing: border-box; }
.dp *, .dp *::before, .dp *::after { box-sizing: border-box; }
.dp.floating { width: 340px; max-height: min(70vh, 560px); display: flex; flex-direction: column; }
.dp.inline { box-shadow: none; width: 100%; }
.dp-head { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px; border-bottom: 1px solid #e6e9ed; }
.dp.collapsed .dp-head { border-bottom: none; }
.dp-brand { font-weight: 700; letter-spacing: .01em; flex: 1; display: flex; align-items: center; gap: 6px; }
.dp-brand::before { content: ""; width: 10px; height: 10px; background: #f7b267; transform: rotate(45deg); border: 2px solid #13222f; }
.dp-score { font-weight: 700; font-size: 12px; padding: 1px 8px; border-radius: 999px; }
.dp-score:empty { display: none; }
.dp-score.good { background: #e3f4e8; color: #1e6b3a; }
.dp-score.fair { background: #fff4d6; color: #8a5300; }
.dp-score.poor { background: #fdecea; color: #b42318; }
button { font: inherit; color: inherit; cursor: pointer; }
button:focus-visible { outline: 3px solid #b45309; outline-offset: 1px; }
.dp-toggle { background: none; border: 1px solid #d3d8de; border-radius: 6px; padding: 1px 8px; }
.dp-body { padding: 8px 12px 10px; overflow: auto; }
.dp.collapsed .dp-body { display: none; }
.dp-status { margin: 0 0 6px; color: #52606d; }
.dp-hint { margin: 0; color: #52606d; }
.dp-next { background: #e5effa; border-radius: 6px; padding: 6px 8px; margin: 0 0 8px; display: flex; flex-direction: column; gap: 2px; }
.dp-next[hidden] { display: none; }
.dp-label { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #245d9c; font-weight: 700; }
.dp-why { color: #52606d; }
.dp-findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.dp-finding { border-left: 4px solid #d3d8de; background: #fafbfc; border-radius: 0 6px 6px 0; padding: 5px 8px; }
.dp-finding.sev-error { border-left-color: #b42318; }
.dp-finding.sev-warning { border-left-color: #c27c0e; }
.dp-finding.sev-suggestion { border-left-color: #245d9c; }
.dp-jump { display: flex; flex-wrap: wrap; gap: 4px; align-items: baseline; background: none; border: none; padding: 0; text-align: left; width: 100%; }
.dp-jump:hover .dp-message { text-decoration: underline; }
.dp-message { font-weight: 600; }
.dp-quote { color: #52606d; }
.sev { font-size: 10px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; padding: 0 5px; border-radius: 4px; }
.sev-error .sev { background: #fdecea; color: #b42318; }
.sev-warning .sev { background: #fff4d6; color: #8a5300; }
.sev-suggestion .sev { background: #e5effa; color: #245d9c; }
.dp-note { margin: 3px 0 4px; color: #52606d; }
.dp-principle { white-space: nowrap; }
.dp-fixes { display: flex; flex-wrap: wrap; gap: 4px; }
.dp-fix { background: #0b5cad; color: #fff; border: none; border-radius: 6px; padding: 3px 8px; text-align: left; }
.dp-fix:hover { background: #094a8c; }
.dp-more { margin-top: 6px; background: none; border: none; color: #0b5cad; padding: 0; text-decoration: underline; }
.dp-more[hidden] { display: none; }
.dp-customer { margin-top: 8px; padding-top: 6px; border-top: 1px solid #e6e9ed; color: #52606d; }
.dp-customer p { margin: 0 0 4px; }
.dp-customer q { color: #1f2933; }
.dp-use { background: #fff; border: 1px solid #0b5cad; color: #0b5cad; border-radius: 6px; padding: 2px 8px; }
`;

/**
 * Draws the panel into a shadow root.
 *
 * @example
 * const panel = mountPanel(host.attachShadow({ mode: 'open' }), { floating: true, onFix, onJump });
 * panel.render({ text: draft, result: checkReply(draft, ctx) });
 */
export function mountPanel(shadow: ShadowRoot, options: PanelOptions): Panel {
  const doc = shadow.ownerDocument;
  adoptStyles(shadow, PANEL_CSS);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const root = el('section', `dp ${options.floating ? 'floating' : 'inline'}`);
  root.setAttribute('aria-label', 'Defuse coaching');
  const head = el('header', 'dp-head');
  const brand = el('span', 'dp-brand', 'Defuse');
  const score = el('span', 'dp-score');
  const toggle = el('button', 'dp-toggle', 'Hide');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'true');
  head.append(brand, score, toggle);
  const body = el('div', 'dp-body');
  body.id = 'dp-body';
  toggle.setAttribute('aria-controls', body.id);
  const status = el('p', 'dp-status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const hint = el('p', 'dp-hint');
  const next = el('div', 'dp-next');
  const list = el('ol', 'dp-findings');
  list.setAttribute('aria-label', 'Top findings');
  const more = el('button', 'dp-more');
  more.type = 'button';
  const customer = el('div', 'dp-customer');
  body.append(status, hint, next, list, more, customer);
  root.append(head, body);
  shadow.append(root);

  let showAll = false;
  let last: PanelState = { text: '' };
  let lastKey = '';

  toggle.addEventListener('click', () => setCollapsed(!root.classList.contains('collapsed')));
  more.addEventListener('click', () => {
    showAll = !showAll;
    draw(last, true);
    more.focus();
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      options.onEscape?.();
    }
  });
  root.addEventListener('focusout', (e) => {
    if (!root.contains(e.relatedTarget as Node | null)) options.onFocusFinding?.(undefined);
  });

  function setCollapsed(collapsed: boolean): void {
    root.classList.toggle('collapsed', collapsed);
    toggle.textContent = collapsed ? 'Show' : 'Hide';
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', collapsed ? 'Show Defuse coaching' : 'Hide Defuse coaching');
  }
  setCollapsed(false);

  function draw(state: PanelState, force = false): void {
    last = state;
    const findings = state.text.trim() && state.result ? state.result.findings : [];
    // Re-rendering an unchanged result would throw away keyboard focus inside the panel for nothing.
    const key = JSON.stringify([state.hint, state.text.trim() ? 1 : 0, state.customer, findings.map((f) => [f.ruleId, f.messageId, f.range, f.message]), state.result?.nextMove, state.result?.scores.overall, showAll]);
    if (key === lastKey && !force) return;
    lastKey = key;

    hint.hidden = !state.hint;
    hint.textContent = state.hint ?? '';
    const result = state.hint ? undefined : state.result;
    const hasText = Boolean(state.text.trim());
    score.textContent = result && hasText ? `Score ${result.scores.overall}` : '';
    score.className = `dp-score ${result ? (result.scores.overall >= 80 ? 'good' : result.scores.overall >= 50 ? 'fair' : 'poor') : ''}`;
    if (result && hasText) score.setAttribute('aria-label', `Playbook score ${result.scores.overall} of 100`);

    const n = findings.length;
    status.hidden = !result;
    status.textContent = !result ? '' : !hasText ? 'Start typing; coaching appears as you write.' : n === 0 ? 'No coaching findings.' : `${n} coaching finding${n === 1 ? '' : 's'}`;

    next.replaceChildren();
    next.hidden = !result?.nextMove;
    if (result?.nextMove) {
      next.dataset.move = result.nextMove.move;
      next.append(el('span', 'dp-label', 'Next best move'), el('strong', '', MOVE_LABELS[result.nextMove.move]), el('span', 'dp-why', result.nextMove.reason));
    }

    // Most severe first; text order within a severity, as the desk's composer lists them.
    const ordered = findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.f.range[0] - b.f.range[0]);
    const shown = showAll ? ordered : ordered.slice(0, TOP_FINDINGS);
    list.replaceChildren(...shown.map(({ f, i }) => findingItem(state.text, f, i)));
    more.hidden = ordered.length <= TOP_FINDINGS;
    more.textContent = showAll ? 'Show top findings only' : `Show all ${ordered.length} findings`;

    customer.replaceChildren();
    if (state.customer?.text) {
      const p = el('p');
      const quote = state.customer.text.replace(/\s+/g, ' ').trim();
      p.append('Coaching for the customer’s message ', el('q', '', quote.length > 90 ? `${quote.slice(0, 87)}…` : quote), ` (${state.customer.source}).`);
      customer.append(p);
    } else if (!state.hint) {
      customer.append(el('p', '', 'No customer message found: coaching reads the reply alone. Select the customer’s message on the page, then use it.'));
    }
    if (options.onUseSelection) {
      const use = el('button', 'dp-use', 'Use selected text as customer message');
      use.type = 'button';
      // Keep the page's selection: a mouse press on a button would otherwise move focus before the click.
      use.addEventListener('mousedown', (e) => e.preventDefault());
      use.addEventListener('click', () => options.onUseSelection?.());
      customer.append(use);
    }
  }

  function findingItem(text: string, f: Finding, index: number): HTMLLIElement {
    const li = el('li', `dp-finding sev-${f.severity}`);
    li.dataset.rule = f.ruleId;
    li.dataset.severity = f.severity;
    const quote = text.slice(f.range[0], f.range[1]);
    const jump = el('button', 'dp-jump');
    jump.type = 'button';
    jump.append(el('span', 'sev', SEVERITY_LABEL[f.severity]), el('span', 'dp-message', f.message));
    if (quote.trim()) jump.append(el('q', 'dp-quote', quote.length > 60 ? `${quote.slice(0, 57)}…` : quote));
    jump.setAttribute('aria-label', `${SEVERITY_LABEL[f.severity]}: ${f.message}${quote.trim() ? ` “${quote}”` : ''}. Select in reply.`);
    jump.addEventListener('click', () => options.onJump(f));
    const note = el('p', 'dp-note', `${f.note} `);
    note.append(el('span', 'dp-principle', `${f.principle} · ${PRINCIPLES[f.principle]}`));
    li.append(jump, note);
    if (f.suggestions.length) {
      const fixes = el('div', 'dp-fixes');
      for (const s of f.suggestions) {
        const b = el('button', 'dp-fix', s.message);
        b.type = 'button';
        b.addEventListener('click', () => options.onFix(s, f));
        fixes.append(b);
      }
      li.append(fixes);
    }
    const focus = (): void => options.onFocusFinding?.(index);
    li.addEventListener('focusin', focus);
    li.addEventListener('mouseenter', focus);
    li.addEventListener('mouseleave', () => options.onFocusFinding?.(undefined));
    return li;
  }

  return {
    root,
    render: (state) => draw(state),
    focus() {
      setCollapsed(false);
      const first = body.querySelector<HTMLButtonElement>('.dp-fix, .dp-jump, .dp-use, button') ?? toggle;
      first.focus();
    },
    setCollapsed,
  };
}
