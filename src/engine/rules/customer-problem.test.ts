import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveContext } from '../check.ts';
import { customerReportsProblem } from './customer-problem.ts';
import { HOW_TO, PROBLEM_REPORT } from './customer-problem.data.ts';
import { compileTable } from '../text/matcher.ts';

const reports = (customerMessage: string) => customerReportsProblem(resolveContext({ customerMessage }));

// Paraphrased from real customer turns: each reports something broken, failed, lost, locked or charged wrongly.
const PROBLEMS = [
  'The app keeps crashing since the update',
  "why won't my videos play on the TV app?",
  'why cant I stream anything tonight',
  "I can't log into my account after I changed phones",
  'i cant switch my console to primary, it says another one is',
  'someone got into my email and changed the password',
  'I was charged twice for one month',
  'my parcel never arrived and the tracking has not moved',
  'Anyone else getting a black screen on the new version?',
  'my left earbud keeps disconnecting even though it is charged',
  'the purchase went through but the theme still hasn’t appeared in my library',
  "I've tried everything on the recovery page and still can't get in",
  'the desktop app takes up 100% CPU all the time',
  'Dawg, they not tryna let me get in my own email',
  'Why does this happen every other time I open the editor?',
  'my account is playing two shows at once. How do I fix this?',
  'my card was declined twice at checkout',
];

// Questions about how to do something, with nothing broken: steps are the answer.
const HOW_TOS = [
  'How do I change my e-mail address?',
  'I need help changing my password',
  'Please, please help me delete my account.',
  'Can I share one file from a folder without accepting the whole folder?',
  'Am I missing something, or is there a way to sort results by date?',
  "It's not broken, I just want to know how to export to PDF.",
  'What email do I use to forward phishing messages to you?',
  'how does one find the colour picker in the sketch app?',
];

describe('customerReportsProblem', () => {
  for (const m of PROBLEMS) it(`problem: ${m}`, () => assert.equal(reports(m), true));
  for (const m of HOW_TOS) it(`how-to: ${m}`, () => assert.equal(reports(m), false));

  it('is false with no customer context at all', () => {
    assert.equal(customerReportsProblem(resolveContext({})), false);
    assert.equal(customerReportsProblem(resolveContext({ customerMessage: '' })), false);
  });

  it('is true when the context names the issue', () => {
    assert.equal(customerReportsProblem(resolveContext({ issue: 'the double charge' })), true);
  });

  it('reads the message once per analysis', () => {
    const ctx = resolveContext({ customerMessage: 'My order never arrived' });
    assert.equal(customerReportsProblem(ctx), true);
    assert.equal(customerReportsProblem({ ...ctx }), true);
  });

  it('reads only the top of a megabyte of near-misses', () => {
    // every "can't can't" is negated, so a full scan would try each one; a problem is stated near the top
    const junk = "can't ".repeat(100_000) + 'keeps '.repeat(50_000) + 'how do '.repeat(50_000);
    const ctx = resolveContext({ customerMessage: junk, analysis: resolveContext({}).analysis });
    const t0 = process.cpuUsage();
    customerReportsProblem(ctx);
    const d = process.cpuUsage(t0);
    assert.ok((d.user + d.system) / 1000 < 200, 'CPU ms');
  });

  it('tables compile (non-capturing groups only)', () => {
    assert.ok(compileTable(PROBLEM_REPORT).entries.length > 0);
    assert.ok(compileTable(HOW_TO).entries.length > 0);
  });
});
