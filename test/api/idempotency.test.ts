// POSTs carry an Idempotency-Key: the first response is stored in the same transaction as the work, and a
// retry with the same key gets that response instead of doing the work again. Before, six requests that
// errored at the socket during a crash had been committed, and a retrying client would have duplicated them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DAY } from '../support/clock.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

describe('Idempotency-Key on POST', () => {
  let desk: TestDesk;
  let agent: Client;
  let ben: Client;
  let k = 0;
  const key = () => `test-key-${++k}-${Date.now()}`;
  const count = async (table: string) => (await desk.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;

  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
    ben = await desk.login('agent2');
  });
  after(() => desk.stop());

  const post = (who: Client, path: string, body: unknown, idem: string) => who.request('POST', path, body, { 'idempotency-key': idem });

  test('a retry with the same key returns the first response and creates nothing more', async () => {
    const idem = key();
    const body = { customer: { name: 'Retry Rita', email: 'rita@example.com' }, message: 'My parcel is late, again!' };
    const cases = await count('cases');
    const first = await post(agent, '/api/cases', body, idem);
    assert.equal(first.status, 201);
    const again = await post(agent, '/api/cases', body, idem);
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(await count('cases'), cases + 1);
    // Without a key every POST is new work, as before.
    assert.notEqual((await agent.post('/api/cases', body)).body.id, first.body.id);
  });

  test('ten retries at once (a client timing out and retrying) still make one case', async () => {
    for (let round = 0; round < 5; round++) {
      const idem = key();
      const cases = await count('cases');
      const all = await Promise.all(Array.from({ length: 10 }, () => post(agent, '/api/cases', { customer: { name: `Burst ${round}` }, message: 'Hello?' }, idem)));
      assert.deepEqual([...new Set(all.map((r) => r.status))], [201], JSON.stringify(all.map((r) => r.body)));
      assert.equal(new Set(all.map((r) => r.body.id)).size, 1, `round ${round}`);
      assert.equal(await count('cases'), cases + 1, `round ${round}`);
    }
  });

  test('the same key with another body or another route is refused; other users have their own keys', async () => {
    const idem = key();
    const opened = await post(agent, '/api/cases', { customer: { name: 'Key Kim' }, message: 'First' }, idem);
    const other = await post(agent, '/api/cases', { customer: { name: 'Key Kim' }, message: 'Second' }, idem);
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency_key_reused');
    assert.equal((await post(agent, `/api/cases/${opened.body.id}/messages`, { direction: 'inbound', body: 'First' }, idem)).status, 422);
    const bens = await post(ben, '/api/cases', { customer: { name: 'Key Kim' }, message: 'First' }, idem);
    assert.equal(bens.status, 201);
    assert.notEqual(bens.body.id, opened.body.id);
    for (const bad of ['', 'x'.repeat(256), 'tab\there', 'ünïcode']) {
      const res = await agent.request('POST', '/api/cases', { customer: { name: 'Bad Key' }, message: 'x' }, { 'idempotency-key': bad });
      assert.equal(res.status, 400, JSON.stringify(bad));
    }
  });

  test('a resolution retried after a lost response sends one e-mail and books one call-back', async () => {
    const c = await agent.post('/api/cases', { customer: { name: 'Lost Lou', email: 'lou@example.com' }, message: 'Refund, please!' });
    const idem = key();
    const body = { agreed: 'Refund', summary: 'Lou, your refund is on its way; I will call you tomorrow.' };
    const [a, b] = await Promise.all([post(agent, `/api/cases/${c.body.id}/resolve`, body, idem), post(agent, `/api/cases/${c.body.id}/resolve`, body, idem)]);
    assert.deepEqual([a.status, b.status], [200, 200]);
    assert.equal(a.body.email.outboxId, b.body.email.outboxId);
    const { rows } = await desk.t.db.query<{ n: number; f: number }>('SELECT (SELECT count(*) FROM outbox WHERE case_id = $1)::int AS n, (SELECT count(*) FROM follow_ups WHERE case_id = $1)::int AS f', [c.body.id]);
    assert.deepEqual(rows[0], { n: 1, f: 1 });
  });

  test('a request that failed is not remembered: once the cause is fixed, the same key does the work', async () => {
    const c = await agent.post('/api/cases', { customer: { name: 'No Mail Ned' }, message: 'Where is my refund?' });
    const idem = key();
    const body = { agreed: 'Refund', summary: 'Ned, your refund is on its way.' };
    const failed = await post(agent, `/api/cases/${c.body.id}/resolve`, body, idem);
    assert.equal(failed.status, 422, 'no e-mail on record');
    assert.equal(await desk.t.db.query('SELECT 1 FROM resolutions WHERE case_id = $1', [c.body.id]).then((r) => r.rowCount), 0, 'nothing of the failed attempt was kept');
    assert.equal((await agent.patch(`/api/customers/${c.body.customerId}`, { email: 'ned@example.com' })).status, 200);
    const ok = await post(agent, `/api/cases/${c.body.id}/resolve`, body, idem);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('every POST route takes the header (tasks, offers, messages), and keys are forgotten after a day', async () => {
    const c = await agent.post('/api/cases', { customer: { name: 'All Routes' }, message: 'Late again!' });
    const due = new Date(desk.clock.now().getTime() + DAY).toISOString();
    for (const [path, body] of [
      [`/api/cases/${c.body.id}/tasks`, { team: 'Billing', what: 'Refund', dueAt: due }],
      [`/api/cases/${c.body.id}/offers`, { optionKey: 'discount', amount: 5 }],
      [`/api/cases/${c.body.id}/messages`, { direction: 'outbound', body: 'I am on it.' }],
      [`/api/cases/${c.body.id}/gaps`, { cause: 'Late courier', team: 'Logistics' }],
    ] as const) {
      const idem = key();
      const a = await post(agent, path, body, idem);
      const b = await post(agent, path, body, idem);
      assert.ok(a.status < 300, `${path} ${JSON.stringify(a.body)}`);
      assert.deepEqual(b.body, a.body, path);
    }
    const detail = (await agent.get(`/api/cases/${c.body.id}`)).body;
    assert.deepEqual([detail.tasks.length, detail.offers.length, detail.messages.length, detail.gaps.length], [1, 1, 2, 1]);
    const doc = await (await desk.app.request('/api/openapi.json')).json();
    assert.ok(doc.paths['/api/cases'].post.parameters.some((p: { name: string; in: string }) => p.name === 'Idempotency-Key' && p.in === 'header'));
    // After a day the key is free again (the scheduler forgets old keys).
    const idem = key();
    await post(agent, '/api/cases', { customer: { name: 'Day Old' }, message: 'x' }, idem);
    desk.clock.advance(DAY + 60_000);
    await desk.scheduler.tick();
    assert.equal((await desk.t.db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [idem])).rowCount, 0);
  });
});
