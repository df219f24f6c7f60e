/** The agent's queue: open cases, highest priority first, each with the reason for its place. */
import { request, type QueueItem, type User } from '../api.ts';
import { angerMeter } from '../anger.ts';
import { cell, h, money, replace, uid, when } from '../dom.ts';
import { currentUser, errorBox, frame } from '../layout.ts';

export async function render(): Promise<void> {
  const user = await currentUser();
  const main = frame(user, 'queue', 'Queue');
  const body = h('div', { class: 'queue-body' }, h('p', { class: 'loading' }, 'Loading cases…'));
  const isLead = user.role !== 'agent';
  const scopeId = uid('scope');
  const scope = h('select', { id: scopeId }, h('option', { value: 'mine' }, 'My cases'), h('option', { value: 'all' }, 'Whole team'));
  const reminders = h('section', { class: 'panel reminders', 'aria-labelledby': 'reminders-heading', hidden: true });
  replace(main,
    reminders,
    h('div', { class: 'page-head with-tools' },
      h('div', {},
        h('h1', { id: 'page-title' }, 'Queue'),
        h('p', { class: 'muted' }, 'Open cases by priority: anger × customer value × waiting time.')),
      isLead ? h('div', { class: 'field inline' }, h('label', { for: scopeId }, 'Show'), scope) : null),
    body);
  const load = async () => {
    try {
      const data = await request<{ items: QueueItem[] }>('GET', `/api/queue?scope=${isLead ? scope.value : 'mine'}`);
      drawQueue(body, data.items, user, scope.value === 'all');
    } catch (err) {
      replace(body, errorBox(err));
    }
  };
  scope.addEventListener('change', () => void load());
  await Promise.all([load(), drawReminders(reminders)]);
}

function waiting(minutes: number): string {
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}

function drawQueue(body: HTMLElement, items: QueueItem[], _user: User, showOwner: boolean): void {
  if (items.length === 0) {
    replace(body, h('p', { class: 'empty' }, 'No open cases. Check your follow-ups.'));
    return;
  }
  // The server already sorts; sorting again keeps the page right if it ever stops.
  const rows = [...items].sort((a, b) => b.priority - a.priority);
  replace(body, h('table', { class: 'queue' },
    h('caption', { class: 'visually-hidden' }, 'Open cases, highest priority first'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '#'),
      h('th', { scope: 'col' }, 'Customer and case'),
      h('th', { scope: 'col' }, 'Anger'),
      h('th', { scope: 'col', class: 'col-value' }, 'Value'),
      h('th', { scope: 'col' }, 'Waiting'),
      h('th', { scope: 'col' }, 'Why here'))),
    h('tbody', {}, rows.map((c, i) => h('tr', { 'data-case-id': String(c.caseId) },
      cell('Priority', { class: 'rank' }, String(i + 1)),
      cell('Customer and case', { class: 'who' },
        h('a', { href: `/cases/${c.caseId}`, class: 'case-link' }, c.customerName),
        h('span', { class: 'subject' }, c.subject),
        showOwner ? h('span', { class: 'owner small muted' }, `Owner: ${c.ownerName}`) : null,
        c.flags.length ? h('span', { class: 'flags' }, c.flags.map((f) => h('span', { class: 'flag' }, f))) : null),
      cell('Anger', {}, angerMeter(c.anger)),
      cell('Value', { class: 'col-value' }, money(c.lifetimeValue), c.tenureYears ? h('span', { class: 'subject' }, `${c.tenureYears} yr customer`) : null),
      cell('Waiting', {}, waiting(c.waitingMinutes)),
      cell('Why here', { class: 'reason' }, h('ul', { class: 'why' }, [...c.why].sort((a, b) => b.weight - a.weight).map((w) => h('li', {}, w.text)))))))));
}

interface Reminder {
  id: number;
  caseId: number | null;
  kind: string;
  text: string;
  createdAt: string;
}

/** Unread reminders: a task came back or ran late, a follow-up is due, an approval was decided. */
async function drawReminders(box: HTMLElement): Promise<void> {
  let list: Reminder[];
  try {
    list = (await request<{ notifications: Reminder[] }>('GET', '/api/notifications?unread=true')).notifications;
  } catch {
    return;
  }
  box.hidden = list.length === 0;
  const item = (n: Reminder) => h('li', { class: `reminder reminder-${n.kind}` },
    n.caseId ? h('a', { href: `/cases/${n.caseId}` }, n.text) : h('span', {}, n.text),
    h('span', { class: 'muted small' }, ` · ${when(n.createdAt)} `),
    h('button', { type: 'button', class: 'link-button', 'aria-label': `Dismiss: ${n.text}`, onclick: () => void request('POST', `/api/notifications/${n.id}/read`, {}).then(() => drawReminders(box)) }, 'Dismiss'));
  // The newest few stay in view; the rest fold away so the queue is never pushed off the screen.
  const shown = 3;
  replace(box,
    h('h2', { id: 'reminders-heading' }, `Reminders (${list.length})`),
    h('ul', { class: 'reminder-list' }, list.slice(0, shown).map(item)),
    list.length > shown
      ? h('details', { class: 'more-reminders' }, h('summary', {}, `${list.length - shown} more`), h('ul', { class: 'reminder-list' }, list.slice(shown).map(item)))
      : null);
}
