// A view of sent mail: a lead could not see what the desk had e-mailed, why one failed, or send it again, and
// the follow-ups page showed only their own call-backs. Now leads and admins list the outbox (queued, sent,
// failed with the reason, retried), open an e-mail exactly as sent and resend a failed one (once, audited,
// CSRF-checked); agents cannot. A lead's follow-ups list takes one agent's call-backs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_ATTEMPTS } from '../../src/server/services/outbox.ts';
import { HOUR } from '../support/clock.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

describe('sent mail and the team follow-ups', () => {
  let desk: TestDesk;
  let agent: Client;
  let lead: Client;
  let failedId: number;
  let sentId: number;

  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
    lead = await desk.login('lead');
  });
  after(() => desk?.stop());

  async function resolved(name: string, email: string): Promise<number> {
    const c = await agent.post('/api/cases', { customer: { name, email }, message: 'My parcel is two weeks late. Where is it?' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const r = await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'reship the parcel by express', summary: `Hi ${name}, we reship the parcel by express today. I will call you tomorrow.` });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.email.outboxId;
  }

  test('one e-mail delivered, one that fails every try: leads see both, the failure with its reason and the retries', async () => {
    sentId = await resolved('Ada Park', 'ada@example.com');
    await desk.scheduler.tick();
    await desk.smtp.waitFor(1);
    failedId = await resolved('Bo Lind', 'bo@example.com');
    desk.smtp.failing = true;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await desk.scheduler.tick();
      desk.clock.advance(3 * HOUR);
    }
    const list = await lead.get('/api/outbox');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const byId = new Map(list.body.emails.map((e: { id: number }) => [e.id, e]));
    const failed = byId.get(failedId) as Record<string, unknown>;
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, MAX_ATTEMPTS);
    assert.equal(failed.retried, true);
    assert.match(String(failed.lastError), /refused it for now \(SMTP 451\)/);
    assert.doesNotMatch(String(failed.lastError), /127\.0\.0\.1/, "never the mail server's address");
    assert.equal(failed.customerName, 'Bo Lind');
    assert.equal((byId.get(sentId) as Record<string, unknown>).status, 'sent');
    assert.deepEqual(list.body.counts, { pending: 0, sent: 1, failed: 1, bounced: 0 });
    assert.deepEqual((await lead.get('/api/outbox?status=failed')).body.emails.map((e: { id: number }) => e.id), [failedId]);
    assert.deepEqual((await lead.get('/api/outbox?retried=true')).body.emails.map((e: { id: number }) => e.id), [failedId]);
    assert.equal((await lead.get('/api/outbox?caseId=012')).status, 400, 'ids in decimal digits only');
  });

  test('a lead opens an e-mail exactly as sent', async () => {
    const m = await lead.get(`/api/outbox/${sentId}`);
    assert.equal(m.status, 200, JSON.stringify(m.body));
    const [received] = desk.smtp.received;
    assert.equal(m.body.text, received.text);
    assert.equal(m.body.subject, received.subject);
    assert.equal(m.body.from, desk.config.mailFrom);
    assert.equal(m.body.html.trim(), String(received.html).trim());
    assert.equal((await lead.get('/api/outbox/999999')).status, 404);
  });

  test('agents cannot list, open or resend; a resend without the CSRF token is refused', async () => {
    assert.equal((await agent.get('/api/outbox')).status, 403);
    assert.equal((await agent.get(`/api/outbox/${sentId}`)).status, 403);
    assert.equal((await agent.post(`/api/outbox/${failedId}/resend`)).status, 403);
    const noCsrf = new Client(desk.app, { cookie: lead.auth.cookie });
    assert.equal((await noCsrf.post(`/api/outbox/${failedId}/resend`)).status, 403);
    assert.equal((await desk.anonymous().get('/api/outbox')).status, 401);
  });

  test('a lead resends a failed e-mail once: delivered with the same words, audited; a sent one is not resent', async () => {
    desk.smtp.failing = false;
    const again = await lead.post(`/api/outbox/${failedId}/resend`);
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body.status, 'pending');
    assert.equal(again.body.resentFrom, failedId);
    assert.equal(again.body.resentByName, desk.users.lead.name);
    const twice = await lead.post(`/api/outbox/${failedId}/resend`);
    assert.equal(twice.status, 409);
    assert.match(twice.body.error.message, new RegExp(`#${again.body.id}`));
    assert.equal((await lead.post(`/api/outbox/${sentId}/resend`)).body.error.code, 'not_failed');
    await desk.scheduler.tick();
    const mails = await desk.smtp.waitFor(2);
    const original = await lead.get(`/api/outbox/${failedId}`);
    assert.equal(mails[1].text, original.body.text);
    assert.equal(original.body.resentAs, again.body.id);
    assert.equal((await lead.get(`/api/outbox/${again.body.id}`)).body.status, 'sent');
    const audit = await desk.t.db.query("SELECT actor_id AS \"actorId\", data FROM audit_log WHERE action = 'outbox.resend'");
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].actorId, desk.users.lead.id);
    assert.equal(audit.rows[0].data.outboxId, failedId);
  });

  test("a lead's follow-ups: the team's call-backs, or one agent's; an agent only their own", async () => {
    const ben = await desk.login('agent2');
    const c = await ben.post('/api/cases', { customer: { name: 'Cy Dahl', email: 'cy@example.com' }, message: 'Broken on arrival.' });
    assert.equal((await ben.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'a replacement', summary: 'Hi Cy, a replacement ships today. I will call you tomorrow.' })).status, 200);
    const all = await lead.get('/api/follow-ups?scope=all');
    assert.deepEqual(new Set(all.body.followUps.map((f: { ownerName: string }) => f.ownerName)), new Set([desk.users.agent.name, desk.users.agent2.name]));
    const bens = await lead.get(`/api/follow-ups?ownerId=${desk.users.agent2.id}`);
    assert.deepEqual(bens.body.followUps.map((f: { customerName: string }) => f.customerName), ['Cy Dahl']);
    assert.equal((await agent.get(`/api/follow-ups?ownerId=${desk.users.agent2.id}`)).status, 403);
    const own = await agent.get(`/api/follow-ups?ownerId=${desk.users.agent.id}`);
    assert.equal(own.status, 200);
    assert.ok(own.body.followUps.every((f: { ownerName: string }) => f.ownerName === desk.users.agent.name));
  });
});
