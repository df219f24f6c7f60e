/**
 * The case view: everything one owner needs to take an upset customer from the first message to the
 * follow-up call. The composer checks drafts in the browser as the agent types; the side panels do the
 * footwork (options, tasks, gaps, follow-ups); resolving e-mails the coached summary.
 */
import { labelIssue, type ReplyContext } from '../../../engine/index.ts';
import { checkSummary } from '../../../server/services/resolution-text.ts';
import { request, type CaseDetail, type CatalogueOption, type FollowUp, type Message, type User } from '../api.ts';
import { angerWord } from '../anger.ts';
import { chartFigure, PALETTE } from '../charts.ts';
import { clearErrors, onSubmitOnce, showErrors } from '../forms.ts';
import { createComposer, type Composer } from '../composer.ts';
import { analysisOf, conversationView } from '../case/conversation.ts';
import { customerCard } from '../case/customer.ts';
import { followUpsPanel, gapPanel, optionsPanel, reassignPanel, tasksPanel } from '../case/panels.ts';
import { h, replace, uid, when, type Child } from '../dom.ts';
import { currentUser, errorBox, frame, notice } from '../layout.ts';

interface State {
  user: User;
  kase: CaseDetail;
  catalogue: CatalogueOption[];
  /** The context the server checks replies against (from the case, or asked once via /api/check). */
  serverContext?: ReplyContext;
}

interface Email {
  id: number;
  kind: string;
  to: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed' | 'bounced';
  lastError: string | null;
  sentAt: string | null;
}

