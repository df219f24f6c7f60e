/**
 * Sent mail (leads and admins): every e-mail the desk wrote, newest first, with its state in words (queued,
 * sent, failed and why, tried again, bounced); one opens exactly as it was sent, and a failed one can be sent
 * again. The server refuses agents; the page says so instead of showing an empty list.
 */
import { request } from '../api.ts';
import { h, replace, when } from '../dom.ts';
import { currentUser, errorBox, frame, notice } from '../layout.ts';

type Status = 'pending' | 'sent' | 'failed' | 'bounced';

interface SentMail {
  id: number;
  caseId: number | null;
  caseSubject: string | null;
  customerName: string | null;
  kind: string;
  to: string;
  subject: string;
  status: Status;
  attempts: number;
  retried: boolean;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
  createdAt: string;
  resentFrom: number | null;
  resentByName: string | null;
  resentAs: number | null;
}

interface SentMessage extends SentMail {
  from: string;
  messageId: string;
  text: string;
  html: string | null;
}

const STATUS_WORD: Record<Status, string> = { pending: 'Queued', sent: 'Sent', failed: 'Failed', bounced: 'Bounced' };

/** The state in words: queued (or waiting for its next try), sent when, failed or bounced. */
function stateText(m: SentMail): string {
  if (m.status === 'pending') return m.attempts ? `Waiting to try again (${m.attempts} tr${m.attempts === 1 ? 'y' : 'ies'} so far), next ${when(m.nextAttemptAt)}` : 'Queued';
  if (m.status === 'sent') return `Sent ${m.sentAt ? when(m.sentAt) : ''}${m.retried ? ` after ${m.attempts} tries` : ''}`;
  if (m.status === 'failed') return `Failed after ${m.attempts} tries`;
  return 'Bounced by the recipient’s side';
}

