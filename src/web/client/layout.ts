/** The frame every signed-in page shares: header, navigation, the signed-in user and sign-out. */
import { ApiError, request, setCsrf, type User } from './api.ts';
import { h, replace } from './dom.ts';

let current: User | undefined;

/** The signed-in user, or a redirect to the login page. */
export async function currentUser(): Promise<User> {
  if (current) return current;
  const data = await request<{ user: User; csrfToken?: string }>('GET', '/api/me');
  setCsrf(data.csrfToken);
  current = data.user;
  return current;
}

const NAV: { href: string; label: string; page: string; roles?: User['role'][] }[] = [
  { href: '/', label: 'Queue', page: 'queue' },
  { href: '/cases/new', label: 'New case', page: 'newcase' },
  { href: '/follow-ups', label: 'Follow-ups', page: 'followups' },
  { href: '/dashboard', label: 'Dashboard', page: 'dashboard', roles: ['lead', 'admin'] },
  { href: '/outbox', label: 'Sent mail', page: 'outbox', roles: ['lead', 'admin'] },
  { href: '/admin', label: 'Admin', page: 'admin', roles: ['admin'] },
];

/**
 * Draws the header and returns the `<main>` to fill.
 *
 * @example
 * const main = frame(user, 'queue', 'My queue');
 */
export function frame(user: User, page: string, heading: string): HTMLElement {
  const app = document.getElementById('app')!;
  const main = h('main', { id: 'main', tabindex: '-1', 'aria-labelledby': 'page-title' });
  const signOut = h('button', { type: 'button', class: 'link-button', onclick: () => void logout() }, 'Sign out');
  // On a phone the links and the account fold behind one button (CSS shows it below 700 px).
  const menu = h('button', { type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'main-nav' }, 'Menu');
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'brand', href: '/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◆'), 'Defuse'),
    menu,
    h('nav', { 'aria-label': 'Main', id: 'main-nav' },
      h('ul', {}, NAV.filter((n) => !n.roles || n.roles.includes(user.role)).map((n) =>
        h('li', {}, h('a', { href: n.href, 'aria-current': n.page === page ? 'page' : null }, n.label))))),
    h('div', { class: 'whoami' },
      h('span', { class: 'whoami-name' }, user.name),
      h('span', { class: 'role-badge' }, user.role),
      signOut));
  menu.addEventListener('click', () => {
    const open = header.classList.toggle('nav-open');
    menu.setAttribute('aria-expanded', String(open));
  });
  replace(app, header, main);
  document.title = `${heading} · Defuse`;
  return main;
}

async function logout(): Promise<void> {
  try {
    await request('DELETE', '/api/session', undefined, { allowUnauthenticated: true });
  } finally {
    current = undefined;
    location.assign('/login');
  }
}

/** An error box that says what went wrong, in words. */
export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
  return h('div', { class: 'alert alert-error', role: 'alert' }, msg);
}

/** A transient confirmation, announced politely. */
export function notice(container: HTMLElement, text: string, kind: 'ok' | 'error' = 'ok'): void {
  const box = h('div', { class: `alert alert-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  replace(container, box);
}
