/**
 * The footwork panels of a case: options within authority (P13), internal tasks instead of transfers
 * (P10), process gaps for the owning team (P19) and follow-ups (P17). Each panel posts to the API and
 * asks the page to reload the case so every panel shows the server's truth.
 */
import type { Need } from '../../../engine/index.ts';
import { request, type CaseDetail, type CatalogueOption, type FollowUp, type Offer, type Task } from '../api.ts';
import { h, money, replace, uid, when } from '../dom.ts';
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

/** Options the agent may offer, the ones matching the customer's need first, with the authority limit shown. */
export function optionsPanel(kase: CaseDetail, catalogue: CatalogueOption[], needs: Need[], reload: Reload): HTMLElement {
  const status = h('div', { class: 'panel-status' });
  const byId = new Map(catalogue.map((o) => [String(o.id), o]));
  const sorted = [...catalogue].sort((a, b) => Number(needs.includes(b.need as Need)) - Number(needs.includes(a.need as Need)));
  const offers = kase.offers ?? [];
  const open = kase.status === 'open';
  return h('section', { class: 'panel options-panel', 'aria-labelledby': 'options-heading' },
    h('h2', { id: 'options-heading' }, 'Options'),
    needs.length ? h('p', { class: 'muted' }, `They seem to need ${needs.map((n) => NEED_LABEL[n] ?? n).join(' and ')}. Matching options come first.`) : null,
    offers.length
      ? h('ul', { class: 'offers', 'aria-label': 'Offers made' }, offers.map((o) => {
        const opt = o.optionId !== undefined ? byId.get(String(o.optionId)) : undefined;
        return h('li', { class: `offer offer-${o.status}` }, h('strong', {}, o.label ?? opt?.label ?? 'Option'), ' ', fmtAmount(o.amount, opt?.unit), ' — ', offerStatus(o));
      }))
      : null,
    status,
    open
      ? h('ul', { class: 'option-list' }, sorted.map((o) => optionRow(kase, o, needs.includes(o.need as Need), status, reload)))
      : h('p', { class: 'muted' }, 'The case is resolved.'));
}

