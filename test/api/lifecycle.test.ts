import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CaseDetail } from '../../src/server/http/cases/schemas.ts';
import { ResolveResponse } from '../../src/server/http/resolution/schemas.ts';
import { DAY, HOUR } from '../support/clock.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

const ANGRY = "This is ridiculous! I was charged twice for order 5521 and nobody answers my e-mails. I'm furious.";

describe('a case from the first angry message to the follow-up call', () => {
  let desk: TestDesk;
  let agent: Client;
  let lead: Client;
  let caseId: number;

  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
    lead = await desk.login('lead');
  });
  after(() => desk.stop());

  test('opening a case stores the message with its analysis and one owner', async () => {
    const res = await agent.post('/api/cases', {
      customer: { name: 'Maria Lopez', email: 'maria@example.com', customerSince: '2018-05-01', lifetimeValue: 4200 },
      message: ANGRY,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    caseId = res.body.id;
    const c = CaseDetail.parse(res.body);
    assert.equal(c.owner.id, desk.users.agent.id);
    assert.equal(c.status, 'open');
    assert.equal(c.phase, 'listen');
    assert.equal(c.messages.length, 1);
    assert.equal(c.messages[0].body, ANGRY);
    assert.ok(c.messages[0].analysis!.upset, 'the engine reads the message as upset');
    assert.ok(c.anger! > 0);
    assert.equal(c.customer.tenureYears, 8);
    assert.equal(c.customer.highValue, true);
  });

  test('an outbound draft is coached against the case and not stored', async () => {
    const res = await agent.post(`/api/cases/${caseId}/messages`, { direction: 'outbound', body: "I'm sorry.", draft: true });
    assert.equal(res.status, 200);
    assert.equal(res.body.message, null);
    assert.ok(res.body.check.findings.some((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry'));
    const detail = await agent.get(`/api/cases/${caseId}`);
    assert.equal(detail.body.messages.length, 1, 'the draft was not stored');
  });

  test('POST /api/check coaches with the case context, or with a context given inline', async () => {
    const withCase = await agent.post('/api/check', { draft: "I'm sorry.", caseId });
    assert.equal(withCase.status, 200);
    assert.equal(withCase.body.context.customerName, 'Maria Lopez');
    assert.ok(withCase.body.check.findings.some((f: { ruleId: string }) => f.ruleId === 'no-bare-sorry'));
    // The customer card reaches the engine: eight years' tenure asks the reply to thank her for her loyalty,
    // which the same message without the CRM context does not.
    const rules = (r: { body: { check: { findings: { ruleId: string }[] } } }) => r.body.check.findings.map((f) => f.ruleId);
    assert.ok(rules(withCase).includes('acknowledge-loyalty'), JSON.stringify(rules(withCase)));
    const noCrm = await agent.post('/api/check', { draft: "I'm sorry.", context: { customerMessage: ANGRY, customerName: 'Maria' } });
    assert.ok(!rules(noCrm).includes('acknowledge-loyalty'));
    const inline = await agent.post('/api/check', { draft: "I'm sorry.", context: { customerMessage: 'My parcel is two weeks late!' } });
    assert.equal(inline.status, 200);
    assert.ok(inline.body.check.findings.length > 0);
  });

  test("the case's issue reaches the coaching as words a reply can use, not the customer's raw phrase", async () => {
    const opened = await agent.post('/api/cases', {
      customer: { name: 'Ken Obi', email: 'ken@example.com' },
      message: "I'm so frustrated, I need to change my password and the reset e-mail never comes!",
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    const res = await agent.post('/api/check', { draft: "I'm sorry.", caseId: opened.body.id });
    assert.equal(res.status, 200);
    assert.equal(res.body.context.issue, 'the sign-in trouble');
    const fixes = res.body.check.findings.flatMap((f: { suggestions: { fix: { text: string } }[] }) => f.suggestions.map((x) => x.fix.text)).join(' | ');
    assert.match(fixes, /the sign-in trouble/);
    assert.doesNotMatch(fixes, /for change my password/);
  });

  test('a sent reply is stored with its check and answers the customer (waiting time drops out of the queue)', async () => {
    desk.clock.advance(2 * HOUR);
    const before = await agent.get('/api/queue');
    const item = before.body.items.find((i: { caseId: number }) => i.caseId === caseId);
    assert.ok(item.waitingMinutes >= 120);
    assert.match(item.why.map((w: { text: string }) => w.text).join(' | '), /Waiting 2 h/);
    const reply = 'Maria, I apologize for the double charge on order 5521. I can see why you are upset, and I will fix this myself today.';
    const res = await agent.post(`/api/cases/${caseId}/messages`, { direction: 'outbound', body: reply });
    assert.equal(res.status, 200);
    assert.equal(res.body.message.body, reply);
    assert.equal(typeof res.body.message.score, 'number');
    const afterQ = await agent.get('/api/queue');
    assert.equal(afterQ.body.items.find((i: { caseId: number }) => i.caseId === caseId).waitingMinutes, 0);
  });

  test('the queue puts the angrier, more valuable, longer-waiting customer first and says why', async () => {
    const calm = await agent.post('/api/cases', { customer: { name: 'Tom Calm', lifetimeValue: 20 }, message: 'Hi, could you tell me when the store opens on Sunday?' });
    assert.equal(calm.status, 201);
    const angry = await agent.post('/api/cases', { customer: { name: 'Irene Irate', lifetimeValue: 9000, customerSince: '2015-01-01' }, message: 'This is unacceptable and ridiculous. Worst service ever, I am furious and fed up!' });
    desk.clock.advance(3 * HOUR);
    const q = await agent.get('/api/queue');
    assert.equal(q.status, 200);
    const ids = q.body.items.map((i: { caseId: number }) => i.caseId);
    assert.ok(ids.indexOf(angry.body.id) < ids.indexOf(calm.body.id), 'angry high-value customer before the calm question');
    const top = q.body.items[0];
    assert.deepEqual(top.why.map((w: { factor: string }) => w.factor), ['anger', 'value', 'waiting']);
    const product = top.why.reduce((p: number, w: { weight: number }) => p * w.weight, 1);
    assert.ok(Math.abs(top.priority - product) / product < 0.01, `priority ${top.priority} is the product of the factors (${product})`);
    // Another agent's queue does not show these cases; the lead can see the whole desk.
    const ben = await desk.login('agent2');
    assert.equal((await ben.get('/api/queue')).body.items.length, 0);
    assert.equal((await ben.get('/api/queue?scope=all')).status, 403);
    assert.ok((await lead.get('/api/queue?scope=all')).body.items.length >= 3);
  });

  test('options follow the need and carry the caller’s authority; beyond it a lead must approve', async () => {
    const opts = await agent.get(`/api/options?caseId=${caseId}`);
    assert.equal(opts.status, 200);
    const discount = opts.body.options.find((o: { key: string }) => o.key === 'discount');
    assert.equal(discount.authority.maxAmount, 10);
    const small = await agent.post(`/api/cases/${caseId}/offers`, { optionKey: 'discount', amount: 10 });
    assert.equal(small.status, 201);
    assert.equal(small.body.status, 'offered');
    assert.equal(small.body.decidedBy, desk.users.agent.id);
    const big = await agent.post(`/api/cases/${caseId}/offers`, { optionKey: 'account-credit', amount: 150, note: 'Second double charge this year' });
    assert.equal(big.status, 201);
    assert.equal(big.body.status, 'pending_approval');
    assert.equal(big.body.withinAuthority, false);
    // The agent cannot approve their own request; the lead sees it and approves with a reason.
    assert.equal((await agent.post(`/api/offers/${big.body.id}/decision`, { approve: true, reason: 'self' })).status, 403);
    const pending = await lead.get('/api/approvals');
    assert.ok(pending.body.approvals.some((a: { id: number }) => a.id === big.body.id));
    const leadNotes = await lead.get('/api/notifications');
    assert.ok(leadNotes.body.notifications.some((n: { kind: string }) => n.kind === 'approval.requested'));
    const ok = await lead.post(`/api/offers/${big.body.id}/decision`, { approve: true, reason: 'Eight-year customer charged twice' });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.status, 'offered');
    assert.equal(ok.body.decidedBy, desk.users.lead.id);
    assert.equal(ok.body.decisionReason, 'Eight-year customer charged twice');
    // Beyond even the lead's limit: only an admin can allow it.
    const huge = await agent.post(`/api/cases/${caseId}/offers`, { optionKey: 'account-credit', amount: 800 });
    assert.equal((await lead.post(`/api/offers/${huge.body.id}/decision`, { approve: true, reason: 'please' })).status, 403);
    const accepted = await agent.post(`/api/offers/${big.body.id}/answer`, { answer: 'accepted' });
    assert.equal(accepted.body.status, 'accepted');
    assert.equal((await agent.get(`/api/cases/${caseId}`)).body.phase, 'agree');
  });

  test('footwork: a task keeps the owner and reminds them on completion and when late', async () => {
    const due = new Date(desk.clock.now().getTime() + DAY).toISOString();
    const t1 = await agent.post(`/api/cases/${caseId}/tasks`, { team: 'Billing', what: 'Reverse the duplicate charge on order 5521', dueAt: due });
    assert.equal(t1.status, 201);
    const t2 = await agent.post(`/api/cases/${caseId}/tasks`, { team: 'Warehouse', what: 'Check the parcel left the dock', dueAt: due });
    // Billing (another desk user, here the lead) finishes the first task.
    const done = await lead.patch(`/api/tasks/${t1.body.id}`, { status: 'done', result: 'Refunded $42.10' });
    assert.equal(done.status, 200);
    assert.equal(done.body.completedBy, desk.users.lead.id);
    let notes = (await agent.get('/api/notifications')).body.notifications;
    assert.ok(notes.some((n: { kind: string; text: string }) => n.kind === 'task.done' && n.text.includes('Refunded $42.10')));
    assert.ok((await agent.get('/api/queue')).body.items.find((i: { caseId: number }) => i.caseId === caseId).flags.some((f: string) => /get back/.test(f)));
    // The second task runs late: one reminder, however many scheduler ticks.
    desk.clock.advance(DAY + HOUR);
    await desk.scheduler.tick();
    await desk.scheduler.tick();
    notes = (await agent.get('/api/notifications')).body.notifications;
    const late = notes.filter((n: { kind: string; text: string }) => n.kind === 'task.late');
    assert.equal(late.length, 1);
    assert.match(late[0].text, /Warehouse/);
    const c = await agent.get(`/api/cases/${caseId}`);
    assert.equal(c.body.owner.id, desk.users.agent.id, 'the customer was never handed over');
    assert.equal(c.body.transferCount, 0);
    assert.equal((await agent.patch(`/api/tasks/${t2.body.id}`, { status: 'done' })).status, 200);
  });

  test('resolving e-mails the summary through SMTP and schedules the call-back on the next business day', async () => {
    desk.clock.set('2026-11-20T15:30:00Z'); // a Friday afternoon
    const summary = 'Maria, to sum up what we agreed: the duplicate charge on order 5521 is refunded, and a $150 credit is on your account. I will call you on Monday to make sure all is well.';
    const res = await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'Refund of duplicate charge + $150 credit', summary });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = ResolveResponse.parse(res.body);
    assert.equal(r.case.status, 'resolved');
    assert.equal(r.email.to, 'maria@example.com');
    assert.ok(Array.isArray(r.check.findings));
    assert.equal(r.followUp.dueAt, '2026-11-23T15:30:00.000Z', 'Friday + 1 business day = Monday');
    await desk.scheduler.tick();
    const [mail] = await desk.smtp.waitFor(1);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'maria@example.com');
    assert.match(mail.subject ?? '', /case #\d+/);
    assert.ok(mail.text?.includes(summary), 'the e-mail body is the summary as written');
    const emails = await agent.get(`/api/cases/${caseId}/emails`);
    assert.equal(emails.body.emails[0].status, 'sent');
    // Resolving twice is a conflict, not a second e-mail.
    assert.equal((await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'x', summary: 'y' })).status, 409);
  });

  test('the follow-up is on the due list when due, and "still unhappy" reopens the case', async () => {
    const early = await agent.get('/api/follow-ups?due=true');
    assert.equal(early.body.followUps.length, 0, 'not due on Friday');
    assert.equal((await agent.get('/api/follow-ups')).body.followUps.length, 1, 'but scheduled');
    desk.clock.set('2026-11-23T16:00:00Z');
    await desk.scheduler.tick();
    const due = await agent.get('/api/follow-ups?due=true');
    assert.equal(due.body.followUps.length, 1);
    const fu = due.body.followUps[0];
    assert.equal(fu.customerName, 'Maria Lopez');
    assert.ok((await agent.get('/api/notifications')).body.notifications.some((n: { kind: string }) => n.kind === 'follow_up.due'));
    const res = await agent.post(`/api/follow-ups/${fu.id}/outcome`, { outcome: 'still_unhappy', note: 'The refund is not on her card yet' });
    assert.equal(res.status, 200);
    assert.equal(res.body.case.status, 'open');
    assert.equal(res.body.case.phase, 'listen');
    assert.equal(res.body.case.reopenCount, 1);
    assert.equal((await agent.post(`/api/follow-ups/${fu.id}/outcome`, { outcome: 'satisfied' })).status, 409, 'an outcome is recorded once');
    assert.equal((await agent.get('/api/follow-ups')).body.followUps.length, 0);
  });

  test('second resolution, then a satisfied follow-up closes the case; no answer tries again next business day', async () => {
    const r = await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'Refund confirmed by Billing', summary: 'Maria, the refund of $42.10 reached your card today, and the $150 credit is on your account.' });
    assert.equal(r.status, 200);
    await desk.scheduler.tick();
    await desk.smtp.waitFor(2);
    const noAnswer = await agent.post(`/api/follow-ups/${r.body.followUp.id}/outcome`, { outcome: 'no_answer' });
    assert.equal(noAnswer.body.case.status, 'resolved');
    assert.ok(noAnswer.body.next, 'another try is scheduled');
    const ok = await agent.post(`/api/follow-ups/${noAnswer.body.next.id}/outcome`, { outcome: 'satisfied' });
    assert.equal(ok.body.case.status, 'closed');
    // The customer writing again on a closed case reopens it with the same owner.
    const again = await agent.post(`/api/cases/${caseId}/messages`, { direction: 'inbound', body: 'The credit disappeared from my account. Again!' });
    assert.equal(again.body.case.status, 'open');
    assert.equal(again.body.case.reopenCount, 2);
    assert.equal(again.body.case.ownerId, desk.users.agent.id);
  });

  test('process gaps roll up by cause and team for leads', async () => {
    assert.equal((await agent.post(`/api/cases/${caseId}/gaps`, { cause: 'Billing error', team: 'Payments', note: 'Retry charged twice' })).status, 201);
    assert.equal((await agent.post(`/api/cases/${caseId}/gaps`, { cause: '  billing   ERROR ', team: 'payments' })).status, 201);
    const rep = await lead.get('/api/reports/process-gaps');
    assert.equal(rep.status, 200);
    assert.deepEqual(rep.body.byCause, [{ cause: 'Billing error', gaps: 2 }]);
    assert.equal(rep.body.byTeam[0].team, 'Payments');
    assert.equal((await agent.get('/api/reports/process-gaps')).status, 403, 'reports are for leads');
  });

  test('reports cover anger, playbook scores, rules, follow-ups and transfers', async () => {
    const from = '2026-11-01T00:00:00Z';
    const to = '2026-12-01T00:00:00Z';
    const anger = await lead.get(`/api/reports/anger-over-time?from=${from}&to=${to}`);
    assert.ok(anger.body.series.length >= 1);
    assert.ok(anger.body.series[0].avgAnger > 0);
    const byAgent = await lead.get(`/api/reports/playbook-by-agent?from=${from}&to=${to}&bucket=week`);
    assert.equal(byAgent.body.agents[0].name, 'Ana Agent');
    assert.ok(byAgent.body.agents[0].replies >= 3);
    const byRule = await lead.get(`/api/reports/playbook-by-rule?from=${from}&to=${to}`);
    assert.equal(byRule.status, 200);
    const fu = await lead.get(`/api/reports/follow-ups?from=${from}&to=${to}`);
    assert.equal(fu.body.totals.done, 3);
    assert.equal(fu.body.totals.onTime, 3);
    const tr = await lead.get(`/api/reports/transfers?from=${from}&to=${to}`);
    assert.equal(tr.body.total, 0);
    assert.equal((await lead.get('/api/reports/anger-over-time?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')).status, 400);
  });
});

