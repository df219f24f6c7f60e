/**
 * Admins: desk users (add, change role, disable), API tokens for integrations (create, revoke) and outgoing
 * webhooks (add an endpoint, pause it, see its deliveries, replay one).
 * Generated passwords and token secrets are shown once, as the server returns them once.
 */
import { request, type Role, type User } from '../api.ts';
import { cell, h, replace, uid, when } from '../dom.ts';
import { onSubmitOnce } from '../forms.ts';
import { currentUser, errorBox, frame, notice } from '../layout.ts';

interface DeskUser extends User {
  team: string;
  disabled: boolean;
  createdAt: string;
}

interface ApiToken {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface WebhookEndpoint {
  id: number;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  pending: number;
  failed: number;
  lastDeliveredAt: string | null;
}

interface WebhookDelivery {
  id: number;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
  replayOf: number | null;
  createdAt: string;
}

const ROLES: Role[] = ['agent', 'lead', 'admin'];

export async function render(): Promise<void> {
  const me = await currentUser();
  const main = frame(me, 'admin', 'Users and API tokens');
  const usersBox = h('section', { class: 'panel', 'aria-labelledby': 'users-heading' });
  const tokensBox = h('section', { class: 'panel', 'aria-labelledby': 'tokens-heading' });
  const hooksBox = h('section', { class: 'panel', 'aria-labelledby': 'webhooks-heading' });
  replace(main, h('div', { class: 'page-head' }, h('h1', { id: 'page-title' }, 'Users and API tokens')), usersBox, tokensBox, hooksBox);
  if (me.role !== 'admin') {
    replace(usersBox, h('p', {}, 'Only admins manage users and tokens.'));
    tokensBox.hidden = true;
    hooksBox.hidden = true;
    return;
  }
  const draw = async () => {
    try {
      const [{ users }, { tokens }] = await Promise.all([
        request<{ users: DeskUser[] }>('GET', '/api/users'),
        request<{ tokens: ApiToken[] }>('GET', '/api/admin/tokens'),
      ]);
      replace(usersBox, ...usersSection(users, me, draw));
      replace(tokensBox, ...tokensSection(tokens, users, draw));
    } catch (err) {
      replace(usersBox, errorBox(err));
    }
  };
  await draw();
  await drawWebhooks(hooksBox);
}

/** Outgoing webhooks: endpoints (add, pause, resume), an endpoint's latest deliveries, replay of one. */
async function drawWebhooks(box: HTMLElement, showDeliveriesOf?: number, flash?: HTMLElement): Promise<void> {
  const status = h('div', { class: 'panel-status' });
  if (flash) replace(status, flash);
  let endpoints: WebhookEndpoint[];
  let events: string[];
  try {
    ({ endpoints, events } = await request<{ endpoints: WebhookEndpoint[]; events: string[] }>('GET', '/api/admin/webhooks'));
  } catch (err) {
    replace(box, h('h2', { id: 'webhooks-heading' }, 'Webhooks'), errorBox(err));
    return;
  }
  const redraw = (focus?: number, note?: HTMLElement) => drawWebhooks(box, focus, note);
  const act = (fn: () => Promise<unknown>, focus?: number) => async () => {
    try {
      await fn();
      await redraw(focus);
    } catch (err) {
      replace(status, errorBox(err));
    }
  };
  const ids = { url: uid('wu'), description: uid('wd') };
  const url = h('input', { id: ids.url, type: 'url', placeholder: 'https://crm.example.com/hooks/defuse', autocomplete: 'off' });
  const description = h('input', { id: ids.description, placeholder: 'e.g. CRM sync' });
  const boxes = events.map((e) => {
    const id = uid('we');
    const input = h('input', { id, type: 'checkbox', value: e });
    return { e, input, el: h('span', { class: 'check' }, input, ' ', h('label', { for: id }, e)) };
  });
  const form = h('form', { class: 'row admin-form' },
    h('div', { class: 'field grow' }, h('label', { for: ids.url }, 'Endpoint URL'), url),
    h('div', { class: 'field grow' }, h('label', { for: ids.description }, 'Description'), description),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Events (none ticked: all)'), boxes.map((b) => b.el)),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, 'Add endpoint')));
  onSubmitOnce(form, async () => {
    if (!url.value.trim() || !url.checkValidity()) {
      notice(status, 'Give the http:// or https:// URL that receives the events.', 'error');
      url.focus();
      return;
    }
    try {
      const res = await request<{ endpoint: WebhookEndpoint; secret: string }>('POST', '/api/admin/webhooks', {
        url: url.value.trim(),
        events: boxes.filter((b) => b.input.checked).map((b) => b.e),
        ...(description.value.trim() ? { description: description.value.trim() } : {}),
      });
      await redraw(undefined, secretBox(`Signing secret for ${res.endpoint.url} (verifies the Defuse-Signature header)`, res.secret));
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  let deliveries: HTMLElement | null = null;
  const shown = endpoints.find((e) => e.id === showDeliveriesOf);
  if (shown) {
    try {
      const { deliveries: rows } = await request<{ deliveries: WebhookDelivery[] }>('GET', `/api/admin/webhooks/${shown.id}/deliveries`);
      deliveries = h('div', {},
        h('h3', {}, `Latest deliveries to ${shown.url}`),
        rows.length
          ? h('table', { class: 'admin-table webhook-deliveries' },
            h('thead', {}, h('tr', {}, ['Event', 'Status', 'Attempts', 'Last answer', 'Created', ''].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, rows.map((d) => h('tr', {},
              cell('Event', {}, d.eventType, h('br', {}), h('code', { class: 'small' }, d.eventId)),
              cell('Status', {}, d.status === 'pending' && d.attempts ? `retrying ${when(d.nextAttemptAt)}` : d.status, d.replayOf ? ` (replay of #${d.replayOf})` : ''),
              cell('Attempts', {}, String(d.attempts)),
              cell('Last answer', {}, d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '—')),
              cell('Created', {}, when(d.createdAt)),
              h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => void act(() => request('POST', `/api/admin/webhook-deliveries/${d.id}/replay`), shown.id)() }, `Replay ${d.eventType} #${d.id}`))))))
          : h('p', { class: 'empty' }, 'No deliveries yet.'));
    } catch (err) {
      deliveries = errorBox(err);
    }
  }
  replace(box,
    h('h2', { id: 'webhooks-heading' }, 'Webhooks'),
    h('p', { class: 'muted small' }, 'Other systems hear about cases: each event is POSTed as signed JSON, retried with back-off until the receiver answers 2xx.'),
    status,
    endpoints.length
      ? h('table', { class: 'admin-table' },
        h('thead', {}, h('tr', {}, ['URL', 'Events', 'Status', 'Waiting', 'Failed', 'Last delivered', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, endpoints.map((e) => h('tr', { class: e.active ? '' : 'disabled' },
          cell('URL', {}, e.url, e.description ? h('span', { class: 'muted small' }, ` — ${e.description}`) : ''),
          cell('Events', {}, e.events.length ? e.events.join(', ') : 'all'),
          cell('Status', {}, e.active ? 'active' : 'paused'),
          cell('Waiting', {}, String(e.pending)),
          cell('Failed', {}, String(e.failed)),
          cell('Last delivered', {}, e.lastDeliveredAt ? when(e.lastDeliveredAt) : 'never'),
          h('td', {},
            h('button', { type: 'button', class: 'link-button', onclick: () => void redraw(e.id) }, `Deliveries to ${e.url}`),
            ' ',
            h('button', { type: 'button', class: 'link-button', onclick: () => void act(() => request('PATCH', `/api/admin/webhooks/${e.id}`, { active: !e.active }), showDeliveriesOf)() }, `${e.active ? 'Pause' : 'Resume'} ${e.url}`))))))
      : h('p', { class: 'empty' }, 'No endpoints yet.'),
    deliveries,
    h('h3', {}, 'Add an endpoint'),
    form);
}

/** A secret the server shows once: selectable, with a plain warning. */
function secretBox(label: string, secret: string): HTMLElement {
  const id = uid('secret');
  const input = h('input', { id, readonly: true, value: secret, class: 'secret' });
  input.addEventListener('focus', () => input.select());
  return h('div', { class: 'alert alert-ok', role: 'status' },
    h('label', { for: id }, `${label} — copy it now, it is not shown again`), input);
}

function usersSection(users: DeskUser[], me: User, redraw: () => Promise<void>): HTMLElement[] {
  const status = h('div', { class: 'panel-status' });
  const ids = { name: uid('n'), email: uid('e'), role: uid('r'), team: uid('t') };
  const name = h('input', { id: ids.name, autocomplete: 'off' });
  const email = h('input', { id: ids.email, type: 'email', autocomplete: 'off' });
  const role = h('select', { id: ids.role }, ROLES.map((r) => h('option', { value: r }, r)));
  const team = h('input', { id: ids.team, placeholder: 'Support' });
  const form = h('form', { class: 'row admin-form' },
    h('div', { class: 'field grow' }, h('label', { for: ids.name }, 'Name'), name),
    h('div', { class: 'field grow' }, h('label', { for: ids.email }, 'E-mail'), email),
    h('div', { class: 'field' }, h('label', { for: ids.role }, 'Role'), role),
    h('div', { class: 'field' }, h('label', { for: ids.team }, 'Team'), team),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, 'Add user')));
  // Once per submission: a double click must not create two users or two tokens.
  onSubmitOnce(form, async () => {
    if (!name.value.trim() || !email.checkValidity() || !email.value.trim()) {
      notice(status, 'Give a name and a valid e-mail.', 'error');
      return;
    }
    try {
      const res = await request<{ user: User; password: string }>('POST', '/api/admin/users', { name: name.value.trim(), email: email.value.trim(), role: role.value, team: team.value.trim() || undefined });
      await redraw();
      const box = document.querySelector<HTMLElement>('#users-heading ~ .panel-status');
      if (box) replace(box, secretBox(`Password for ${res.user.email}`, res.password));
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  const update = (u: DeskUser, patch: Record<string, unknown>) => async () => {
    try {
      await request('PATCH', `/api/admin/users/${u.id}`, patch);
      await redraw();
    } catch (err) {
      replace(status, errorBox(err));
    }
  };
  // A new generated password, shown once; the server ends the user's sessions. No shell access needed.
  const resetPassword = (u: DeskUser) => async () => {
    try {
      const res = await request<{ user: User; password: string }>('POST', `/api/admin/users/${u.id}/password`);
      replace(status, secretBox(`New password for ${res.user.email}`, res.password));
    } catch (err) {
      replace(status, errorBox(err));
    }
  };
  return [
    h('h2', { id: 'users-heading' }, 'Users'),
    status,
    h('table', { class: 'admin-table' },
      h('thead', {}, h('tr', {}, ['Name', 'E-mail', 'Team', 'Role', 'Status', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, users.map((u) => {
        const roleId = uid('role');
        const select = h('select', { id: roleId, disabled: u.id === me.id }, ROLES.map((r) => h('option', { value: r, selected: r === u.role }, r)));
        select.addEventListener('change', () => void update(u, { role: select.value })());
        return h('tr', { class: u.disabled ? 'disabled' : '' },
          cell('Name', {}, u.name), cell('E-mail', {}, u.email), cell('Team', {}, u.team),
          cell('Role', {}, h('label', { for: roleId, class: 'visually-hidden' }, `Role of ${u.name}`), select),
          cell('Status', {}, u.disabled ? 'disabled' : 'active'),
          h('td', {}, u.id === me.id ? h('span', { class: 'muted small' }, 'you')
            : [h('button', { type: 'button', class: 'link-button', onclick: () => void update(u, { disabled: !u.disabled })() }, u.disabled ? `Enable ${u.name}` : `Disable ${u.name}`),
              ' ',
              h('button', { type: 'button', class: 'link-button', onclick: () => void resetPassword(u)() }, `Reset password of ${u.name}`)]));
      }))),
    h('h3', {}, 'Add a user'),
    form,
  ];
}

function tokensSection(tokens: ApiToken[], users: DeskUser[], redraw: () => Promise<void>): HTMLElement[] {
  const status = h('div', { class: 'panel-status' });
  const byId = new Map(users.map((u) => [u.id, u]));
  const ids = { name: uid('tn'), user: uid('tu') };
  const name = h('input', { id: ids.name, placeholder: 'e.g. Zendesk sync' });
  // No user preselected: the first in the list is the admin, and a token quietly made with admin rights
  // is the one an integration should least have. The admin picks, `required` makes sure they do.
  const user = h('select', { id: ids.user, required: true },
    h('option', { value: '' }, 'Choose the user it acts as…'),
    users.filter((u) => !u.disabled).map((u) => h('option', { value: String(u.id) }, `${u.name} (${u.role})`)));
  const form = h('form', { class: 'row admin-form' },
    h('div', { class: 'field grow' }, h('label', { for: ids.name }, 'Token name'), name),
    h('div', { class: 'field grow' }, h('label', { for: ids.user }, 'Acts as'), user),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, 'Create token')));
  // Once per submission: a double click must not create two users or two tokens.
  onSubmitOnce(form, async () => {
    if (!name.value.trim()) {
      notice(status, 'Name the token after what uses it.', 'error');
      name.focus();
      return;
    }
    try {
      const res = await request<{ token: ApiToken; secret: string }>('POST', '/api/admin/tokens', { userId: Number(user.value), name: name.value.trim() });
      await redraw();
      const box = document.querySelector<HTMLElement>('#tokens-heading ~ .panel-status');
      if (box) replace(box, secretBox(`Token “${res.token.name}” (send as Authorization: Bearer …)`, res.secret));
    } catch (err) {
      replace(status, errorBox(err));
    }
  });
  const revoke = (t: ApiToken) => async () => {
    try {
      await request('DELETE', `/api/admin/tokens/${t.id}`);
      await redraw();
    } catch (err) {
      replace(status, errorBox(err));
    }
  };
  return [
    h('h2', { id: 'tokens-heading' }, 'API tokens'),
    h('p', { class: 'muted small' }, 'For integrations: a token acts as its user, with that user’s role.'),
    status,
    tokens.length
      ? h('table', { class: 'admin-table' },
        h('thead', {}, h('tr', {}, ['Name', 'Acts as', 'Prefix', 'Created', 'Last used', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, tokens.map((t) => h('tr', { class: t.revokedAt ? 'disabled' : '' },
          cell('Name', {}, t.name), cell('Acts as', {}, byId.get(t.userId)?.name ?? `user ${t.userId}`), cell('Prefix', {}, h('code', {}, t.prefix)),
          cell('Created', {}, when(t.createdAt)), cell('Last used', {}, t.lastUsedAt ? when(t.lastUsedAt) : 'never'),
          h('td', {}, t.revokedAt ? `revoked ${when(t.revokedAt)}` : h('button', { type: 'button', class: 'link-button', onclick: () => void revoke(t)() }, `Revoke ${t.name}`))))))
      : h('p', { class: 'empty' }, 'No tokens yet.'),
    h('h3', {}, 'Create a token'),
    form,
  ];
}
