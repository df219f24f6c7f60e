/**
 * The case view: everything one owner needs to take an upset customer from the first message to the
 * follow-up call. The composer checks drafts in the browser as the agent types; the side panels do the
 * footwork (options, tasks, gaps, follow-ups); resolving e-mails the coached summary.
 */
import * as engine from '../../../engine/index.ts';
import type { Need, ReplyContext } from '../../../engine/index.ts';
import { request, type CaseDetail, type CatalogueOption, type FollowUp, type Message, type User } from '../api.ts';
import { chartFigure, PALETTE } from '../charts.ts';
import { createComposer, type Composer } from '../composer.ts';
import { analysisOf, conversationView } from '../case/conversation.ts';
import { customerCard, isLoyal, tenureYears } from '../case/customer.ts';
import { followUpsPanel, gapPanel, optionsPanel, tasksPanel, toLocalInput } from '../case/panels.ts';
import { h, replace, uid, when } from '../dom.ts';
import { currentUser, errorBox, frame, notice } from '../layout.ts';
import { angerWord } from '../priority.ts';

interface State {
  user: User;
  kase: CaseDetail;
  catalogue: CatalogueOption[];
}

export async function render(): Promise<void> {
  const user = await currentUser();
  const id = document.body.dataset.caseId ?? '';
  const main = frame(user, 'case', 'Case');
  replace(main, h('p', { class: 'loading' }, 'Loading case…'));
  let state: State;
  try {
    const [kase, catalogue] = await Promise.all([loadCase(id), loadCatalogue()]);
    state = { user, kase, catalogue };
  } catch (err) {
    replace(main, h('h1', { id: 'page-title' }, 'Case'), errorBox(err));
    return;
  }
  document.title = `${state.kase.customer.name} · Defuse`;

  const head = h('div', { class: 'page-head case-head' });
  const conversation = h('section', { class: 'panel conversation-panel', 'aria-labelledby': 'conv-heading' });
  const side = h('aside', { class: 'case-side', 'aria-label': 'Customer and footwork' });
  const replyStatus = h('div', { class: 'panel-status' });
  const resolveBox = h('section', { class: 'panel resolve-panel', 'aria-labelledby': 'resolve-heading' });

  const reply = createComposer({
    label: `Reply to ${state.kase.customer.name}`,
    placeholder: 'Write your reply. Coaching appears as you type.',
    context: () => replyContext(state),
  });
  const send = h('button', { type: 'button', class: 'primary' }, 'Send reply');
  let confirmSend = false;
  reply.textarea.addEventListener('input', () => {
    confirmSend = false;
    send.textContent = 'Send reply';
  });
  send.addEventListener('click', () => void (async () => {
    const body = reply.text().trim();
    if (!body) {
      notice(replyStatus, 'Write a reply first.', 'error');
      reply.textarea.focus();
      return;
    }
    const result = reply.check();
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    if (errors && !confirmSend) {
      confirmSend = true;
      send.textContent = 'Send anyway';
      notice(replyStatus, `${errors} problem${errors === 1 ? '' : 's'} left in this reply. Fix ${errors === 1 ? 'it' : 'them'}, or press “Send anyway”.`, 'error');
      return;
    }
    send.disabled = true;
    try {
      await request('POST', `/api/cases/${state.kase.id}/messages`, { direction: 'outbound', body });
      reply.setText('');
      confirmSend = false;
      send.textContent = 'Send reply';
      notice(replyStatus, 'Reply sent.');
      await reload();
    } catch (err) {
      replace(replyStatus, errorBox(err));
    } finally {
      send.disabled = false;
    }
  })());
  const replyPanel = h('section', { class: 'panel reply-panel', 'aria-labelledby': 'reply-heading' },
    h('h2', { id: 'reply-heading' }, 'Your reply'),
    reply.element,
    replyStatus,
    h('div', { class: 'actions' }, send));

  const resolver = resolveForm(() => state, async () => reload());

  replace(main,
    head,
    h('div', { class: 'case-grid' },
      h('div', { class: 'case-main' }, conversation, replyPanel, resolveBox),
      side));

  async function reload(): Promise<void> {
    state = { ...state, kase: await loadCase(id) };
    draw();
    reply.check();
  }

  function draw(): void {
    const k = state.kase;
    const last = [...k.messages].reverse().find((m) => m.direction === 'inbound');
    replace(head,
      h('h1', { id: 'page-title' }, k.subject || `Case ${k.id}`),
      h('p', { class: 'case-meta' },
        h('span', { class: `status status-${k.status}` }, k.status), ' ',
        k.phase ? h('span', { class: 'phase' }, `phase: ${k.phase}`) : null, ' ',
        h('span', { class: 'muted' }, `${k.customer.name}${k.owner ? ` · owner ${k.owner.name}` : ''}${last ? ` · last message ${when(last.createdAt)}` : ''}`)));
    replace(conversation, h('h2', { id: 'conv-heading' }, 'Conversation'),
      conversationView(k.messages, k.customer.name, (m) => m.author ?? (m.direction === 'outbound' ? 'Agent' : k.customer.name)));
    replace(side,
      customerCard(k.customer),
      angerTrend(k),
      optionsPanel(k, state.catalogue, needsOf(k), reload),
      tasksPanel(k, reload),
      gapPanel(k, reload),
      followUpsPanel(k, reload));
    replace(resolveBox, ...resolver.draw());
  }

  draw();
}

