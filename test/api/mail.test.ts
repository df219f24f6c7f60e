// A hung SMTP server must not stall the desk. Before, the scheduler sent one e-mail at a time inside its
// tick, waiting up to 15 s per message, and reminders, follow-ups and session clean-up queued behind it: a
// task reminder arrived 197 s late. Now mail has its own loop, several sends at once, and a hard timeout per
// send; the scheduler's other jobs never wait on SMTP. Agents see why a mail is late, never the mail server's
// address.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createScheduler } from '../../src/server/jobs/scheduler.ts';
import { createSmtpMailer } from '../../src/server/mail/mailer.ts';
import { HOUR } from '../support/clock.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

/**
 * An SMTP server that hangs: `silent` never sends its greeting; `data` greets, accepts the envelope and
 * then never answers the message. Counts connections open at once.
 */
async function startHungSmtp(mode: 'silent' | 'data'): Promise<{ url: string; port: number; open: () => number; maxOpen: () => number; close(): Promise<void> }> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let maxOpen = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    maxOpen = Math.max(maxOpen, sockets.size);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (mode === 'silent') return;
    socket.write('220 hung.test ESMTP\r\n');
    let inData = false;
    let buf = '';
    socket.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      let i;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) continue; // swallow the message and never answer it
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 hung.test\r\n');
        else if (verb === 'MAIL' || verb === 'RCPT') socket.write('250 OK\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    open: () => sockets.size,
    maxOpen: () => maxOpen,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on (the OS hands one out, and it is closed again). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(25);
  }
  return Date.now() - start;
}

describe('mail delivery isolated from the scheduler', () => {
  let desk: TestDesk;
  let agent: Client;
  let n = 0;

  before(async () => {
    desk = await startDesk({ config: { mailTimeoutMs: 2500, mailConcurrency: 3 } });
    agent = await desk.login('agent');
  });
  after(() => desk.stop());

  async function resolvedCase(): Promise<number> {
    n++;
    const c = await agent.post('/api/cases', { customer: { name: `Hung ${n}`, email: `hung${n}@example.com` }, message: 'Where is my refund? I am furious.' });
    const r = await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'Refund', summary: 'Your refund is on its way; I will call you tomorrow.' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return c.body.id;
  }

  for (const mode of ['data', 'silent'] as const) {
    test(`with an SMTP server that hangs (${mode === 'data' ? 'after the envelope' : 'before its greeting'}), reminders and clean-up run on time`, { timeout: 60_000 }, async () => {
      const hung = await startHungSmtp(mode);
      const mailer = createSmtpMailer(hung.url, { timeoutMs: desk.config.mailTimeoutMs });
      const scheduler = createScheduler({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer });
      try {
        const cases: number[] = [];
        for (let i = 0; i < 6; i++) cases.push(await resolvedCase());
        // A task that is late, and a session that has expired: work the scheduler owes regardless of mail.
        const c = await agent.post('/api/cases', { customer: { name: `Late ${mode}` }, message: 'Still nothing!' });
        const task = await agent.post(`/api/cases/${c.body.id}/tasks`, { team: 'Warehouse', what: `check the dock (${mode})`, dueAt: new Date(desk.clock.now().getTime() + HOUR).toISOString() });
        assert.equal(task.status, 201);
        await desk.t.db.query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, 'x', $3, $3)", [`expired-${mode}`, desk.users.agent.id, new Date(desk.clock.now().getTime() - HOUR)]);
        desk.clock.advance(2 * HOUR);
        scheduler.start(100);
        const reminded = await waitUntil('task.late reminder', 2000, async () => (await desk.t.db.query("SELECT 1 FROM notifications WHERE kind = 'task.late' AND text LIKE $1", [`%(${mode})%`])).rowCount === 1);
        assert.ok(reminded < desk.config.mailTimeoutMs, `the reminder came after ${reminded} ms, while the mail server hangs`);
        const cleaned = await waitUntil('expired session removed', 2000, async () => (await desk.t.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [`expired-${mode}`])).rowCount === 0);
        assert.ok(cleaned < desk.config.mailTimeoutMs, `clean-up ran after ${cleaned} ms`);
        // Several sends at once, not one at a time.
        await waitUntil('three connections at once', 2000, async () => hung.maxOpen() >= 3);
        assert.ok(hung.maxOpen() <= 3, `at most MAIL_CONCURRENCY connections (${hung.maxOpen()})`);
        // The hard timeout ends each send; the rows wait for their retry, with a reason an agent may read.
        await waitUntil('all six timed out', 3 * desk.config.mailTimeoutMs + 3000, async () =>
          (await desk.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE case_id = ANY($1) AND attempts = 1 AND status = 'pending'", [cases])).rows[0].n === 6);
        const emails = (await agent.get(`/api/cases/${cases[0]}/emails`)).body.emails;
        assert.match(emails[0].lastError, /did not answer in time/);
        assert.doesNotMatch(emails[0].lastError, new RegExp(`127\\.0\\.0\\.1|${hung.port}|hung\\.test`), 'no infrastructure details for agents');
      } finally {
        await scheduler.stop();
        mailer.close();
        await hung.close();
      }
    });
  }

  test('stopping the scheduler does not wait for a hung send beyond its timeout', { timeout: 60_000 }, async () => {
    const hung = await startHungSmtp('data');
    const mailer = createSmtpMailer(hung.url, { timeoutMs: desk.config.mailTimeoutMs });
    const scheduler = createScheduler({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer });
    try {
      desk.clock.advance(HOUR);
      await resolvedCase();
      scheduler.start(100);
      await waitUntil('a send under way', 2000, async () => hung.open() >= 1);
      const t0 = Date.now();
      await scheduler.stop();
      assert.ok(Date.now() - t0 <= desk.config.mailTimeoutMs + 1000, `stop took ${Date.now() - t0} ms`);
    } finally {
      mailer.close();
      await hung.close();
    }
  });

  test('a refused connection reads as "could not reach the mail server", without its address', { timeout: 60_000 }, async () => {
    const port = await freePort(); // nothing listens there
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`, { timeoutMs: desk.config.mailTimeoutMs });
    const scheduler = createScheduler({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer });
    try {
      desk.clock.advance(HOUR);
      const caseId = await resolvedCase();
      const r = await scheduler.tick();
      assert.ok(r.failed >= 1, JSON.stringify(r));
      const [email] = (await agent.get(`/api/cases/${caseId}/emails`)).body.emails;
      assert.match(email.lastError, /could not reach the mail server/i);
      assert.doesNotMatch(email.lastError, new RegExp(`127\\.0\\.0\\.1|${port}|ECONNREFUSED`));
      // The detail stays on the server for whoever runs it.
      const raw = await desk.t.db.query('SELECT last_error_detail AS d FROM outbox WHERE case_id = $1', [caseId]);
      assert.match(raw.rows[0].d, /ECONNREFUSED/);
    } finally {
      await scheduler.stop();
      mailer.close();
    }
  });
});
