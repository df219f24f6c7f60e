// The desk polls a real IMAP server (Debian's Dovecot, started here on loopback): new mail opens or joins
// cases, and a server restarted in the middle of a poll loses nothing and duplicates nothing.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createScheduler } from '../../src/server/jobs/scheduler.ts';
import { parseImapUrl, pollImap } from '../../src/server/mail/imap.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';
import { DOVECOT, startTestImap, type TestImap } from '../support/imap.ts';

/** Puts messages into the mailbox with IMAP APPEND (as a mail server's delivery would), over a raw socket. */
async function append(imap: TestImap, messages: string[]): Promise<void> {
  const s = connect(imap.port, '127.0.0.1');
  let buf = '';
  const waitFor = (re: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (re.test(buf)) {
          s.off('data', onData);
          resolve();
        } else if (/^\S+ (NO|BAD) /m.test(buf)) reject(new Error(buf));
      };
      const onData = (d: Buffer) => {
        buf += d.toString('utf8');
        check();
      };
      s.on('data', onData);
      check();
    });
  await waitFor(/^\* OK/m);
  s.write(`a0 LOGIN ${imap.user} ${imap.pass}\r\n`);
  await waitFor(/^a0 OK/m);
  for (let i = 0; i < messages.length; i++) {
    const body = Buffer.from(messages[i].replace(/\r?\n/g, '\r\n'));
    s.write(`a${i + 1} APPEND INBOX {${body.length}+}\r\n`);
    s.write(body);
    s.write('\r\n');
    await waitFor(new RegExp(`^a${i + 1} OK`, 'm'));
  }
  s.end('z LOGOUT\r\n');
}

function rfc822(m: { id: string; from: string; subject: string; text: string; inReplyTo?: string; attachment?: boolean }): string {
  const headers = [`From: ${m.from}`, 'To: support@northwind.example', `Subject: ${m.subject}`, `Message-ID: <${m.id}>`, 'Date: Wed, 18 Nov 2026 09:00:00 +0000', 'MIME-Version: 1.0'];
  if (m.inReplyTo) headers.push(`In-Reply-To: <${m.inReplyTo}>`, `References: <${m.inReplyTo}>`);
  if (!m.attachment) return `${headers.join('\n')}\nContent-Type: text/plain; charset=utf-8\n\n${m.text}\n`;
  return `${headers.join('\n')}\nContent-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: text/plain; charset=utf-8\n\n${m.text}\n--b1\nContent-Type: application/pdf; name="invoice.pdf"\nContent-Disposition: attachment; filename="invoice.pdf"\nContent-Transfer-Encoding: base64\n\n${Buffer.alloc(300, 1).toString('base64')}\n--b1--\n`;
}

