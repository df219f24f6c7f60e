import { logout } from '../../services/auth.ts';
import { getUser } from '../../services/users.ts';
import { defineRoute, type DocumentedRoute } from '../route.ts';
import { Ok } from '../schemas.ts';
import { LoginBody, MeResponse, SessionResponse } from './schemas.ts';

export const SESSION_COOKIE = 'defuse_session';
/** Marks a browser that signed in to an account before; login throttling gives it its own budget. */
export const DEVICE_COOKIE = 'defuse_device';

/** Login is public and sets a cookie, so app.ts implements it; this entry documents it. */
export const loginDoc: DocumentedRoute = {
  method: 'post',
  path: '/api/session',
  operationId: 'login',
  summary: 'Log in with e-mail and password',
  description: `Sets an HttpOnly, SameSite=Strict cookie \`${SESSION_COOKIE}\` and returns the CSRF token to send as X-CSRF-Token on writes. Failed sign-ins are throttled with exponential back-off per account and per client address, or per device for a browser that signed in to the account before (the HttpOnly \`${DEVICE_COOKIE}\` cookie): 429 with retryAfter.`,
  tag: 'session',
  access: 'public',
  body: LoginBody,
  response: SessionResponse,
};

export const logoutRoute = defineRoute({
  method: 'delete',
  path: '/api/session',
  operationId: 'logout',
  summary: 'Log out (ends the session behind the cookie)',
  tag: 'session',
  access: 'user',
  response: Ok,
  async handler({ deps, c }) {
    const token = c.get('sessionToken');
    if (token) await logout(deps, token);
    c.header('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${deps.config.secureCookies ? '; Secure' : ''}`);
    return { ok: true as const };
  },
});

export const meRoute = defineRoute({
  method: 'get',
  path: '/api/me',
  operationId: 'me',
  summary: 'The signed-in user',
  tag: 'session',
  access: 'user',
  response: MeResponse,
  async handler({ actor, deps, c }) {
    return { user: await getUser(deps, actor.id), csrfToken: c.get('csrfToken') ?? null };
  },
});

export const sessionRoutes = [logoutRoute, meRoute];
