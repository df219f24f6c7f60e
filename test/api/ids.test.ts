// Ids in paths and query strings are decimal digits only. Before, `z.coerce.number()` read `%201` (" 1") as
// case 1 and `0x10` as case 16, so one case answered to many spellings of its id.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

describe('strict ids', () => {
  let desk: TestDesk;
  let agent: Client;
  let caseId: number;
  let customerId: number;

  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
    // Enough cases that 0x10 (16) and 1e1 (10) name cases this agent owns: a lax parser would answer 200.
    for (let i = 0; i < 17; i++) {
      const res = await agent.post('/api/cases', { customer: { name: `Ida ${i}` }, message: 'Where is my parcel?' });
      assert.equal(res.status, 201);
      caseId ??= res.body.id;
      customerId ??= res.body.customerId;
    }
    assert.equal(caseId, 1);
  });
  after(() => desk.stop());

  const spellings = ['%201', '1%20', '%2B1', '01', '0x10', '1e1', '1.0', '0b1', '0o1', '%091', '1_0', '%EF%BC%91' /* fullwidth 1 */];

  test('path ids other than plain decimal digits are 400, never another spelling of a real case', async () => {
    assert.equal((await agent.get('/api/cases/1')).status, 200);
    assert.equal((await agent.get('/api/cases/16')).status, 200);
    for (const id of spellings) {
      const res = await agent.get(`/api/cases/${id}`);
      assert.equal(res.status, 400, `/api/cases/${id} → ${res.status}`);
      assert.match(res.body.error.message, /path\.id: .*decimal digits/);
    }
    const write = await agent.post('/api/cases/%201/messages', { direction: 'outbound', body: 'Hello' });
    assert.equal(write.status, 400);
  });

  test('ids in query strings are held to the same rule', async () => {
    assert.equal((await agent.get(`/api/cases?customerId=${customerId}`)).status, 200);
    assert.equal((await agent.get(`/api/options?caseId=${caseId}`)).status, 200);
    for (const id of spellings) {
      assert.equal((await agent.get(`/api/cases?customerId=${id}`)).status, 400, `customerId=${id}`);
      assert.equal((await agent.get(`/api/options?caseId=${id}`)).status, 400, `caseId=${id}`);
    }
  });

  test('ids in JSON bodies are JSON integers, not strings that look like numbers', async () => {
    const res = await agent.post('/api/cases', { customerId: String(customerId), message: 'Again!' });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /body\.customerId/);
    assert.equal((await agent.post('/api/cases', { customerId, message: 'Again!' })).status, 201);
  });
});
