// The operator's view of one server: health and readiness, Prometheus metrics and who may read them, JSON
// logs with a request id on every line and an access log, secrets kept out of the logs.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import type { Readiness } from '../../src/server/ops/http.ts';
import { bridgeConsole, createLogger } from '../../src/server/ops/log.ts';
import { createMetrics } from '../../src/server/ops/metrics.ts';
import { runDefuse } from '../support/cli.ts';
import { HOUR } from '../support/clock.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

/** A logger writing JSON lines into an array. */
function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('operations: health, readiness, metrics and logs', () => {
  let desk: TestDesk;
  const readiness: Readiness = { draining: false };
  const logged = capture();
  let app: ReturnType<typeof createApp>;
  let agent: Client;

  before(async () => {
    desk = await startDesk();
    const log = createLogger({ format: 'json', destination: logged.stream });
    const metrics = createMetrics({ db: desk.t.db, clock: desk.clock, defaultMetrics: false });
    app = createApp({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer: desk.mailer, web: false, ops: { log, metrics, readiness } });
    const login = await new Client(app).post('/api/session', { email: desk.users.agent.email, password: desk.users.agent.password });
    agent = new Client(app, { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], csrf: login.body.csrfToken });
  });
  after(() => desk.stop());

  test('/healthz says the process answers; /readyz checks the database, the migrations and draining', async () => {
    const health = await new Client(app).get('/healthz');
    assert.equal(health.status, 200);
    assert.equal(health.body.ok, true);
    const ready = await new Client(app).get('/readyz');
    assert.deepEqual({ status: ready.status, ...ready.body }, { status: 200, ready: true, db: 'up', migrations: 'applied', draining: false });

    readiness.draining = true;
    const draining = await new Client(app).get('/readyz');
    readiness.draining = false;
    assert.equal(draining.status, 503);
    assert.equal(draining.body.draining, true);

    // A database the migrations have not reached: not ready, and it says which files are missing.
    const empty = await desk.t.emptyDatabase();
    const unmigrated = createApp({ db: empty, clock: desk.clock, config: desk.config, mailer: desk.mailer, web: false });
    const res = await new Client(unmigrated).get('/readyz');
    assert.equal(res.status, 503);
    assert.equal(res.body.migrations, 'pending');
    assert.ok(res.body.pending.includes('0001_desk.sql'));
  });

  test('/metrics: latency by route pattern, queue depth, outbox backlog and age, job lag', async () => {
    const opened = await agent.post('/api/cases', { customer: { name: 'Metric Maria', email: 'maria@example.com' }, message: 'Charged twice and nobody answers!' });
    assert.equal(opened.status, 201);
    await agent.get(`/api/cases/${opened.body.id}`);
    await agent.post('/api/check', { draft: "I'm sorry.", caseId: opened.body.id });
    const resolved = await agent.post(`/api/cases/${opened.body.id}/resolve`, { agreed: 'Refund', summary: 'Maria, the refund is on its way; I will call you tomorrow.' });
    assert.equal(resolved.status, 200);
    desk.clock.advance(2 * HOUR); // the e-mail has waited two hours: nobody ran the scheduler

    const res = await app.request('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /defuse_http_request_duration_seconds_count\{method="GET",route="\/api\/cases\/:id",status="200"\} 1/, 'the route pattern, not the id');
    assert.doesNotMatch(text, new RegExp(`route="/api/cases/${opened.body.id}"`));
    assert.match(text, /defuse_check_duration_seconds_count\{status="200"\} 1/);
    assert.match(text, /^defuse_queue_depth 0$/m, 'the only case was resolved');
    assert.match(text, /^defuse_outbox_backlog\{status="pending"\} 1$/m);
    const age = Number(/^defuse_outbox_oldest_pending_age_seconds (\S+)$/m.exec(text)![1]);
    assert.ok(age >= 7200 && age < 7300, `outbox age ${age}`);
    const lag = Number(/^defuse_job_lag_seconds\{job="outbox"\} (\S+)$/m.exec(text)![1]);
    assert.ok(lag >= 7200, `outbox job lag ${lag}`);

    await desk.scheduler.tick();
    const after = await (await app.request('/metrics')).text();
    assert.match(after, /^defuse_outbox_backlog\{status="pending"\} 0$/m);
    assert.match(after, /^defuse_job_lag_seconds\{job="outbox"\} 0$/m);
  });

  test('/metrics is for this machine or a token holder, never for the world through a proxy', async () => {
    assert.equal((await app.request('/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status, 403);
    assert.equal((await app.request('/metrics', { headers: { forwarded: 'for=203.0.113.9' } })).status, 403);
    const metrics = createMetrics({ db: desk.t.db, clock: desk.clock, defaultMetrics: false });
    const guarded = createApp({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer: desk.mailer, web: false, ops: { metrics, metricsToken: 'a-long-metrics-token-123' } });
    assert.equal((await guarded.request('/metrics')).status, 403);
    assert.equal((await guarded.request('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 403);
    assert.equal((await guarded.request('/metrics', { headers: { authorization: 'Bearer a-long-metrics-token-123' } })).status, 200);
    // Without metrics configured the route does not exist.
    const plain = createApp({ db: desk.t.db, clock: desk.clock, config: desk.config, mailer: desk.mailer, web: false });
    assert.equal((await plain.request('/metrics')).status, 404);
  });

  test('every request gets an id, echoed in the response and on its access-log line', async () => {
    logged.lines.length = 0;
    const res = await agent.request('GET', '/api/queue', undefined, { 'x-request-id': 'lb-7f3a' });
    assert.equal(res.headers.get('x-request-id'), 'lb-7f3a');
    const mine = logged.lines.filter((l) => l.reqId === 'lb-7f3a');
    assert.equal(mine.length, 1);
    assert.deepEqual(
      { level: mine[0].level, msg: mine[0].msg, method: mine[0].method, path: mine[0].path, route: mine[0].route, status: mine[0].status, userId: mine[0].userId },
      { level: 'info', msg: 'request', method: 'GET', path: '/api/queue', route: '/api/queue', status: 200, userId: desk.users.agent.id },
    );
    assert.equal(typeof mine[0].ms, 'number');
    assert.match(String(mine[0].time), /^\d{4}-\d\d-\d\dT/);
    // An id that could break a log line is replaced by a generated one.
    const odd = await agent.request('GET', '/api/queue', undefined, { 'x-request-id': 'bad id {"level":"fatal"}' });
    assert.match(odd.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    // Health probes are not access-logged (a probe every few seconds would drown the log).
    logged.lines.length = 0;
    await new Client(app).get('/readyz');
    assert.equal(logged.lines.length, 0);
  });

  test('log lines written while serving a request carry its id, console lines included; secrets are redacted', async () => {
    const log = createLogger({ format: 'json', destination: logged.stream });
    const restore = bridgeConsole(log);
    try {
      logged.lines.length = 0;
      const { requestContext } = await import('../../src/server/ops/log.ts');
      await requestContext.run({ reqId: 'req-42' }, async () => {
        await new Promise((r) => setTimeout(r, 1));
        console.error('[http] GET /x failed:', new Error('boom'));
      });
      log.info({ password: 'hunter2', user: { token: 'tok-secret' }, headers: { authorization: 'Bearer abc', cookie: 'defuse_session=s3cret' }, DATABASE_URL: 'postgres://u:p@h/db' }, 'login attempt');
    } finally {
      restore();
    }
    const [err, attempt] = logged.lines;
    assert.equal(err.level, 'error');
    assert.equal(err.reqId, 'req-42');
    assert.equal(err.msg, '[http] GET /x failed:');
    assert.match(String((err.err as { stack: string }).stack), /Error: boom/);
    const text = JSON.stringify(attempt);
    for (const secret of ['hunter2', 'tok-secret', 'Bearer abc', 's3cret', 'u:p@']) assert.ok(!text.includes(secret), `${secret} is not logged: ${text}`);
    assert.equal(attempt.password, '[redacted]');
  });

  test('defuse export writes cases, messages and findings as JSONL', { timeout: 120_000 }, async () => {
    const opened = await agent.post('/api/cases', { customer: { name: 'Export Eva', email: 'eva@example.com' }, message: 'My parcel is lost, third time I write!' });
    const sent = await agent.post(`/api/cases/${opened.body.id}/messages`, { direction: 'outbound', body: "Calm down. That's not my department." });
    assert.equal(sent.status, 200, JSON.stringify(sent.body).slice(0, 300));
    const dir = mkdtempSync(join(tmpdir(), 'defuse-export-'));
    try {
      const res = await runDefuse(['export', '--out', dir], { DATABASE_URL: desk.t.url });
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /^Exported \d+ cases, \d+ messages and \d+ findings to /);
      const read = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
      const cases = read('cases.jsonl');
      const eva = cases.find((c) => c.customer.name === 'Export Eva')!;
      assert.equal(eva.id, opened.body.id);
      assert.equal(eva.ownerEmail, desk.users.agent.email);
      const messages = read('messages.jsonl').filter((m) => m.caseId === eva.id);
      assert.deepEqual(messages.map((m) => m.direction), ['inbound', 'outbound']);
      assert.equal(messages[1].body, "Calm down. That's not my department.");
      const findings = read('findings.jsonl').filter((f) => f.caseId === eva.id);
      const transfer = findings.find((f) => f.ruleId === 'no-transfer');
      assert.ok(transfer, JSON.stringify(findings));
      assert.equal(transfer.messageId, messages[1].id);
      assert.match(transfer.text, /not my department/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
