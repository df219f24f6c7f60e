import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runDefuse } from '../support/cli.ts';
import { Command } from 'commander';
import { registerDeskCommands } from '../../src/server/cli-commands.ts';
import { tokenCreate, tokenList, tokenRevoke, userCreate, userResetPassword } from '../../src/server/cli-token.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';


describe('defuse token / defuse user', () => {
  let desk: TestDesk;
  const lines: string[] = [];
  const out = (l: string) => lines.push(l);
  before(async () => {
    desk = await startDesk();
  });
  after(() => desk.stop());
  const deps = () => ({ db: desk.t.db, clock: desk.clock, config: desk.config });

  test('registers token create/list/revoke and user create/reset-password', () => {
    const program = new Command();
    registerDeskCommands(program);
    const token = program.commands.find((c) => c.name() === 'token')!;
    assert.deepEqual(token.commands.map((c) => c.name()), ['create', 'list', 'revoke']);
    assert.deepEqual(program.commands.find((c) => c.name() === 'user')!.commands.map((c) => c.name()), ['create', 'reset-password']);
  });

  test('the defuse program runs them as the README shows, and a failure exits non-zero', async () => {
    const created = await runDefuse(['token', 'create', '--user', 'lead@desk.test', '--name', 'from the shell'], { DATABASE_URL: desk.t.url });
    assert.equal(created.code, 0, created.stderr);
    const secret = created.stdout.trim().split('\n').at(-1)!;
    assert.equal((await new Client(desk.app, { bearer: secret }).get('/api/me')).body.user.role, 'lead');
    const listed = await runDefuse(['token', 'list'], { DATABASE_URL: desk.t.url });
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /from the shell\tuser \d+\tactive/);
    const unknown = await runDefuse(['token', 'create', '--user', 'nobody@desk.test'], { DATABASE_URL: desk.t.url });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No user with the e-mail nobody@desk.test/);
  });

  test('the README\'s `npx tsx src/server/cli-token.ts …` runs the commands too (it used to print nothing and create nothing)', async () => {
    const res = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli-token.ts', 'token', 'create', '--user', 'agent@desk.test', '--name', 'direct run'], {
        cwd: join(import.meta.dirname, '..', '..'),
        env: { ...process.env, DATABASE_URL: desk.t.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /Token #\d+ "direct run" acts as agent@desk\.test/);
    const { rows } = await desk.t.db.query("SELECT 1 FROM api_tokens WHERE name = 'direct run'");
    assert.equal(rows.length, 1);
  });

  test('a token created on the command line authenticates API calls as its user until revoked', async () => {
    const secret = await tokenCreate(deps(), { user: 'LEAD@desk.test', name: 'CRM bridge' }, out);
    assert.ok(lines.includes(secret));
    const bot = new Client(desk.app, { bearer: secret });
    const me = await bot.get('/api/me');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.role, 'lead');
    await tokenList(deps(), out);
    assert.ok(lines.some((l) => l.includes('CRM bridge') && l.includes('active') && !l.includes(secret)));
    const id = Number(/#(\d+)/.exec(lines.find((l) => l.startsWith('Token #'))!)![1]);
    await tokenRevoke(deps(), id, out);
    assert.equal((await bot.get('/api/me')).status, 401);
    await assert.rejects(tokenCreate(deps(), { user: 'nobody@desk.test', name: 'x' }, out), /No user with the e-mail/);
  });

  test('user create and reset-password give working generated passwords and end old sessions', async () => {
    const pw = await userCreate(deps(), { email: 'cli@desk.test', name: 'Cli Agent', role: 'agent' }, out);
    const first = await desk.anonymous().post('/api/session', { email: 'cli@desk.test', password: pw });
    assert.equal(first.status, 200);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
    const pw2 = await userResetPassword(deps(), 'cli@desk.test', out);
    assert.notEqual(pw2, pw);
    assert.equal((await new Client(desk.app, { cookie }).get('/api/me')).status, 401, 'old session ended');
    assert.equal((await desk.anonymous().post('/api/session', { email: 'cli@desk.test', password: pw })).status, 401);
    assert.equal((await desk.anonymous().post('/api/session', { email: 'cli@desk.test', password: pw2 })).status, 200);
  });
});
