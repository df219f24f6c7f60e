// Who may read and change a task: the case's owner, leads, and the team the task asks (its members, or an
// integration token acting as one). Before, any signed-in user could read and cancel any task by its id.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../src/server/services/users.ts';
import { DAY } from '../support/clock.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

describe('tasks belong to the case owner, the leads and the team asked', () => {
  let desk: TestDesk;
  let ana: Client; // owns the case
  let ben: Client; // another agent, team Support
  let billing: Client; // a member of the Billing team
  let lead: Client;
  let caseId: number;

  before(async () => {
    desk = await startDesk();
    ana = await desk.login('agent');
    ben = await desk.login('agent2');
    lead = await desk.login('lead');
    const deps = { db: desk.t.db, clock: desk.clock, config: desk.config };
    await createUser(deps, null, { email: 'bill@desk.test', name: 'Bill Billing', role: 'agent', team: 'Billing', password: 'pw-billing-correct-horse' });
    const res = await desk.anonymous().post('/api/session', { email: 'bill@desk.test', password: 'pw-billing-correct-horse' });
    billing = new Client(desk.app, { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: res.body.csrfToken });
    caseId = (await ana.post('/api/cases', { customer: { name: 'Rosa' }, message: 'I was charged twice and I am furious.' })).body.id;
  });
  after(() => desk.stop());

  const newTask = async (team = 'Billing') => {
    const res = await ana.post(`/api/cases/${caseId}/tasks`, { team, what: 'Reverse the duplicate charge on order 7781', dueAt: new Date(desk.clock.now().getTime() + DAY).toISOString() });
    assert.equal(res.status, 201);
    return res.body.id as number;
  };

  test('another agent can neither read nor cancel nor complete a task on a case that is not theirs', async () => {
    const id = await newTask();
    for (const patch of [{ status: 'cancelled' }, { status: 'open' }, { status: 'done', result: 'x' }, { what: 'Something else' }]) {
      const res = await ben.patch(`/api/tasks/${id}`, patch);
      assert.equal(res.status, 403, `${JSON.stringify(patch)} → ${res.status}`);
      assert.doesNotMatch(JSON.stringify(res.body), /duplicate charge/, 'nothing of the task leaks in the refusal');
    }
    assert.ok(!(await ben.get('/api/tasks')).body.tasks.some((t: { id: number }) => t.id === id));
    const task = (await ana.get(`/api/cases/${caseId}`)).body.tasks.find((t: { id: number }) => t.id === id);
    assert.equal(task.status, 'open');
  });

  test('the team asked sees the task and completes it, but cannot cancel or rewrite it', async () => {
    const id = await newTask();
    assert.ok((await billing.get('/api/tasks')).body.tasks.some((t: { id: number }) => t.id === id), "in Billing's list");
    assert.equal((await billing.patch(`/api/tasks/${id}`, { status: 'cancelled' })).status, 403);
    assert.equal((await billing.patch(`/api/tasks/${id}`, { dueAt: new Date(desk.clock.now().getTime() + 9 * DAY).toISOString() })).status, 403);
    const done = await billing.patch(`/api/tasks/${id}`, { status: 'done', result: 'Refunded $42.10' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.completedBy, (await billing.get('/api/me')).body.user.id);
    assert.equal((await billing.patch(`/api/tasks/${id}`, { status: 'open' })).status, 403, 'reopening is for the owner or a lead');
    // A token acting as a member of the team works the same way (the helpdesk bridge of that team).
    const other = await newTask('billing');
    const bill = (await billing.get('/api/me')).body.user.id;
    const token = await (await desk.login('admin')).post('/api/admin/tokens', { userId: bill, name: 'Billing bridge' });
    const bot = new Client(desk.app, { bearer: token.body.secret });
    assert.equal((await bot.patch(`/api/tasks/${other}`, { status: 'done', result: 'Done by the bridge' })).status, 200);
  });

  test('the owner and a lead may cancel, reopen and change it', async () => {
    const id = await newTask('Warehouse');
    assert.equal((await ana.patch(`/api/tasks/${id}`, { what: 'Check the dock and the van' })).status, 200);
    assert.equal((await lead.patch(`/api/tasks/${id}`, { status: 'cancelled' })).status, 200);
    assert.equal((await ana.patch(`/api/tasks/${id}`, { status: 'open' })).status, 200);
    assert.equal((await ana.patch(`/api/tasks/${id}`, { status: 'cancelled' })).status, 200);
  });
});