export async function render(): Promise<void> {
  const user = await currentUser();
  const id = document.body.dataset.caseId ?? '';
  const main = frame(user, 'case', 'Case');
  replace(main, h('p', { class: 'loading' }, 'Loading case…'));
  let state: State;
  try {
    const [kase, catalogue] = await Promise.all([loadCase(id), loadCatalogue(id)]);
    state = { user, kase, catalogue, serverContext: kase.replyContext ?? (await loadServerContext(kase.id)) };
  } catch (err) {
    replace(main, h('h1', { id: 'page-title' }, 'Case'), errorBox(err));
    return;
  }
  document.title = `${state.kase.customer.name} · Defuse`;

  const head = h('div', { class: 'page-head case-head' });
  const conversation = h('section', { class: 'panel conversation-panel', 'aria-labelledby': 'conv-heading' });
  const side = h('aside', { class: 'case-side', 'aria-label': 'Customer and footwork' });
  const replyStatus = h('div', { class: 'panel-status' });
  const replyPanel = h('section', { class: 'panel reply-panel', 'aria-labelledby': 'reply-heading' });
  const resolveBox = h('section', { class: 'panel resolve-panel', 'aria-labelledby': 'resolve-heading' });

  // An unsent draft survives a reload or a sign-in redirect (tab-scoped, so it does not linger on a shared PC).
  const draftKey = `defuse:draft:${state.kase.id}`;
  const savedDraft = readDraft(draftKey);
  const reply = createComposer({
    label: `Reply to ${state.kase.customer.name}`,
    placeholder: 'Write your reply. Coaching appears as you type.',
    context: () => replyContext(state),
    initial: savedDraft,
    onCheck: (text) => writeDraft(draftKey, text),
  });
  const send = h('button', { type: 'button', class: 'primary' }, 'Send reply');
  let confirmSend = false;
  reply.textarea.addEventListener('input', () => {
    confirmSend = false;
    send.textContent = 'Send reply';
  });
  send.addEventListener('click', () => void (async () => {
    const body = reply.text();
    if (!body.trim()) {
      notice(replyStatus, 'Write a reply first.', 'error');
      reply.textarea.focus();
      return;
    }
    // The server would refuse it: say so here, beside the text, before anything is sent.
    if (!reply.withinLimit()) {
      notice(replyStatus, 'This reply is longer than the desk accepts: shorten it before sending.', 'error');
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
      const sent = await request<{ email?: { to: string } | null }>('POST', `/api/cases/${state.kase.id}/messages`, { direction: 'outbound', body });
      reply.setText('');
      writeDraft(draftKey, '');
      confirmSend = false;
      send.textContent = 'Send reply';
      // On a case that came in by e-mail the reply also leaves by e-mail: say where, so nobody sends it twice.
      notice(replyStatus, sent.email ? `Reply sent, and e-mailed to ${sent.email.to}.` : 'Reply sent.');
      await reload();
    } catch (err) {
      replace(replyStatus, errorBox(err));
    } finally {
      send.disabled = false;
    }
  })());
  // Send stays on screen while the agent works on the reply, however long the coaching below the text gets:
  // the bar sticks to the bottom of the window (issue 12: a 13-word draft's 12 findings pushed it off screen).
  const replyForm = [h('h2', { id: 'reply-heading' }, 'Your reply'), reply.element, h('div', { class: 'send-bar' }, replyStatus, h('div', { class: 'actions' }, send))];
  if (savedDraft) notice(replyStatus, 'Your unsent draft was restored.');

  const resolver = resolveForm(() => state, () => reload());

  replace(main,
    head,
    h('div', { class: 'case-grid' },
      h('div', { class: 'case-main' }, conversation, replyPanel, resolveBox),
      side));

  async function reload(): Promise<void> {
    const [kase, catalogue] = await Promise.all([loadCase(id), loadCatalogue(id)]);
    const serverContext = kase.replyContext ?? (kase.messages.length !== state.kase.messages.length || kase.phase !== state.kase.phase ? await loadServerContext(kase.id) : state.serverContext);
    state = { ...state, kase, catalogue, serverContext };
    draw();
    reply.check();
  }

  function draw(): void {
    const k = state.kase;
    replace(head,
      h('h1', { id: 'page-title' }, sentenceCase(k.subject) || `Case ${k.id}`),
      h('p', { class: 'case-meta' },
        h('span', { class: `status status-${k.status}` }, k.status), ' ',
        h('span', { class: 'phase', title: 'Playbook phase' }, `phase: ${k.phase}`), ' ',
        h('span', { class: 'muted' }, `${k.customer.name} · owner ${k.owner.name}${k.transferCount ? ` · transferred ${k.transferCount}×` : ''}${k.reopenCount ? ` · reopened ${k.reopenCount}×` : ''}`)));
    replace(conversation, h('h2', { id: 'conv-heading' }, 'Conversation'),
      conversationView(k.messages, k.customer.name, (m) => m.authorName ?? 'Agent'),
      logInbound(k, reload));
    if (k.status === 'open') replace(replyPanel, ...replyForm);
    replyPanel.hidden = k.status !== 'open';
    replace(side,
      customerCard(k.customer, reload),
      angerTrend(k),
      optionsPanel(k, state.catalogue, reload),
      tasksPanel(k, reload),
      gapPanel(k, reload),
      followUpsPanel(k, reload),
      state.user.role !== 'agent' ? reassignPanel(k, reload) : null);
    replace(resolveBox, ...resolver.draw());
  }

  draw();
}

async function loadCase(id: string): Promise<CaseDetail> {
  return request<CaseDetail>('GET', `/api/cases/${encodeURIComponent(id)}`);
}

async function loadCatalogue(caseId: string): Promise<CatalogueOption[]> {
  const data = await request<{ options: CatalogueOption[] }>('GET', `/api/options?caseId=${encodeURIComponent(caseId)}`);
  return data.options;
}

/**
 * Asks the server once which context it checks this case's replies against (company name, options for the
 * need, loyalty), so the live coaching in the browser gives the same findings the server stores on send.
 */
async function loadServerContext(caseId: number): Promise<ReplyContext | undefined> {
  try {
    const data = await request<{ context: ReplyContext }>('POST', '/api/check', { draft: '.', caseId });
    return data.context;
  } catch {
    return undefined;
  }
}

/** The latest customer message: what the next reply answers (the server checks against the same one). */
function latestInbound(messages: Message[]): Message | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].direction === 'inbound') return messages[i];
  return undefined;
}

/** What the composer coaches against: the server's context, with the stored analysis of the latest message. */
function replyContext(state: State): ReplyContext {
  const k = state.kase;
  const last = latestInbound(k.messages);
  const fallback: ReplyContext = {
    customerName: k.customer.name,
    agentName: state.user.name,
    phase: k.phase,
    issue: k.issuePhrase ? (labelIssue(k.issuePhrase) ?? k.issuePhrase) : undefined,
    options: state.catalogue.filter((o) => o.suggested).map((o) => ({ id: String(o.id), label: o.label, need: o.need, phrase: o.phrase })),
    tenureYears: k.customer.tenureYears ?? undefined,
    highValue: k.customer.highValue,
    channel: k.channel,
  };
  return {
    ...fallback,
    ...state.serverContext,
    customerMessage: last?.body,
    analysis: last ? analysisOf(last, k.customer.name) : undefined,
  };
}

