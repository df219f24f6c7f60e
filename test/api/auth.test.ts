import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_ROUTES } from '../../src/server/app.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

describe('authentication, CSRF and roles', () => {
  let desk: TestDesk;
  before(async () => {
    desk = await startDesk({ config: { loginLimitPer15Min: 5 } });
  });
  after(() => desk.stop());

  test('every API route refuses a caller without a session or token', async () => {
    const anon = desk.anonymous();
    for (const r of API_ROUTES) {
      const path = r.path.replace(/\{\w+\}/g, '1');
      const res = await anon.request(r.method.toUpperCase(), path, r.method === 'get' ? undefined : {});
      assert.equal(res.status, 401, `${r.method} ${r.path} → ${res.status}`);
      assert.equal(res.body.error.code, 'unauthenticated');
    }
  });

  test('login sets an HttpOnly SameSite cookie; a wrong password is 401 with a plain message', async () => {
    const anon = desk.anonymous();
    const bad = await anon.post('/api/session', { email: desk.users.agent.email, password: 'nope' });
    assert.equal(bad.status, 401);
    assert.equal(bad.body.error.message, 'Wrong e-mail or password.');
    const unknown = await anon.post('/api/session', { email: 'ghost@desk.test', password: 'nope' });
    assert.equal(unknown.status, 401, 'unknown users get the same answer');
    const ok = await anon.post('/api/session', { email: desk.users.agent.email.toUpperCase(), password: desk.users.agent.password });
    assert.equal(ok.status, 200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    assert.match(cookie, /defuse_session=[\w-]{30,}/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal(ok.body.user.role, 'agent');
    assert.equal(ok.body.user.password_hash, undefined);
  });

  test('writes with the cookie need the CSRF token; reads do not; a foreign Origin is refused', async () => {
    const agent = await desk.login('agent');
    const noCsrf = new Client(desk.app, { cookie: agent.auth.cookie });
    assert.equal((await noCsrf.get('/api/me')).status, 200);
    const res = await noCsrf.post('/api/cases', { customer: { name: 'X' }, message: 'hello' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'csrf');
    const wrong = new Client(desk.app, { cookie: agent.auth.cookie, csrf: 'not-the-token' });
    assert.equal((await wrong.post('/api/cases', { customer: { name: 'X' }, message: 'hello' })).status, 403);
    const foreign = await agent.request('POST', '/api/cases', { customer: { name: 'X' }, message: 'hello' }, { origin: 'https://evil.example', host: 'desk.example' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.body.error.code, 'cross_origin');
    assert.equal((await agent.post('/api/cases', { customer: { name: 'X' }, message: 'hello' })).status, 201);
    const me = await agent.get('/api/me');
    assert.equal(me.body.csrfToken, agent.auth.csrf);
  });

  test('logout ends the session', async () => {
    const agent = await desk.login('agent2');
    assert.equal((await agent.request('DELETE', '/api/session')).status, 200);
    assert.equal((await agent.get('/api/me')).status, 401);
  });

  test('an agent cannot reassign, read reports, approve, or open another agent’s case; a lead can reassign with a reason', async () => {
    const agent = await desk.login('agent');
    const ben = await desk.login('agent2');
    const lead = await desk.login('lead');
    const opened = await agent.post('/api/cases', { customer: { name: 'Rita' }, message: 'My order never arrived and I am fed up.' });
    const id = opened.body.id;
    const r1 = await agent.post(`/api/cases/${id}/reassign`, { toUserId: desk.users.agent2.id, reason: 'I am busy' });
    assert.equal(r1.status, 403);
    assert.match(r1.body.error.message, /lead role/);
    assert.equal((await agent.get('/api/reports/transfers')).status, 403);
    assert.equal((await agent.get('/api/approvals')).status, 403);
    assert.equal((await agent.get('/api/admin/users')).status, 404, 'no such GET route: admin user list is /api/users');
    assert.equal((await agent.get('/api/users')).status, 403);
    assert.equal((await ben.get(`/api/cases/${id}`)).status, 403, 'another agent’s case');
    assert.equal((await ben.post(`/api/cases/${id}/messages`, { direction: 'outbound', body: 'hi' })).status, 403);
    assert.equal((await lead.post(`/api/cases/${id}/reassign`, { toUserId: desk.users.agent2.id, reason: '' })).status, 400, 'a reason is required');
    const ok = await lead.post(`/api/cases/${id}/reassign`, { toUserId: desk.users.agent2.id, reason: 'Ana is on leave until Monday' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.ownerId, desk.users.agent2.id);
    assert.equal(ok.body.transferCount, 1);
    assert.equal((await ben.get(`/api/cases/${id}`)).status, 200);
    assert.equal((await agent.get(`/api/cases/${id}`)).status, 403, 'exactly one owner');
    const detail = await lead.get(`/api/cases/${id}`);
    assert.equal(detail.body.transfers[0].reason, 'Ana is on leave until Monday');
    const audit = await desk.t.db.query("SELECT actor_id, data FROM audit_log WHERE action = 'case.reassign' AND case_id = $1", [id]);
    assert.equal(audit.rows[0].actor_id, desk.users.lead.id);
    const report = await lead.get('/api/reports/transfers');
    assert.equal(report.body.total, 1);
    assert.equal(report.body.byAgent[0].name, 'Ana Agent');
    assert.ok((await ben.get('/api/notifications')).body.notifications.some((n: { kind: string }) => n.kind === 'case.assigned'));
  });

  test('API tokens: admin creates one, it works as a bearer without CSRF, is stored hashed, and can be revoked', async () => {
    const admin = await desk.login('admin');
    const lead = await desk.login('lead');
    assert.equal((await lead.post('/api/admin/tokens', { userId: desk.users.agent.id, name: 'x' })).status, 403);
    const created = await admin.post('/api/admin/tokens', { userId: desk.users.agent.id, name: 'Helpdesk import' });
    assert.equal(created.status, 201);
    const secret: string = created.body.secret;
    assert.match(secret, /^dfs_/);
    const stored = await desk.t.db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.token.id]);
    assert.notEqual(stored.rows[0].token_hash, secret);
    assert.ok(!JSON.stringify((await admin.get('/api/admin/tokens')).body).includes(secret), 'the secret is never listed');
    const bot = new Client(desk.app, { bearer: secret });
    const res = await bot.post('/api/cases', { customer: { name: 'From the helpdesk' }, message: 'Where is my refund?' });
    assert.equal(res.status, 201);
    assert.equal(res.body.owner.id, desk.users.agent.id, 'the token acts as its user');
    assert.equal((await bot.get('/api/reports/transfers')).status, 403, "and has that user's role only");
    assert.equal((await admin.request('DELETE', `/api/admin/tokens/${created.body.token.id}`)).status, 200);
    assert.equal((await bot.get('/api/me')).status, 401);
    assert.equal((await new Client(desk.app, { bearer: 'dfs_made-up' }).get('/api/me')).status, 401);
  });

  test('admins manage users; a disabled user is signed out and cannot log in', async () => {
    const admin = await desk.login('admin');
    const created = await admin.post('/api/admin/users', { email: 'new@desk.test', name: 'New Agent', role: 'agent' });
    assert.equal(created.status, 201);
    assert.ok(created.body.password.length >= 16, 'a generated password is returned once');
    assert.equal((await admin.post('/api/admin/users', { email: 'NEW@desk.test', name: 'Dup', role: 'agent' })).status, 409);
    const login = await desk.anonymous().post('/api/session', { email: 'new@desk.test', password: created.body.password });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    assert.equal((await admin.patch(`/api/admin/users/${created.body.user.id}`, { disabled: true })).status, 200);
    assert.equal((await new Client(desk.app, { cookie }).get('/api/me')).status, 401);
    assert.equal((await desk.anonymous().post('/api/session', { email: 'new@desk.test', password: created.body.password })).status, 401);
    assert.equal((await admin.patch(`/api/admin/users/${desk.users.admin.id}`, { role: 'agent' })).status, 409, 'no self-lockout');
  });

  test('API calls are rate-limited per user (counted in PostgreSQL), with Retry-After', async () => {
    const ben = await desk.login('agent2');
    const ana = await desk.login('agent');
    desk.clock.advance(60_000); // a fresh window
    desk.config.apiLimitPerMin = 3;
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await ben.get('/api/me')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const limited = await ben.get('/api/queue');
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      assert.equal((await ana.get('/api/me')).status, 200, 'other users are not affected');
      desk.clock.advance(60_000);
      assert.equal((await ben.get('/api/me')).status, 200, 'the next minute is a new window');
    } finally {
      desk.config.apiLimitPerMin = 100_000;
    }
  });

  test('failed logins are throttled per account (counted in PostgreSQL), with Retry-After', async () => {
    desk.clock.advance(16 * 60_000); // a fresh window: earlier tests logged in too
    const anon = desk.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await anon.post('/api/session', { email: 'lead@desk.test', password: 'guess' + i })).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[5], 429);
    const res = await anon.post('/api/session', { email: 'lead@desk.test', password: desk.users.lead.password });
    assert.equal(res.status, 429, 'even the right password waits');
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    desk.clock.advance(16 * 60_000);
    assert.equal((await anon.post('/api/session', { email: 'lead@desk.test', password: desk.users.lead.password })).status, 200);
  });
});
