/** Sign-in page: e-mail and password, errors said plainly, then back to where the user was going. */
import { ApiError, request, setCsrf } from '../api.ts';
import { h, replace } from '../dom.ts';
import { sameOriginPath } from '../redirect.ts';

export async function render(): Promise<void> {
  document.title = 'Sign in · Defuse';
  const app = document.getElementById('app')!;
  const error = h('div', { class: 'form-error', role: 'alert', 'aria-live': 'assertive' });
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'login-form', novalidate: true },
    h('h1', { id: 'page-title' }, 'Sign in to Defuse'),
    h('p', { class: 'muted' }, 'The de-escalation desk for your support team.'),
    // Demo mode: the server says which accounts to try and where their password is (never the password).
    document.body.dataset.loginHint ? h('p', { class: 'login-hint', id: 'login-hint' }, document.body.dataset.loginHint) : null,
    error,
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, 'E-mail'), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    submit);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void (async () => {
      replace(error);
      if (!email.value.trim() || !password.value) {
        error.textContent = 'Enter your e-mail and password.';
        (email.value.trim() ? password : email).focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = 'Signing in…';
      try {
        const data = await request<{ csrfToken?: string }>('POST', '/api/session', { email: email.value.trim(), password: password.value }, { allowUnauthenticated: true });
        setCsrf(data?.csrfToken);
        location.assign(safeNext());
      } catch (err) {
        error.textContent = err instanceof ApiError && err.status === 401 ? 'That e-mail and password do not match an account.' : (err as Error).message;
        password.select();
        password.focus();
      } finally {
        submit.disabled = false;
        submit.textContent = 'Sign in';
      }
    })();
  });
  replace(app, h('main', { id: 'main', class: 'login-page' }, form));
  email.focus();
}

/** Only this desk's pages, so a crafted link cannot send the user elsewhere after sign-in. */
function safeNext(): string {
  return sameOriginPath(new URLSearchParams(location.search).get('next'), location.origin);
}
