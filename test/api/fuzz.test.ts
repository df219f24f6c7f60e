import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { API_ROUTES } from '../../src/server/app.ts';
import { HOUR } from '../support/clock.ts';
import { startDesk, type Client, type TestDesk } from '../support/desk.ts';

// Every API route, called with hostile values: the answer must be a 2xx or a 4xx with a message, never a
// 500. Schemas alone cannot prove this, because some values pass validation and only fail deep in a service
// or in PostgreSQL (dates beyond its range, numbers past its types, text the engine has to chew through).
// So each route starts from a body it accepts, against fresh fixtures it can act on, and one field at a time
// is made hostile.

type Json = Record<string, unknown>;

// Values chosen to slip past type checks and land in SQL, date arithmetic or the engine.
const HOSTILE: unknown[] = [
  null, true, 0, -1, 1.5, 2 ** 31, 2 ** 53, 1e308, -1e308, '', ' ', 'x'.repeat(25_000), 'y '.repeat(9_000), '\u0000', 'a\ud800b', '%_\\\'";--',
  '9999-12-31T23:59:59Z', '9999-12-31T23:59:59+14:00', '0001-01-01T00:00:00Z', '1900-02-29', '2024-02-29', '0000-01-01', '275760-09-13',
  [], [1, 'a', null], [2 ** 31], {}, { a: { b: { c: [] } } }, Array.from({ length: 3_000 }, (_, i) => i),
];

/** The body's JSON Schema without the global ids, so its properties are inline. */
const shapeOf = (s: unknown): Json => z.toJSONSchema(s as z.ZodType, { io: 'input', unrepresentable: 'any', metadata: z.registry() }) as Json;

interface Fixture {
  caseId: number;
  customerId: number;
  taskId: number;
  offeredId: number;
  pendingId: number;
  followUpId: number;
  notificationId: number;
  userId: number;
  tokenId: number;
  changeId: number;
  webhookId: number;
  deliveryId: number;
}