async function loadCase(id: string): Promise<CaseDetail> {
  const data = await request<{ case: CaseDetail } | CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`);
  return 'case' in data && data.case ? data.case : (data as CaseDetail);
}

async function loadCatalogue(): Promise<CatalogueOption[]> {
  try {
    const data = await request<{ options: CatalogueOption[] }>('GET', '/api/options');
    return data.options ?? [];
  } catch {
    // The catalogue is optional for writing a reply; the options panel says it is empty.
    return [];
  }
}

/** Customer messages since the agent last wrote: what the next reply answers. */
function pendingInbound(messages: Message[]): Message[] {
  const out: Message[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].direction === 'outbound') break;
    out.unshift(messages[i]);
  }
  if (out.length) return out;
  const lastIn = [...messages].reverse().find((m) => m.direction === 'inbound');
  return lastIn ? [lastIn] : [];
}

function needsOf(k: CaseDetail): Need[] {
  const needs = new Set<Need>();
  for (const m of k.messages) if (m.direction === 'inbound') for (const n of analysisOf(m, k.customer.name).needs) needs.add(n.need);
  return [...needs];
}

/** What the composer coaches against; the server's own context wins where it gives one. */
function replyContext(state: State, extra: Partial<ReplyContext> = {}): ReplyContext {
  const k = state.kase;
  const pending = pendingInbound(k.messages);
  const tenure = tenureYears(k.customer);
  const options = state.catalogue.filter((o) => o.allowed !== false).map((o) => ({ id: String(o.id), label: o.label, need: o.need as Need, phrase: o.phrase }));
  return {
    customerMessage: pending.map((m) => m.body).join('\n\n') || undefined,
    customerName: k.customer.name,
    agentName: state.user.name,
    tenureYears: tenure === undefined ? undefined : Math.floor(tenure),
    highValue: k.customer.highValue ?? isLoyal(k.customer),
    options: options.length ? options : undefined,
    phase: (k.phase as ReplyContext['phase']) || undefined,
    ...k.replyContext,
    ...extra,
  };
}

/** The anger of each customer message as a line, with the trend in words for screen readers. */
function angerTrend(k: CaseDetail): HTMLElement {
  const inbound = k.messages.filter((m) => m.direction === 'inbound');
  const values = k.angerTrajectory?.length ? k.angerTrajectory : inbound.map((m) => analysisOf(m, k.customer.name).anger);
  const section = h('section', { class: 'panel trend-panel', 'aria-labelledby': 'trend-heading' }, h('h2', { id: 'trend-heading' }, 'Anger trend'));
  if (values.length === 0) {
    section.append(h('p', { class: 'empty small' }, 'No customer messages yet.'));
    return section;
  }
  const first = values[0];
  const lastV = values[values.length - 1];
  const direction = values.length < 2 ? 'one message so far' : lastV < first - 0.1 ? 'calming down' : lastV > first + 0.1 ? 'getting angrier' : 'about the same';
  const summary = `${values.map((v) => v.toFixed(2)).join(' → ')} (${angerWord(lastV)}, ${direction})`;
  const { figure } = chartFigure('Anger per customer message', summary, {
    type: 'line',
    data: {
      labels: values.map((_, i) => `#${i + 1}`),
      datasets: [{ label: 'Anger', data: values, borderColor: PALETTE[4], backgroundColor: 'rgba(185,28,28,0.12)', fill: true, tension: 0.3, pointRadius: 3 }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 1, ticks: { stepSize: 0.25 } } } },
  }, 120);
  section.append(figure);
  return section;
}

/** Default call-back: two business days out at 10:00 local, the seeds' "a day or two later". */
function defaultFollowUp(now = new Date()): Date {
  const d = new Date(now);
  let added = 0;
  while (added < 2) {
    d.setDate(d.getDate() + 1);
    if (d.getDay() !== 0 && d.getDay() !== 6) added++;
  }
  d.setHours(10, 0, 0, 0);
  return d;
}

/**
 * Resolve: what was agreed, the summary back to the customer (coached with the closing moves), the
 * address to e-mail it to, and when to call back.
 */
