// The desk's process tree starts and stops as one. Before: SIGTERM sent to the `npm start` process
// alone left the server and its PostgreSQL running (npm passes the signal to the shell it started, which
// exits without passing it on); and after `kill -9` of the server, the embedded PostgreSQL was orphaned, and
// the restarted server joined it and never stopped it.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loginAt, startServerProcess, stopServerProcess } from '../support/server-process.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every process below `root` (children, grandchildren …), from /proc. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of parent) {
      if (p === pid) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

async function waitFor(what: string, ms: number, check: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

describe('the process tree', () => {
  let smtp: TestSmtp;
  let dir: string;
  before(async () => {
    smtp = await startTestSmtp();
    dir = mkdtempSync(join(tmpdir(), 'defuse-stop-'));
    chmodSync(dir, 0o755);
  });
  after(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // SIGINT to npm alone is not covered: npm passes it to the shell that runs the start script, and that shell
  // waits for the server without passing it on or exiting, so nothing changes that the server could notice.
  // `"start": "exec node scripts/start.mjs"` in package.json would make the server npm's own child.
  for (const signal of ['SIGTERM'] as const) {
    test(`${signal} to the npm process alone stops \`npm start\` completely, PostgreSQL included`, { timeout: 600_000 }, async () => {
      const dataDir = join(dir, `npm-${signal}`);
      // npm start builds first when the build is missing or stale: give it the time.
      const s = await startServerProcess({ DATA_DIR: dataDir, SMTP_URL: smtp.url }, { command: 'npm', args: ['start'], timeoutMs: 540_000 });
      const tree = descendants(s.child.pid!);
      const pg = postmasterPid(dataDir);
      assert.ok(tree.includes(pg), 'PostgreSQL runs inside the tree npm started');
      process.kill(s.child.pid!, signal); // npm alone, as `kill <pid>` or a service manager does
      await s.exited;
      await waitFor(`every process npm started exits after ${signal}`, 60_000, () => tree.every((pid) => !alive(pid)));
      assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false, 'PostgreSQL shut down cleanly');
      assert.ok(s.messages().some((m) => /npm process \d+ that started this server is gone: stopping/.test(m)), s.messages().join('\n'));
    });
  }

  test('after kill -9, the restarted server stops the stale PostgreSQL and starts its own, which it stops on exit', { timeout: 300_000 }, async () => {
    const dataDir = join(dir, 'crash');
    const env = { DATA_DIR: dataDir, SMTP_URL: smtp.url };
    const first = await startServerProcess(env);
    const password = /password: (\S+)/.exec(readFileSync(join(dataDir, 'first-login.txt'), 'utf8'))![1];
    const s = await loginAt(first.url, 'admin@defuse.localhost', password);
    const created = await fetch(`${first.url}/api/cases`, { method: 'POST', headers: s.headers, body: JSON.stringify({ customer: { name: 'Survives the crash' }, message: 'Hello?' }) });
    assert.equal(created.status, 201);
    const caseId = ((await created.json()) as { id: number }).id;
    const stale = postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(alive(stale), 'kill -9 leaves the embedded PostgreSQL behind');

    const second = await startServerProcess(env);
    try {
      assert.ok(second.messages().some((m) => /a stale one left by a crashed process was stopped first/.test(m)), second.messages().join('\n'));
      assert.equal(alive(stale), false, 'the orphan was stopped, not joined');
      assert.notEqual(postmasterPid(dataDir), stale);
      const again = await loginAt(second.url, 'admin@defuse.localhost', password);
      const res = await fetch(`${second.url}/api/cases/${caseId}`, { headers: again.headers });
      assert.equal(((await res.json()) as { customer: { name: string } }).customer.name, 'Survives the crash', 'the data is intact');
    } finally {
      const own = existsSync(join(dataDir, 'pg', 'postmaster.pid')) ? postmasterPid(dataDir) : 0;
      assert.equal(await stopServerProcess(second), 0);
      await waitFor('its own PostgreSQL stops with it', 30_000, () => !own || !alive(own));
      assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false);
    }
  });
});
