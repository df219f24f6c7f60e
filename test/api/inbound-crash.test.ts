// kill -9 of the desk while a provider is posting received e-mail: whatever the provider did not get a 200
// for, it posts again to the restarted desk (as Mailgun, Postmark and SendGrid do), and every message ends up
// stored exactly once, including the ones that committed just before the kill but never got their answer.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestDatabase, type TestDatabase } from '../support/pg.ts';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';

const SECRET = 'crash-secret-0123456789';
const N = 60;

describe('inbound e-mail survives kill -9 of the desk', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let dir: string;
  let server: ServerProcess | null = null;

  before(async () => {
    t = await startTestDatabase();
    smtp = await startTestSmtp();
    dir = mkdtempSync(join(tmpdir(), 'defuse-crash-'));
  });
  after(async () => {
    if (server) await stopServerProcess(server);
    await smtp.close();
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({ DATABASE_URL: t.url, SMTP_URL: smtp.url, DATA_DIR: dir, ADMIN_EMAIL: 'crash@desk.test', INBOUND_SECRETS: `json=${SECRET}`, INBOUND_LIMIT_PER_MIN: '100000' });
  const mail = (i: number) => ({ messageId: `<crash-${i}@mail.example.com>`, from: `Customer ${i} <c${i}@example.com>`, subject: `Parcel ${i}`, text: `Parcel ${i} is lost and I am angry.` });

  async function deliver(url: string, i: number): Promise<string | null> {
    try {
      const res = await fetch(`${url}/api/inbound/json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-defuse-secret': SECRET }, body: JSON.stringify(mail(i)) });
      if (res.status !== 200) return null;
      return ((await res.json()) as { status: string }).status;
    } catch {
      return null; // the connection died with the desk: the provider will retry
    }
  }

  test('every message is stored once after a crash in the middle of a burst and the provider’s retries', { timeout: 300_000 }, async () => {
    server = await startServerProcess(env());
    const url = server.url;
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    // Eight deliveries at a time, like a provider's workers; the desk is killed once a third are acknowledged.
    const worker = async () => {
      while (next < N && !killed) {
        const i = next++;
        const status = await deliver(url, i);
        if (status) acked.add(i);
        if (acked.size >= N / 3 && !killed) {
          killed = true;
          server!.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await server.exited;
    assert.ok(acked.size < N, `the kill came mid-burst (${acked.size} of ${N} acknowledged)`);
    const storedAtKill = (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM inbound_mail WHERE message_id LIKE 'crash-%'")).rows[0].n;
    assert.ok(storedAtKill >= acked.size, 'everything acknowledged was committed');

    // The provider retries everything it has no 200 for (and, being at-least-once itself, a few it has).
    server = await startServerProcess(env());
    const retry = [...Array(N).keys()].filter((i) => !acked.has(i)).concat([...acked].slice(0, 5));
    const statuses = await Promise.all(retry.map((i) => deliver(server!.url, i)));
    assert.ok(statuses.every((s) => s === 'stored' || s === 'duplicate'), JSON.stringify(statuses));
    const duplicates = statuses.filter((s) => s === 'duplicate').length;
    assert.ok(duplicates >= 5, `the retried acknowledged ones were duplicates (${duplicates})`);

    const rows = await t.db.query<{ id: string; n: number }>("SELECT message_id AS id, count(*)::int AS n FROM inbound_mail WHERE message_id LIKE 'crash-%' GROUP BY 1");
    assert.equal(rows.rows.length, N, 'nothing lost');
    assert.ok(rows.rows.every((r) => r.n === 1));
    const messages = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE body LIKE 'Parcel % is lost and I am angry.'");
    assert.equal(messages.rows[0].n, N, 'nothing duplicated');
    console.log(`[inbound-crash] acknowledged before kill -9: ${acked.size}, committed at kill: ${storedAtKill}, retried: ${retry.length}, answered duplicate: ${duplicates}`);
  });
});