/** The anger of each customer message as a line, with the trend in words for screen readers. */
function angerTrend(k: CaseDetail): HTMLElement {
  const values = (k.angerTrajectory.length
    ? k.angerTrajectory.map((p) => p.anger)
    : k.messages.filter((m) => m.direction === 'inbound').map((m) => analysisOf(m, k.customer.name).anger))
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const section = h('section', { class: 'panel trend-panel', 'aria-labelledby': 'trend-heading' }, h('h2', { id: 'trend-heading' }, 'Anger trend'));
  if (values.length === 0) {
    section.append(h('p', { class: 'empty small' }, 'No customer messages yet.'));
    return section;
  }
  const first = values[0];
  const last = values[values.length - 1];
  const direction = values.length < 2 ? 'one message so far' : last < first - 0.1 ? 'calming down' : last > first + 0.1 ? 'getting angrier' : 'about the same';
  const summary = `Now ${angerWord(last)}, ${direction}: ${values.map((v) => v.toFixed(2)).join(' → ')}`;
  const { figure } = chartFigure('Anger per customer message', summary, {
    type: 'line',
    data: {
      labels: values.map((_, i) => `#${i + 1}`),
      datasets: [{ label: 'Anger', data: values, borderColor: PALETTE[4], backgroundColor: 'rgba(185,28,28,0.12)', fill: true, tension: 0.3, pointRadius: 3 }],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 1, ticks: { stepSize: 0.25, callback: (v) => Number(v).toFixed(2) } } } },
  }, 120);
  figure.querySelector('.chart-title')?.remove();
  section.append(figure);
  return section;
}

/** The server's answer to POST /api/cases/{id}/resolution-preview. */
interface ResolutionPreview {
  agreement: { source: 'offer' | 'task' | 'agent'; id: number | null; text: string }[];
  blocked: string | null;
  summary: string;
  drafted: boolean;
  unmentioned: string[];
  followUpOn: string;
  email: { from: string; to: string | null; subject: string; text: string; html: string } | null;
}

const SOURCE_LABEL: Record<ResolutionPreview['agreement'][number]['source'], string> = { offer: 'accepted offer', task: 'done task', agent: 'you wrote' };

/**
 * Resolve: what was agreed (accepted offers, done tasks, what the agent types), the summary drafted from it
 * and coached as a closing message, and the e-mail previewed exactly as the server will send it. Nothing is
 * drafted, and Resolve stays refused with the reason beside it, until something is agreed.
 */
