// `npm start` as real processes: zero-configuration start on the embedded PostgreSQL (and its data surviving a
// restart), and two servers sharing one DATABASE_URL.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestDatabase, type TestDatabase } from '../support/pg.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

interface Server {
  child: ChildProcess;
  url: string;
  log: () => string;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, PORT: '0', DEMO: '0', SCHEDULER_INTERVAL_MS: '500', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s:\n${out}`)), 120_000);
    child.stdout!.on('data', () => {
      // The start-up banner ends with the API line; wait for all of it.
      const m = /running at (http:\/\/\S+)[\s\S]*\nAPI: /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], log: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

async function login(url: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: body.csrfToken };
}

describe('the desk as server processes', () => {
  let smtp: TestSmtp;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp.close());

  test('zero configuration: embedded PostgreSQL, printed admin login, data kept across a restart', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-start-'));
    chmodSync(dir, 0o755);
    try {
      const env = { DATA_DIR: join(dir, 'data'), SMTP_URL: smtp.url };
      const first = await startServer(env);
      let caseId: number;
      try {
        assert.match(first.log(), /embedded PostgreSQL 17/);
        const m = /created the admin (\S+) with password (\S+)/.exec(first.log());
        assert.ok(m, first.log());
        assert.equal(readFileSync(join(dir, 'data', 'first-login.txt'), 'utf8').includes(m[2]), true);
        const s = await login(first.url, m[1], m[2]);
        const res = await fetch(`${first.url}/api/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
          body: JSON.stringify({ customer: { name: 'Kept Across Restarts' }, message: 'Please keep me.' }),
        });
        assert.equal(res.status, 201);
        caseId = ((await res.json()) as { id: number }).id;
      } finally {
        await stopServer(first);
      }
      assert.equal(existsSync(join(dir, 'data', 'pg', 'postmaster.pid')), false, 'PostgreSQL stopped with the server');
      const second = await startServer(env);
      try {
        assert.match(second.log(), /schema up to date/);
        assert.doesNotMatch(second.log(), /created the admin/);
        const m = /password: (\S+)/.exec(readFileSync(join(dir, 'data', 'first-login.txt'), 'utf8'))!;
        const s = await login(second.url, 'admin@defuse.localhost', m[1]);
        const res = await fetch(`${second.url}/api/cases/${caseId}`, { headers: { cookie: s.cookie } });
        assert.equal(((await res.json()) as { customer: { name: string } }).customer.name, 'Kept Across Restarts');
      } finally {
        await stopServer(second);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two processes on one DATABASE_URL: one admin, shared sessions, each e-mail sent once', { timeout: 300_000 }, async () => {
    const t: TestDatabase = await startTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'defuse-two-'));
    const servers: Server[] = [];
    try {
      const env = { DATABASE_URL: t.url, SMTP_URL: smtp.url, DATA_DIR: dir, ADMIN_EMAIL: 'boss@desk.test' };
      servers.push(...(await Promise.all([startServer(env), startServer(env)])));
      const [a, b] = servers;
      const created = servers.filter((s) => /created the admin/.test(s.log()));
      assert.equal(created.length, 1, 'exactly one process created the first admin');
      const admins = await t.db.query("SELECT count(*)::int AS n FROM users WHERE role = 'admin'");
      assert.equal(admins.rows[0].n, 1);
      const password = /password: (\S+)/.exec(readFileSync(join(dir, 'first-login.txt'), 'utf8'))![1];
      const s = await login(a.url, 'boss@desk.test', password);
      // The session made on A works on B: nothing lives in one process's memory.
      const me = await fetch(`${b.url}/api/me`, { headers: { cookie: s.cookie } });
      assert.equal(me.status, 200);
      const headers = { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf };
      const before = smtp.received.length;
      for (let i = 0; i < 4; i++) {
        const host = i % 2 ? b.url : a.url;
        const c = await fetch(`${host}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ customer: { name: `Two ${i}`, email: `two${i}@example.com` }, message: 'Late again.' }) });
        const id = ((await c.json()) as { id: number }).id;
        const r = await fetch(`${host}/api/cases/${id}/resolve`, { method: 'POST', headers, body: JSON.stringify({ agreed: 'x', summary: `Summary ${i}: sorted, and I will call you tomorrow.` }) });
        assert.equal(r.status, 200);
      }
      await smtp.waitFor(before + 4, 30_000);
      await new Promise((r) => setTimeout(r, 1500)); // several more scheduler ticks in both processes
      assert.equal(smtp.received.length, before + 4, 'each resolution e-mail arrived exactly once');
    } finally {
      await Promise.all(servers.map(stopServer));
      rmSync(dir, { recursive: true, force: true });
      await t.stop();
    }
  });
});
