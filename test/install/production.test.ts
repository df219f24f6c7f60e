// The production install, as an operator does it: a clean copy of the repository, `npm ci`, `npm run build`,
// `npm prune --omit=dev`, then `npm start` against Debian's PostgreSQL (not the embedded one) and a real SMTP
// server; then the same install without a build, as `npm ci --omit=dev && npm start` leaves it. Proves that
// production runs plain node (no tsx or TypeScript installed), that every runtime import is a dependency,
// and that the built server, web UI and CLI work: /readyz answers, a case round-trips, the resolution e-mail
// arrives, and it stops cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSystemPostgres, type SystemPostgres } from '../support/debian-pg.ts';
import { loginAt, REPO, startServerProcess, stopServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

function npm(cwd: string, args: string[]): string {
  const res = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(res.status, 0, `npm ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
  return res.stdout + res.stderr;
}

describe('production install: npm ci, build, prune dev dependencies, start on a real PostgreSQL', { timeout: 1_200_000 }, () => {
  let dir: string;
  let app: string;
  let db: SystemPostgres;
  let smtp: TestSmtp;
  let server: ServerProcess | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'defuse-prod-'));
    chmodSync(dir, 0o755);
    app = join(dir, 'app');
    // What a fresh clone has (in CI, where this runs on one, exactly its files; on a work tree also the files
    // not yet committed): nothing built, no node_modules.
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(REPO, f))) continue; // deleted in the working tree
      mkdirSync(dirname(join(app, f)), { recursive: true });
      copyFileSync(join(REPO, f), join(app, f));
    }
    [db, smtp] = await Promise.all([startSystemPostgres(), startTestSmtp()]);
  });
  after(async () => {
    if (server) await stopServerProcess(server);
    db?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('builds to JavaScript, then runs with devDependencies removed', async (t) => {
    npm(app, ['ci', '--prefer-offline']);
    npm(app, ['run', 'build']);
    for (const f of ['dist/node/server.js', 'dist/node/cli.js', 'dist/node/qa-worker.js', 'dist/node/analyze-worker.js', 'dist/web/app.js', 'dist/web/app.css']) assert.ok(existsSync(join(app, f)), `${f} built`);
    npm(app, ['prune', '--omit=dev']);
    for (const dev of ['tsx', 'typescript', 'playwright-core', 'openapi-typescript', 'axe-core']) assert.equal(existsSync(join(app, 'node_modules', dev)), false, `${dev} is gone`);

    server = await startServerProcess(
      { DATABASE_URL: db.url, SMTP_URL: smtp.url, DATA_DIR: join(dir, 'data'), ADMIN_EMAIL: 'ops@desk.test', HOST: '127.0.0.1' },
      { command: 'npm', args: ['start'], cwd: app, group: true },
    );
    t.diagnostic(`Debian PostgreSQL ${db.version}; server at ${server.url}`);
    assert.ok(server.messages().some((m) => m.startsWith('[db] PostgreSQL at 127.0.0.1')), 'on DATABASE_URL, not the embedded database');
    assert.ok(server.messages().some((m) => m.startsWith('[mail] Sending through 127.0.0.1')));
    assert.ok(!server.output().includes('building'), 'npm start ran the build that was there');

    const ready = await fetch(`${server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true, db: 'up', migrations: 'applied', draining: false });

    // A case round-trips through the built server and the real PostgreSQL; the e-mail reaches the SMTP server.
    const password = /password: (\S+)/.exec(readFileSync(join(dir, 'data', 'first-login.txt'), 'utf8'))![1];
    const s = await loginAt(server.url, 'ops@desk.test', password);
    const opened = await fetch(`${server.url}/api/cases`, { method: 'POST', headers: s.headers, body: JSON.stringify({ customer: { name: 'Prod Petra', email: 'petra@example.com' }, message: 'Charged twice, nobody answers. Fix it today!' }) });
    assert.equal(opened.status, 201);
    const id = ((await opened.json()) as { id: number }).id;
    const detail = (await (await fetch(`${server.url}/api/cases/${id}`, { headers: s.headers })).json()) as { customer: { name: string }; messages: { analysis: { upset: boolean } }[] };
    assert.equal(detail.customer.name, 'Prod Petra');
    assert.equal(detail.messages[0].analysis.upset, true, 'the engine ran in the built server');
    const resolved = await fetch(`${server.url}/api/cases/${id}/resolve`, { method: 'POST', headers: s.headers, body: JSON.stringify({ agreed: 'Refund of the second charge', summary: 'Petra, the second charge is refunded today; I will call you tomorrow.' }) });
    assert.equal(resolved.status, 200);
    const [mail] = await smtp.waitFor(1, 30_000);
    assert.equal((mail.to as { text: string }).text, 'petra@example.com');
    assert.match(mail.text ?? '', /second charge is refunded/);

    // The web UI is served from dist/web, bundled at build time.
    const page = await fetch(`${server.url}/login`);
    assert.equal(page.status, 200);
    const js = await fetch(`${server.url}/assets/app.js`);
    assert.equal(js.status, 200);
    assert.equal(await js.text(), readFileSync(join(app, 'dist', 'web', 'app.js'), 'utf8'));

    // Logs are JSON lines; the access log has the request id the response carried.
    const reqId = js.headers.get('x-request-id');
    assert.ok(server.records().some((r) => r.msg === 'request' && r.reqId === reqId && r.path === '/assets/app.js'));

    // SIGTERM to the process group (Ctrl+C, a service manager): drains and stops.
    await stopServerProcess(server);
    // The signal reaches npm and the server together, and npm may exit first: the server's last line can
    // follow npm's exit by the time its scheduler loops take to finish.
    const running = server;
    for (const until = Date.now() + 20_000; !running.messages().includes('[desk] stopped') && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
    assert.ok(server.messages().includes('[desk] stopped'), server.output().slice(-2000));
    server = undefined;

    // What the Dockerfile runs: plain node, exit status 0 on SIGTERM.
    server = await startServerProcess({ DATABASE_URL: db.url, SMTP_URL: smtp.url, DATA_DIR: join(dir, 'data') }, { command: process.execPath, args: ['scripts/start.mjs'], cwd: app });
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    assert.equal(await stopServerProcess(server), 0);
    server = undefined;

    // `npm ci --omit=dev && npm start` on a fresh clone: no build yet, only the production dependencies;
    // npm start builds with them (esbuild is a dependency; no tsx), then runs the build.
    rmSync(join(app, 'dist'), { recursive: true, force: true });
    server = await startServerProcess({ DATABASE_URL: db.url, SMTP_URL: smtp.url, DATA_DIR: join(dir, 'data') }, { command: 'npm', args: ['start'], cwd: app, group: true });
    assert.match(server.output(), /First start: building the server and the web UI/);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    assert.equal((await fetch(`${server.url}/assets/app.js`)).status, 200);
    await stopServerProcess(server);
    server = undefined;
  });

  test('the defuse CLI runs from the build, worker threads included', () => {
    const env = { ...process.env, DATABASE_URL: db.url };
    const rules = spawnSync(process.execPath, ['bin/defuse.js', 'rules'], { cwd: app, encoding: 'utf8', env });
    assert.equal(rules.status, 0, rules.stderr);
    assert.match(rules.stdout, /no-transfer/);
    const check = spawnSync(process.execPath, ['bin/defuse.js', 'check', '-'], { cwd: app, encoding: 'utf8', input: "Calm down, that's not my department.", env });
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /no-transfer/);
    const out = join(dir, 'qa');
    const qa = spawnSync(process.execPath, ['bin/defuse.js', 'qa', 'test/fixtures/exports/generic', '--out', out, '--workers', '1', '--no-progress'], { cwd: app, encoding: 'utf8', env });
    assert.equal(qa.status, 0, qa.stderr);
    assert.ok(existsSync(join(out, 'report.html')));
    const tokens = spawnSync(process.execPath, ['bin/defuse.js', 'token', 'list'], { cwd: app, encoding: 'utf8', env });
    assert.equal(tokens.status, 0, tokens.stderr);
    assert.match(tokens.stdout, /No API tokens/);
  });
});
