/** The customer card: who they are to the company, so the reply can value the relationship (P18). */
import { request, type Customer, type CustomerChange } from '../api.ts';
import { h, money, replace, uid, when } from '../dom.ts';
import { errorBox } from '../layout.ts';

export function tenureYears(c: Customer, now = Date.now()): number | undefined {
  if (typeof c.tenureYears === 'number') return c.tenureYears;
  if (c.customerSince) {
    const t = Date.parse(c.customerSince);
    if (Number.isFinite(t)) return Math.max(0, (now - t) / (365.25 * 86_400_000));
  }
  return undefined;
}

/** Loyal: two years or more, or marked high value by the CRM. */
export function isLoyal(c: Customer): boolean {
  return (tenureYears(c) ?? 0) >= 2 || Boolean(c.highValue);
}

/**
 * A change to the customer's contact details that another agent asked for while this case is in flight: it
 * takes effect only when the case owner (after checking with the customer) or a lead confirms it.
 */
function pendingChangeItem(change: CustomerChange, reload: () => Promise<void>): HTMLElement {
  const what = Object.entries(change.fields).map(([k, v]) => `${k === 'email' ? 'e-mail' : k} → ${v}`).join(', ');
  const reasonId = uid('change-reason');
  const reason = h('input', { id: reasonId, placeholder: 'e.g. she confirmed it on the phone' });
  const status = h('div', { class: 'panel-status' });
  const decide = (approve: boolean) => void (async () => {
    if (!reason.value.trim()) {
      replace(status, h('div', { class: 'alert alert-error', role: 'alert' }, 'Say how you checked it with the customer.'));
      reason.focus();
      return;
    }
    try {
      await request('POST', `/api/customer-changes/${change.id}/decision`, { approve, reason: reason.value.trim() });
      await reload();
    } catch (err) {
      replace(status, errorBox(err));
    }
  })();
  const confirm = h('button', { type: 'button', class: 'secondary' }, 'Confirm');
  const reject = h('button', { type: 'button', class: 'link-button' }, 'Turn down');
  confirm.addEventListener('click', () => decide(true));
  reject.addEventListener('click', () => decide(false));
  return h('li', { class: 'pending-change' },
    h('p', {}, h('strong', {}, change.requestedByName), ` asks to change ${what} (${when(change.createdAt)}).`),
    h('div', { class: 'field' }, h('label', { for: reasonId }, 'How you checked it'), reason),
    h('div', { class: 'actions-inline' }, confirm, reject),
    status);
}

export function customerCard(c: Customer, reload: () => Promise<void> = async () => undefined): HTMLElement {
  const pending = c.pendingChanges ?? [];
  const tenure = tenureYears(c);
  const past = c.pastCases ?? [];
  return h('section', { class: 'panel customer-card', 'aria-labelledby': 'customer-heading' },
    h('h2', { id: 'customer-heading' }, c.name),
    isLoyal(c) ? h('p', { class: 'loyal-badge' }, '★ Loyal customer — thank them for it') : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Customer for'), h('dd', {}, tenure === undefined ? 'unknown' : tenure < 1 ? 'less than a year' : `${Math.floor(tenure)} year${Math.floor(tenure) === 1 ? '' : 's'}`),
      h('dt', {}, 'Lifetime value'), h('dd', {}, money(c.lifetimeValue)),
      c.email ? [h('dt', {}, 'E-mail'), h('dd', {}, c.email)] : null,
      c.phone ? [h('dt', {}, 'Phone'), h('dd', {}, c.phone)] : null,
      h('dt', {}, 'Past cases'), h('dd', {}, String(past.length))),
    past.length
      ? h('ul', { class: 'past-cases', 'aria-label': 'Past cases' }, past.slice(0, 5).map((p) =>
        h('li', {}, h('a', { href: `/cases/${encodeURIComponent(String(p.id))}` }, p.subject || `Case ${p.id}`), ' ', h('span', { class: 'muted' }, `${p.status}${p.createdAt ? ` · opened ${when(p.createdAt)}` : ''}`))))
      : null,
    pending.length
      ? h('div', { class: 'pending-changes' }, h('h3', {}, 'Contact changes waiting for confirmation'), h('ul', {}, pending.map((p) => pendingChangeItem(p, reload))))
      : null);
}