export async function render(): Promise<void> {
  const user = await currentUser();
  const main = frame(user, 'outbox', 'Sent mail');
  const status = h('div', { class: 'panel-status' });
  const filter = h('select', { id: 'outbox-filter' },
    h('option', { value: '' }, 'All e-mails'),
    h('option', { value: 'status=failed' }, 'Failed'),
    h('option', { value: 'status=pending' }, 'Queued or waiting to retry'),
    h('option', { value: 'status=sent' }, 'Sent'),
    h('option', { value: 'status=bounced' }, 'Bounced'),
    h('option', { value: 'retried=true' }, 'Tried more than once'));
  const counts = h('p', { class: 'muted small outbox-counts' });
  const body = h('div', {}, h('p', { class: 'loading' }, 'Loading e-mails…'));
  const viewer = h('section', { class: 'panel mail-viewer', 'aria-labelledby': 'mail-viewer-heading', hidden: true });
  replace(main,
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-title' }, 'Sent mail'),
      h('p', { class: 'muted' }, 'Every e-mail the desk sent or is sending to customers. Open one to read it exactly as it was sent; a failed one can be sent again.')),
    h('div', { class: 'field inline-field' }, h('label', { for: 'outbox-filter' }, 'Show'), filter),
    counts,
    status,
    viewer,
    body);
  if (user.role === 'agent') {
    replace(body, h('p', { class: 'empty' }, 'Sent mail is for leads and admins. Your cases’ e-mails are on each case.'));
    return;
  }

  async function open(id: number): Promise<void> {
    try {
      const m = await request<SentMessage>('GET', `/api/outbox/${id}`);
      const frameEl = m.html ? h('iframe', { class: 'email-html', sandbox: '', title: 'The e-mail as HTML, as the customer sees it', referrerpolicy: 'no-referrer' }) : null;
      if (frameEl && m.html) frameEl.srcdoc = m.html;
      const close = h('button', { type: 'button', class: 'secondary' }, 'Close');
      close.addEventListener('click', () => {
        viewer.hidden = true;
        document.querySelector<HTMLElement>(`[data-outbox-id="${m.id}"] .open-mail`)?.focus();
      });
      replace(viewer,
        h('h2', { id: 'mail-viewer-heading' }, `E-mail #${m.id}, as sent`),
        h('dl', { class: 'email-head' },
          h('dt', {}, 'State'), h('dd', { class: 'mail-state' }, `${stateText(m)}${m.lastError && m.status !== 'sent' ? ` — ${m.lastError}` : ''}`),
          h('dt', {}, 'From'), h('dd', {}, m.from),
          h('dt', {}, 'To'), h('dd', {}, m.to),
          h('dt', {}, 'Subject'), h('dd', {}, m.subject),
          h('dt', {}, 'Message-ID'), h('dd', { class: 'small' }, m.messageId)),
        h('details', { class: 'email-part', open: true }, h('summary', {}, 'Plain text'), h('pre', { class: 'email-text', tabindex: 0 }, m.text)),
        frameEl ? h('details', { class: 'email-part' }, h('summary', {}, 'HTML'), frameEl) : h('p', { class: 'muted small' }, 'Sent as plain text only.'),
        h('div', { class: 'actions' }, resendButton(m), close));
      viewer.hidden = false;
      viewer.scrollIntoView({ block: 'start' });
      (viewer.querySelector('h2') as HTMLElement).setAttribute('tabindex', '-1');
      (viewer.querySelector('h2') as HTMLElement).focus();
    } catch (err) {
      replace(status, errorBox(err));
    }
  }

  function resendButton(m: SentMail): HTMLElement | null {
    if ((m.status !== 'failed' && m.status !== 'bounced') || m.resentAs) return null;
    const b = h('button', { type: 'button', class: 'primary resend', 'aria-label': `Send again: e-mail #${m.id} to ${m.to}` }, 'Send again');
    b.addEventListener('click', () => void (async () => {
      b.disabled = true;
      try {
        const again = await request<SentMail>('POST', `/api/outbox/${m.id}/resend`, {});
        notice(status, `Sent again as e-mail #${again.id} to ${again.to}; it is queued.`);
        viewer.hidden = true;
        await load();
      } catch (err) {
        replace(status, errorBox(err));
        b.disabled = false;
      }
    })());
    return b;
  }

  async function load(): Promise<void> {
    try {
      const data = await request<{ emails: SentMail[]; counts: Record<Status, number> }>('GET', `/api/outbox${filter.value ? `?${filter.value}` : ''}`);
      counts.textContent = `${data.counts.pending} queued · ${data.counts.sent} sent · ${data.counts.failed} failed · ${data.counts.bounced} bounced`;
      if (data.emails.length === 0) {
        replace(body, h('p', { class: 'empty' }, filter.value ? 'No e-mails like that.' : 'No e-mails yet.'));
        return;
      }
      const label = (t: string) => h('span', { class: 'cell-label' }, t);
      replace(body, h('table', { class: 'admin-table outbox-table' },
        h('thead', {}, h('tr', {}, ['State', 'To', 'Subject', 'Case', 'Written', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, data.emails.map((m) => h('tr', { class: `mail mail-${m.status}`, 'data-outbox-id': m.id },
          h('td', {}, label('State'), h('strong', { class: `mail-status status-${m.status}` }, STATUS_WORD[m.status]), ' ',
            h('span', { class: 'small' }, stateText(m)),
            m.lastError && m.status !== 'sent' ? h('span', { class: 'small mail-error' }, ` — ${m.lastError}`) : null,
            m.resentFrom ? h('span', { class: 'small muted' }, ` · sends #${m.resentFrom} again${m.resentByName ? ` (${m.resentByName})` : ''}`) : null,
            m.resentAs ? h('span', { class: 'small muted' }, ` · sent again as #${m.resentAs}`) : null),
          h('td', {}, label('To'), m.to),
          h('td', {}, label('Subject'), m.subject),
          h('td', {}, label('Case'), m.caseId ? h('a', { href: `/cases/${m.caseId}` }, m.customerName ?? `Case ${m.caseId}`) : '—'),
          h('td', {}, label('Written'), h('time', { datetime: m.createdAt }, when(m.createdAt))),
          h('td', {}, h('button', { type: 'button', class: 'link-button open-mail', 'aria-label': `Open e-mail #${m.id} to ${m.to}`, onclick: () => void open(m.id) }, 'Open'), ' ', resendButton(m)))))));
    } catch (err) {
      replace(body, errorBox(err));
    }
  }
  filter.addEventListener('change', () => void load());
  await load();
}
