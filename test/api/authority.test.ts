// Authority counts across offers. With a $50 refund limit, six $50 refunds on one case used to be offered,
// accepted and resolved ($300 with no lead): the limit applied to each offer alone. Now an agent's (and a
// lead's) limit covers the total per case and per customer over a rolling period (AUTHORITY_PERIOD_DAYS),
// concurrent offers included; requests for approval reach each lead as one notification per case.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DAY } from '../support/clock.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

describe('authority per case and per customer over a period', () => {
  let desk: TestDesk;
  let agent: Client;
  let lead: Client;
  let admin: Client;
  let n = 0;

  before(async () => {
    desk = await startDesk({ config: { authorityPeriodDays: 7 } });
    agent = await desk.login('agent');
    lead = await desk.login('lead');
    admin = await desk.login('admin');
  });
  after(() => desk.stop());

  async function openCase(customerId?: number): Promise<{ id: number; customerId: number }> {
    n++;
    const body = customerId ? { customerId, message: 'Charged twice again!' } : { customer: { name: `Customer ${n}`, email: `c${n}@example.com` }, message: 'I was charged twice and I am furious!' };
    const res = await agent.post('/api/cases', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.id, customerId: res.body.customerId };
  }
  const offer = (caseId: number, optionKey: string, amount: number) => agent.post(`/api/cases/${caseId}/offers`, { optionKey, amount });

  test('six $50 refunds on one case: the first is within authority, the rest wait for a lead', async () => {
    const c = await openCase();
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await offer(c.id, 'refund', 50);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      statuses.push(res.body.status);
    }
    assert.deepEqual(statuses, ['offered', 'pending_approval', 'pending_approval', 'pending_approval', 'pending_approval', 'pending_approval']);
    // Small amounts add up too: 5% + 5% fill a 10% discount limit.
    assert.deepEqual([(await offer(c.id, 'discount', 5)).body.status, (await offer(c.id, 'discount', 5)).body.status, (await offer(c.id, 'discount', 1)).body.status], ['offered', 'offered', 'pending_approval']);
    // Declined and turned-down offers no longer count.
    const refund = (await agent.get(`/api/cases/${c.id}`)).body.offers.find((o: { optionKey: string; status: string }) => o.optionKey === 'refund' && o.status === 'offered');
    assert.equal((await agent.post(`/api/offers/${refund.id}/answer`, { answer: 'declined' })).status, 200);
    for (const p of (await lead.get('/api/approvals')).body.approvals.filter((a: { caseId: number }) => a.caseId === c.id)) {
      assert.equal((await lead.post(`/api/offers/${p.id}/decision`, { approve: false, reason: 'One refund is enough' })).status, 200);
    }
    assert.equal((await offer(c.id, 'refund', 50)).body.status, 'offered');
  });

  test("the customer's other cases in the period count, and the period rolls", async () => {
    const first = await openCase();
    const a = await offer(first.id, 'refund', 40);
    assert.equal(a.body.status, 'offered');
    assert.equal((await agent.post(`/api/offers/${a.body.id}/answer`, { answer: 'accepted' })).status, 200);
    assert.equal((await agent.post(`/api/cases/${first.id}/resolve`, { agreed: 'Refund $40', summary: 'Refund of $40 today; I will call you tomorrow.' })).status, 200);
    const second = await openCase(first.customerId);
    assert.equal((await offer(second.id, 'refund', 40)).body.status, 'pending_approval', '$40 + $40 for one customer within 7 days');
    assert.equal((await offer(second.id, 'refund', 10)).body.status, 'pending_approval', 'the pending request counts until a lead decides');
    desk.clock.advance(8 * DAY);
    const third = await openCase(first.customerId);
    assert.equal((await offer(third.id, 'refund', 40)).body.status, 'offered', 'a week later the first refund is out of the period');
  });

  test('concurrent offers cannot slip past the limit together, on one case or across a customer’s cases (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const one = await openCase();
      const same = await Promise.all(Array.from({ length: 6 }, () => offer(one.id, 'refund', 50)));
      assert.deepEqual(same.map((r) => r.status), [201, 201, 201, 201, 201, 201]);
      assert.equal(same.filter((r) => r.body.status === 'offered').length, 1, `round ${round}: one case`);
      const a = await openCase();
      const b = await openCase(a.customerId);
      const across = await Promise.all([a.id, b.id, a.id, b.id].map((id) => offer(id, 'account-credit', 25)));
      assert.equal(across.filter((r) => r.body.status === 'offered').length, 1, `round ${round}: across cases`);
    }
  });

  test("a lead's approval is held to the lead's own limit on the total; beyond it an admin approves", async () => {
    const c = await openCase();
    const first = await offer(c.id, 'refund', 300);
    assert.equal(first.body.status, 'pending_approval');
    assert.equal((await lead.post(`/api/offers/${first.body.id}/decision`, { approve: true, reason: 'Double charge confirmed' })).status, 200);
    const second = await offer(c.id, 'refund', 300);
    const denied = await lead.post(`/api/offers/${second.body.id}/decision`, { approve: true, reason: 'Again' });
    assert.equal(denied.status, 403, '$600 in all is past the lead’s $500');
    assert.equal(denied.body.error.code, 'beyond_authority');
    assert.equal((await admin.post(`/api/offers/${second.body.id}/decision`, { approve: true, reason: 'Approved by the owner' })).status, 200);
  });

  test('a burst of over-limit offers leaves each lead one notification for the case, and the case a bounded queue of requests', async () => {
    const c = await openCase();
    const before = (await lead.get('/api/notifications')).body.notifications.length;
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => offer(c.id, 'refund', 60 + i)));
    const made = burst.filter((r) => r.status === 201);
    assert.ok(burst.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'too_many_pending')), JSON.stringify(burst.map((r) => r.status)));
    assert.ok(made.length <= 10, `${made.length} requests waiting on one case`);
    for (const who of [lead, admin]) {
      const notes = (await who.get('/api/notifications')).body.notifications.filter((x: { kind: string; caseId: number }) => x.kind === 'approval.requested' && x.caseId === c.id);
      assert.equal(notes.length, 1, JSON.stringify(notes));
      assert.match(notes[0].text, new RegExp(`${made.length} offers wait`));
    }
    assert.equal((await lead.get('/api/notifications')).body.notifications.length, before + 1);
    // Once read, the next request is news again.
    const note = (await lead.get('/api/notifications')).body.notifications[0];
    await lead.post(`/api/notifications/${note.id}/read`);
    for (const p of (await lead.get('/api/approvals')).body.approvals.filter((a: { caseId: number }) => a.caseId === c.id).slice(0, 1)) {
      await lead.post(`/api/offers/${p.id}/decision`, { approve: false, reason: 'no' });
    }
    assert.equal((await offer(c.id, 'refund', 99)).status, 201);
    assert.equal((await lead.get('/api/notifications?unread=true')).body.notifications.filter((x: { kind: string; caseId: number }) => x.kind === 'approval.requested' && x.caseId === c.id).length, 1);
  });

  test('an offer on a case that is no longer open cannot be answered', async () => {
    const c = await openCase();
    const o = await offer(c.id, 'discount', 5);
    assert.equal((await agent.post(`/api/cases/${c.id}/resolve`, { agreed: 'Nothing', summary: 'We looked into it; I will call you tomorrow.' })).status, 200);
    const res = await agent.post(`/api/offers/${o.body.id}/answer`, { answer: 'accepted' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'case_not_open');
  });
});
