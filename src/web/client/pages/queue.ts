/** The agent's queue: open cases, highest priority first, each with the reason for its place. */
import { request, type CaseSummary } from '../api.ts';
import { ago, h, money, replace } from '../dom.ts';
import { currentUser, errorBox, frame } from '../layout.ts';
import { angerWord, priorityOf } from '../priority.ts';

export async function render(): Promise<void> {
  const user = await currentUser();
  const main = frame(user, 'queue', 'My queue');
  const body = h('div', { class: 'queue-body' }, h('p', { class: 'loading' }, 'Loading cases…'));
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-title' }, 'My queue'),
      h('p', { class: 'muted' }, 'Open cases you own, angriest and most valuable customers who have waited longest first.')),
    body);
  try {
    const data = await request<{ cases: CaseSummary[] }>('GET', '/api/cases?status=open');
    const now = Date.now();
    const rows = data.cases
      .filter((c) => c.status !== 'resolved' && c.status !== 'closed')
      .map((c) => ({ c, p: priorityOf(c, now) }))
      .sort((a, b) => b.p.score - a.p.score);
    if (rows.length === 0) {
      replace(body, h('p', { class: 'empty' }, 'No open cases. Nice work — check your follow-ups.'));
      return;
    }
    replace(body, h('table', { class: 'queue' },
      h('caption', { class: 'visually-hidden' }, 'Open cases by priority'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Customer and case'),
        h('th', { scope: 'col' }, 'Anger'),
        h('th', { scope: 'col', class: 'col-value' }, 'Value'),
        h('th', { scope: 'col' }, 'Waiting'),
        h('th', { scope: 'col' }, 'Why here'))),
      h('tbody', {}, rows.map(({ c, p }, i) => h('tr', { 'data-case-id': String(c.id) },
        h('td', { class: 'rank' }, String(i + 1)),
        h('td', { class: 'who' },
          h('a', { href: `/cases/${encodeURIComponent(String(c.id))}`, class: 'case-link' }, c.customer.name),
          h('span', { class: 'subject' }, c.subject ?? 'No subject')),
        h('td', {}, angerMeter(c.anger)),
        h('td', { class: 'col-value' }, money(c.customer.lifetimeValue)),
        h('td', {}, ago(c.waitingSince, now)),
        h('td', { class: 'reason' }, p.reason))))));
  } catch (err) {
    replace(body, errorBox(err));
  }
}

/** Anger as a bar plus a word, so it never depends on colour alone. */
export function angerMeter(anger: number): HTMLElement {
  const a = Math.max(0, Math.min(1, anger ?? 0));
  return h('span', { class: `anger anger-${a >= 0.75 ? 'high' : a >= 0.4 ? 'mid' : 'low'}` },
    h('meter', { min: 0, max: 1, low: 0.4, high: 0.75, optimum: 0, value: a.toFixed(2), 'aria-label': `Anger ${a.toFixed(2)} of 1` }),
    h('span', { class: 'anger-word' }, angerWord(a)));
}
