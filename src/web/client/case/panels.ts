/**
 * The footwork panels of a case: options within authority (P13), internal tasks instead of transfers
 * (P10), process gaps for the owning team (P19) and follow-ups (P17). Each panel posts to the API and
 * asks the page to reload the case so every panel shows the server's truth.
 */
import { request, type CaseDetail, type CatalogueOption, type FollowUp, type Offer, type Task } from '../api.ts';
import { h, money, replace, uid, when } from '../dom.ts';
import { onSubmitOnce, showErrors } from '../forms.ts';
import { errorBox, notice } from '../layout.ts';

export type Reload = () => Promise<void>;

const NEED_LABEL: Record<string, string> = {
  timing: 'timing', financial: 'money', replacement: 'a replacement', information: 'information', acknowledgement: 'acknowledgement', escalation: 'escalation',
};

function offerStatus(o: Offer): string {
  switch (o.status) {
    case 'pending_approval': return 'waiting for a lead to approve';
    case 'offered': return o.withinAuthority === false ? 'approved by a lead, offered' : 'offered';
    case 'rejected': return `not approved${o.decisionReason ? `: ${o.decisionReason}` : ''}`;
    default: return o.status;
  }
}

function fmtAmount(amount: number | null | undefined, unit: string | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  if (unit === '%' || unit === 'percent') return `${amount}%`;
  if (unit === 'days') return `${amount} days`;
  if (unit === 'USD' || unit === '$' || unit === 'money') return money(amount);
  return unit ? `${amount} ${unit}` : String(amount);
}

/** Options the agent may offer, the ones that fit the customer's need first, with the authority limit shown. */
export function optionsPanel(kase: CaseDetail, catalogue: CatalogueOption[], reload: Reload): HTMLElement {
  const status = h('div', { class: 'panel-status' });
  const offers = kase.offers ?? [];
  const needs = kase.needs ?? [];
  const open = kase.status === 'open';
  return h('section', { class: 'panel options-panel', 'aria-labelledby': 'options-heading' },
    h('h2', { id: 'options-heading' }, 'Options'),
    open && needs.length ? h('p', { class: 'muted small' }, `They seem to need ${needs.map((n) => NEED_LABEL[n] ?? n).join(' and ')}; options that fit come first.`) : null,
    offers.length
      ? h('ul', { class: 'offers', 'aria-label': 'Offers made' }, offers.map((o) => offerItem(o, open, status, reload)))
      : null,
    status,
    open ? optionLists(kase, catalogue, status, reload) : offers.length ? null : h('p', { class: 'empty small' }, 'No options were offered.'));
}

/** The options that fit the need in view; the rest one click away, so the panel stays short. */
function optionLists(kase: CaseDetail, catalogue: CatalogueOption[], status: HTMLElement, reload: Reload): HTMLElement[] {
  const fit = catalogue.filter((o) => o.suggested);
  const rest = catalogue.filter((o) => !o.suggested);
  const lists: HTMLElement[] = [];
  if (fit.length) lists.push(h('ul', { class: 'option-list', 'aria-label': 'Options that fit their need' }, fit.map((o) => optionRow(kase, o, status, reload))));
  if (rest.length) {
    const list = h('ul', { class: 'option-list', 'aria-label': 'Other options' }, rest.map((o) => optionRow(kase, o, status, reload)));
    lists.push(fit.length ? h('details', { class: 'more-options' }, h('summary', {}, `Other options (${rest.length})`), list) : list);
  }
  return lists;
}

