// `npm start` as real processes: the first run on the embedded PostgreSQL (demo data, where the credentials
// are, also after a first start that could not listen, data kept across a restart), two servers sharing one
// DATABASE_URL (migrations once, sessions on both, each job and each e-mail once), and a graceful stop that
// finishes the request in flight.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, connect, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestDatabase, type TestDatabase } from '../support/pg.ts';
import { loginAt, startServerProcess, stopServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

function password(file: string): string {
  return /password(?: for all)?: ([^\s)]+)/.exec(readFileSync(file, 'utf8'))![1];
}

describe('the desk as server processes', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  test('first run: demo desk on the embedded PostgreSQL, credentials found even after a failed first start, data kept', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-start-'));
    chmodSync(dir, 0o755);
    // Someone else has the port: the first start seeds the database, then cannot listen.
    const blocker: NetServer = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const data = join(dir, 'data');
      const env = { DATA_DIR: data, SMTP_URL: smtp.url, DEMO: '' };
      const failed = await startServerProcess({ ...env, PORT: String(taken) }).then(
        (s) => assert.fail(`started on a taken port: ${s.output()}`),
        (err: Error) => err.message,
      );
      assert.match(failed, /exited with 1/);
      assert.match(failed, new RegExp(`Port ${taken} on 127\\.0\\.0\\.1 is in use`));
      assert.match(failed, /Admin sign-in \(admin@defuse\.localhost\): the password is in \S*first-login\.txt/);
      assert.match(failed, /Demo sign-in: sam@demo\.defuse\.localhost \(agent\) or priya@demo\.defuse\.localhost \(lead\); the password for every demo account is in \S*demo-login\.txt/);
      // Passwords stay in the files (mode 0600), never in the logs.
      const adminPassword = password(join(data, 'first-login.txt'));
      const demoPassword = password(join(data, 'demo-login.txt'));
      assert.ok(!failed.includes(adminPassword) && !failed.includes(demoPassword), 'no password in the output');
      assert.equal(statSync(join(data, 'demo-login.txt')).mode & 0o777, 0o600);
      assert.equal(existsSync(join(data, 'pg', 'postmaster.pid')), false, 'PostgreSQL stopped with the failed start');

      // The next start has a free port: it says again where both passwords are, and the demo desk is there.
      const second = await startServerProcess(env);
      let caseId: number;
      try {
        assert.ok(second.messages().some((m) => /^Demo sign-in: .*demo-login\.txt\.$/.test(m)));
        assert.ok(second.messages().some((m) => /^Admin sign-in .*first-login\.txt/.test(m)));
        assert.ok(second.messages().some((m) => m === '[db] schema up to date'));
        const login = await (await fetch(`${second.url}/login`)).text();
        assert.match(login, /data-login-hint="Demo desk: sign in as sam@demo\.defuse\.localhost \(agent\) or priya@demo\.defuse\.localhost \(lead\)\. The password is in \S*demo-login\.txt/);
        assert.ok(!login.includes(demoPassword));
        const sam = await loginAt(second.url, 'sam@demo.defuse.localhost', demoPassword);
        const queue = (await (await fetch(`${second.url}/api/queue`, { headers: sam.headers })).json()) as { items: unknown[] };
        assert.ok(queue.items.length >= 5, `the demo queue has cases: ${queue.items.length}`);
        const admin = await loginAt(second.url, 'admin@defuse.localhost', adminPassword);
        const res = await fetch(`${second.url}/api/cases`, { method: 'POST', headers: admin.headers, body: JSON.stringify({ customer: { name: 'Kept Across Restarts' }, message: 'Please keep me.' }) });
        assert.equal(res.status, 201);
        caseId = ((await res.json()) as { id: number }).id;
      } finally {
        assert.equal(await stopServerProcess(second), 0);
      }
      assert.equal(existsSync(join(data, 'pg', 'postmaster.pid')), false, 'PostgreSQL stopped with the server');

      const third = await startServerProcess({ ...env, DEMO: '0' });
      try {
        assert.ok(!third.messages().some((m) => /created the admin|Demo sign-in/.test(m)), 'DEMO=0: no demo hint');
        assert.doesNotMatch(await (await fetch(`${third.url}/login`)).text(), /data-login-hint/);
        const s = await loginAt(third.url, 'admin@defuse.localhost', adminPassword);
        const res = await fetch(`${third.url}/api/cases/${caseId}`, { headers: s.headers });
        assert.equal(((await res.json()) as { customer: { name: string } }).customer.name, 'Kept Across Restarts');
      } finally {
        await stopServerProcess(third);
      }
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two processes on one DATABASE_URL: migrations once, one admin, shared sessions, each job and e-mail once', { timeout: 300_000 }, async () => {
    const t: TestDatabase = await startTestDatabase();
    const fresh = await t.emptyDatabase(); // the test's own database is already migrated; this one is not
    const url = new URL(t.url);
    url.pathname = `/${(await fresh.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d}`;
    const dir = mkdtempSync(join(tmpdir(), 'defuse-two-'));
    const servers: ServerProcess[] = [];
    try {
      const env = { DATABASE_URL: url.toString(), SMTP_URL: smtp.url, DATA_DIR: dir, ADMIN_EMAIL: 'boss@desk.test' };
      servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
      const [a, b] = servers;
      const migrated = servers.filter((s) => s.messages().some((m) => m.startsWith('[db] applied migrations: 0001_desk.sql')));
      assert.equal(migrated.length, 1, 'exactly one process applied the migrations');
      assert.ok(servers.some((s) => s.messages().includes('[db] schema up to date')), 'the other found them applied');
      const applied = await fresh.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name');
      assert.ok(applied.rows.length >= 8 && applied.rows.every((r) => r.n === 1));
      const created = servers.filter((s) => s.messages().some((m) => m.startsWith('First start: created the admin')));
      assert.equal(created.length, 1, 'exactly one process created the first admin');
      assert.equal((await fresh.query("SELECT count(*)::int AS n FROM users WHERE role = 'admin'")).rows[0].n, 1);
      assert.equal((await fresh.query('SELECT count(*)::int AS n FROM cases')).rows[0].n, 0, 'no demo data on DATABASE_URL by default');

      const s = await loginAt(a.url, 'boss@desk.test', password(join(dir, 'first-login.txt')));
      // The session made on A works on B: nothing lives in one process's memory.
      assert.equal((await fetch(`${b.url}/api/me`, { headers: { cookie: s.cookie } })).status, 200);
      const before = smtp.received.length;
      const taskIds: number[] = [];
      for (let i = 0; i < 4; i++) {
        const host = i % 2 ? b.url : a.url;
        const c = await fetch(`${host}/api/cases`, { method: 'POST', headers: s.headers, body: JSON.stringify({ customer: { name: `Two ${i}`, email: `two${i}@example.com` }, message: 'Late again.' }) });
        const id = ((await c.json()) as { id: number }).id;
        // Footwork due in two seconds: both schedulers see it go late; one reminder each.
        const task = await fetch(`${host}/api/cases/${id}/tasks`, { method: 'POST', headers: s.headers, body: JSON.stringify({ team: 'Billing', what: `Check charge ${i}`, dueAt: new Date(Date.now() + 2000).toISOString() }) });
        assert.equal(task.status, 201, await task.clone().text());
        taskIds.push(((await task.json()) as { id: number }).id);
        const r = await fetch(`${host}/api/cases/${id}/resolve`, { method: 'POST', headers: s.headers, body: JSON.stringify({ agreed: 'x', summary: `Summary ${i}: sorted, and I will call you tomorrow.` }) });
        assert.equal(r.status, 200);
      }
      await smtp.waitFor(before + 4, 30_000);
      await new Promise((r) => setTimeout(r, 4000)); // tasks past due, and several more ticks in both processes
      assert.equal(smtp.received.length, before + 4, 'each resolution e-mail arrived exactly once');
      const reminders = await fresh.query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE kind = 'task.late'");
      assert.equal(reminders.rows[0].n, 4, 'each late task was reminded exactly once');
    } finally {
      await Promise.all(servers.map(stopServerProcess));
      rmSync(dir, { recursive: true, force: true });
      await t.stop();
    }
  });

  test('SIGTERM: not ready, no new connections, the request in flight completes, then the process exits 0', { timeout: 300_000 }, async () => {
    const t = await startTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'defuse-stop-'));
    let server: ServerProcess | undefined;
    try {
      server = await startServerProcess({ DATABASE_URL: t.url, SMTP_URL: smtp.url, DATA_DIR: dir, ADMIN_EMAIL: 'stop@desk.test' });
      const s = await loginAt(server.url, 'stop@desk.test', password(join(dir, 'first-login.txt')));
      const { port } = new URL(server.url);
      // A request whose body is still arriving when the stop signal comes.
      const body = JSON.stringify({ customer: { name: 'In Flight' }, message: 'Still sending this when the server is asked to stop.' });
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      await new Promise<void>((r) => socket.once('connect', () => r()));
      socket.write(`POST /api/cases HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nCookie: ${s.cookie}\r\nX-CSRF-Token: ${s.csrf}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
      socket.write(body.slice(0, 20));
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGTERM');
      const waitFor = async (pred: () => boolean, what: string) => {
        for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 50));
        assert.ok(pred(), what);
      };
      const srv = server;
      await waitFor(() => srv.messages().some((m) => m === '[desk] SIGTERM: stopping; finishing 1 request(s) in flight'), `drain announced: ${srv.messages().join('\n')}`);
      // No new connections once stopping.
      const refused = await new Promise<boolean>((r) => {
        const c = connect(Number(port), '127.0.0.1');
        c.once('connect', () => (c.destroy(), r(false)));
        c.once('error', () => r(true));
      });
      assert.equal(refused, true, 'a new connection is refused');
      assert.equal(server.child.exitCode, null, 'still running while the request is in flight');
      socket.write(body.slice(20));
      assert.equal(await server.exited, 0);
      assert.match(answer, /^HTTP\/1\.1 201/, answer);
      assert.match(answer, /"name":"In Flight"/);
      const order = server.messages().filter((m) => m.startsWith('[desk]'));
      assert.deepEqual(order, ['[desk] SIGTERM: stopping; finishing 1 request(s) in flight', '[desk] HTTP server closed; waiting for the scheduler to finish its work', '[desk] stopped']);
      assert.equal((await t.db.query("SELECT count(*)::int AS n FROM customers WHERE name = 'In Flight'")).rows[0].n, 1);
      socket.destroy();
    } finally {
      if (server) await stopServerProcess(server);
      rmSync(dir, { recursive: true, force: true });
      await t.stop();
    }
  });
});