describe('no route answers 500, whatever it is sent', () => {
  let desk: TestDesk;
  let admin: Client;
  let agent: Client;
  let ben: Client;
  let n = 0;
  const failures: string[] = [];
  const seen = new Map<string, Set<number>>();

  before(async () => {
    desk = await startDesk();
    admin = await desk.login('admin');
    agent = await desk.login('agent');
    ben = await desk.login('agent2');
    // An endpoint nobody listens on (the scheduler does not run here): every fixture's events queue for it.
    const hook = await admin.post('/api/admin/webhooks', { url: 'http://127.0.0.1:9/hooks', description: 'probe' });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    webhookId = hook.body.endpoint.id;
  });
  let webhookId = 0;
  after(() => desk.stop());

  /** A case in every state a route may act on: open with a task and offers, and a resolved one with a follow-up. */
  async function fixture(): Promise<Fixture> {
    n++;
    const ok = <T>(r: { status: number; body: T }) => {
      assert.ok(r.status < 300, JSON.stringify(r.body));
      return r.body as T & Json;
    };
    const open = ok(await agent.post('/api/cases', { customer: { name: `Probe ${n}`, email: `probe${n}@example.com` }, message: 'My order is two weeks late and I am furious!' }));
    const task = ok(await agent.post(`/api/cases/${open.id}/tasks`, { team: 'Warehouse', what: 'Check the dock', dueAt: new Date(desk.clock.now().getTime() + 48 * HOUR).toISOString() }));
    const offered = ok(await agent.post(`/api/cases/${open.id}/offers`, { optionKey: 'discount', amount: 5 }));
    const pending = ok(await agent.post(`/api/cases/${open.id}/offers`, { optionKey: 'discount', amount: 20 }));
    const other = ok(await agent.post('/api/cases', { customer: { name: `Resolved ${n}`, email: `resolved${n}@example.com` }, message: 'Where is my refund?' }));
    const resolved = ok(await agent.post(`/api/cases/${other.id}/resolve`, { agreed: 'Refund today', summary: 'Hi, we agreed a refund today. I will call you tomorrow.' }));
    const user = ok(await admin.post('/api/admin/users', { email: `u${n}@desk.test`, name: `User ${n}`, role: 'agent' }));
    const token = ok(await admin.post('/api/admin/tokens', { userId: desk.users.agent.id, name: `probe ${n}` }));
    const notes = ok(await admin.get('/api/notifications')) as { notifications?: { id: number }[] };
    // Another agent's case on the resolved case's customer, and their change of her address waiting for
    // confirmation (not on the open case's customer: the last test checks another agent cannot touch that one).
    ok(await ben.post('/api/cases', { customerId: other.customerId, message: 'Also, my address changed.' }));
    const change = ok(await ben.patch(`/api/customers/${other.customerId}`, { email: `moved${n}@example.com` })) as { pendingChange: { id: number } };
    return {
      caseId: open.id as number,
      customerId: open.customerId as number,
      taskId: task.id as number,
      offeredId: offered.id as number,
      pendingId: pending.id as number,
      followUpId: (resolved.followUp as { id: number }).id,
      notificationId: notes.notifications?.[0]?.id ?? 1,
      userId: (user.user as { id: number } | undefined)?.id ?? (user.id as number),
      tokenId: (token.token as { id: number }).id,
      changeId: change.pendingChange.id,
      webhookId,
      deliveryId: (await desk.t.db.query<{ id: number }>('SELECT max(id) AS id FROM webhook_deliveries')).rows[0].id,
    };
  }

  function pathFor(path: string, f: Fixture): string {
    const id = path.startsWith('/api/cases/') ? f.caseId
      : path.startsWith('/api/customers/') ? f.customerId
      : path.startsWith('/api/tasks/') ? f.taskId
      : path.startsWith('/api/customer-changes/') ? f.changeId
      : path.endsWith('/decision') ? f.pendingId
      : path.startsWith('/api/offers/') ? f.offeredId
      : path.startsWith('/api/follow-ups/') ? f.followUpId
      : path.startsWith('/api/notifications/') ? f.notificationId
      : path.startsWith('/api/admin/users/') ? f.userId
      : path.startsWith('/api/admin/webhooks/') ? f.webhookId
      : path.startsWith('/api/admin/webhook-deliveries/') ? f.deliveryId
      : f.tokenId;
    return path.replace('{id}', String(id));
  }

  /** A body the route accepts, so a single hostile field gets past the others and reaches the handler. */
  function baseBody(operationId: string, f: Fixture): Json {
    const due = new Date(desk.clock.now().getTime() + 24 * HOUR).toISOString();
    const bodies: Record<string, Json> = {
      openCase: { customer: { name: 'Hostile', email: 'h@example.com' }, message: 'This is the third time my parcel is late!' },
      addMessage: { direction: 'outbound', body: 'I am sorry about the delay; I will look into it today.' },
      reassignCase: { toUserId: desk.users.agent2.id, reason: 'Ana is on leave' },
      updateCustomer: { notes: 'called twice' },
      checkDraft: { draft: 'I am sorry.', caseId: f.caseId, context: { customerMessage: 'Late again!' } },
      createTask: { team: 'Billing', what: 'Approve the refund', dueAt: due },
      updateTask: { status: 'done', result: 'Refund approved' },
      makeOffer: { optionKey: 'discount', amount: 5 },
      decideApproval: { approve: true, reason: 'Loyal customer' },
      answerOffer: { answer: 'accepted' },
      resolveCase: { agreed: 'Refund', summary: 'We agreed a refund; I will call you tomorrow to check it arrived.' },
      recordFollowUpOutcome: { outcome: 'no_answer' },
      recordGap: { cause: 'carrier delay', team: 'Logistics' },
      createUser: { email: `new${n}@desk.test`, name: 'New', role: 'agent' },
      updateUser: { team: 'Billing' },
      createToken: { userId: desk.users.agent.id, name: 'bridge' },
      decideCustomerChange: { approve: true, reason: 'She confirmed it on the phone' },
      createWebhook: { url: 'http://127.0.0.1:9/other', events: ['case.resolved'], description: 'probe' },
      updateWebhook: { description: 'renamed' },
    };
    return bodies[operationId] ?? {};
  }

  async function call(who: Client, method: string, path: string, body?: unknown, track = true): Promise<number> {
    const res = await who.request(method.toUpperCase(), path, body);
    const key = `${method.toUpperCase()} ${path.replace(/\/\d+/g, '/{id}').split('?')[0]}`;
    if (track) seen.set(key, (seen.get(key) ?? new Set()).add(res.status));
    if (res.status >= 500) failures.push(`${method.toUpperCase()} ${path.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 160)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    else if (res.status >= 400) {
      assert.ok(res.body?.error?.message, `${method} ${path}: a 4xx carries a message`);
      // invalid_value is the safety net for values PostgreSQL refused: the schema let them through, and the
      // caller gets the database's wording instead of one naming their field.
      if (res.body.error.code === 'invalid_value') failures.push(`${method.toUpperCase()} ${path.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 160)} → only the database refused it: ${res.body.error.message}`);
    }
    return res.status;
  }

  // Logging out would end the sessions the probe uses; that route takes no input anyway.
  for (const def of API_ROUTES.filter((d) => d.operationId !== 'logout')) {
    test(`${def.method.toUpperCase()} ${def.path}`, async () => {
      let f = await fixture();
      // Routes that change a fixture's state (a resolved case cannot be resolved again) get a fresh one after
      // each success, so every hostile value meets the state it was meant for.
      const consumes = ['reassignCase', 'decideApproval', 'answerOffer', 'resolveCase', 'recordFollowUpOutcome', 'revokeToken', 'decideCustomerChange'].includes(def.operationId);
      const refresh = async (status: number) => {
        if (status < 300 && consumes) f = await fixture();
      };
      for (const who of [admin, agent]) {
        if (def.path.includes('{id}')) {
          for (const id of ['2147483648', '-5', '1e3', '0x10', '%00', '999999']) await call(who, def.method, def.path.replace('{id}', id), def.body ? baseBody(def.operationId, f) : undefined, false);
        }
      }
      // Hostile values from the caller who may use the route: the case owner for agents' routes, else the admin.
      {
        const who = def.access === 'user' ? agent : admin;
        const path = pathFor(def.path, f);
        // The plain call first: it must work, or everything below only ever meets a validation error.
        if (def.method === 'get') await call(who, 'get', path);
        else if (def.body) await refresh(await call(who, def.method, path, baseBody(def.operationId, f)));
        if (def.query) {
          const keys = Object.keys((shapeOf(def.query).properties ?? {}) as Json);
          for (const key of keys) {
            // A lone surrogate cannot be percent-encoded at all, so it never reaches a query string.
            for (const v of HOSTILE) if ((typeof v !== 'object' || v === null) && !/\p{Cs}/u.test(String(v))) await call(who, 'get', `${path}?${key}=${encodeURIComponent(String(v))}`);
          }
          if (keys.includes('from')) await call(who, 'get', `${path}?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&bucket=day`);
        }
        if (!def.body) return;
        for (const shape of [[], null, 'text', 42, [{}]]) await call(who, def.method, path, JSON.stringify(shape));
        const props = shapeOf(def.body).properties as Record<string, Json>;
        for (const [key, prop] of Object.entries(props)) {
          const nested = Object.keys(((prop.anyOf as Json[] | undefined)?.[0]?.properties ?? prop.properties ?? {}) as Json);
          for (const v of HOSTILE) {
            const base = baseBody(def.operationId, f);
            await refresh(await call(who, def.method, pathFor(def.path, f), { ...base, [key]: v }));
          }
          for (const sub of nested) {
            for (const v of HOSTILE) {
              const base = baseBody(def.operationId, f);
              await refresh(await call(who, def.method, pathFor(def.path, f), { ...base, [key]: { ...((base[key] as Json | undefined) ?? {}), [sub]: v } }));
            }
          }
        }
      }
    });
  }

  // Routes open to every signed-in user by design: the caller's own lists, the shared customer records and
  // the catalogue and the team's coaching settings. (A task is only for the case owner, leads and the team it asks: ben is in none of them.)
  const SHARED = new Set(['me', 'openCase', 'listCases', 'queue', 'searchCustomers', 'getCustomer', 'listTasks', 'listOptions', 'listFollowUps', 'followUpDefault', 'gapCauses', 'listNotifications', 'teamConfig']);

  test('another agent is refused on every route that reaches into this agent\'s case, and nothing changes', async () => {
    const f = await fixture();
    const before = JSON.stringify((await agent.get(`/api/cases/${f.caseId}`)).body);
    const letThrough: string[] = [];
    for (const def of API_ROUTES.filter((d) => d.operationId !== 'logout' && !SHARED.has(d.operationId))) {
      // The fixture's notification is the admin's (an approval request), so it is not ben's to read either.
      const path = pathFor(def.path, f);
      const res = await ben.request(def.method.toUpperCase(), path, def.body ? baseBody(def.operationId, f) : undefined);
      if (res.status !== 403 && res.status !== 404) letThrough.push(`${def.method.toUpperCase()} ${def.path} → ${res.status}`);
    }
    const options = await ben.get(`/api/options?caseId=${f.caseId}`);
    if (options.status !== 403) letThrough.push(`GET /api/options?caseId → ${options.status}`);
    assert.deepEqual(letThrough, []);
    assert.equal(JSON.stringify((await agent.get(`/api/cases/${f.caseId}`)).body), before, 'the case is exactly as it was');
  });

  test('none of the above was a 500 or left to the database to refuse, and the probe reached every handler', () => {
    assert.deepEqual(failures, []);
    // A probe that only ever met validation errors would prove nothing about the handlers behind them.
    const neverOk = [...seen].filter(([, statuses]) => ![...statuses].some((s) => s < 300)).map(([k]) => k);
    assert.deepEqual(neverOk, []);
  });
});
