import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrate } from '../../src/server/db/migrate.ts';
import { createScheduler } from '../../src/server/jobs/scheduler.ts';
import { createSmtpMailer } from '../../src/server/mail/mailer.ts';
import { DAY, HOUR } from '../support/clock.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

async function resolvedCase(agent: Client, email: string): Promise<number> {
  const c = await agent.post('/api/cases', { customer: { name: 'Kim Park', email }, message: 'My refund is three weeks late and I am really annoyed.' });
  const r = await agent.post(`/api/cases/${c.body.id}/resolve`, { agreed: 'Refund today', summary: 'Kim, I apologize for the late refund. It was sent today and reaches your card within two days.' });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return c.body.id;
}

describe('scheduled work in PostgreSQL', () => {
  let desk: TestDesk;
  let agent: Client;
  before(async () => {
    desk = await startDesk();
    agent = await desk.login('agent');
  });
  after(() => desk.stop());

  test('an e-mail the SMTP server refuses stays in the outbox and is retried with back-off until it arrives', async () => {
    desk.smtp.failing = true;
    const caseId = await resolvedCase(agent, 'kim@example.com');
    const first = await desk.scheduler.tick();
    assert.equal(first.sent, 0);
    assert.equal(first.failed, 1);
    let emails = (await agent.get(`/api/cases/${caseId}/emails`)).body.emails;
    assert.equal(emails[0].status, 'pending');
    assert.equal(emails[0].attempts, 1);
    assert.match(emails[0].lastError, /451|temporarily/i);
    // Before the back-off has passed nothing is tried, even with the server back.
    desk.smtp.failing = false;
    assert.equal((await desk.scheduler.tick()).sent, 0);
    desk.clock.advance(31_000);
    assert.equal((await desk.scheduler.tick()).sent, 1);
    const [mail] = await desk.smtp.waitFor(1);
    assert.match(mail.text ?? '', /I apologize for the late refund/);
    emails = (await agent.get(`/api/cases/${caseId}/emails`)).body.emails;
    assert.equal(emails[0].status, 'sent');
    assert.equal(emails[0].attempts, 2);
    assert.equal((await desk.scheduler.tick()).sent, 0, 'sent once');
  });

  test('with the SMTP server down entirely, the mail waits; a new process (restart) delivers it', async () => {
    const deadMailer = createSmtpMailer('smtp://127.0.0.1:9'); // discard port: connection refused
    const crashed = createScheduler({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer: deadMailer });
    const caseId = await resolvedCase(agent, 'kim2@example.com');
    assert.equal((await crashed.tick()).failed, 1);
    deadMailer.close();
    // "Restart": another pool, another scheduler, same database.
    const db2 = desk.t.connect();
    const restarted = createScheduler({ db: db2, clock: desk.clock, config: desk.config, mailer: desk.mailer });
    desk.clock.advance(HOUR);
    assert.equal((await restarted.tick()).sent, 1);
    const all = await desk.smtp.waitFor(2);
    assert.equal(all[1].to && !Array.isArray(all[1].to) ? all[1].to.text : '', 'kim2@example.com');
    assert.equal((await agent.get(`/api/cases/${caseId}/emails`)).body.emails[0].status, 'sent');
  });

  test('two schedulers in two processes running at once do each job exactly once', async () => {
    const before = desk.smtp.received.length;
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await resolvedCase(agent, `many${i}@example.com`));
    const due = new Date(desk.clock.now().getTime() + HOUR).toISOString();
    const taskIds: number[] = [];
    for (const id of ids.slice(0, 4)) {
      const c = await agent.post('/api/cases', { customer: { name: 'Late Task' }, message: 'Still nothing!' });
      taskIds.push((await agent.post(`/api/cases/${c.body.id}/tasks`, { team: 'Warehouse', what: `check ${id}`, dueAt: due })).body.id);
    }
    desk.clock.advance(2 * DAY);
    const a = createScheduler({ db: desk.t.connect(), clock: desk.clock, config: desk.config, mailer: createSmtpMailer(desk.smtp.url) });
    const b = createScheduler({ db: desk.t.connect(), clock: desk.clock, config: desk.config, mailer: createSmtpMailer(desk.smtp.url) });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    assert.equal(ra.sent + rb.sent, 6, `sent ${ra.sent} + ${rb.sent}`);
    assert.equal(ra.lateTasks + rb.lateTasks, 4);
    assert.equal(ra.dueFollowUps + rb.dueFollowUps, 8, 'six new follow-ups and the two from earlier tests');
    await Promise.all([a.tick(), b.tick()]);
    await desk.smtp.waitFor(before + 6);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(desk.smtp.received.length, before + 6, 'no e-mail twice');
    const notes = await desk.t.db.query<{ kind: string; n: number }>("SELECT kind, count(*)::int AS n FROM notifications WHERE kind IN ('task.late', 'follow_up.due') GROUP BY kind ORDER BY kind");
    assert.deepEqual(notes.rows, [{ kind: 'follow_up.due', n: 8 }, { kind: 'task.late', n: 4 }]);
  });

  test('migrations started by several processes at once on an empty database apply each file once', async () => {
    const fresh = await desk.t.emptyDatabase();
    const url = fresh.pool.options.connectionString!;
    const { createDb } = await import('../../src/server/db/db.ts');
    const pools = [fresh, createDb(url), createDb(url)];
    const results = await Promise.all(pools.map((p) => migrate(p)));
    const applied = results.flat().sort();
    const files = readdirSync(join(import.meta.dirname, '..', '..', 'src', 'server', 'migrations')).filter((f) => f.endsWith('.sql')).sort();
    assert.ok(files.length >= 2);
    assert.deepEqual(applied, files, `each file once: ${JSON.stringify(results)}`);
    const { rows } = await fresh.query<{ n: number }>('SELECT count(*)::int AS n FROM options');
    assert.equal(rows[0].n, 9, 'the catalogue was inserted once');
    assert.deepEqual(await migrate(fresh), [], 'and a restart has nothing to do');
    await Promise.all(pools.slice(1).map((p) => p.close()));
  });
});
