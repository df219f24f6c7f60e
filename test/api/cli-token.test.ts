import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Command } from 'commander';
import { registerDeskCommands, tokenCreate, tokenList, tokenRevoke, userCreate, userResetPassword } from '../../src/server/cli-token.ts';
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
