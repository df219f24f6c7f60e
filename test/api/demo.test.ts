import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brandHandles, buildDemoSet, cleanTweet, DEMO_DATA, DEMO_SOURCE, formatDemoSet, greetAs, scrubConversation, seedDemo, type Conversation, type DemoSet } from '../../src/server/demo.ts';
import { PACKAGE_ROOT } from '../../src/package-root.ts';
import { Client, startDesk, type TestDesk } from '../support/desk.ts';

describe('demo mode', () => {
  let desk: TestDesk;
  const logs: string[] = [];
  before(async () => {
    desk = await startDesk();
  });
  after(() => desk.stop());

  test('cleanTweet drops mentions, e-mails and links and never shows a handle', () => {
    assert.equal(cleanTweet('@AppleSupport @Apple hi, mail me at jo.doe+x@gmail.com or see https: //t.co/abc ^SJ', ['jodoe'], 'Maria'), 'hi, mail me at [e-mail removed] or see [link]');
    assert.equal(cleanTweet('@Brand thanks @jodoe2 for nothing', ['JoDoe2'], 'Maria'), 'thanks Maria for nothing');
    // A third person's handle is removed; a company's account keeps its name.
    assert.equal(cleanTweet('@Brand my friend @bob_99 said ask @AppleSupport', ['me'], 'Maria', ['AppleSupport']), 'my friend [handle removed] said ask AppleSupport');
    // An address written with spaces around "@" is still an address, not a handle.
    assert.equal(cleanTweet('@Brand write to jo.doe @gmail.com please', [], 'Maria'), 'write to [e-mail removed] please');
    // The data set is HTML-escaped; the desk shows text as text, so "&amp;" would reach the screen as is.
    assert.equal(cleanTweet('@Brand music &amp; podcasts &gt; 3 GB, &lt;b&gt; &amp;lt;', [], 'Maria'), 'music & podcasts > 3 GB, <b> &lt;');
    // Agents greet the tweeter's real first name; the desk shows a generated one.
    assert.equal(greetAs('Hi John, currently it is not possible.', 'Hana'), 'Hi Hana, currently it is not possible.');
    assert.equal(greetAs('Hey there! Let us look.', 'Hana'), 'Hey there! Let us look.');
    assert.equal(greetAs('Thanks, Brandon. We can help.', 'Hana'), 'Thanks, Hana. We can help.');
    assert.equal(greetAs('Hiding files is possible.', 'Hana'), 'Hiding files is possible.');
  });

  test('without the data file the desk starts empty and says why', async () => {
    const r = await seedDemo({ db: desk.t.db, clock: desk.clock, config: desk.config }, { dataPath: '/nonexistent/dev.json', log: (l) => logs.push(l) });
    assert.equal(r, null);
    assert.match(logs.join('\n'), /not found; starting without demo data/);
  });

  test('the demo set ships in the repository, small, attributed and without handles, e-mail addresses or links', () => {
    assert.ok(DEMO_DATA.startsWith(PACKAGE_ROOT), 'read from inside the package, not from ../shared');
    const text = readFileSync(DEMO_DATA, 'utf8');
    assert.ok(text.length < 200_000, `small: ${text.length} bytes`);
    const set = JSON.parse(text) as DemoSet;
    assert.equal(set.conversations.length, 80);
    assert.equal(set.conversations.filter((c) => c.open).length, 30);
    assert.match(set.source, /IBM/);
    assert.match(readFileSync(join(PACKAGE_ROOT, 'NOTICE'), 'utf8'), /data\/demo\/conversations\.json/);
    for (const c of set.conversations) {
      for (const t of [...c.turns.map((x) => x.text), c.brandReply ?? '']) {
        assert.doesNotMatch(t, /@\w/, `no @handle: ${t.slice(0, 80)}`);
        assert.doesNotMatch(t, /[\w.+-]+ ?@ ?[\w-]+\.\w/, 'no e-mail address');
        assert.doesNotMatch(t, /https?:|www\./i, 'no link');
      }
    }
  });

  test('each committed demo conversation is its IBM original, scrubbed as data/demo/build.ts does', { skip: !existsSync(DEMO_SOURCE) && 'source data absent' }, () => {
    const source = JSON.parse(readFileSync(DEMO_SOURCE, 'utf8')) as Conversation[];
    const brands = brandHandles(source);
    const committed = JSON.parse(readFileSync(DEMO_DATA, 'utf8')) as DemoSet;
    // Which conversations are picked follows the engine's anger scores, which change with the engine; what
    // each picked conversation says must not drift from its source.
    for (const c of committed.conversations) {
      const original = source.find((o) => o.dialogHeader.sessionID === c.id);
      assert.ok(original, `conversation ${c.id} is in the IBM set`);
      assert.deepEqual({ turns: c.turns, brandReply: c.brandReply }, { brandReply: undefined, ...scrubConversation(original, c.customer.split(' ')[0], brands) }, c.id);
    }
    // The file's own format is what the builder writes.
    assert.equal(formatDemoSet(committed), readFileSync(DEMO_DATA, 'utf8'));
    assert.equal(buildDemoSet(source.slice(0, 40), { open: 3, history: 4 }).conversations.length, 7);
  });

  test('seeds cases from the real conversations, with neutral names and the engine analysis', async () => {
    const r = await seedDemo({ db: desk.t.db, clock: desk.clock, config: desk.config }, { log: (l) => logs.push(l), openCases: 6, historyCases: 6, password: 'demo-password-for-tests' });
    assert.ok(r);
    assert.equal(r.cases, 12);
    const customers = await desk.t.db.query<{ name: string; email: string }>('SELECT name, email FROM customers');
    for (const c of customers.rows) {
      assert.match(c.name, /^[A-Z][a-z]+ [A-Z][a-z]+$/, `neutral display name: ${c.name}`);
      assert.match(c.email, /@example\.com$/);
    }
    const msgs = await desk.t.db.query<{ body: string; analysis: unknown; direction: string; customer: string }>(
      'SELECT m.body, m.analysis, m.direction, cu.name AS customer FROM messages m JOIN cases c ON c.id = m.case_id JOIN customers cu ON cu.id = c.customer_id',
    );
    for (const m of msgs.rows) {
      assert.doesNotMatch(m.body, /[\w.+-]+@[\w-]+\.[\w.]+/, 'no e-mail addresses');
      assert.doesNotMatch(m.body, /^@/, 'no leading handle');
      assert.doesNotMatch(m.body, /&(amp|lt|gt);/, 'no HTML entities shown as text');
      if (m.direction === 'inbound') assert.ok(m.analysis, 'each customer message has its analysis');
      const greeted = /^(?:Hi|Hello|Hey|Dear) ([A-Z][a-z]+)\b/.exec(m.body)?.[1];
      if (m.direction === 'outbound' && greeted && !['There', 'Again'].includes(greeted)) assert.equal(greeted, m.customer.split(' ')[0], `a reply greets the customer on the card: ${m.body.slice(0, 60)}`);
    }
    // The agent sees open cases, angriest first; the lead sees a month of history in the reports.
    const login = await new Client(desk.app).post('/api/session', { email: 'sam@demo.defuse.localhost', password: 'demo-password-for-tests' });
    assert.equal(login.status, 200);
    const sam = new Client(desk.app, { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], csrf: login.body.csrfToken });
    const q = await sam.get('/api/queue');
    assert.ok(q.body.items.length >= 1);
    const priorities = q.body.items.map((i: { priority: number }) => i.priority);
    assert.deepEqual(priorities, [...priorities].sort((a: number, b: number) => b - a));
    const leadLogin = await new Client(desk.app).post('/api/session', { email: 'priya@demo.defuse.localhost', password: 'demo-password-for-tests' });
    const lead = new Client(desk.app, { cookie: (leadLogin.headers.get('set-cookie') ?? '').split(';')[0], csrf: leadLogin.body.csrfToken });
    const anger = await lead.get('/api/reports/anger-over-time');
    assert.ok(anger.body.series.length >= 3, 'anger spread over several days');
    const byAgent = await lead.get('/api/reports/playbook-by-agent');
    assert.ok(byAgent.body.agents.length >= 2);
    const outbox = await desk.t.db.query("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'");
    assert.equal(outbox.rows[0].n, 0, 'demo resolutions are not e-mailed to example.com');
    assert.equal(await seedDemo({ db: desk.t.db, clock: desk.clock, config: desk.config }, { log: () => undefined }), null, 'seeds once');
  });
});
