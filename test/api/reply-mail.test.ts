// An agent's reply on a case that came in by e-mail goes back to the customer by e-mail, through the outbox
// and a real SMTP server: threaded on the customer's message, under the agent's name, plain text and HTML.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

const SECRET = 'json-secret-0123456789';

describe('replies by e-mail', () => {
  let desk: TestDesk;
  let lead: Client;
  let agent: Client;

  before(async () => {
    desk = await startDesk({ config: { inboundSecrets: { json: SECRET } } });
    lead = await desk.login('lead');
    agent = await desk.login('agent');
  });
  after(() => desk.stop());

  async function inbound(mail: Record<string, unknown>) {
    const res = await desk.app.request('/api/inbound/json', { method: 'POST', headers: { 'content-type': 'application/json', 'x-defuse-secret': SECRET }, body: JSON.stringify(mail) });
    assert.equal(res.status, 200);
    return (await res.json()) as { status: string; caseId: number };
  }

  test('the reply leaves threaded, under the agent’s name, as text and HTML; the customer’s answer comes back to the same case', async () => {
    const first = await inbound({ messageId: '<cust-1@mail.example.com>', references: '<older-0@mail.example.com>', from: 'Ana Lima <ana@example.com>', subject: 'Where is my order?', text: 'It is two weeks late. I am really annoyed.' });
    const sentBefore = desk.smtp.received.length;
    const body = 'Hi Ana,\n\nI am sorry it is two weeks late <again>. I have asked the warehouse to ship it today.';
    const r = await lead.post(`/api/cases/${first.caseId}/messages`, { direction: 'outbound', body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.email.to, 'ana@example.com');
    await desk.scheduler.tick();
    const [mail] = (await desk.smtp.waitFor(sentBefore + 1)).slice(sentBefore);
    assert.equal(mail.subject, `Re: Where is my order? [#${first.caseId}]`);
    assert.equal(mail.inReplyTo, '<cust-1@mail.example.com>');
    assert.deepEqual(mail.references, ['<older-0@mail.example.com>', '<cust-1@mail.example.com>']);
    assert.equal(mail.from?.value[0].name, 'Lee Lead (Northwind Support)');
    assert.equal(mail.from?.value[0].address, 'desk@defuse.localhost');
    assert.equal((mail.to as { value: { address: string }[] }).value[0].address, 'ana@example.com');
    assert.match(mail.text ?? '', /shipped|ship it today/);
    assert.match(mail.text ?? '', /\n-- \nLee Lead\nNorthwind Support/);
    assert.match(String(mail.html), /<p>I am sorry it is two weeks late &#60;again&#62;\./);
    const [email] = (await lead.get(`/api/cases/${first.caseId}/emails`)).body.emails;
    assert.equal(email.status, 'sent');
    assert.equal(email.kind, 'reply');

    // The customer answers our e-mail (their client quotes it): it lands on the same case, cleaned.
    const answer = await inbound({ messageId: '<cust-2@mail.example.com>', inReplyTo: mail.messageId, references: `${mail.references?.join(' ')} ${mail.messageId}`, from: 'ana@example.com', subject: mail.subject, text: `Thanks, that helps.\n\nOn Wed, 18 Nov 2026, Lee Lead wrote:\n> ${body.replace(/\n/g, '\n> ')}` });
    assert.equal(answer.status, 'stored');
    assert.equal(answer.caseId, first.caseId);
    const messages = (await lead.get(`/api/cases/${first.caseId}`)).body.messages;
    assert.equal(messages.at(-1).body, 'Thanks, that helps.');
  });

  test('a case that did not come by e-mail sends nothing unless asked; asked without an address is a 422 and stores nothing; a draft never sends', async () => {
    const c = await agent.post('/api/cases', { customer: { name: 'Phone Caller' }, message: 'I called about my bill.' });
    const plain = await agent.post(`/api/cases/${c.body.id}/messages`, { direction: 'outbound', body: 'Thanks for calling; I am checking your bill now.' });
    assert.equal(plain.status, 200);
    assert.equal(plain.body.email, null);
    const count = (await agent.get(`/api/cases/${c.body.id}`)).body.messages.length;
    const asked = await agent.post(`/api/cases/${c.body.id}/messages`, { direction: 'outbound', body: 'Here is the answer.', email: true });
    assert.equal(asked.status, 422);
    assert.equal(asked.body.error.code, 'no_address');
    assert.equal((await agent.get(`/api/cases/${c.body.id}`)).body.messages.length, count, 'the reply was not stored either');

    const m = await inbound({ messageId: '<draft-1@x>', from: 'dora@example.com', subject: 'Question', text: 'Do you ship to Norway?' });
    const draft = await lead.post(`/api/cases/${m.caseId}/messages`, { direction: 'outbound', body: 'Yes we do.', draft: true });
    assert.equal(draft.status, 200);
    const optOut = await lead.post(`/api/cases/${m.caseId}/messages`, { direction: 'outbound', body: 'Noted on the phone: yes, we ship to Norway.', email: false });
    assert.equal(optOut.body.email, null);
    assert.deepEqual((await lead.get(`/api/cases/${m.caseId}/emails`)).body.emails, []);
  });

  test('a failing mail server shows on the case, and the reply goes out once it recovers', async () => {
    const m = await inbound({ messageId: '<fail-1@x>', from: 'eve@example.com', subject: 'Broken zip', text: 'The zip on my bag broke after a day.' });
    const r = await lead.post(`/api/cases/${m.caseId}/messages`, { direction: 'outbound', body: 'I am sorry the zip broke; a replacement bag ships today.' });
    assert.ok(r.body.email);
    desk.smtp.failing = true;
    try {
      await desk.scheduler.tick();
      const [email] = (await lead.get(`/api/cases/${m.caseId}/emails`)).body.emails;
      assert.equal(email.status, 'pending');
      assert.match(email.lastError, /refused it for now \(SMTP 451\)/);
    } finally {
      desk.smtp.failing = false;
    }
    const before = desk.smtp.received.length;
    desk.clock.advance(60_000);
    await desk.scheduler.tick();
    const [mail] = (await desk.smtp.waitFor(before + 1)).slice(before);
    assert.equal(mail.inReplyTo, '<fail-1@x>');
    assert.equal((await lead.get(`/api/cases/${m.caseId}/emails`)).body.emails[0].status, 'sent');
  });
});
