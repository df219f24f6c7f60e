/** The customer card: who they are to the company, so the reply can value the relationship (P18). */
import type { Customer } from '../api.ts';
import { h, money, when } from '../dom.ts';

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

export function customerCard(c: Customer): HTMLElement {
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
      : null);
}
