import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBusinessDays } from './clock.ts';
import { parseEnv } from './config.ts';
import { angerWord } from '../web/client/anger.ts';
import { priorityOf } from './services/queue.ts';
import { retryDelayMs } from './services/outbox.ts';
import { resolutionEmail } from './services/resolution.ts';

test('addBusinessDays skips weekends and keeps the time of day', () => {
  const iso = (s: string, n: number) => addBusinessDays(new Date(s), n).toISOString();
  assert.equal(iso('2026-11-18T10:00:00Z', 1), '2026-11-19T10:00:00.000Z'); // Wed → Thu
  assert.equal(iso('2026-11-20T10:00:00Z', 1), '2026-11-23T10:00:00.000Z'); // Fri → Mon
  assert.equal(iso('2026-11-19T10:00:00Z', 2), '2026-11-23T10:00:00.000Z'); // Thu → Mon
  assert.equal(iso('2026-11-21T10:00:00Z', 1), '2026-11-23T10:00:00.000Z'); // Sat → Mon
  assert.equal(iso('2026-11-22T23:30:00Z', 2), '2026-11-24T23:30:00.000Z'); // Sun → Tue
});

test('priority grows with anger, value and waiting, and explains each factor', () => {
  const base = priorityOf(0.2, 100, 1, 30).priority;
  assert.ok(priorityOf(0.9, 100, 1, 30).priority > base, 'angrier');
  assert.ok(priorityOf(0.2, 5000, 1, 30).priority > base, 'more valuable');
  assert.ok(priorityOf(0.2, 100, 6, 30).priority > base, 'longer tenure');
  assert.ok(priorityOf(0.2, 100, 1, 600).priority > base, 'waiting longer');
  const { why } = priorityOf(0.8, 4200, 6, 180);
  assert.deepEqual(why.map((w) => w.text), ['Anger 0.80 (irate)', 'Lifetime value $4,200, customer for 6 years (high value)', 'Waiting 3 h for a reply']);
  assert.equal(priorityOf(0, 0, null, 0).priority, 1, 'a calm, new, answered customer is the floor');
  assert.match(priorityOf(0.7, 0, null, 0, 0.3).why[0].text, /angry, rising\)/);
  assert.match(priorityOf(0.3, 0, null, 0, 0.7).why[0].text, /upset, calming\)/);
  assert.doesNotMatch(priorityOf(0.3, 0, null, 0, 0.35).why[0].text, /rising|calming/);
});

test('outbox back-off doubles from 30 s and stops growing at 2 h', () => {
  assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [30_000, 60_000, 120_000, 240_000]);
  assert.equal(retryDelayMs(20), 2 * 3_600_000);
});

test('configuration errors name every bad variable', () => {
  assert.throws(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', FOLLOW_UP_BUSINESS_DAYS: '0' }), (err: Error) => {
    assert.match(err.message, /PORT/);
    assert.match(err.message, /DATABASE_URL: must be a postgres:\/\/ URL/);
    assert.match(err.message, /FOLLOW_UP_BUSINESS_DAYS/);
    return true;
  });
  const env = parseEnv({ PORT: '8080', DEMO: '0', SMTP_URL: 'smtp://mail.example.com:587' });
  assert.equal(env.PORT, 8080);
  assert.equal(env.DEMO, false);
  assert.equal(env.FOLLOW_UP_BUSINESS_DAYS, 1);
});

test("the queue's why names the anger with the meter's word, at every level", () => {
  for (let i = 0; i <= 100; i++) {
    const anger = i / 100;
    assert.match(priorityOf(anger, 100, 1, 30).why[0].text, new RegExp(`^Anger ${anger.toFixed(2)} \\(${angerWord(anger)}\\)$`), `at ${anger}`);
  }
});

test('the resolution e-mail is the summary as written, with the case number in subject and footer', () => {
  const mail = resolutionEmail('Northwind Support', 42, 'double charge', '  Hi Ana, the refund is on its way.  ');
  assert.equal(mail.subject, 'Northwind Support: what we agreed about "double charge" (case #42)');
  assert.ok(mail.text.startsWith('Hi Ana, the refund is on its way.\n\n--\n'));
  // No promise the desk cannot keep: it does not read incoming mail or route replies to an agent.
  assert.doesNotMatch(mail.text, /straight back|comes back to/);
  assert.match(mail.text, /keep "case #42" in the subject/);
});
