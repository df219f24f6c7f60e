import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.ts';
import { defaultConfig, type AppConfig } from '../../src/server/config.ts';
import type { AppEnv } from '../../src/server/http/route.ts';
import { createScheduler, type Scheduler } from '../../src/server/jobs/scheduler.ts';
import { createSmtpMailer, type Mailer } from '../../src/server/mail/mailer.ts';
import type { Role } from '../../src/server/services/context.ts';
import { createUser, type User } from '../../src/server/services/users.ts';
import { TestClock } from './clock.ts';
import { startTestDatabase, type TestDatabase } from './pg.ts';
import { startTestSmtp, type TestSmtp } from './smtp.ts';

export interface ApiResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  body: T;
  headers: Headers;
}

/** A signed-in caller: cookie + CSRF token (like the browser), or a bearer token (like an integration). */
export class Client {
  constructor(
    private readonly app: Hono<AppEnv>,
    readonly auth: { cookie?: string; csrf?: string; bearer?: string } = {},
  ) {}

  async request<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<ApiResponse<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (this.auth.csrf && method !== 'GET') headers['x-csrf-token'] = this.auth.csrf;
    if (this.auth.bearer) headers.authorization = `Bearer ${this.auth.bearer}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  get<T = any>(path: string) { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) { // eslint-disable-line @typescript-eslint/no-explicit-any
    return this.request<T>('PATCH', path, body);
  }
}

export interface TestDesk {
  app: Hono<AppEnv>;
  t: TestDatabase;
  clock: TestClock;
  smtp: TestSmtp;
  mailer: Mailer;
  scheduler: Scheduler;
  config: AppConfig;
  users: Record<'admin' | 'lead' | 'agent' | 'agent2', User & { password: string }>;
  /** Logs in through POST /api/session and returns a cookie client. */
  login(who: 'admin' | 'lead' | 'agent' | 'agent2'): Promise<Client>;
  anonymous(): Client;
  stop(): Promise<void>;
}

/**
 * A desk for one test file: real PostgreSQL, a real SMTP peer, a movable clock, the app in-process, and
 * four users (admin, lead, two agents) whose passwords the test knows.
 *
 * @example
 * const desk = await startDesk();
 * const agent = await desk.login('agent');
 * const res = await agent.post('/api/cases', { customer: { name: 'Ana' }, message: 'Late again!' });
 */
export async function startDesk(options: { start?: string; config?: Partial<AppConfig>; web?: boolean; loginHint?: string } = {}): Promise<TestDesk> {
  const t = await startTestDatabase();
  const smtp = await startTestSmtp();
  // A Wednesday morning, so "next business day" tests are not accidentally weekend tests.
  const clock = new TestClock(options.start ?? '2026-11-18T10:00:00Z');
  // Sessions last a month here: tests move the clock by days to reach follow-ups. The API limit is high
  // because a test's clock stands still, so every request of a test falls into one rate-limit window.
  const config = defaultConfig({ sessionTtlHours: 720, apiLimitPerMin: 100_000, ...options.config });
  const mailer = createSmtpMailer(smtp.url);
  const deps = { db: t.db, clock, config, mailer };
  const scheduler = createScheduler(deps);
  const app = createApp({ ...deps, web: options.web ?? false, loginHint: options.loginHint });
  const users = {} as TestDesk['users'];
  const specs: [keyof TestDesk['users'], string, Role][] = [
    ['admin', 'Ada Admin', 'admin'],
    ['lead', 'Lee Lead', 'lead'],
    ['agent', 'Ana Agent', 'agent'],
    ['agent2', 'Ben Agent', 'agent'],
  ];
  for (const [key, name, role] of specs) {
    const password = `pw-${key}-correct-horse`;
    const { user } = await createUser(deps, null, { email: `${key}@desk.test`, name, role, password });
    users[key] = { ...user, password };
  }
  const desk: TestDesk = {
    app,
    t,
    clock,
    smtp,
    mailer,
    scheduler,
    config,
    users,
    async login(who) {
      const res = await new Client(app).post('/api/session', { email: users[who].email, password: users[who].password });
      if (res.status !== 200) throw new Error(`login ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      return new Client(app, { cookie, csrf: res.body.csrfToken });
    },
    anonymous: () => new Client(app),
    async stop() {
      await scheduler.stop();
      mailer.close();
      await smtp.close();
      await t.stop();
    },
  };
  return desk;
}