function optionRow(kase: CaseDetail, o: CatalogueOption, suggested: boolean, status: HTMLElement, reload: Reload): HTMLElement {
  const id = uid('opt');
  const hasAmount = Boolean(o.unit);
  const input = hasAmount ? h('input', { id, type: 'number', min: 0, step: 'any', inputmode: 'decimal', class: 'amount', value: o.maxAmount ?? '' }) : null;
  const limitText = o.allowed === false ? 'needs a lead’s approval'
    : o.maxAmount !== null && o.maxAmount !== undefined ? `you may give up to ${fmtAmount(o.maxAmount, o.unit)}` : 'within your authority';
  const button = h('button', { type: 'button', class: 'secondary' }, 'Offer');
  const update = () => {
    const amount = input ? Number(input.value) : undefined;
    const beyond = o.allowed === false || (amount !== undefined && o.maxAmount !== null && o.maxAmount !== undefined && amount > o.maxAmount);
    button.textContent = beyond ? 'Ask lead to approve' : 'Offer';
    button.classList.toggle('needs-approval', beyond);
  };
  input?.addEventListener('input', update);
  update();
  button.addEventListener('click', () => void (async () => {
    const amount = input && input.value !== '' ? Number(input.value) : undefined;
    if (input && (amount === undefined || !Number.isFinite(amount) || amount < 0)) {
      notice(status, `Enter an amount for ${o.label}.`, 'error');
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      const res = await request<{ offer: Offer }>('POST', `/api/cases/${kase.id}/offers`, { optionId: o.id, amount });
      notice(status, res.offer.status === 'pending_approval' ? `${o.label}: sent to a lead for approval.` : `${o.label} offered.`);
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    } finally {
      button.disabled = false;
    }
  })());
  return h('li', { class: `option${suggested ? ' suggested' : ''}` },
    h('div', { class: 'option-text' },
      h('span', { class: 'option-label' }, o.label, suggested ? h('span', { class: 'chip' }, 'fits their need') : null),
      h('span', { class: 'muted small' }, limitText)),
    input ? h('label', { for: id, class: 'amount-label' }, h('span', { class: 'visually-hidden' }, `${o.label} amount`), input, h('span', { class: 'unit', 'aria-hidden': 'true' }, o.unit ?? '')) : null,
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
  const team = h('input', { id: teamId, list: `${teamId}-list`, required: true, autocomplete: 'off' });
  const what = h('input', { id: whatId, required: true, placeholder: 'e.g. approve a refund of the second charge' });
  const due = h('input', { id: dueId, type: 'datetime-local', required: true, value: tomorrowLocal() });
  const form = h('form', { class: 'task-form' },
    h('div', { class: 'field' }, h('label', { for: teamId }, 'Team'), team, h('datalist', { id: `${teamId}-list` }, TEAMS.map((t) => h('option', { value: t })))),
    h('div', { class: 'field grow' }, h('label', { for: whatId }, 'What you need from them'), what),
    h('div', { class: 'field' }, h('label', { for: dueId }, 'Due'), due),
    h('button', { type: 'submit', class: 'secondary' }, 'Ask team'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      if (!team.value.trim() || !what.value.trim() || !due.value) {
        notice(status, 'Say which team, what you need and by when.', 'error');
        return;
      }
      try {
        await request('POST', `/api/cases/${kase.id}/tasks`, { team: team.value.trim(), what: what.value.trim(), dueAt: new Date(due.value).toISOString() });
        await reload();
      } catch (err) {
        replace(status, errorBox(err));
      }
    })();
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
  const done = h('button', { type: 'button', class: 'link-button' }, 'Mark done');
  done.addEventListener('click', () => void (async () => {
    const result = window.prompt(`What did ${t.team} come back with?`, '') ?? undefined;
    if (result === undefined) return;
    try {
      await request('POST', `/api/tasks/${t.id}/complete`, { result });
      notice(status, `Done. Now get back to the customer with what ${t.team} said.`);
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  })());
  return h('li', { class: `task task-${t.status}${late ? ' late' : ''}` },
    h('strong', {}, t.team), ': ', t.what, ' ',
    h('span', { class: 'muted small' }, t.status === 'done' ? `done${t.result ? ` — ${t.result}` : ''}` : `${late ? 'LATE, was due' : 'due'} ${when(t.dueAt)}`),
    t.status === 'open' ? [' ', done] : null);
}

const CAUSES = ['Shipping delay', 'Billing error', 'Product defect', 'Unclear policy', 'Website bug', 'Stock out', 'Slow response', 'Other'];

/** Root cause and owning team, so leads can fix the process, not just this case (P19). */
export function gapPanel(kase: CaseDetail, reload: Reload): HTMLElement {
  const status = h('div', { class: 'panel-status' });
  const causeId = uid('cause');
  const teamId = uid('gapteam');
  const cause = h('input', { id: causeId, list: `${causeId}-list`, required: true, autocomplete: 'off' });
  const team = h('input', { id: teamId, list: `${teamId}-list`, required: true, autocomplete: 'off' });
  const form = h('form', { class: 'gap-form' },
    h('div', { class: 'field' }, h('label', { for: causeId }, 'Root cause'), cause, h('datalist', { id: `${causeId}-list` }, CAUSES.map((c) => h('option', { value: c })))),
    h('div', { class: 'field' }, h('label', { for: teamId }, 'Team that owns it'), team, h('datalist', { id: `${teamId}-list` }, TEAMS.map((t) => h('option', { value: t })))),
    h('button', { type: 'submit', class: 'secondary' }, 'Tag gap'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      if (!cause.value.trim() || !team.value.trim()) {
        notice(status, 'Give the cause and the team that owns it.', 'error');
        return;
      }
      try {
        await request('POST', `/api/cases/${kase.id}/process-gaps`, { cause: cause.value.trim(), team: team.value.trim() });
        await reload();
      } catch (err) {
        replace(status, errorBox(err));
      }
    })();
  });
  const gaps = kase.processGaps ?? [];
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
        f.status === 'scheduled' ? ['Call back ', h('strong', { class: 'followup-due' }, when(f.dueAt))] : [`${f.status === 'done' ? 'Called' : 'Cancelled'} · `, outcomeLabel(f.outcome)],
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
  const select = h('select', { id },
    h('option', { value: 'satisfied' }, 'Satisfied'),
    h('option', { value: 'still_unhappy' }, 'Still unhappy (reopens the case)'),
    h('option', { value: 'no_answer' }, 'No answer'));
  const note = h('input', { id: noteId, placeholder: 'What they said' });
  const form = h('form', { class: 'outcome-form' },
    h('div', { class: 'field' }, h('label', { for: id }, 'Outcome'), select),
    h('div', { class: 'field grow' }, h('label', { for: noteId }, 'Note'), note),
    h('button', { type: 'submit', class: 'secondary' }, 'Record'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      try {
        await request('POST', `/api/follow-ups/${f.id}/outcome`, { outcome: select.value, note: note.value.trim() || undefined });
        await reload();
      } catch (err) {
        replace(status, errorBox(err));
      }
    })();
  });
  return form;
}
