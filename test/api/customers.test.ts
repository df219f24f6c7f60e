// Who may change a customer's contact details, and where the resolution e-mail goes. The attack this guards
// against: agent B opens a case on agent A's customer (POST /api/cases with customerId), which made B an
// owner of that customer's record; B changed the e-mail, and A's resolution summary went to B's address.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

const to = (mail: { to?: unknown }) => ((mail.to as { text?: string } | undefined)?.text ?? '');

describe("a customer's contact details and the resolution e-mail", () => {
  let desk: TestDesk;
  let ana: Client; // agent A
  let ben: Client; // agent B
  let lead: Client;

  before(async () => {
    desk = await startDesk();
    ana = await desk.login('agent');
    ben = await desk.login('agent2');
    lead = await desk.login('lead');
  });
  after(() => desk.stop());

  async function anasCase(name: string, email: string): Promise<{ caseId: number; customerId: number }> {
    const res = await ana.post('/api/cases', { customer: { name, email, phone: '+1 555 0100' }, message: 'I was charged twice and nobody answers. I am furious!' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { caseId: res.body.id, customerId: res.body.customerId };
  }

  test("another agent's case on the same customer does not let them redirect A's resolution e-mail", async () => {
    const { caseId, customerId } = await anasCase('Maria Lopez', 'maria@example.com');
    // B may open a case for the same customer (they wrote in again through another channel)…
    const bens = await ben.post('/api/cases', { customerId, message: 'Also: my other order is late.' });
    assert.equal(bens.status, 201);
    // …but B's change of her address does not take effect while A's case is in flight.
    const patched = await ben.patch(`/api/customers/${customerId}`, { email: 'ben.attacker@evil.example', phone: '+1 555 0666' });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.email, 'maria@example.com');
    assert.equal(patched.body.phone, '+1 555 0100');
    assert.equal(patched.body.pendingChange.fields.email, 'ben.attacker@evil.example');
    assert.equal((await ana.get(`/api/customers/${customerId}`)).body.email, 'maria@example.com');
    // A is told, on her case.
    const notes = (await ana.get('/api/notifications')).body.notifications;
    assert.ok(notes.some((n: { kind: string; caseId: number }) => n.kind === 'customer.change_requested' && n.caseId === caseId), JSON.stringify(notes));
    // A resolves: the summary goes to the real customer, not to B.
    const before = desk.smtp.received.length;
    const resolved = await ana.post(`/api/cases/${caseId}/resolve`, { agreed: 'Refund', summary: 'Maria, the second charge is refunded today; I will call you tomorrow.' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.email.to, 'maria@example.com');
    await desk.scheduler.tick();
    const mails = await desk.smtp.waitFor(before + 1);
    assert.equal(to(mails[before]), 'maria@example.com');
    // The request is on the record, with who asked.
    const audit = await desk.t.db.query("SELECT actor_id AS \"actorId\", data FROM audit_log WHERE action = 'customer.change_requested' AND (data->>'customerId')::int = $1", [customerId]);
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].actorId, desk.users.agent2.id);
  });

  test('a pending change takes effect when a lead or the owner of the affected case confirms it, never by its requester', async () => {
    const { customerId } = await anasCase('Noor Haddad', 'noor@example.com');
    await ben.post('/api/cases', { customerId, message: 'Please use my new address.' });
    const asked = await ben.patch(`/api/customers/${customerId}`, { email: 'noor.new@example.com' });
    const changeId = asked.body.pendingChange.id;
    assert.equal((await ben.post(`/api/customer-changes/${changeId}/decision`, { approve: true, reason: 'mine' })).status, 403, 'not by the requester');
    assert.equal((await desk.login('admin').then((a) => a.get(`/api/customers/${customerId}`))).body.pendingChanges.length, 1);
    const ok = await ana.post(`/api/customer-changes/${changeId}/decision`, { approve: true, reason: 'Noor confirmed it on the phone' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.email, 'noor.new@example.com');
    assert.equal((await ana.post(`/api/customer-changes/${changeId}/decision`, { approve: true, reason: 'again' })).status, 409, 'decided once');
    const second = await ben.patch(`/api/customers/${customerId}`, { phone: '+1 555 0777' });
    const rejected = await lead.post(`/api/customer-changes/${second.body.pendingChange.id}/decision`, { approve: false, reason: 'Not the number on her account' });
    assert.equal(rejected.status, 200);
    assert.equal(rejected.body.phone, '+1 555 0100');
    const actions = await desk.t.db.query("SELECT action FROM audit_log WHERE (data->>'customerId')::int = $1 ORDER BY id", [customerId]);
    assert.deepEqual(actions.rows.map((r) => r.action), ['customer.change_requested', 'customer.change_confirmed', 'customer.change_requested', 'customer.change_rejected']);
  });

  test('the only owner of the cases in flight, or a lead, changes contact details directly, with an audit entry', async () => {
    const { customerId } = await anasCase('Omar Said', 'omar@example.com');
    const own = await ana.patch(`/api/customers/${customerId}`, { email: 'omar.said@example.com' });
    assert.equal(own.status, 200);
    assert.equal(own.body.email, 'omar.said@example.com');
    assert.equal(own.body.pendingChange, null);
    assert.equal((await ben.patch(`/api/customers/${customerId}`, { email: 'x@evil.example' })).status, 403, 'no case of this customer');
    const byLead = await lead.patch(`/api/customers/${customerId}`, { phone: '+1 555 0200' });
    assert.equal(byLead.body.phone, '+1 555 0200');
    const audit = await desk.t.db.query("SELECT actor_id AS \"actorId\", data FROM audit_log WHERE action = 'customer.update' AND (data->>'customerId')::int = $1 ORDER BY id", [customerId]);
    assert.deepEqual(audit.rows.map((r) => r.actorId), [desk.users.agent.id, desk.users.lead.id]);
    assert.deepEqual(audit.rows[0].data.changes.email, { from: 'omar@example.com', to: 'omar.said@example.com' });
  });

  test("resolve's `email` cannot send the summary to an address that is not the customer's on record, unless a lead does it (audited)", async () => {
    const { caseId } = await anasCase('Lena Berg', 'lena@example.com');
    const summary = 'Lena, your refund is on its way; I will call you tomorrow.';
    const other = await ana.post(`/api/cases/${caseId}/resolve`, { agreed: 'Refund', summary, email: 'anyone@elsewhere.example' });
    assert.equal(other.status, 403, JSON.stringify(other.body));
    assert.equal(other.body.error.code, 'recipient_not_on_record');
    // The same address in other letter case is the address on record.
    const { caseId: second } = await anasCase('Kai Roth', 'kai@example.com');
    assert.equal((await ana.post(`/api/cases/${second}/resolve`, { agreed: 'Refund', summary, email: 'KAI@example.com' })).status, 200);
    const byLead = await lead.post(`/api/cases/${caseId}/resolve`, { agreed: 'Refund', summary, email: 'lena.work@example.com' });
    assert.equal(byLead.status, 200, JSON.stringify(byLead.body));
    assert.equal(byLead.body.email.to, 'lena.work@example.com');
    const audit = await desk.t.db.query("SELECT actor_id AS \"actorId\", data FROM audit_log WHERE action = 'case.resolve' AND case_id = $1", [caseId]);
    assert.deepEqual(audit.rows[0].data.recipient, { onRecord: 'lena@example.com', sentTo: 'lena.work@example.com', approvedBy: desk.users.lead.id });
  });

  test('an address given on resolve for a customer with none on record is recorded on the customer, under the same rule', async () => {
    const res = await ana.post('/api/cases', { customer: { name: 'Ines Vale' }, message: 'My parcel is lost.' });
    const ok = await ana.post(`/api/cases/${res.body.id}/resolve`, { agreed: 'Reship', summary: 'Ines, we reship today.', email: 'ines@example.com' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await ana.get(`/api/customers/${res.body.customerId}`)).body.email, 'ines@example.com');
    // With another agent's case in flight, B cannot give an address either.
    const theirs = await ana.post('/api/cases', { customer: { name: 'Paul Roe' }, message: 'Where is my refund?' });
    const bens = await ben.post('/api/cases', { customerId: theirs.body.customerId, message: 'Hello?' });
    const blocked = await ben.post(`/api/cases/${bens.body.id}/resolve`, { agreed: 'x', summary: 'Paul, done.', email: 'ben@evil.example' });
    assert.equal(blocked.status, 403, JSON.stringify(blocked.body));
    assert.equal((await ana.get(`/api/customers/${theirs.body.customerId}`)).body.email, null);
  });

  test('a customer cannot have become one in the future', async () => {
    const res = await ana.post('/api/cases', { customer: { name: 'Future Fay', customerSince: '2999-12-31' }, message: 'Hello' });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /body\.customer\.customerSince: .*future/);
    const { customerId } = await anasCase('Tim Now', 'tim@example.com');
    const patch = await ana.patch(`/api/customers/${customerId}`, { customerSince: '2999-12-31' });
    assert.equal(patch.status, 400);
    assert.match(patch.body.error.message, /body\.customerSince/);
  });
});
