/**
 * The follow-up list: call-backs due, overdue first, with the outcome recorded right here. An agent sees their
 * own; a lead picks whose: theirs, the whole team's, or one agent's.
 */
import { request, type FollowUp } from '../api.ts';
import { outcomeForm } from '../case/panels.ts';
import { h, replace, when } from '../dom.ts';
import { currentUser, errorBox, frame } from '../layout.ts';

export async function render(): Promise<void> {
  const user = await currentUser();
  const main = frame(user, 'followups', 'Follow-ups');
  const body = h('div', {}, h('p', { class: 'loading' }, 'Loading follow-ups…'));
  const status = h('div', { class: 'panel-status' });
  const lead = user.role !== 'agent';
  const whose = h('select', { id: 'followups-whose' }, h('option', { value: '' }, 'Mine'), h('option', { value: 'scope=all' }, 'The whole team'));
  if (lead) {
    void request<{ users: { id: number; name: string; role: string; disabled?: boolean }[] }>('GET', '/api/users').then(({ users }) => {
      for (const u of users.filter((x) => !x.disabled && x.id !== user.id)) whose.append(h('option', { value: `ownerId=${u.id}` }, u.name));
    }, (err: unknown) => replace(status, errorBox(err)));
    whose.addEventListener('change', () => void load());
  }
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-title' }, 'Follow-ups'),
      h('p', { class: 'muted' }, 'Call back a day or two after resolving to make sure the fix worked. “Still unhappy” reopens the case.')),
    lead ? h('div', { class: 'field inline-field' }, h('label', { for: 'followups-whose' }, 'Whose call-backs'), whose) : null,
    status,
    body);
  const load = async () => {
    try {
      const data = await request<{ followUps: FollowUp[] }>('GET', `/api/follow-ups${whose.value ? `?${whose.value}` : ''}`);
      const now = Date.now();
      const list = [...data.followUps].filter((f) => f.status === 'scheduled').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
      if (list.length === 0) {
        replace(body, h('p', { class: 'empty' }, 'No call-backs scheduled.'));
        return;
      }
      replace(body, h('ul', { class: 'followup-list' }, list.map((f) => {
        // The server says what is due by its own clock; the browser's clock only splits the rest.
        const due = Date.parse(f.dueAt);
        const state = f.due ? 'overdue' : due - now < 86_400_000 ? 'today' : 'later';
        return h('li', { class: `panel followup-item ${state}` },
          h('div', { class: 'followup-head' },
            h('a', { href: `/cases/${encodeURIComponent(String(f.caseId))}` }, f.customerName ?? `Case ${f.caseId}`),
            f.caseSubject ? h('span', { class: 'muted' }, ` — ${f.caseSubject}`) : null,
            whose.value && f.ownerName ? h('span', { class: 'followup-owner small' }, ` · ${f.ownerName}’s call`) : null,
            h('span', { class: `due-chip due-${state}` }, state === 'overdue' ? 'Due now, since ' : 'Due ', h('time', { datetime: f.dueAt }, when(f.dueAt)))),
          f.customerPhone || f.customerEmail
            ? h('p', { class: 'contact small' },
              f.customerPhone ? ['Phone ', h('a', { href: `tel:${f.customerPhone.replace(/[^\d+]/g, '')}` }, f.customerPhone)] : null,
              f.customerPhone && f.customerEmail ? ' · ' : null,
              f.customerEmail ? ['E-mail ', h('a', { href: `mailto:${encodeURIComponent(f.customerEmail)}` }, f.customerEmail)] : null)
            : null,
          outcomeForm(f, status, load));
      })));
    } catch (err) {
      replace(body, errorBox(err));
    }
  };
  await load();
}
