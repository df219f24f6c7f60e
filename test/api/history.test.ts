import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HistoricalCase } from '../../src/importers/desk.ts';
import { deskImportTarget } from '../../src/server/services/history.ts';
import { startDesk, type TestDesk } from '../support/desk.ts';

const archived: HistoricalCase = {
  externalRef: 'zendesk:4411',
  customer: { name: 'Hana Tanaka', email: 'hana@example.com' },
  subject: 'Charged twice',
  createdAt: '2026-10-02T09:00:00Z',
  messages: [
    { direction: 'inbound', body: 'This is ridiculous, I was charged twice for my order!', at: '2026-10-02T09:00:00Z' },
    { direction: 'outbound', body: "I'm sorry. Please contact billing.", at: '2026-10-02T10:30:00Z', authorName: 'Old Zendesk Agent' },
    { direction: 'inbound', body: 'Thanks, sorted now.', at: '2026-10-03T08:00:00Z' },
  ],
};

describe('importing archived conversations as closed history', () => {
  let desk: TestDesk;
  before(async () => {
    desk = await startDesk();
  });
  after(() => desk.stop());

  test('stores a closed case with its original times, analyses and checks, once', async () => {
    const target = deskImportTarget({ db: desk.t.db, clock: desk.clock, config: desk.config });
    const first = await target.importHistoricalCase(archived);
    assert.equal(first.created, true);
    const again = await target.importHistoricalCase(archived);
    assert.deepEqual(again, { caseId: first.caseId, created: false }, 'idempotent by externalRef');
    const lead = await desk.login('lead');
    const c = await lead.get(`/api/cases/${first.caseId}`);
    assert.equal(c.status, 200);
    assert.equal(c.body.status, 'closed');
    assert.equal(c.body.createdAt, '2026-10-02T09:00:00.000Z');
    assert.equal(c.body.resolvedAt, '2026-10-03T08:00:00.000Z');
    assert.deepEqual(c.body.messages.map((m: { createdAt: string }) => m.createdAt), ['2026-10-02T09:00:00.000Z', '2026-10-02T10:30:00.000Z', '2026-10-03T08:00:00.000Z']);
    assert.ok(c.body.messages[0].analysis.upset);
    assert.equal(c.body.messages[1].authorName, 'Old Zendesk Agent');
    assert.ok(c.body.messages[1].check.findings.some((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry'));
    assert.equal(c.body.angerTrajectory.length, 2);
    // History shows on the customer card and in reports, never in a queue, and sends nothing.
    const card = await lead.get(`/api/customers/${c.body.customerId}`);
    assert.equal(card.body.cases.length, 1);
    assert.equal((await lead.get('/api/queue?scope=all')).body.items.length, 0);
    const rules = await lead.get('/api/reports/playbook-by-rule?from=2026-10-01T00:00:00Z&to=2026-10-31T00:00:00Z');
    assert.ok(rules.body.rules.some((r: { ruleId: string }) => r.ruleId === 'no-bare-sorry'));
    const counts = await desk.t.db.query("SELECT (SELECT count(*) FROM outbox)::int AS outbox, (SELECT count(*) FROM notifications)::int AS notes, (SELECT count(*) FROM follow_ups)::int AS fus");
    assert.deepEqual(counts.rows[0], { outbox: 0, notes: 0, fus: 0 });
    // A later import for the same e-mail joins the same customer; the history owner can never log in.
    const other = await target.importHistoricalCase({ ...archived, externalRef: 'zendesk:5000', customer: { name: 'H. Tanaka', email: 'HANA@example.com' } });
    assert.equal((await lead.get(`/api/cases/${other.caseId}`)).body.customerId, c.body.customerId);
    const owner = await desk.t.db.query('SELECT disabled, password_hash FROM users WHERE id = $1', [c.body.ownerId]);
    assert.deepEqual(owner.rows[0], { disabled: true, password_hash: null });
    await assert.rejects(target.importHistoricalCase({ ...archived, externalRef: 'x:1', messages: [{ direction: 'inbound', body: '  ' }] }), /no message text/);
  });
});