describe('IMAP polling against Dovecot', { skip: DOVECOT ? false : 'dovecot is not installed (apt-get install dovecot-imapd; .ci/run does)' }, () => {
  let desk: TestDesk;
  let imap: TestImap;
  let lead: Client;

  before(async () => {
    desk = await startDesk();
    imap = await startTestImap();
    lead = await desk.login('lead');
  });
  after(async () => {
    await imap?.stop();
    await desk?.stop();
  });

  const deps = () => ({ db: desk.t.db, clock: desk.clock, config: desk.config });
  const count = async (sql: string, args: unknown[] = []) => (await desk.t.db.query<{ n: number }>(sql, args)).rows[0].n;

  test('new mail opens cases, a reply joins its case, attachments are listed, and a second poll fetches nothing', async () => {
    const target = parseImapUrl(imap.url);
    await append(imap, [
      rfc822({ id: 'i-1@mail.example.com', from: 'Ana Lima <ana@example.com>', subject: 'Invoice wrong', text: 'You billed me twice. Fix it.\n\n-- \nAna', attachment: true }),
      rfc822({ id: 'i-2@mail.example.com', from: 'ana@example.com', subject: 'Re: Invoice wrong', text: 'Still waiting!\n\nOn Tue, Ana wrote:\n> You billed me twice.', inReplyTo: 'i-1@mail.example.com' }),
    ]);
    const r = await pollImap(deps(), target);
    assert.deepEqual(r, { fetched: 2, stored: 2, duplicates: 0, skipped: 0 });
    const { rows } = await desk.t.db.query<{ caseId: number }>("SELECT DISTINCT case_id AS \"caseId\" FROM inbound_mail WHERE source = 'imap'");
    assert.equal(rows.length, 1, 'the reply joined the first message’s case');
    const c = (await lead.get(`/api/cases/${rows[0].caseId}`)).body;
    assert.deepEqual(c.messages.map((m: { body: string }) => m.body), ['You billed me twice. Fix it.', 'Still waiting!']);
    const mail = (await lead.get(`/api/cases/${rows[0].caseId}/mail`)).body.mail;
    assert.deepEqual(mail[0].attachments, [{ name: 'invoice.pdf', type: 'application/pdf', size: 300 }]);
    assert.deepEqual(await pollImap(deps(), target), { fetched: 0, stored: 0, duplicates: 0, skipped: 0 });
  });

  test('the IMAP server restarted mid-poll: nothing lost, nothing duplicated', { timeout: 120_000 }, async () => {
    const target = parseImapUrl(imap.url);
    const N = 60;
    await append(imap, Array.from({ length: N }, (_, i) => rfc822({ id: `burst-${i}@mail.example.com`, from: `c${i}@example.com`, subject: `Order ${i}`, text: `Order ${i} never arrived and I am upset.` })));
    const stored = () => count("SELECT count(*)::int AS n FROM inbound_mail WHERE message_id LIKE 'burst-%'");
    // The server is restarted once some, not all, of the messages are stored: the poll's connection drops.
    let restarted = false;
    const first = await pollImap(deps(), target, {
      timeoutMs: 5000,
      afterEach: async (r) => {
        if (r.stored === 5 && !restarted) {
          restarted = true;
          await imap.restart({ downMs: 300 });
        }
      },
    }).then(() => 'finished', (err: Error) => `failed: ${err.message}`);
    const afterFirst = await stored();
    assert.match(first, /^failed/, `the poll was cut off (it ${first} with ${afterFirst} stored)`);
    assert.ok(afterFirst > 0 && afterFirst < N, `cut mid-poll: ${afterFirst} of ${N} stored`);
    // The next poll picks up where the stored messages end.
    const second = await pollImap(deps(), target);
    assert.equal(second.duplicates <= 1, true, `at most the message in flight is fetched again (${second.duplicates})`);
    assert.equal(await stored(), N, 'nothing lost');
    assert.equal(await count("SELECT count(*)::int AS n FROM messages WHERE body LIKE 'Order % never arrived and I am upset.'"), N, 'nothing duplicated');
    assert.equal(await count("SELECT count(*)::int AS n FROM cases WHERE subject LIKE 'Order %'"), N);
  });

  test('a desk that died after storing but before moving its cursor reads the messages again and stores none twice', async () => {
    const target = parseImapUrl(imap.url);
    const before = await count('SELECT count(*)::int AS n FROM messages');
    await desk.t.db.query("UPDATE settings SET value = jsonb_set(value, '{lastUid}', '0') WHERE key LIKE 'imap_cursor:%'");
    const r = await pollImap(deps(), target);
    assert.equal(r.stored, 0);
    assert.ok(r.duplicates >= 60, JSON.stringify(r));
    assert.equal(await count('SELECT count(*)::int AS n FROM messages'), before);
  });

  test('with IMAP_URL set, the scheduler polls the mailbox on its own loop', async () => {
    const config = { ...desk.config, imap: parseImapUrl(imap.url), imapPollMs: 1000 };
    const scheduler = createScheduler({ db: desk.t.db, clock: desk.clock, config, mailer: desk.mailer });
    scheduler.start(60_000);
    try {
      await append(imap, [rfc822({ id: 'loop-1@mail.example.com', from: 'lou@example.com', subject: 'Loop', text: 'Is anyone reading this?' })]);
      const start = Date.now();
      while ((await count("SELECT count(*)::int AS n FROM inbound_mail WHERE message_id = 'loop-1@mail.example.com'")) === 0) {
        assert.ok(Date.now() - start < 15_000, 'stored within 15 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await scheduler.stop();
    }
  });

  test('a wrong password or an unreachable server fails the poll without touching the cursor', async () => {
    const target = parseImapUrl(imap.url);
    const cursor = (await desk.t.db.query('SELECT value FROM settings WHERE key LIKE $1', ['imap_cursor:%'])).rows[0].value;
    await assert.rejects(pollImap(deps(), { ...target, pass: 'wrong-password' }, { timeoutMs: 3000 }));
    await imap.stop();
    try {
      await assert.rejects(pollImap(deps(), target, { timeoutMs: 3000 }));
    } finally {
      await imap.start();
    }
    assert.deepEqual((await desk.t.db.query('SELECT value FROM settings WHERE key LIKE $1', ['imap_cursor:%'])).rows[0].value, cursor);
  });
});