describe('the customer writes again before the call-back', () => {
  let desk: TestDesk;
  let agent: Client;

  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
  });
  after(() => desk.stop());

  test('the reopened case drops its pending call-back, and the next resolution books exactly one', async () => {
    const opened = await agent.post('/api/cases', { customer: { name: 'Omar', email: 'omar@example.com' }, message: 'My order 7781 never arrived and I am fed up!' });
    const caseId = opened.body.id;
    const first = await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'Reship order 7781', summary: 'Omar, we are reshipping order 7781 today. I will call you tomorrow.' });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    desk.clock.advance(2 * HOUR);
    const again = await agent.post(`/api/cases/${caseId}/messages`, { direction: 'inbound', body: 'The tracking link says the reshipment was cancelled!' });
    assert.equal(again.body.case.status, 'open');
    // Before the fix the old call-back stayed scheduled: on the due list and the queue of an open case.
    assert.deepEqual((await agent.get('/api/follow-ups')).body.followUps, [], 'no call-back for a case that is open again');
    desk.clock.advance(2 * DAY);
    const queued = (await agent.get('/api/queue')).body.items.find((i: { caseId: number }) => i.caseId === caseId);
    assert.ok(!queued.flags.some((f: string) => /follow/i.test(f)), JSON.stringify(queued.flags));
    const detail = await agent.get(`/api/cases/${caseId}`);
    assert.deepEqual(detail.body.followUps.map((f: { status: string }) => f.status), ['cancelled']);
    const second = await agent.post(`/api/cases/${caseId}/resolve`, { agreed: 'Courier collection booked', summary: 'Omar, the courier collects the replacement from our warehouse today.' });
    assert.equal(second.status, 200);
    const scheduled = (await agent.get('/api/follow-ups')).body.followUps;
    assert.deepEqual(scheduled.map((f: { id: number }) => f.id), [second.body.followUp.id]);
  });
});
