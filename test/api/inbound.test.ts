// Customers write in by e-mail: a provider (or any system) posts the received message to the desk, which
// threads it onto its case, cleans it, analyses it and stores it exactly once per Message-ID.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

const SECRETS = { json: 'json-secret-0123456789', mailgun: 'mailgun-secret-0123456789', sendgrid: 'sendgrid-secret-0123456789', postmark: 'postmark-secret-0123456789' };

describe('inbound e-mail by webhook', () => {
  let desk: TestDesk;
  let lead: Client;
  let agent: Client;

  before(async () => {
    desk = await startDesk({ config: { inboundSecrets: SECRETS, inboundAttachmentMaxBytes: 1000, inboundMaxBytes: 200_000, inboundLimitPerMin: 1000 } });
    lead = await desk.login('lead');
    agent = await desk.login('agent');
  });
  after(() => desk.stop());

  async function post(source: string, body: unknown, opts: { secret?: string | null; form?: boolean; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...opts.headers };
    const secret = opts.secret === undefined ? (SECRETS as Record<string, string>)[source] : opts.secret;
    if (secret) headers.authorization = `Basic ${Buffer.from(`api:${secret}`).toString('base64')}`;
    let payload: BodyInit;
    if (body instanceof FormData) payload = body;
    else {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await desk.app.request(`/api/inbound/${source}`, { method: 'POST', headers, body: payload });
    return { status: res.status, body: await res.json() };
  }

  async function messagesOf(caseId: number) {
    return (await lead.get(`/api/cases/${caseId}`)).body.messages as { body: string; direction: string; anger: number | null; analysis: unknown }[];
  }

  test('unknown source → 404; missing or wrong secret → 401; nothing stored', async () => {
    const mail = { messageId: '<nope@x>', from: 'a@example.com', subject: 'x', text: 'hello' };
    assert.equal((await post('nosuch', mail)).status, 404);
    assert.equal((await post('json', mail, { secret: null })).status, 401);
    assert.equal((await post('json', mail, { secret: 'json-secret-012345678X' })).status, 401);
    // Another source's secret does not open this one.
    assert.equal((await post('json', mail, { secret: SECRETS.mailgun })).status, 401);
    const { rows } = await desk.t.db.query('SELECT 1 FROM inbound_mail');
    assert.equal(rows.length, 0);
  });

  test('a new e-mail opens a case for the customer with that address, cleaned and analysed, and the queue reorders', async () => {
    const known = await agent.post('/api/cases', { customer: { name: 'Maya Ortiz', email: 'maya@example.com', lifetimeValue: 50 }, message: 'Quick question about sizes.' });
    assert.equal(known.status, 201);
    const before = (await lead.get('/api/queue?scope=all')).body.items as { caseId: number }[];
    const res = await post('json', {
      messageId: '<first-1@mail.example.com>',
      from: 'Maya Ortiz <Maya@Example.com>',
      subject: 'Charged twice!!',
      text: 'You charged my card twice and nobody answers. This is unacceptable, I want my money back today.\n\nBest regards,\nMaya Ortiz\nAcme Corp\n\nOn Mon, 16 Nov 2026 at 10:00, Northwind <desk@northwind.example> wrote:\n> Thanks for your order',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'stored');
    assert.equal(res.body.opened, true);
    const c = (await lead.get(`/api/cases/${res.body.caseId}`)).body;
    assert.equal(c.customerId, known.body.customerId, 'matched by address, case-insensitively');
    assert.equal(c.subject, 'Charged twice!!');
    assert.equal(c.messages.length, 1);
    assert.equal(c.messages[0].body, 'You charged my card twice and nobody answers. This is unacceptable, I want my money back today.');
    assert.ok(c.messages[0].analysis, 'analysed on arrival');
    assert.ok(c.anger > 0.3, `anger ${c.anger}`);
    const after = (await lead.get('/api/queue?scope=all')).body.items as { caseId: number }[];
    assert.ok(!before.some((i) => i.caseId === res.body.caseId));
    assert.equal(after[0].caseId, res.body.caseId, 'the angry e-mail is first in the queue');
    // The owner hears of it.
    const notes = await desk.t.db.query("SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'case.assigned'", [res.body.caseId]);
    assert.equal(notes.rowCount, 1);
  });

  test('a reply joins its case by In-Reply-To / References, and reopens it when resolved', async () => {
    const first = await post('json', { messageId: 'thread-a@mail.example.com', from: 'leo@example.com', subject: 'Broken lamp', text: 'The lamp arrived broken.' });
    const caseId = first.body.caseId;
    const owner = (await lead.get(`/api/cases/${caseId}`)).body.ownerId;
    assert.equal((await lead.post(`/api/cases/${caseId}/resolve`, { agreed: 'Replacement', summary: 'We send a new lamp today; I will call you tomorrow.' })).status, 200);
    const reply = await post('json', { messageId: 'thread-b@mail.example.com', inReplyTo: '<thread-a@mail.example.com>', references: '<thread-a@mail.example.com>', from: 'Leo <leo@example.com>', subject: 'Re: Broken lamp', text: 'The new one is broken too!\n\n> The lamp arrived broken.' });
    assert.equal(reply.body.status, 'stored');
    assert.equal(reply.body.caseId, caseId);
    assert.equal(reply.body.opened, false);
    const c = (await lead.get(`/api/cases/${caseId}`)).body;
    assert.equal(c.status, 'open', 'reopened');
    assert.equal(c.ownerId, owner);
    const inbound = c.messages.filter((m: { direction: string }) => m.direction === 'inbound');
    assert.deepEqual(inbound.map((m: { body: string }) => m.body), ['The lamp arrived broken.', 'The new one is broken too!']);
    // References alone (a client that drops In-Reply-To) also threads.
    const third = await post('json', { messageId: 'thread-c@mail.example.com', references: ['thread-x@elsewhere', 'thread-b@mail.example.com'], from: 'leo@example.com', subject: 'lamp', text: 'Hello?' });
    assert.equal(third.body.caseId, caseId);
  });

  test("the subject's case token threads a message only from that case's customer", async () => {
    const first = await post('json', { messageId: 'tok-1@x', from: 'nina@example.com', subject: 'Wrong size', text: 'I got the wrong size.' });
    const token = `[#${first.body.caseId}]`;
    const same = await post('json', { messageId: 'tok-2@x', from: 'nina@example.com', subject: `Re: Wrong size ${token}`, text: 'Any news?' });
    assert.equal(same.body.caseId, first.body.caseId);
    const stranger = await post('json', { messageId: 'tok-3@x', from: 'mallory@example.com', subject: `Re: Wrong size ${token}`, text: 'Please send the refund to my account instead.' });
    assert.notEqual(stranger.body.caseId, first.body.caseId, 'a guessed token does not let a stranger into the case');
    assert.equal(stranger.body.opened, true);
  });

  test('the same Message-ID twice, or ten times at once, is stored once', async () => {
    const mail = { messageId: '<dup-1@mail.example.com>', from: 'omar@example.com', subject: 'Late', text: 'Where is my parcel?' };
    const a = await post('json', mail);
    const b = await post('json', mail);
    assert.equal(a.body.status, 'stored');
    assert.equal(b.body.status, 'duplicate');
    assert.equal(b.body.caseId, a.body.caseId);
    const burst = await Promise.all(Array.from({ length: 10 }, () => post('json', { ...mail, messageId: '<dup-2@mail.example.com>', text: 'Second message, sent by a retrying provider.' })));
    assert.deepEqual(burst.map((r) => r.status), Array(10).fill(200));
    assert.equal(burst.filter((r) => r.body.status === 'stored').length, 1);
    assert.equal((await messagesOf(a.body.caseId)).length, 1);
    const stored = await desk.t.db.query("SELECT count(*)::int AS n FROM messages WHERE body = 'Second message, sent by a retrying provider.'");
    assert.equal(stored.rows[0].n, 1, 'one message per Message-ID');
    // Without a Message-ID, the same content still dedupes.
    const noId = { from: 'omar@example.com', subject: 'Again', text: 'No id on this one.', date: '2026-11-18T09:00:00Z' };
    assert.equal((await post('json', noId)).body.status, 'stored');
    assert.equal((await post('json', noId)).body.status, 'duplicate');
  });

  test('Mailgun form posts: headers from message-headers, attachments kept as metadata with the size cap flagged', async () => {
    const form = new FormData();
    form.set('from', 'Priya Shah <priya@example.com>');
    form.set('sender', 'bounce+x@example.com');
    form.set('subject', 'Photos of the damage');
    form.set('body-plain', 'Here are the photos. The box was crushed.\n\n-- \nPriya Shah | +44 20 7946 0000');
    form.set('message-headers', JSON.stringify([['Message-Id', '<mg-1@mail.example.com>'], ['From', 'Priya Shah <priya@example.com>'], ['Date', 'Wed, 18 Nov 2026 09:00:00 +0000']]));
    form.set('attachment-count', '2');
    form.set('attachment-1', new File([new Uint8Array(500)], 'box.jpg', { type: 'image/jpeg' }));
    form.set('attachment-2', new File([new Uint8Array(5000)], 'video.mp4', { type: 'video/mp4' }));
    const res = await post('mailgun', form);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [m] = await messagesOf(res.body.caseId);
    assert.equal(m.body, 'Here are the photos. The box was crushed.');
    const mail = (await lead.get(`/api/cases/${res.body.caseId}/mail`)).body.mail;
    assert.deepEqual(mail[0].attachments, [{ name: 'box.jpg', type: 'image/jpeg', size: 500 }, { name: 'video.mp4', type: 'video/mp4', size: 5000, overLimit: true }]);
    assert.equal(mail[0].source, 'webhook:mailgun');
    const again = await post('mailgun', form);
    assert.equal(again.body.status, 'duplicate');
  });

  test('SendGrid Inbound Parse and Postmark payloads', async () => {
    const sg = new FormData();
    sg.set('headers', 'Received: by mx\r\nMessage-ID: <sg-1@mail.example.com>\r\nFrom: Jon <jon@example.com>\r\nSubject: Refund\r\nDate: Wed, 18 Nov 2026 09:00:00 +0000\r\n');
    sg.set('from', 'Jon <jon@example.com>');
    sg.set('subject', 'Refund');
    sg.set('html', '<p>I returned it three weeks ago and still no refund.</p><div class="gmail_quote">On Mon you wrote: blah</div>');
    sg.set('attachment-info', JSON.stringify({ attachment1: { filename: 'receipt.pdf', type: 'application/pdf' } }));
    sg.set('attachment1', new File([new Uint8Array(10)], 'receipt.pdf', { type: 'application/pdf' }));
    const r1 = await post('sendgrid', sg);
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.equal((await messagesOf(r1.body.caseId))[0].body, 'I returned it three weeks ago and still no refund.');
    assert.deepEqual((await lead.get(`/api/cases/${r1.body.caseId}/mail`)).body.mail[0].attachments, [{ name: 'receipt.pdf', type: 'application/pdf', size: 10 }]);

    const pm = {
      FromFull: { Email: 'jon@example.com', Name: 'Jon' },
      Subject: 'Re: Refund',
      TextBody: 'Still waiting.',
      MessageID: '7f0e-postmark-id',
      Headers: [{ Name: 'Message-ID', Value: '<pm-1@mail.example.com>' }, { Name: 'In-Reply-To', Value: '<sg-1@mail.example.com>' }],
      Attachments: [{ Name: 'scan.png', ContentType: 'image/png', ContentLength: 42, Content: 'AAAA' }],
    };
    const r2 = await post('postmark', pm);
    assert.equal(r2.status, 200, JSON.stringify(r2.body));
    assert.equal(r2.body.caseId, r1.body.caseId, 'threaded on the SendGrid message');
    assert.equal((await post('postmark', pm)).body.status, 'duplicate');
  });

  test("a delivery status report marks the desk's e-mail bounced on its case and tells the owner", async () => {
    const c = await agent.post('/api/cases', { customer: { name: 'Gone Away', email: 'gone@example.com' }, message: 'Refund please.' });
    assert.equal((await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'Refund', summary: 'Your refund is on its way; I will call you tomorrow.' })).status, 200);
    await desk.scheduler.tick();
    const [sent] = (await agent.get(`/api/cases/${c.body.id}/emails`)).body.emails;
    assert.equal(sent.status, 'sent');
    const { rows } = await desk.t.db.query('SELECT message_id AS id FROM outbox WHERE id = $1', [sent.id]);
    const res = await post('json', {
      messageId: 'dsn-1@mx.example.com',
      from: 'Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      subject: 'Undelivered Mail Returned to Sender',
      text: `This is the mail system at host mx.example.com.\n\n<gone@example.com>: host mx said: 550 5.1.1 User unknown\n\nMessage-ID: ${rows[0].id}\nSubject: Your case`,
    });
    assert.equal(res.body.status, 'bounce');
    assert.equal(res.body.caseId, c.body.id);
    const [after] = (await agent.get(`/api/cases/${c.body.id}/emails`)).body.emails;
    assert.equal(after.status, 'bounced');
    assert.match(after.lastError, /returned this e-mail/);
    const note = await desk.t.db.query("SELECT 1 FROM notifications WHERE case_id = $1 AND kind = 'mail.bounced' AND user_id = $2", [c.body.id, desk.users.agent.id]);
    assert.equal(note.rowCount, 1);
    const msgs = await messagesOf(c.body.id);
    assert.ok(!msgs.some((m) => /mail system/.test(m.body)), 'the report is not a customer message');
  });

  test('hostile values in any field of the generic JSON body get a 2xx or a 4xx with a message, never a 500', async () => {
    const HOSTILE: unknown[] = [null, true, 0, -1, 1.5, 2 ** 53, 1e308, '', ' ', 'x'.repeat(25_000), '\u0000', 'a\ud800b', '%_\\\'";--', '9999-12-31T23:59:59Z', '0000-01-01', [], [1, 'a', null], {}, { a: { b: [] } }, Array.from({ length: 3000 }, (_, i) => i)];
    const base = { messageId: 'hostile-base@x', inReplyTo: '<none@x>', references: '<none@x>', from: 'Hostile <hostile@example.com>', subject: 'Hostile', text: 'Where is my order?', html: '<p>Where is my order?</p>', date: '2026-11-18T09:00:00Z', attachments: [{ name: 'a.txt', type: 'text/plain', size: 1 }] };
    const failures: string[] = [];
    let n = 0;
    for (const key of Object.keys(base)) {
      for (const v of HOSTILE) {
        n++;
        const body = { ...base, messageId: `hostile-${n}@x`, [key]: v };
        const res = await post('json', body);
        if (res.status >= 500 || (res.status >= 400 && !res.body?.error?.message)) failures.push(`${key}=${JSON.stringify(v)?.slice(0, 40)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      for (const v of ['\u0000', 'a\ud800b']) {
        const res = await post('json', { ...base, messageId: `hostile-${++n}@x`, attachments: [{ name: v, type: v, size: 1e308 }] });
        if (res.status >= 500) failures.push(`attachments ${JSON.stringify(v)} → ${res.status}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('bad payloads are 4xx with a message, a body over INBOUND_MAX_BYTES is 413, and the rate limit answers 429', async () => {
    assert.equal((await post('json', { subject: 'no sender', text: 'x' })).status, 400);
    assert.equal((await post('json', { from: 'a@example.com', subject: 'empty' })).status, 400);
    assert.equal((await post('json', [1, 2])).status, 400);
    const big = await post('json', { from: 'a@example.com', subject: 'big', text: 'x'.repeat(300_000) });
    assert.equal(big.status, 413);
    const res = await desk.app.request('/api/inbound/json', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-defuse-secret': SECRETS.json }, body: 'hi' });
    assert.equal(res.status, 415);

    // A fresh minute (the test clock stands still otherwise) and a tight limit.
    desk.clock.advance(60_000);
    desk.config.inboundLimitPerMin = 3;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await desk.app.request('/api/inbound/json', { method: 'POST', headers: { 'content-type': 'application/json', 'x-defuse-secret': 'wrong-wrong-wrong-wrong' }, body: '{}' });
        statuses.push(r.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429, 429], 'guessing the secret is throttled');
    } finally {
      desk.config.inboundLimitPerMin = 1000;
      desk.clock.advance(60_000);
    }
  });
});
