// CORS for the browser extension: GET /api/config and POST /api/check answer the configured extension
// origins (and only those, and only those two routes), always with a bearer token; every other origin
// and route gets no CORS headers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UNPACKED_ID } from '../../extension/manifest.ts';
import { parseEnv } from '../../src/server/config.ts';
import { DEFUSE_EXTENSION_ORIGIN } from '../../src/server/http/cors.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

const STORE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe('CORS for the browser extension', () => {
  let desk: TestDesk;
  let bearer: Client;
  before(async () => {
    desk = await startDesk({ config: { extensionOrigins: [DEFUSE_EXTENSION_ORIGIN, STORE] } });
    const admin = await desk.login('admin');
    const created = await admin.post('/api/admin/tokens', { userId: desk.users.agent.id, name: "Ana's browser" });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    bearer = new Client(desk.app, { bearer: created.body.secret });
  });
  after(() => desk.stop());

  const preflight = (path: string, origin: string, method = 'GET') =>
    desk.app.request(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' } });

  test('the default allow-list is the unpacked extension, whose id the manifest key pins', () => {
    assert.equal(DEFUSE_EXTENSION_ORIGIN, `chrome-extension://${UNPACKED_ID}`);
    assert.deepEqual(parseEnv({}).EXTENSION_ORIGINS, [DEFUSE_EXTENSION_ORIGIN]);
    assert.deepEqual(parseEnv({ EXTENSION_ORIGINS: `${STORE}, moz-extension://0a1b2c3d-1111-2222-3333-444455556666` }).EXTENSION_ORIGINS,
      [STORE, 'moz-extension://0a1b2c3d-1111-2222-3333-444455556666']);
    assert.deepEqual(parseEnv({ EXTENSION_ORIGINS: 'none' }).EXTENSION_ORIGINS, []);
    assert.throws(() => parseEnv({ EXTENSION_ORIGINS: 'https://evil.example' }), /EXTENSION_ORIGINS: not an extension origin/);
  });

  test('a preflight from an allowed extension is answered; from anywhere else it is refused', async () => {
    for (const [path, method] of [['/api/config', 'GET'], ['/api/check', 'POST']]) {
      const ok = await preflight(path, STORE, method);
      assert.equal(ok.status, 204, path);
      assert.equal(ok.headers.get('access-control-allow-origin'), STORE);
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /authorization/);
      assert.match(ok.headers.get('access-control-allow-methods') ?? '', new RegExp(method));
      assert.equal(ok.headers.get('access-control-allow-credentials'), null, 'no credentialed CORS');
      assert.match(ok.headers.get('vary') ?? '', /Origin/);
      for (const origin of ['https://evil.example', 'chrome-extension://someotherextensionidaaaaaaaaaaaa', 'null']) {
        const no = await preflight(path, origin, method);
        assert.equal(no.status, 403, `${path} from ${origin}`);
        assert.equal(no.headers.get('access-control-allow-origin'), null);
      }
    }
  });

  test('GET /api/config with the token: the team settings, readable by the extension', async () => {
    const res = await bearer.request('GET', '/api/config', undefined, { origin: STORE });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.headers.get('access-control-allow-origin'), STORE);
    assert.equal(res.body.companyName, desk.config.companyName);
    assert.equal(res.body.agentName, desk.users.agent.name);
    assert.deepEqual(res.body.rules, {});
    assert.ok(Array.isArray(res.body.options) && res.body.options.length > 0, 'the options catalogue');
    for (const o of res.body.options) {
      assert.equal(typeof o.id, 'string');
      assert.equal(typeof o.label, 'string');
      assert.doesNotMatch(o.phrase ?? '', /\{amount\}/, 'phrases in the engine shape, without placeholders');
    }
  });

  test('POST /api/check with the token answers the extension', async () => {
    const res = await bearer.request('POST', '/api/check', { draft: "Calm down. That's not my department." }, { origin: DEFUSE_EXTENSION_ORIGIN });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), DEFUSE_EXTENSION_ORIGIN);
    assert.ok(res.body.check.findings.some((f: { ruleId: string }) => f.ruleId === 'no-transfer'));
  });

  test('token-authenticated only: from the extension origin, a session cookie is not enough', async () => {
    const agent = await desk.login('agent');
    for (const [method, path, body] of [['GET', '/api/config', undefined], ['POST', '/api/check', { draft: 'Hi' }]] as const) {
      const res = await agent.request(method, path, body, { origin: STORE });
      assert.equal(res.status, 401, `${method} ${path}`);
      assert.equal(res.body.error.code, 'unauthenticated');
      assert.equal(res.headers.get('access-control-allow-origin'), STORE, 'the extension can read why');
    }
    const wrong = new Client(desk.app, { bearer: 'dfs_not-a-real-token' });
    const res = await wrong.request('GET', '/api/config', undefined, { origin: STORE });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('access-control-allow-origin'), STORE);
  });

  test('no CORS for other origins or other routes', async () => {
    const foreign = await bearer.request('GET', '/api/config', undefined, { origin: 'https://evil.example' });
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const other = await bearer.request('GET', '/api/queue', undefined, { origin: STORE });
    assert.equal(other.headers.get('access-control-allow-origin'), null, 'only /api/config and /api/check');
    const otherPreflight = await preflight('/api/queue', STORE);
    assert.equal(otherPreflight.headers.get('access-control-allow-origin'), null);
    // The desk's own UI (same origin, no Origin header on GET) is untouched.
    const agent = await desk.login('agent');
    const own = await agent.get('/api/config');
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('access-control-allow-origin'), null);
  });

  test('with EXTENSION_ORIGINS=none nothing is allowed', async () => {
    const closed = await startDesk({ config: { extensionOrigins: [] } });
    try {
      const res = await closed.app.request('/api/config', { method: 'OPTIONS', headers: { origin: DEFUSE_EXTENSION_ORIGIN, 'access-control-request-method': 'GET' } });
      assert.equal(res.status, 403);
    } finally {
      await closed.stop();
    }
  });
});
