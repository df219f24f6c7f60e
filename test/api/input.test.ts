import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

describe('bad input gets a clear 4xx and good-but-hostile text is stored exactly', () => {
  let desk: TestDesk;
  let agent: Client;
  let caseId: number;

  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
    caseId = (await agent.post('/api/cases', { customer: { name: 'Dana' }, message: 'Where is my parcel?' })).body.id;
  });
  after(() => desk.stop());

  const badBodies: [string, string | Record<string, unknown>, number, RegExp][] = [
    ['empty body', '', 400, /needs a JSON body/],
    ['not JSON', 'message=hello', 400, /not valid JSON/],
    ['truncated JSON', '{"direction":"inbound","body":"hi', 400, /not valid JSON/],
    ['empty object', {}, 400, /body\.direction/],
    ['blank text', { direction: 'inbound', body: '   \n ' }, 400, /must not be blank/],
    ['wrong type', { direction: 'inbound', body: 42 }, 400, /body\.body/],
    ['unknown direction', { direction: 'sideways', body: 'x' }, 400, /body\.direction/],
    ['NUL character', { direction: 'inbound', body: 'a\u0000b' }, 400, /NUL/],
    ['unpaired surrogate', { direction: 'inbound', body: 'bad \ud800 text' }, 400, /invalid Unicode/],
    ['over the length limit', { direction: 'inbound', body: 'x'.repeat(20_001) }, 400, /longer than 20000/],
  ];
  for (const [name, body, status, message] of badBodies) {
    test(`messages: ${name} → ${status}`, async () => {
      const before = (await agent.get(`/api/cases/${caseId}`)).body.messages.length;
      const res = await agent.request('POST', `/api/cases/${caseId}/messages`, body);
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.match(res.body.error.message, message);
      assert.equal((await agent.get(`/api/cases/${caseId}`)).body.messages.length, before, 'nothing stored');
    });
  }

  test('binary bodies and wrong content types are refused', async () => {
    const binary = await desk.app.request(`/api/cases/${caseId}/messages`, {
      method: 'POST',
      headers: { cookie: agent.auth.cookie!, 'x-csrf-token': agent.auth.csrf!, 'content-type': 'application/json' },
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x9f]),
    });
    assert.equal(binary.status, 400);
    assert.match((await binary.json()).error.message, /not UTF-8/);
    const form = await agent.request('POST', `/api/cases/${caseId}/messages`, 'direction=inbound', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 415);
  });

  test('a body over the size limit is 413', async () => {
    const res = await agent.request('POST', `/api/cases/${caseId}/messages`, { direction: 'inbound', body: 'y'.repeat(1_100_000) });
    assert.equal(res.status, 413);
  });

  test('bad ids and query values are 400, unknown ids 404, unknown routes 404 — never 500', async () => {
    assert.equal((await agent.get('/api/cases/abc')).status, 400);
    assert.equal((await agent.get('/api/cases/-1')).status, 400);
    assert.equal((await agent.get('/api/cases/99999999999')).status, 400);
    assert.equal((await agent.get('/api/cases/999999')).status, 404);
    assert.equal((await agent.get('/api/queue?scope=everything')).status, 400);
    assert.equal((await agent.get('/api/nope')).status, 404);
    assert.equal((await agent.post('/api/cases', { customer: { name: 'A' }, customerId: 1, message: 'x' })).status, 400, 'not both');
    assert.equal((await agent.post('/api/cases', { customer: { name: 'A', email: 'not-an-email' }, message: 'x' })).status, 400);
    assert.equal((await agent.post('/api/cases', { customer: { name: 'A', customerSince: '2021-02-30' }, message: 'x' })).status, 400);
    assert.equal((await agent.post(`/api/cases/${caseId}/tasks`, { team: 'Billing', what: 'x', dueAt: '2001-01-01T00:00:00Z' })).status, 400, 'due in the past');
    assert.equal((await agent.post(`/api/cases/${caseId}/offers`, { optionKey: 'discount' })).status, 400, 'amount required');
    assert.equal((await agent.post(`/api/cases/${caseId}/offers`, { optionKey: 'nonexistent' })).status, 422);
    assert.equal((await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'x', summary: 'y' })).status, 422, 'no e-mail on file');
    const customerId = (await agent.get(`/api/cases/${caseId}`)).body.customerId;
    assert.equal((await agent.patch(`/api/customers/${customerId}`, { email: 'nope' })).status, 400);
    assert.equal((await (await desk.login('agent2')).patch(`/api/customers/${customerId}`, { email: 'dana@example.com' })).status, 403, 'not their customer');
    const fixed = await agent.patch(`/api/customers/${customerId}`, { email: 'dana@example.com' });
    assert.equal(fixed.body.email, 'dana@example.com');
  });

  test('values PostgreSQL would refuse or alter are refused by name, not left to the database', async () => {
    // Without these checks the database answered with its own words ("invalid byte sequence…"), or, for an
    // unpaired surrogate in a name, stored U+FFFD instead of what was sent.
    const cases: [string, unknown, RegExp][] = [
      ['/api/cases', { customer: { name: 'Ana \ud800' }, message: 'hello' }, /body\.customer\.name: name contains invalid Unicode/],
      ['/api/cases', { customer: { name: 'Ana', notes: 'a\u0000b' }, message: 'hello' }, /body\.customer\.notes: notes must not contain NUL/],
      ['/api/cases', { customer: { name: 'Ana', customerSince: '0000-01-01' }, message: 'hello' }, /body\.customer\.customerSince: must be a date from 1900/],
      [`/api/cases/${caseId}/gaps`, { cause: 'Late', team: 'Logistics', note: '\u0000' }, /body\.note: note must not contain NUL/],
      [`/api/cases/${caseId}/offers`, { optionKey: 'discount', amount: 5, note: 'x\u0000' }, /body\.note: note must not contain NUL/],
    ];
    for (const [path, body, message] of cases) {
      const res = await agent.post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'invalid_request');
      assert.match(res.body.error.message, message);
    }
    const search = await agent.get('/api/customers?q=%00');
    assert.equal(search.status, 400);
    assert.match(search.body.error.message, /query\.q: q must not contain NUL/);
  });

  test('HTML, script and SQL-looking text is stored and returned exactly as written', async () => {
    const nasty = [
      `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'single'`,
      `Robert'); DROP TABLE cases;-- and 1=1; SELECT * FROM users WHERE '' = ''`,
      `Emoji 😡🔥, RTL ‏مرحبا‏, zero-width\u200bspace, combining é, tab\tand\r\nCRLF`,
      '   leading and trailing spaces are kept   ',
    ];
    for (const body of nasty) {
      const res = await agent.post(`/api/cases/${caseId}/messages`, { direction: 'inbound', body });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.message.body, body);
    }
    const opened = await agent.post('/api/cases', { customer: { name: '<b>Eve</b> O\'Brien; DROP TABLE customers' }, message: nasty[0] });
    assert.equal(opened.status, 201);
    assert.equal(opened.body.customer.name, '<b>Eve</b> O\'Brien; DROP TABLE customers');
    const detail = await agent.get(`/api/cases/${caseId}`);
    assert.deepEqual(detail.body.messages.slice(-4).map((m: { body: string }) => m.body), nasty);
    assert.match(detail.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(detail.headers.get('x-content-type-options'), 'nosniff');
    const tables = await desk.t.db.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('cases', 'users', 'customers')");
    assert.equal(tables.rows[0].n, 3);
  });

  test('a search with LIKE wildcards matches them literally', async () => {
    await agent.post('/api/cases', { customer: { name: '100% Real_Name' }, message: 'hello there' });
    const res = await agent.get(`/api/customers?q=${encodeURIComponent('0% R')}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.customers.map((c: { name: string }) => c.name), ['100% Real_Name']);
    assert.equal((await agent.get(`/api/customers?q=${encodeURIComponent('%')}`)).body.customers.length, 1);
  });
});