function offerItem(o: Offer, open: boolean, status: HTMLElement, reload: Reload): HTMLElement {
  const answer = (a: 'accepted' | 'declined') => async () => {
    try {
      await request('POST', `/api/offers/${o.id}/answer`, { answer: a });
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  };
  return h('li', { class: `offer offer-${o.status}` },
    h('strong', {}, o.label), ' ', fmtAmount(o.amount, o.unit), ' — ', offerStatus(o),
    open && o.status === 'offered'
      // On a line of their own, spaced: side by side and unspaced they read as one word, "AcceptedDeclined".
      ? h('span', { class: 'offer-answer' }, h('span', { class: 'muted small' }, 'Their answer:'),
        h('button', { type: 'button', class: 'link-button', onclick: () => void answer('accepted')(), 'aria-label': `Customer accepted ${o.label}` }, 'Accepted'),
        h('button', { type: 'button', class: 'link-button', onclick: () => void answer('declined')(), 'aria-label': `Customer declined ${o.label}` }, 'Declined'))
      : null);
}

function optionRow(kase: CaseDetail, o: CatalogueOption, status: HTMLElement, reload: Reload): HTMLElement {
  const id = uid('opt');
  const { allowed, maxAmount } = o.authority;
  const input = o.unit ? h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal', class: 'amount', value: maxAmount ?? '' }) : null;
  const limitText = !allowed ? 'needs a lead’s approval'
    : maxAmount !== null ? `you may give up to ${fmtAmount(maxAmount, o.unit)}` : 'within your authority';
  const button = h('button', { type: 'button', class: 'secondary' }, 'Offer');
  const update = () => {
    const amount = input && input.value !== '' ? Number(input.value) : undefined;
    const beyond = !allowed || (amount !== undefined && maxAmount !== null && amount > maxAmount);
    button.textContent = beyond ? 'Ask a lead' : 'Offer';
    button.setAttribute('aria-label', `${beyond ? 'Ask a lead to approve' : 'Offer'} ${o.label}`);
    button.classList.toggle('needs-approval', beyond);
  };
  input?.addEventListener('input', update);
  update();
  button.addEventListener('click', () => void (async () => {
    const amount = input && input.value !== '' ? Number(input.value) : undefined;
    if (input && (amount === undefined || !Number.isFinite(amount) || amount <= 0)) {
      notice(status, `Enter an amount for ${o.label}.`, 'error');
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      const offer = await request<Offer>('POST', `/api/cases/${kase.id}/offers`, { optionId: o.id, amount });
      await reload();
      notice(document.querySelector<HTMLElement>('.options-panel .panel-status') ?? status,
        offer.status === 'pending_approval' ? `${o.label}: a lead has been asked to approve it.` : `${o.label} offered. Mark whether they accept it.`);
    } catch (err) {
      replace(status, errorBox(err));
    } finally {
      button.disabled = false;
    }
  })());
  return h('li', { class: `option${o.suggested ? ' suggested' : ''}${input ? ' has-amount' : ''}` },
    h('div', { class: 'option-text' },
      h('span', { class: 'option-label' }, o.label, o.suggested ? h('span', { class: 'chip' }, 'fits their need') : null),
      h('span', { class: 'muted small' }, limitText)),
    input ? h('label', { for: id, class: 'amount-label' }, h('span', { class: 'visually-hidden' }, `${o.label} amount in ${o.unit}`), input, h('span', { class: 'unit', 'aria-hidden': 'true' }, o.unit ?? '')) : null,
    button);
}

const TEAMS = ['Billing', 'Warehouse', 'Shipping', 'Returns', 'Engineering', 'Product', 'Sales', 'Legal'];

/** Default due time for a task: tomorrow at the same hour. */
function tomorrowLocal(): string {
  const d = new Date(Date.now() + 86_400_000);
  d.setMinutes(0, 0, 0);
  return toLocalInput(d);
}

export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Internal tasks: ask another team for something while keeping the customer. */
export function tasksPanel(kase: CaseDetail, reload: Reload): HTMLElement {
  const tasks = kase.tasks ?? [];
  const status = h('div', { class: 'panel-status' });
  const teamId = uid('team');
  const whatId = uid('what');
  const dueId = uid('due');
  const team = h('input', { id: teamId, list: `${teamId}-list`, required: true, autocomplete: 'off', 'data-field': 'team', maxlength: 100 });
  const what = h('input', { id: whatId, required: true, placeholder: 'e.g. approve a refund of the second charge', 'data-field': 'what', maxlength: 2000 });
  const due = h('input', { id: dueId, type: 'datetime-local', required: true, value: tomorrowLocal(), 'data-field': 'dueAt' });
  const form = h('form', { class: 'task-form' },
    h('div', { class: 'field' }, h('label', { for: teamId }, 'Team'), team, h('datalist', { id: `${teamId}-list` }, TEAMS.map((t) => h('option', { value: t })))),
    h('div', { class: 'field grow' }, h('label', { for: whatId }, 'What you need from them'), what),
    h('div', { class: 'field' }, h('label', { for: dueId }, 'Due'), due),
    h('button', { type: 'submit', class: 'secondary' }, 'Ask team'));
  // Once per submission: a double click on "Ask team" must not ask the team twice.
  onSubmitOnce(form, async () => {
    if (!team.value.trim() || !what.value.trim() || !due.value) {
      notice(status, 'Say which team, what you need and by when.', 'error');
      return;
    }
    try {
      await request('POST', `/api/cases/${kase.id}/tasks`, { team: team.value.trim(), what: what.value.trim(), dueAt: new Date(due.value).toISOString() });
      await reload();
    } catch (err) {
      showErrors(form, status, err);
    }
  });
  const now = Date.now();
  return h('section', { class: 'panel tasks-panel', 'aria-labelledby': 'tasks-heading' },
    h('h2', { id: 'tasks-heading' }, 'Internal tasks'),
    h('p', { class: 'muted small' }, 'Do the footwork inside: the customer stays with you.'),
    tasks.length
      ? h('ul', { class: 'tasks' }, tasks.map((t) => taskItem(t, now, status, reload)))
      : h('p', { class: 'empty small' }, 'No tasks yet.'),
    status,
    kase.status === 'open' ? form : null);
}

function taskItem(t: Task, now: number, status: HTMLElement, reload: Reload): HTMLElement {
  const late = t.status === 'open' && Date.parse(t.dueAt) < now;
  const li = h('li', { class: `task task-${t.status}${late ? ' late' : ''}` },
    h('strong', {}, t.team), ': ', t.what, ' ',
    // The em dash keeps the state apart from the request ("Check the last charge done" read as one phrase).
    h('span', { class: 'muted small' }, '— ', t.status === 'done' ? `done${t.result ? `: “${t.result}”` : ''}` : t.status === 'cancelled' ? 'cancelled' : `${late ? 'LATE, was due' : 'due'} ${when(t.dueAt)}`));
  if (t.status !== 'open') return li;
  const resultId = uid('result');
  const result = h('input', { id: resultId, placeholder: `e.g. ${t.team} approved it` });
  const form = h('form', { class: 'task-done-form', hidden: true },
    h('div', { class: 'field grow' }, h('label', { for: resultId }, `What ${t.team} came back with`), result),
    h('button', { type: 'submit', class: 'secondary' }, 'Save'));
  const open = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, 'Mark done');
  open.addEventListener('click', () => {
    form.hidden = !form.hidden;
    open.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) result.focus();
  });
  onSubmitOnce(form, async () => {
    try {
      await request('PATCH', `/api/tasks/${t.id}`, { status: 'done', result: result.value.trim() || undefined });
      notice(status, `Done. Now get back to the customer with what ${t.team} said.`);
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  li.append(' ', open, form);
  return li;
}

let vocabulary: Promise<{ causes: string[]; teams: string[] }> | undefined;

/** Common causes and teams from the server, for the datalists; the fields stay free text. */
function gapVocabulary(): Promise<{ causes: string[]; teams: string[] }> {
  vocabulary ??= request<{ causes: string[]; teams: string[] }>('GET', '/api/gaps/causes').catch(() => ({ causes: [], teams: TEAMS }));
  return vocabulary;
}

function fillList(list: HTMLDataListElement, values: string[]): void {
  replace(list, values.map((v) => h('option', { value: v })));
}

/** Root cause and owning team, so leads can fix the process, not just this case (P19). */
export function gapPanel(kase: CaseDetail, reload: Reload): HTMLElement {
  const status = h('div', { class: 'panel-status' });
  const causeId = uid('cause');
  const teamId = uid('gapteam');
  const cause = h('input', { id: causeId, list: `${causeId}-list`, required: true, autocomplete: 'off', 'data-field': 'cause' });
  const team = h('input', { id: teamId, list: `${teamId}-list`, required: true, autocomplete: 'off', 'data-field': 'team' });
  const causeList = h('datalist', { id: `${causeId}-list` });
  const teamList = h('datalist', { id: `${teamId}-list` });
  void gapVocabulary().then((v) => {
    fillList(causeList, v.causes);
    fillList(teamList, v.teams.length ? v.teams : TEAMS);
  });
  const form = h('form', { class: 'gap-form' },
    h('div', { class: 'field' }, h('label', { for: causeId }, 'Root cause'), cause, causeList),
    h('div', { class: 'field' }, h('label', { for: teamId }, 'Team that owns it'), team, teamList),
    h('button', { type: 'submit', class: 'secondary' }, 'Tag gap'));
  onSubmitOnce(form, async () => {
    if (!cause.value.trim() || !team.value.trim()) {
      notice(status, 'Give the cause and the team that owns it.', 'error');
      return;
    }
    try {
      await request('POST', `/api/cases/${kase.id}/gaps`, { cause: cause.value.trim(), team: team.value.trim() });
      await reload();
    } catch (err) {
      showErrors(form, status, err);
    }
  });
  const gaps = kase.gaps ?? [];
  return h('section', { class: 'panel gap-panel', 'aria-labelledby': 'gap-heading' },
    h('h2', { id: 'gap-heading' }, 'Process gap'),
    gaps.length ? h('ul', { class: 'gaps' }, gaps.map((g) => h('li', {}, h('strong', {}, g.cause), ' → ', g.team))) : null,
    status,
    form);
}

/** Follow-ups of this case, with the outcome form when one is due. */
export function followUpsPanel(kase: CaseDetail, reload: Reload): HTMLElement {
  const list = kase.followUps ?? [];
  const status = h('div', { class: 'panel-status' });
  return h('section', { class: 'panel followups-panel', 'aria-labelledby': 'fu-heading' },
    h('h2', { id: 'fu-heading' }, 'Follow-up'),
    list.length
      ? h('ul', { class: 'followups' }, list.map((f) => h('li', { class: `followup followup-${f.status}` },
        f.status === 'scheduled'
          ? ['Call back ', h('time', { class: 'followup-due', datetime: f.dueAt }, when(f.dueAt))]
          // A cancelled call-back has no outcome, only the reason in its note (the customer wrote again).
          : [f.status === 'done' ? `Called · ${outcomeLabel(f.outcome)}` : 'Cancelled', f.note ? h('span', { class: 'muted' }, ` · ${f.note}`) : null],
        f.status === 'scheduled' ? outcomeForm(f, status, reload) : null)))
      : h('p', { class: 'empty small' }, kase.status === 'open' ? 'Resolving the case schedules a call-back.' : 'No follow-up scheduled.'),
    status);
}

export function outcomeLabel(o: FollowUp['outcome']): string {
  return o === 'satisfied' ? 'customer satisfied' : o === 'still_unhappy' ? 'still unhappy — case reopened' : o === 'no_answer' ? 'no answer' : '';
}

/** Record how the call-back went; "still unhappy" reopens the case on the server. */
export function outcomeForm(f: FollowUp, status: HTMLElement, reload: Reload): HTMLElement {
  const id = uid('outcome');
  const noteId = uid('fnote');
  // No outcome is preselected: "Satisfied" as the default closed the case on one careless click, before
  // anyone had called. `required` makes the browser ask for a choice.
  const select = h('select', { id, required: true },
    h('option', { value: '' }, 'Choose how the call went…'),
    h('option', { value: 'satisfied' }, 'Satisfied'),
    h('option', { value: 'still_unhappy' }, 'Still unhappy (reopens the case)'),
    h('option', { value: 'no_answer' }, 'No answer'));
  const note = h('input', { id: noteId, placeholder: 'What they said' });
  const form = h('form', { class: 'outcome-form' },
    h('div', { class: 'field' }, h('label', { for: id }, 'Outcome'), select),
    h('div', { class: 'field grow' }, h('label', { for: noteId }, 'Note'), note),
    h('button', { type: 'submit', class: 'secondary' }, 'Record'));
  onSubmitOnce(form, async () => {
    try {
      await request('POST', `/api/follow-ups/${f.id}/outcome`, { outcome: select.value, note: note.value.trim() || undefined });
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  return form;
}

/**
 * Leads only: give the case to someone else, with a reason. The seeds count every hand-off as harm, so
 * the panel says so and the server records and counts it.
 */
export function reassignPanel(kase: CaseDetail, reload: Reload): HTMLElement {
  const status = h('div', { class: 'panel-status' });
  const toId = uid('to');
  const reasonId = uid('why');
  const to = h('select', { id: toId }, h('option', { value: '' }, 'Loading people…'));
  const reason = h('input', { id: reasonId, placeholder: 'e.g. owner is on leave until Monday' });
  void request<{ users: { id: number; name: string; role: string; disabled?: boolean }[] }>('GET', '/api/users').then(({ users }) => {
    replace(to, h('option', { value: '' }, 'Choose the new owner'), users.filter((u) => !u.disabled && u.id !== kase.owner.id).map((u) => h('option', { value: String(u.id) }, `${u.name} (${u.role})`)));
  }).catch((err: unknown) => replace(status, errorBox(err)));
  const form = h('form', { class: 'reassign-form' },
    h('div', { class: 'field' }, h('label', { for: toId }, 'New owner'), to),
    h('div', { class: 'field' }, h('label', { for: reasonId }, 'Why'), reason),
    h('button', { type: 'submit', class: 'secondary' }, 'Reassign'));
  onSubmitOnce(form, async () => {
    if (!to.value || reason.value.trim().length < 5) {
      notice(status, 'Choose the new owner and say why (a few words).', 'error');
      return;
    }
    try {
      await request('POST', `/api/cases/${kase.id}/reassign`, { toUserId: Number(to.value), reason: reason.value.trim() });
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  const transfers = kase.transfers ?? [];
  return h('section', { class: 'panel reassign-panel', 'aria-labelledby': 'reassign-heading' },
    h('h2', { id: 'reassign-heading' }, 'Owner'),
    h('p', { class: 'small' }, h('strong', {}, kase.owner.name), ' owns this case. Every reassignment is a transfer for the customer: counted and audited.'),
    transfers.length ? h('ul', { class: 'transfers small' }, transfers.map((t) => h('li', {}, `${t.fromName} → ${t.toName} by ${t.byName}: ${t.reason} (${when(t.createdAt)})`))) : null,
    status,
    kase.status === 'open' ? form : null);
}
