// Outgoing webhooks against a real HTTP receiver on loopback: signed, retried with back-off while the
// receiver is down, delivered at least once with a stable event id, replayable from the admin API.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../../src/server/db/embedded.ts';
import { verifySignature } from '../../src/server/services/webhooks.ts';
import { HOUR } from '../support/clock.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; createdAt: string; data: Record<string, unknown> & { case: { id: number; customer: { email: string | null } } | null } };
}

/** A webhook receiver on a fixed loopback port that can be stopped and started again. */
class Receiver {
  received: Received[] = [];
  /** Status to answer with (200 unless a test says otherwise). */
  status = 200;
  private server: Server | null = null;
  constructor(readonly port: number) {}
  get url() {
    return `http://127.0.0.1:${this.port}/hooks/defuse`;
  }
  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: req.headers, body, json: JSON.parse(body) });
        res.writeHead(this.status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.server = server;
  }
  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
  of(type: string) {
    return this.received.filter((r) => r.json.type === type);
  }
}

describe('outgoing webhooks', () => {
  let desk: TestDesk;
  let admin: Client;
  let lead: Client;
  let agent: Client;
  let receiver: Receiver;
  let secret: string;
  let endpointId: number;

  before(async () => {
    desk = await startDesk();
    admin = await desk.login('admin');
    lead = await desk.login('lead');
    agent = await desk.login('agent');
    receiver = new Receiver(await freePort());
    await receiver.start();
    const res = await admin.post('/api/admin/webhooks', { url: receiver.url, description: 'CRM' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    secret = res.body.secret;
    endpointId = res.body.endpoint.id;
  });
  after(async () => {
    await receiver.stop();
    await desk.stop();
  });

  test('a case opened reaches the receiver signed, with its event id as the idempotency key', async () => {
    const c = await agent.post('/api/cases', { customer: { name: 'Ana Lima', email: 'ana@example.com' }, message: 'My parcel is late again!' });
    const r = await desk.scheduler.tick();
    assert.ok(r.webhooksDelivered >= 2, JSON.stringify(r));
    const [opened] = receiver.of('case.opened');
    assert.ok(opened, 'case.opened delivered');
    assert.equal(opened.json.data.caseId, c.body.id);
    assert.equal(opened.json.data.case?.customer.email, 'ana@example.com');
    assert.equal(opened.headers['defuse-event'], 'case.opened');
    assert.equal(opened.headers['defuse-event-id'], opened.json.id);
    assert.equal(opened.headers['idempotency-key'], opened.json.id);
    const now = desk.clock.now().getTime() / 1000;
    assert.ok(verifySignature(secret, opened.headers['defuse-signature'] as string, opened.body, now), 'the signature verifies');
    assert.ok(!verifySignature('whsec_wrong', opened.headers['defuse-signature'] as string, opened.body, now));
    assert.ok(!verifySignature(secret, opened.headers['defuse-signature'] as string, opened.body.replace('Ana', 'Eve'), now), 'a changed body fails');
    assert.ok(!verifySignature(secret, opened.headers['defuse-signature'] as string, opened.body, now + 3600), 'an old signature fails');
    assert.equal(receiver.of('message.received').length, 1);
  });

  test('receiver down for a while, then back: every event arrives, once each, with back-off in between', async () => {
    await receiver.stop();
    const before = receiver.received.length;
    const c = await agent.post('/api/cases', { customer: { name: 'Ben Ode', email: 'ben@example.com' }, message: 'Wrong item, and nobody answers.' });
    assert.equal((await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'Exchange', summary: 'We send the right item today; I will call you tomorrow.' })).status, 200);
    const r1 = await desk.scheduler.tick();
    assert.equal(r1.webhooksDelivered, 0);
    assert.ok(r1.webhooksFailed >= 3, JSON.stringify(r1));
    const page = (await admin.get(`/api/admin/webhooks/${endpointId}/deliveries`)).body.deliveries;
    const pending = page.filter((d: { status: string }) => d.status === 'pending');
    assert.ok(pending.length >= 3);
    assert.ok(pending.every((d: { lastError: string; attempts: number }) => d.lastError === 'connection refused' && d.attempts === 1), JSON.stringify(pending[0]));
    // Not yet due: nothing is tried before the back-off runs out.
    desk.clock.advance(5_000);
    assert.equal((await desk.scheduler.tick()).webhooksFailed, 0);
    desk.clock.advance(5_000);
    assert.ok((await desk.scheduler.tick()).webhooksFailed >= 3, 'second attempt after 10 s');
    await receiver.start();
    desk.clock.advance(19_000);
    assert.equal((await desk.scheduler.tick()).webhooksDelivered, 0, 'third attempt only after 20 s more');
    desk.clock.advance(1_000);
    const r3 = await desk.scheduler.tick();
    assert.ok(r3.webhooksDelivered >= 3, JSON.stringify(r3));
    const got = receiver.received.slice(before).filter((x) => x.json.data.caseId === c.body.id).map((x) => x.json.type).sort();
    assert.deepEqual(got, ['case.opened', 'case.resolved', 'message.received']);
    const ids = receiver.received.map((x) => x.json.id);
    assert.equal(new Set(ids).size, ids.length, 'each event delivered once');
    const list = (await admin.get('/api/admin/webhooks')).body.endpoints;
    assert.equal(list[0].pending, 0);
  });

  test('a receiver error is retried with the same event id (at least once), and an admin can replay a delivery', async () => {
    receiver.status = 503;
    const before = receiver.received.length;
    const c = await agent.post('/api/cases', { customer: { name: 'Cy Dee' }, message: 'Hello?' });
    await desk.scheduler.tick();
    const failedTry = receiver.received.slice(before).find((x) => x.json.type === 'case.opened' && x.json.data.caseId === c.body.id);
    assert.ok(failedTry);
    const [row] = (await admin.get(`/api/admin/webhooks/${endpointId}/deliveries`)).body.deliveries.filter((d: { eventId: string }) => d.eventId === failedTry.json.id);
    assert.equal(row.lastStatus, 503);
    assert.equal(row.lastError, 'HTTP 503');
    receiver.status = 200;
    desk.clock.advance(10_000);
    await desk.scheduler.tick();
    const tries = receiver.received.filter((x) => x.json.id === failedTry.json.id);
    assert.equal(tries.length, 2, 'sent again after the error');
    assert.equal(tries[1].body, tries[0].body, 'same payload');

    const replay = await admin.post(`/api/admin/webhook-deliveries/${row.id}/replay`);
    assert.equal(replay.status, 201, JSON.stringify(replay.body));
    assert.equal(replay.body.eventId, failedTry.json.id);
    assert.equal(replay.body.replayOf, row.id);
    await desk.scheduler.tick();
    assert.equal(receiver.received.filter((x) => x.json.id === failedTry.json.id).length, 3, 'replayed with the same event id');
  });

  test('every event of the list is published: offers, gaps, replies, follow-ups', async () => {
    const before = receiver.received.length;
    const c = await agent.post('/api/cases', { customer: { name: 'Dee Ell', email: 'dee@example.com' }, message: 'The blender broke after a week, I am very upset.' });
    const big = await agent.post(`/api/cases/${c.body.id}/offers`, { optionKey: 'discount', amount: 20 });
    assert.equal(big.body.status, 'pending_approval');
    assert.equal((await lead.post(`/api/offers/${big.body.id}/decision`, { approve: true, reason: 'Loyal customer' })).status, 200);
    const big2 = await agent.post(`/api/cases/${c.body.id}/offers`, { optionKey: 'discount', amount: 25 });
    assert.equal((await lead.post(`/api/offers/${big2.body.id}/decision`, { approve: false, reason: 'One discount is enough' })).status, 200);
    assert.equal((await agent.post(`/api/cases/${c.body.id}/gaps`, { cause: 'product defect', team: 'Quality' })).status, 201);
    assert.equal((await agent.post(`/api/cases/${c.body.id}/messages`, { direction: 'outbound', body: 'I am sorry the blender broke; a new one ships today.' })).status, 200);
    assert.equal((await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'New blender', summary: 'A new blender ships today; I will call you tomorrow.' })).status, 200);
    desk.clock.advance(3 * 24 * HOUR);
    await desk.scheduler.tick();
    const types = new Set(receiver.received.slice(before).filter((x) => x.json.data.caseId === c.body.id).map((x) => x.json.type));
    for (const t of ['case.opened', 'message.received', 'offer.approved', 'offer.declined', 'process_gap.tagged', 'reply.sent', 'case.resolved', 'follow_up.due']) assert.ok(types.has(t), `${t} published (got ${[...types].join(', ')})`);
  });

  test('a paused endpoint gets no new events and holds its pending ones; one subscribed to some events gets only those', async () => {
    // A delivery left pending (receiver down), then the endpoint paused: it is not tried while paused.
    await receiver.stop();
    const held = await agent.post('/api/cases', { customer: { name: 'Gil Ho' }, message: 'Anyone there?' });
    await desk.scheduler.tick();
    assert.equal((await admin.patch(`/api/admin/webhooks/${endpointId}`, { active: false })).status, 200);
    await receiver.start();
    desk.clock.advance(HOUR);
    assert.equal((await desk.scheduler.tick()).webhooksDelivered, 0, 'nothing is sent to a paused endpoint');

    const only = await admin.post('/api/admin/webhooks', { url: `${receiver.url}?only`, events: ['case.resolved'] });
    assert.equal(only.status, 201);
    const before = receiver.received.length;
    const c = await agent.post('/api/cases', { customer: { name: 'Eli Fox', email: 'eli@example.com' }, message: 'Refund?' });
    const resolved = await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'Refund', summary: 'Your refund is on its way; I will call you tomorrow.' });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    await desk.scheduler.tick();
    assert.deepEqual(receiver.received.slice(before).map((x) => x.json.type), ['case.resolved'], 'only the subscribed event, and nothing for the paused endpoint');

    await admin.patch(`/api/admin/webhooks/${endpointId}`, { active: true });
    await desk.scheduler.tick();
    const late = receiver.received.slice(before).filter((x) => x.json.data.caseId === held.body.id).map((x) => x.json.type).sort();
    assert.deepEqual(late, ['case.opened', 'message.received'], 'the held deliveries go out once resumed');
  });

  test('only admins manage webhooks, with the CSRF token; bad URLs are refused; the OpenAPI document lists the events', async () => {
    assert.equal((await lead.get('/api/admin/webhooks')).status, 403);
    assert.equal((await agent.post('/api/admin/webhooks', { url: 'http://127.0.0.1:1/x' })).status, 403);
    const noCsrf = await new Client(desk.app, { cookie: admin.auth.cookie }).post('/api/admin/webhooks', { url: 'http://127.0.0.1:1/x' });
    assert.equal(noCsrf.status, 403);
    assert.equal((await admin.post('/api/admin/webhooks', { url: 'file:///etc/passwd' })).status, 400);
    assert.equal((await admin.post('/api/admin/webhooks', { url: 'http://x', events: ['case.exploded'] })).status, 400);
    const doc = JSON.parse(await (await desk.app.request('/api/openapi.json')).text());
    assert.deepEqual(Object.keys(doc.webhooks).sort(), ['case.opened', 'case.resolved', 'follow_up.due', 'message.received', 'offer.approved', 'offer.declined', 'process_gap.tagged', 'reply.sent']);
    assert.match(doc.webhooks['case.resolved'].post.description, /Defuse-Signature: t=/);
  });
});
