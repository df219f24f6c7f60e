// "At least one active admin" is kept by PostgreSQL, in the transaction that would break it. Before, the check
// ran in application code before the write: two admins demoting each other at once both succeeded (zero
// admins, every one of 25 tries) and only shell access got anyone back in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpError } from '../../src/server/errors.ts';
import { createUser, updateUser } from '../../src/server/services/users.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

describe('the last active admin', () => {
  let desk: TestDesk;
  let ada: Client;
  let zoe: Client;
  let zoeId: number;

  before(async () => {
    desk = await startDesk();
    const deps = { db: desk.t.db, clock: desk.clock, config: desk.config };
    zoeId = (await createUser(deps, null, { email: 'zoe@desk.test', name: 'Zoe Admin', role: 'admin', password: 'pw-zoe-correct-horse' })).user.id;
  });
  after(() => desk.stop());

  const activeAdmins = async () => (await desk.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled")).rows[0].n;

  test('two admins demoting (or disabling) each other at once, both past the role check: exactly one succeeds, every one of 25 tries', async () => {
    // The service, called as the route calls it once each admin's session and role were checked: this is the
    // window the attack used (both requests authenticated as admins before either write).
    const deps = { db: desk.t.db, clock: desk.clock, config: desk.config };
    const asAda = { ...desk.users.admin };
    const asZoe = { id: zoeId, name: 'Zoe Admin', email: 'zoe@desk.test', role: 'admin' as const, team: 'Support' };
    for (let i = 0; i < 25; i++) {
      const outcomes = await Promise.allSettled([
        updateUser(deps, asAda, zoeId, i % 2 ? { disabled: true } : { role: 'lead' }),
        updateUser(deps, asZoe, asAda.id, { role: 'agent' }),
      ]);
      const failed = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
      assert.equal(failed.length, 1, `try ${i}: ${outcomes.map((o) => o.status).join(', ')}`);
      assert.ok(failed[0].reason instanceof HttpError && failed[0].reason.status === 409 && failed[0].reason.code === 'last_admin', String(failed[0].reason));
      assert.equal(await activeAdmins(), 1, `try ${i}`);
      await desk.t.db.query("UPDATE users SET role = 'admin', disabled = false WHERE id = ANY($1)", [[asAda.id, zoeId]]);
    }
  });

  test('the same race through the API: never both, never zero admins (25 tries)', async () => {
    const adaId = desk.users.admin.id;
    // Fresh sessions: the disabling above ended Zoe's.
    ada = await desk.login('admin');
    const signedIn = await desk.anonymous().post('/api/session', { email: 'zoe@desk.test', password: 'pw-zoe-correct-horse' });
    zoe = new Client(desk.app, { cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0], csrf: signedIn.body.csrfToken });
    for (let i = 0; i < 25; i++) {
      const [a, z] = await Promise.all([ada.patch(`/api/admin/users/${zoeId}`, { role: 'lead' }), zoe.patch(`/api/admin/users/${adaId}`, { role: 'agent' })]);
      const ok = [a, z].filter((r) => r.status === 200);
      assert.equal(ok.length, 1, `try ${i}: ${a.status} ${JSON.stringify(a.body)} / ${z.status} ${JSON.stringify(z.body)}`);
      // The loser was either refused by the database (409 last_admin) or, arriving after the winner's commit,
      // was no longer an admin at all (403).
      const loser = a.status === 200 ? z : a;
      assert.ok((loser.status === 409 && loser.body.error.code === 'last_admin') || loser.status === 403, JSON.stringify(loser.body));
      assert.equal(await activeAdmins(), 1, `try ${i}`);
      await desk.t.db.query("UPDATE users SET role = 'admin', disabled = false WHERE id = ANY($1)", [[adaId, zoeId]]);
    }
  });

  test('the database itself refuses to leave no active admin, whoever writes', async () => {
    await assert.rejects(desk.t.db.query("UPDATE users SET role = 'agent' WHERE role = 'admin'"), /at least one active admin/);
    await assert.rejects(desk.t.db.query("UPDATE users SET disabled = true WHERE role = 'admin'"), /at least one active admin/);
    await assert.rejects(desk.t.db.query("DELETE FROM users WHERE role = 'admin'"), /at least one active admin/);
    assert.equal(await activeAdmins(), 2);
    // One of two may go.
    await desk.t.db.query("UPDATE users SET role = 'lead' WHERE id = $1", [zoeId]);
    assert.equal(await activeAdmins(), 1);
    await desk.t.db.query("UPDATE users SET role = 'admin' WHERE id = $1", [zoeId]);
  });

  test("an admin resets a user's password from the API the admin page uses: shown once, sessions ended, audited", async () => {
    const agent = await desk.login('agent');
    const res = await ada.post(`/api/admin/users/${desk.users.agent.id}/password`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.password.length >= 16);
    assert.equal((await agent.get('/api/me')).status, 401, 'the old session ended');
    assert.equal((await desk.anonymous().post('/api/session', { email: desk.users.agent.email, password: desk.users.agent.password })).status, 401);
    assert.equal((await desk.anonymous().post('/api/session', { email: desk.users.agent.email, password: res.body.password })).status, 200);
    const audit = await desk.t.db.query("SELECT actor_id AS \"actorId\", data FROM audit_log WHERE action = 'user.update' ORDER BY id DESC LIMIT 1");
    assert.equal(audit.rows[0].actorId, desk.users.admin.id);
    assert.deepEqual(audit.rows[0].data.fields, ['password']);
    assert.equal((await (await desk.login('lead')).post(`/api/admin/users/${desk.users.agent.id}/password`)).status, 403);
  });
});
