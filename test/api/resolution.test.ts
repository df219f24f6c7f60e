// The resolution e-mail is built from what happened. Before, a brand-new case already had a summary with an
// agreement that never happened, an accepted 10% discount never reached the e-mail, and the summary promised
// to send a summary. Now: no agreement, no summary and no resolving; the agreement is the accepted offers, the
// done tasks and what the agent typed; the preview is the e-mail byte for byte as the SMTP server receives it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

describe('resolution e-mail from the agreement', () => {
  let desk: TestDesk;
  let agent: Client;

  before(async () => {
    desk = await startDesk({ config: { mailFrom: 'Northwind Support <care@northwind.example>' } });
    agent = await desk.login('agent');
  });
  after(() => desk?.stop());

  async function openCase(name: string, email: string): Promise<number> {
    const res = await agent.post('/api/cases', {
      customer: { name, email },
      message: "You charged me twice for the same order! This is ridiculous. Refund the second charge or I'm done with you.",
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }

  test('a new case has no agreement: the preview has no summary and no e-mail, and resolving is refused in words', async () => {
    const id = await openCase('Maria Lopez', 'maria@example.com');
    const p = await agent.post(`/api/cases/${id}/resolution-preview`, {});
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.deepEqual(p.body.agreement, []);
    assert.equal(p.body.summary, '');
    assert.equal(p.body.email, null);
    assert.match(p.body.blocked, /Nothing has been agreed yet/);
    const r = await agent.post(`/api/cases/${id}/resolve`, { summary: 'Hi Maria, all sorted. I will call you tomorrow.' });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'no_agreement');
    assert.equal((await agent.get(`/api/cases/${id}`)).body.status, 'open');
    assert.equal(desk.smtp.received.length, 0);
  });

  test('an accepted 10% discount, a done task and a typed line make the agreement, the summary and the e-mail, sent exactly as previewed', async () => {
    const id = await openCase('Maria Lopez', 'maria.l@example.com');
    const offer = await agent.post(`/api/cases/${id}/offers`, { optionKey: 'discount', amount: 10 });
    assert.equal(offer.body.status, 'offered');
    assert.equal((await agent.post(`/api/offers/${offer.body.id}/answer`, { answer: 'accepted' })).status, 200);
    const task = await agent.post(`/api/cases/${id}/tasks`, { team: 'Billing', what: 'refund the second charge', dueAt: '2026-11-19T10:00:00Z' });
    assert.equal(task.status, 201, JSON.stringify(task.body));
    assert.equal((await agent.patch(`/api/tasks/${task.body.id}`, { status: 'done', result: 'the second charge of $49 is refunded' })).status, 200);

    const p = await agent.post(`/api/cases/${id}/resolution-preview`, { agreed: 'reship the parcel by express' });
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.deepEqual(p.body.agreement.map((i: { source: string; text: string }) => `${i.source}: ${i.text}`), [
      'offer: You will get a 10% discount on your next order.',
      'task: Billing: the second charge of $49 is refunded.',
      'agent: Reship the parcel by express.',
    ]);
    assert.equal(p.body.blocked, null);
    assert.match(p.body.summary, /^Hi Maria,\n\n/);
    assert.match(p.body.summary, /- You will get a 10% discount on your next order\.\n- Billing: the second charge of \$49 is refunded\.\n- Reship the parcel by express\./);
    assert.match(p.body.summary, /I will call you on Thursday 19 November/);
    assert.doesNotMatch(p.body.summary, /summary by e-?mail|send you a (short )?summary|receive (refund|reship)/i);
    assert.deepEqual(p.body.check.findings.map((f: { ruleId: string }) => f.ruleId), [], 'the draft passes the coaching it is scored with');
    assert.equal(p.body.email.from, 'Northwind Support <care@northwind.example>');
    assert.equal(p.body.email.to, 'maria.l@example.com');

    // Leaving the task out and editing the summary: the preview follows, and that is what is sent.
    const summary = `${p.body.summary.replace('Kind regards', 'Warm regards')}`;
    const edited = await agent.post(`/api/cases/${id}/resolution-preview`, { agreed: 'reship the parcel by express', taskIds: [], summary });
    assert.equal(edited.body.agreement.length, 2);
    assert.equal(edited.body.drafted, false);
    assert.deepEqual(edited.body.unmentioned, []);
    // A summary edited down to part of the agreement is told what it no longer says.
    const short = await agent.post(`/api/cases/${id}/resolution-preview`, { agreed: 'reship the parcel by express', summary: 'Hi Maria, we reship the parcel by express. I will call you on Thursday.' });
    assert.deepEqual(short.body.unmentioned, ['You will get a 10% discount on your next order.', 'Billing: the second charge of $49 is refunded.']);
    const r = await agent.post(`/api/cases/${id}/resolve`, { agreed: 'reship the parcel by express', taskIds: [], summary });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = await agent.get(`/api/cases/${id}`);
    assert.equal(c.body.resolution.agreed, 'You will get a 10% discount on your next order.\nReship the parcel by express.');
    await desk.scheduler.tick();
    const [mail] = await desk.smtp.waitFor(1);
    assert.equal(mail.subject, edited.body.email.subject);
    assert.equal(mail.from?.text, '"Northwind Support" <care@northwind.example>');
    assert.equal(mail.text, edited.body.email.text, 'the plain text is exactly the preview');
    assert.equal((mail.html as string).trim(), edited.body.email.html.trim(), 'the HTML is exactly the preview');
    assert.match(mail.text ?? '', /10% discount on your next order/);
  });

  test('tasks that are not done and offers not accepted cannot be named in the agreement', async () => {
    const id = await openCase('Ole Berg', 'ole@example.com');
    const task = await agent.post(`/api/cases/${id}/tasks`, { team: 'Billing', what: 'check', dueAt: '2026-11-19T10:00:00Z' });
    const r = await agent.post(`/api/cases/${id}/resolve`, { agreed: 'A refund', summary: 'Hi Ole, a refund. I will call you tomorrow.', taskIds: [task.body.id] });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'task_not_done');
  });

  test("another agent cannot preview a colleague's case", async () => {
    const id = await openCase('Pia Holm', 'pia@example.com');
    const ben = await desk.login('agent2');
    assert.equal((await ben.post(`/api/cases/${id}/resolution-preview`, { agreed: 'x' })).status, 403);
  });
});