function resolveForm(getState: () => State, reload: () => Promise<void>) {
  const agreedId = uid('agreed');
  const emailId = uid('email');
  const agreed = h('textarea', { id: agreedId, rows: 2, placeholder: 'e.g. reship the parcel by express (one item per line)', 'data-field': 'agreed' });
  const email = h('input', { id: emailId, type: 'email', autocomplete: 'off', 'data-field': 'email' });
  // The call-back's day for this case: the team's default (business days on its calendar) until changed.
  const followUpId = uid('followup-on');
  const followUpOn = h('input', { id: followUpId, type: 'date', 'data-field': 'followUpOn' });
  const followUpHint = h('p', { class: 'muted small', id: `${followUpId}-hint` }, 'Resolving e-mails the summary and schedules a call-back a day or two later.');
  followUpOn.setAttribute('aria-describedby', followUpHint.id);
  void request<{ on: string; timeZone: string; businessDays: number }>('GET', '/api/follow-ups/default').then((d) => {
    if (!followUpOn.value) {
      followUpOn.value = d.on;
      schedulePreview();
    }
    followUpHint.textContent = `Resolving e-mails the summary and schedules the call-back for this day (default: ${d.businessDays} business day${d.businessDays === 1 ? '' : 's'} ahead, ${d.timeZone} calendar).`;
  }, () => undefined);
  const status = h('div', { class: 'panel-status' });
  const agreementList = h('ul', { class: 'agreement', 'aria-label': 'What was agreed' });
  const agreementEmpty = h('p', { class: 'empty small agreement-empty' }, 'Nothing agreed yet. Mark an offer the customer accepted, complete a task, or write what you agreed below.');
  // Done tasks go into the agreement unless the agent leaves one out (an internal note the customer need not read).
  const leftOut = new Set<number>();
  const summary: Composer = createComposer({
    label: 'Summary for the customer (e-mailed)',
    rows: 5,
    placeholder: 'The summary is drafted here from what was agreed.',
    // Coached as the server checks it on resolve: the case's context in the closing phase (recap, follow-up,
    // plus the emotional moves while the customer is still upset); it is itself the written confirmation.
    context: () => ({ ...replyContext(getState()), phase: 'summarize' }),
    check: checkSummary,
  });
  // The summary follows the agreement (drafted by the server) until the agent edits it.
  let autoDraft = '';
  const edited = () => summary.text() !== autoDraft;
  const redraft = h('button', { type: 'button', class: 'secondary small-button' }, 'Redraft the summary');
  redraft.addEventListener('click', () => {
    summary.setText('');
    autoDraft = '';
    schedulePreview(true);
    summary.textarea.focus();
  });
  const unmentioned = h('p', { class: 'summary-unmentioned small', role: 'status', hidden: true });
  const blockedId = uid('resolve-blocked');
  const blocked = h('p', { id: blockedId, class: 'resolve-blocked', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', 'aria-describedby': blockedId }, 'Resolve and e-mail summary');
  const preview = h('section', { class: 'email-preview', 'aria-labelledby': `${blockedId}-preview` });
  const form = h('form', { class: 'resolve-form', novalidate: true },
    h('h3', { class: 'agreement-heading' }, 'What was agreed'),
    agreementList,
    agreementEmpty,
    h('div', { class: 'field' }, h('label', { for: agreedId }, 'What you agreed (anything beyond offers and tasks, one item per line)'), agreed),
    h('div', { class: 'actions-inline' }, redraft),
    summary.element,
    unmentioned,
    h('div', { class: 'field' }, h('label', { for: emailId }, 'E-mail the summary to'), email),
    h('div', { class: 'field' }, h('label', { for: followUpId }, 'Call back on'), followUpOn),
    followUpHint,
    preview,
    status,
    blocked,
    h('div', { class: 'actions' }, submit));

  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let forceDraft = false;
  function body(withSummary: boolean) {
    const s = getState();
    const done = (s.kase.tasks ?? []).filter((t) => t.status === 'done').map((t) => t.id);
    const address = email.value.trim();
    return {
      agreed: agreed.value,
      taskIds: done.filter((id) => !leftOut.has(id)),
      followUpOn: followUpOn.value || undefined,
      email: address && email.checkValidity() ? address : undefined,
      ...(withSummary ? { summary: summary.text() } : {}),
    };
  }
  /** Asks the server what resolving now would send; the answer is shown only if nothing changed since. */
  function schedulePreview(draft = false): void {
    forceDraft ||= draft;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runPreview(), 250);
  }
  async function runPreview(rethrow = false): Promise<ResolutionPreview | undefined> {
    const s = getState();
    if (s.kase.status !== 'open') return undefined;
    const mine = ++seq;
    const useDraft = forceDraft || !edited();
    forceDraft = false;
    try {
      const p = await request<ResolutionPreview>('POST', `/api/cases/${s.kase.id}/resolution-preview`, body(!useDraft));
      if (mine !== seq) return undefined;
      clearErrors(form, status);
      if (p.drafted && !edited()) {
        autoDraft = p.summary;
        if (summary.text() !== p.summary) summary.setText(p.summary);
      }
      showPreview(p);
      return p;
    } catch (err) {
      if (rethrow) throw err;
      if (mine === seq) {
        // Said next to the field as the agent types, without taking the caret away from where they type.
        const typing = document.activeElement as HTMLElement | null;
        showErrors(form, status, err);
        typing?.focus();
        // Whether resolving is possible is unknown now: pressing Resolve asks again and says what is wrong.
        submit.setAttribute('aria-disabled', 'false');
      }
      return undefined;
    }
  }
  function showPreview(p: ResolutionPreview): void {
    const tasks = getState().kase.tasks ?? [];
    const doneTasks = tasks.filter((t) => t.status === 'done');
    const toggle = (taskId: number, out: boolean) => h('button', { type: 'button', class: 'link-button', onclick: () => {
      if (out) leftOut.delete(taskId);
      else leftOut.add(taskId);
      schedulePreview();
    } }, out ? 'Put it back' : 'Leave it out of the e-mail');
    replace(agreementList,
      p.agreement.map((item) => h('li', { class: `agreed-item agreed-${item.source}` },
        h('span', { class: 'agreed-text' }, item.text), ' ', h('span', { class: 'chip' }, SOURCE_LABEL[item.source]),
        item.source === 'task' && item.id !== null ? [' ', toggle(item.id, false)] : null)),
      // Tasks left out stay listed, so one click puts them back.
      doneTasks.filter((t) => leftOut.has(t.id)).map((t) => h('li', { class: 'agreed-item agreed-left-out' },
        h('span', { class: 'agreed-text muted' }, `${t.team}: ${t.result ?? t.what}`), ' ', h('span', { class: 'chip' }, 'left out'), ' ', toggle(t.id, true))));
    agreementEmpty.hidden = p.agreement.length > 0;
    // An edited summary that dropped part of the agreement: say which, and how to get it back.
    replace(unmentioned, p.unmentioned.length
      ? [h('strong', {}, 'The summary does not say: '), p.unmentioned.join(' '), ' Add it, or press “Redraft the summary”.']
      : []);
    unmentioned.hidden = p.unmentioned.length === 0;
    blocked.textContent = p.blocked ? `Resolve is not possible yet. ${p.blocked}` : '';
    blocked.hidden = !p.blocked;
    // Refused, not disabled: a disabled button cannot be focused or pressed, and pressing it says why.
    submit.setAttribute('aria-disabled', String(Boolean(p.blocked)));
    if (!p.email) {
      replace(preview, h('h3', { id: `${blockedId}-preview` }, 'The e-mail'), h('p', { class: 'empty small' }, 'The e-mail is shown here, exactly as it will be sent, once something is agreed.'));
      return;
    }
    const frame = h('iframe', { class: 'email-html', sandbox: '', title: 'The e-mail as HTML, as the customer sees it', referrerpolicy: 'no-referrer' });
    frame.srcdoc = p.email.html;
    replace(preview,
      h('h3', { id: `${blockedId}-preview` }, 'The e-mail, exactly as it will be sent'),
      h('dl', { class: 'email-head' },
        h('dt', {}, 'From'), h('dd', { class: 'email-from' }, p.email.from),
        h('dt', {}, 'To'), h('dd', { class: 'email-to' }, p.email.to ?? '(no address yet)'),
        h('dt', {}, 'Subject'), h('dd', { class: 'email-subject' }, p.email.subject)),
      h('details', { class: 'email-part', open: true }, h('summary', {}, 'Plain text'), h('pre', { class: 'email-text', tabindex: 0 }, p.email.text)),
      h('details', { class: 'email-part' }, h('summary', {}, 'HTML'), frame));
  }
  agreed.addEventListener('input', () => schedulePreview());
  summary.textarea.addEventListener('input', () => schedulePreview());
  email.addEventListener('input', () => schedulePreview());
  followUpOn.addEventListener('change', () => schedulePreview());

  let initialised = false;
  let emails: Email[] | undefined;
  const emailBox = h('div', { class: 'emails' });
  onSubmitOnce(form, async () => {
    const s = getState();
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    // The preview on screen is what is sent: bring it up to date first, then send exactly that summary.
    let p: ResolutionPreview | undefined;
    try {
      p = await runPreview(true);
    } catch (err) {
      showErrors(form, status, err);
      return;
    }
    if (!p || p.blocked) {
      notice(status, p?.blocked ?? NO_AGREEMENT_YET, 'error');
      return;
    }
    if (!summary.withinLimit()) {
      notice(status, 'The summary is longer than the desk accepts: shorten it before resolving.', 'error');
      return;
    }
    if (email.value.trim() && !email.checkValidity()) {
      notice(status, 'That e-mail address does not look right.', 'error');
      email.focus();
      return;
    }
    submit.disabled = true;
    try {
      const b = body(true);
      const res = await request<{ followUp: FollowUp; email: { to: string } }>('POST', `/api/cases/${s.kase.id}/resolve`, {
        ...b,
        agreed: agreed.value.trim() || undefined,
        email: email.value.trim() || undefined,
      });
      lastResult = `Resolved. Summary e-mailed to ${res.email.to}. Follow-up call scheduled for ${when(res.followUp.dueAt)}.`;
      writeDraft(`defuse:draft:${s.kase.id}`, '');
      await reload();
    } catch (err) {
      showErrors(form, status, err);
    } finally {
      submit.disabled = false;
    }
  });
  let lastResult = '';
  async function loadEmails(caseId: number): Promise<void> {
    try {
      emails = (await request<{ emails: Email[] }>('GET', `/api/cases/${caseId}/emails`)).emails;
    } catch {
      emails = [];
    }
    replace(emailBox, emails.length
      ? h('ul', { class: 'email-list', 'aria-label': 'E-mails for this case' }, emails.map((e) => h('li', { class: `email email-${e.status}` },
        h('strong', {}, e.status === 'sent' ? 'Sent' : e.status === 'pending' ? 'Sending…' : e.status === 'bounced' ? 'Returned undelivered' : 'Failed'), ` to ${e.to}: ${e.subject}`,
        e.sentAt ? h('span', { class: 'muted small' }, ` (${when(e.sentAt)})`) : null,
        e.status !== 'sent' && e.lastError ? h('span', { class: 'muted small' }, ` — ${e.lastError}`) : null)))
      : null);
    // The outbox sends within seconds; look again while anything is still waiting.
    if (emails.some((e) => e.status === 'pending')) setTimeout(() => void loadEmails(caseId), 1500);
  }
  return {
    draw(): Child[] {
      const s = getState();
      if (!initialised) {
        email.value = s.kase.customer.email ?? '';
        initialised = true;
      }
      if (s.kase.status !== 'open') {
        const r = s.kase.resolution;
        void loadEmails(s.kase.id);
        return [h('h2', { id: 'resolve-heading' }, 'Resolution'),
          lastResult ? h('div', { class: 'alert alert-ok', role: 'status' }, lastResult) : null,
          r ? h('div', { class: 'resolution' }, h('p', {}, h('strong', {}, 'Agreed: ')), h('p', { class: 'resolution-agreed' }, r.agreed), h('p', { class: 'resolution-summary' }, r.summary)) : h('p', { class: 'muted' }, `This case is ${s.kase.status}.`),
          emailBox];
      }
      // Offers accepted and tasks done since the last look change the agreement: ask again.
      schedulePreview();
      return [h('h2', { id: 'resolve-heading' }, 'Resolve'), form];
    },
  };
}

const NO_AGREEMENT_YET = 'Nothing has been agreed yet: mark an offer the customer accepted, complete a task, or write what you agreed.';

/** Subjects derived from the issue ("charged twice") read better capitalised in a heading. */
function sentenceCase(s: string): string {
  return s ? s[0].toLocaleUpperCase() + s.slice(1) : s;
}

/** Log what the customer said on the phone or in another channel, so it is analysed and coached against. */
function logInbound(k: CaseDetail, reload: () => Promise<void>): HTMLElement {
  const id = uid('inbound');
  const body = h('textarea', { id, rows: 3, placeholder: 'Paste or type what the customer said' });
  const status = h('div', { class: 'panel-status' });
  const form = h('form', { class: 'inbound-form' },
    h('div', { class: 'field' }, h('label', { for: id }, `Message from ${k.customer.name}`), body),
    status,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, 'Add to conversation')));
  onSubmitOnce(form, async () => {
    if (!body.value.trim()) {
      notice(status, 'Type what the customer said first.', 'error');
      body.focus();
      return;
    }
    try {
      await request('POST', `/api/cases/${k.id}/messages`, { direction: 'inbound', body: body.value });
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  return h('details', { class: 'log-inbound' }, h('summary', {}, 'Log a message from the customer'), form);
}

function readDraft(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(key: string, text: string): void {
  try {
    if (text.trim()) sessionStorage.setItem(key, text);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the draft still lives in the page.
  }
}
