/**
 * `<defuse-coach>`: the Defuse coach as one custom element, for any internal tool or helpdesk app (a Zendesk
 * sidebar app, a CRM's reply form) to drop next to its reply editor. Built into a single ES module with the
 * engine inside (`npm run build:extension` writes `dist/defuse-coach.js`); it makes no network request.
 *
 * ```html
 * <textarea id="reply"></textarea>
 * <defuse-coach for="reply" context="I was charged twice and nobody answers!" customer-name="Ana"></defuse-coach>
 * <script type="module" src="defuse-coach.js"></script>
 * ```
 *
 * Attributes: `for` (id of the editor: a textarea, a contenteditable, or an element holding one), `context`
 * (the customer's message; or a JSON reply context), `customer-name`, `agent-name`, `company-name`, `rules`
 * (JSON, e.g. `{"no-bare-sorry":"off"}`). The `context` and `rules` properties take objects too.
 * Events: `defuse-check` after every check (`detail: { text, result }`) and `defuse-fix` after a fix
 * (`detail: { ok, via, text }`). The element underlines findings over the editor and shows the panel where it
 * stands; it changes the editor's text only when a fix is clicked, through the editor's input events.
 */
import type { CheckResult, ReplyContext, RuleSettings } from '../../engine/index.ts';
import { mountPanel, type Panel } from './panel.ts';
import { createCoachSession, type CoachSession } from './session.ts';
import { editableRoot, isReplyEditor, type ReplyEditor } from './text.ts';

const OBSERVED = ['for', 'context', 'customer-name', 'agent-name', 'company-name', 'rules'] as const;

/** The `<defuse-coach>` element class (registered on import). */
export class DefuseCoachElement extends HTMLElement {
  static observedAttributes = [...OBSERVED];

  #panel?: Panel;
  #session?: CoachSession;
  #watch?: MutationObserver;
  #context?: ReplyContext;
  #rules?: RuleSettings;
  #result?: CheckResult;

  /** The reply context: set an object for more than the customer's message (options, phase, tenure). */
  get context(): ReplyContext {
    if (this.#context) return this.#context;
    const attr = this.getAttribute('context') ?? '';
    let base: ReplyContext = {};
    if (/^\s*\{/.test(attr)) {
      try {
        base = JSON.parse(attr) as ReplyContext;
      } catch {
        base = { customerMessage: attr };
      }
    } else if (attr.trim()) {
      base = { customerMessage: attr };
    }
    const named = (name: string): string | undefined => this.getAttribute(name)?.trim() || undefined;
    return {
      ...base,
      ...(named('customer-name') ? { customerName: named('customer-name') } : {}),
      ...(named('agent-name') ? { agentName: named('agent-name') } : {}),
      ...(named('company-name') ? { companyName: named('company-name') } : {}),
    };
  }
  set context(value: ReplyContext | string | undefined) {
    this.#context = typeof value === 'string' ? { customerMessage: value } : value;
    this.#session?.check();
  }

  /** Rule levels, as in `.defuserc.json`'s `rules`. */
  get rules(): RuleSettings | undefined {
    if (this.#rules) return this.#rules;
    const attr = this.getAttribute('rules');
    if (!attr) return undefined;
    try {
      return JSON.parse(attr) as RuleSettings;
    } catch {
      return undefined;
    }
  }
  set rules(value: RuleSettings | undefined) {
    this.#rules = value;
    this.#session?.check();
  }

  /** The latest check of the draft. */
  get result(): CheckResult | undefined {
    return this.#result;
  }

  /** The editor being coached. */
  get editor(): ReplyEditor | undefined {
    return this.#session?.editor;
  }

  connectedCallback(): void {
    if (!this.#panel) {
      const shadow = this.attachShadow({ mode: 'open' });
      this.#panel = mountPanel(shadow, {
        floating: false,
        onFix: (s) => void this.#session?.fix(s),
        onJump: (f) => this.#session?.jump(f),
        onFocusFinding: (i) => this.#session?.highlight(i),
        onEscape: () => this.#session?.focusEditor(),
      });
      this.#panel.render({ text: '', hint: 'Waiting for the reply editor…' });
      this.#session = createCoachSession({
        panel: this.#panel,
        situation: () => {
          const context = this.context;
          return { context, rules: this.rules, customer: context.customerMessage ? { text: context.customerMessage, source: 'from this page' } : undefined };
        },
        onCheck: ({ text, result }) => {
          this.#result = result;
          this.dispatchEvent(new CustomEvent('defuse-check', { detail: { text, result } }));
        },
        onFix: (outcome) => this.dispatchEvent(new CustomEvent('defuse-fix', { detail: outcome })),
        onEditorLost: () => this.#connect(),
      });
    }
    this.#connect();
  }

  disconnectedCallback(): void {
    this.#watch?.disconnect();
    this.#watch = undefined;
    this.#session?.detach();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value || !this.#session) return;
    if (name === 'for') this.#connect();
    else this.#session.check();
  }

  /** Coaches now (skipping the pause after typing) and returns the result. */
  check(): CheckResult | undefined {
    return this.#session?.check();
  }

  /** Finds the editor named by `for`; until it exists (or after the app replaces it), watches for it. */
  #connect(): void {
    if (!this.isConnected || !this.#session) return;
    const editor = this.#findEditor();
    if (editor) {
      this.#watch?.disconnect();
      this.#watch = undefined;
      if (editor !== this.#session.editor) this.#session.attach(editor);
      return;
    }
    this.#session.detach();
    this.#panel?.render({ text: '', hint: `Waiting for the reply editor (#${this.getAttribute('for') ?? ''})…` });
    if (!this.#watch) {
      this.#watch = new MutationObserver(() => {
        if (this.#findEditor()) this.#connect();
      });
      this.#watch.observe(this.getRootNode() as Node, { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'contenteditable'] });
    }
  }

  #findEditor(): ReplyEditor | undefined {
    const id = this.getAttribute('for');
    if (!id) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById?.(id) ?? null;
    if (!target) return undefined;
    if (isReplyEditor(target)) return target as ReplyEditor;
    const root2 = editableRoot(target);
    if (root2) return root2;
    // A wrapper around the editor (ProseMirror and CKEditor render their editable inside a container).
    const inner = target.querySelector('textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
    return inner && isReplyEditor(inner) ? (inner as ReplyEditor) : inner ? editableRoot(inner) : undefined;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('defuse-coach')) {
  customElements.define('defuse-coach', DefuseCoachElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'defuse-coach': DefuseCoachElement;
  }
}
