// Login throttling that slows guessing without locking the real user out, and the client address behind a
// proxy. Before: one budget per (address, e-mail) in a 15-minute window, so anyone on the user's network
// locked them out for 14 minutes, while guessing from many addresses was never slowed; and with TRUST_PROXY
// the address was the leftmost X-Forwarded-For entry, which the client writes.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { startDesk, type TestDesk } from '../support/desk.ts';

const MINUTE = 60_000;

async function listen(desk: TestDesk): Promise<{ url: string; close(): Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: desk.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('login throttling', () => {
  let desk: TestDesk;
  const email = 'agent@desk.test';
  let password: string;

  before(async () => {
    desk = await startDesk({ config: { loginLimitPer15Min: 5 } });
    password = desk.users.agent.password;
  });
  after(() => desk.stop());

  const attempt = (pw: string, headers: Record<string, string> = {}) => desk.anonymous().request('POST', '/api/session', { email, password: pw }, headers);
  const deviceOf = (res: { headers: Headers }) => /defuse_device=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';

  test('someone guessing from the same network does not lock out the user on a device they signed in from', async () => {
    desk.clock.advance(20 * MINUTE);
    const first = await attempt(password);
    assert.equal(first.status, 200);
    const device = deviceOf(first);
    assert.match(device, /^defuse_device=[\w-]{30,}$/, first.headers.get('set-cookie') ?? '');
    assert.match(first.headers.get('set-cookie') ?? '', /defuse_device=[^;]+;[^,]*HttpOnly/);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt(`guess-${i}`)).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(statuses.slice(5).every((s) => s === 429), 'the guesser is slowed down');
    // Same address, same account, seconds later: the user's browser carries its device cookie and gets in.
    assert.equal((await attempt(password, { cookie: device })).status, 200, 'the real user is not locked out');
    // A wrong password from that device is throttled on its own budget, not the attacker's.
    assert.equal((await attempt('typo', { cookie: device })).status, 401);
  });

  test('without a device cookie the wait grows exponentially and is capped at a minute, never a 15-minute lockout', async () => {
    desk.clock.advance(20 * MINUTE);
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await attempt(`guess-${i}`);
      if (res.status === 429) {
        const wait = Number(res.headers.get('retry-after'));
        waits.push(wait);
        desk.clock.advance(wait * 1000); // the guesser waits exactly as told and tries again
      } else assert.equal(res.status, 401);
    }
    assert.ok(waits.length >= 5, JSON.stringify(waits));
    for (let i = 1; i < waits.length; i++) assert.ok(waits[i] >= waits[i - 1], `grows: ${waits}`);
    assert.ok(Math.max(...waits) <= 60, `capped: ${waits}`);
    // The user, after all that: at most a minute's wait, then the right password gets in.
    let res = await attempt(password);
    if (res.status === 429) {
      assert.ok(Number(res.headers.get('retry-after')) <= 60);
      desk.clock.advance(Number(res.headers.get('retry-after')) * 1000);
      res = await attempt(password);
    }
    assert.equal(res.status, 200, 'the right password gets in once the wait is over');
  });

  test('fifty guesses at once are counted one by one: at most the free ones reach the password check', async () => {
    desk.clock.advance(20 * MINUTE);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(`parallel-${i}`)));
    const checked = results.filter((r) => r.status === 401).length;
    assert.ok(checked <= 5, `${checked} guesses were checked`);
    assert.ok(results.every((r) => r.status === 401 || r.status === 429));
  });

  test('guessing one account from many addresses is slowed per account (behind a trusted proxy)', async () => {
    desk.clock.advance(20 * MINUTE);
    desk.config.trustProxy = { hops: 0, ranges: ['loopback'] };
    const http = await listen(desk);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`${http.url}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
          body: JSON.stringify({ email, password: `spray-${i}` }),
        });
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    } finally {
      await http.close();
      desk.config.trustProxy = { hops: 0, ranges: [] };
    }
  });
});

describe('the client address', () => {
  let desk: TestDesk;
  let http: { url: string; close(): Promise<void> };
  before(async () => {
    desk = await startDesk();
    http = await listen(desk);
  });
  after(async () => {
    await http.close();
    await desk.stop();
  });

  async function loginIp(xff?: string): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (xff) headers['x-forwarded-for'] = xff;
    const res = await fetch(`${http.url}/api/session`, { method: 'POST', headers, body: JSON.stringify({ email: desk.users.lead.email, password: desk.users.lead.password }) });
    assert.equal(res.status, 200);
    const { rows } = await desk.t.db.query("SELECT data->>'ip' AS ip FROM audit_log WHERE action = 'session.login' ORDER BY id DESC LIMIT 1");
    return rows[0].ip;
  }

  test('is the socket peer unless TRUST_PROXY names the proxies; then the rightmost untrusted hop, never what the client wrote', async () => {
    desk.config.trustProxy = { hops: 0, ranges: [] };
    assert.equal(await loginIp('6.6.6.6'), '127.0.0.1', 'X-Forwarded-For ignored without TRUST_PROXY');
    desk.config.trustProxy = { hops: 0, ranges: ['loopback'] };
    assert.equal(await loginIp('6.6.6.6, 203.0.113.9'), '203.0.113.9', 'the entry our proxy appended, not the forged leftmost one');
    assert.equal(await loginIp('203.0.113.9'), '203.0.113.9');
    assert.equal(await loginIp(), '127.0.0.1');
    desk.config.trustProxy = { hops: 0, ranges: ['127.0.0.1', '10.0.0.0/8'] };
    assert.equal(await loginIp('6.6.6.6, 203.0.113.9, 10.1.2.3'), '203.0.113.9', 'a chain of trusted proxies is walked');
    desk.config.trustProxy = { hops: 2, ranges: [] };
    assert.equal(await loginIp('6.6.6.6, 203.0.113.9'), '6.6.6.6', 'two hops trusted: the socket and 203.0.113.9');
  });

  test('TRUST_PROXY is parsed into addresses, ranges or a hop count, and a bare "true" is refused', async () => {
    const { parseEnv, configFromEnv } = await import('../../src/server/config.ts');
    assert.deepEqual(configFromEnv(parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })).trustProxy, { hops: 0, ranges: ['loopback', '10.0.0.0/8'] });
    assert.deepEqual(configFromEnv(parseEnv({ TRUST_PROXY: '1' })).trustProxy, { hops: 1, ranges: [] });
    assert.deepEqual(configFromEnv(parseEnv({})).trustProxy, { hops: 0, ranges: [] });
    assert.throws(() => parseEnv({ TRUST_PROXY: 'true' }), /TRUST_PROXY/);
    assert.throws(() => parseEnv({ TRUST_PROXY: '10.0.0.0/99' }), /TRUST_PROXY/);
  });
});