function resolveForm(getState: () => State, reload: () => Promise<void>) {
  const agreedId = uid('agreed');
  const emailId = uid('email');
  const fuId = uid('fu');
  const agreed = h('textarea', { id: agreedId, rows: 2, placeholder: 'e.g. refund of the duplicate charge, 15% off the next order' });
  const email = h('input', { id: emailId, type: 'email', autocomplete: 'off' });
  const followUp = h('input', { id: fuId, type: 'datetime-local' });
  const status = h('div', { class: 'panel-status' });
  const summary: Composer = createComposer({
    label: 'Summary for the customer (e-mailed)',
    rows: 5,
    context: () => ({ ...replyContext(getState()), phase: 'summarize', issue: agreed.value.trim() || undefined }),
  });
  const prefill = h('button', { type: 'button', class: 'link-button' }, 'Draft summary from what was agreed');
  prefill.addEventListener('click', () => {
    summary.setText(draftSummary(getState(), agreed.value.trim(), followUp.value ? new Date(followUp.value) : defaultFollowUp()));
    summary.textarea.focus();
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Resolve and e-mail summary');
  const form = h('form', { class: 'resolve-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: agreedId }, 'What you agreed'), agreed),
    h('div', { class: 'actions-inline' }, prefill),
    summary.element,
    h('div', { class: 'row' },
      h('div', { class: 'field grow' }, h('label', { for: emailId }, 'E-mail the summary to'), email),
      h('div', { class: 'field' }, h('label', { for: fuId }, 'Call back on'), followUp)),
    status,
    h('div', { class: 'actions' }, submit));
  let initialised = false;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      const s = getState();
      const text = summary.text().trim();
      if (!agreed.value.trim()) {
        notice(status, 'Write down what you agreed with the customer.', 'error');
        agreed.focus();
        return;
      }
      if (!text) {
        notice(status, 'Write the summary the customer will receive.', 'error');
        summary.textarea.focus();
        return;
      }
      if (email.value && !email.checkValidity()) {
        notice(status, 'That e-mail address does not look right.', 'error');
        email.focus();
        return;
      }
      submit.disabled = true;
      try {
        const res = await request<{ followUp?: FollowUp; email?: { to: string; status?: string } }>('POST', `/api/cases/${s.kase.id}/resolve`, {
          agreed: agreed.value.trim(),
          summary: text,
          email: email.value.trim() || undefined,
          followUpAt: followUp.value ? new Date(followUp.value).toISOString() : undefined,
        });
        const to = res.email?.to ?? email.value.trim();
        notice(status, `Resolved.${to ? ` Summary e-mailed to ${to}.` : ''}${res.followUp ? ` Follow-up call scheduled for ${when(res.followUp.dueAt)}.` : ''}`);
        await reload();
      } catch (err) {
        replace(status, errorBox(err));
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return {
    draw(): HTMLElement[] {
      const s = getState();
      if (!initialised) {
        email.value = s.kase.customer.email ?? '';
        followUp.value = toLocalInput(defaultFollowUp());
        initialised = true;
      }
      if (s.kase.status !== 'open') {
        const r = s.kase.resolution;
        return [h('h2', { id: 'resolve-heading' }, 'Resolution'),
          r ? h('div', { class: 'resolution' }, h('p', {}, h('strong', {}, 'Agreed: '), r.agreed), h('p', { class: 'resolution-summary' }, r.summary)) : h('p', { class: 'muted' }, `This case is ${s.kase.status}.`),
          status];
      }
      return [h('h2', { id: 'resolve-heading' }, 'Resolve'), form];
    },
  };
}

/**
 * A first draft of the summary: the engine's `composeReply` when the engine has it, else a plain
 * template with the closing moves (summary, follow-up, name, thanks).
 */
function draftSummary(state: State, agreedText: string, followUpAt: Date): string {
  const compose = (engine as unknown as Record<string, unknown>).composeReply;
  if (typeof compose === 'function') {
    try {
      const out = (compose as (ctx: ReplyContext) => unknown)({ ...replyContext(state), phase: 'summarize', issue: agreedText || undefined });
      const text = typeof out === 'string' ? out : (out as { text?: unknown })?.text;
      if (typeof text === 'string' && text.trim()) return text;
    } catch {
      // Fall through to the template: a drafting aid must never block resolving.
    }
  }
  const first = state.kase.customer.name.trim().split(/\s+/)[0] ?? '';
  const day = followUpAt.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
  return [
    `Hi ${first},`,
    '',
    `Thank you for your patience while we sorted this out. To confirm what we agreed: ${agreedText || '…'}.`,
    `I will call you on ${day} to make sure everything is working for you.`,
    '',
    `${state.user.name}`,
  ].join('\n');
}
