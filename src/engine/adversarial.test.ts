// Hostile input: the engine reads whatever a customer (or an attacker) types and whatever an agent pastes.
// Each megabyte below must be read by analyzeMessage and coached by checkReply in well under a second, and
// nothing may throw, on any string. Catastrophic regex backtracking or a quadratic loop shows up here as a
// timeout long before it shows up in production.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMessage } from './analyze/message.ts';
import { checkReply } from './check.ts';

const MB = 1 << 20;
/** Generous for a shared CI machine; on a quiet core every case below takes a small fraction of it. */
const BUDGET_MS = 1000;

function fill(unit: string, size = MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Deterministic junk over the whole UTF-16 range, lone surrogates and control characters included. */
function junk(size: number, seed = 7): string {
  let x = seed;
  const codes = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    codes[i] = (x >>> 8) & 0xffff;
  }
  let out = '';
  for (let i = 0; i < size; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

const CASES: [string, () => string][] = [
  ['"!!!!…"', () => fill('!')],
  ['repeated mixed punctuation', () => fill('?!.,;:…')],
  ['one huge word', () => fill('a')],
  ['nested quotes', () => fill('"“‘\'«')],
  ['quoted phrases', () => fill('"you are wrong" \'sorry\' “calm down” ')],
  ['binary junk', () => junk(MB)],
  ['NUL bytes', () => fill('\u0000')],
  ['lone surrogates', () => fill('a\uDC00\uD800')],
  ['100k newlines', () => '\n'.repeat(100_000)],
  ['HTML and script', () => fill('<div class="x"><script>alert("sorry")</script><a href="javascript:void(0)">click</a></div>')],
  ['SQL-looking text', () => fill("'; DROP TABLE users; -- ' OR 1=1; SELECT * FROM cases WHERE id='1' UNION SELECT password FROM users; ")],
  ['every customer cue at once', () => fill("FURIOUS!!! This is absolutely ridiculous, charged twice, package never arrived, nobody answers, third time, I'm cancelling, lawyer, one-star review, you idiots. ")],
  ['every agent phrase the rules look for', () => fill("I'm sorry. Calm down. As per policy, you should have read the terms. Actually that's not true. Please contact our billing team. I understand how you feel. ")],
  ['many tiny sentences', () => fill('Hi. ')],
  ['shouted words', () => fill('WHY IS THIS ')],
  ['emoji', () => fill('😡🙂👍🏽‍♂️')],
];

/**
 * CPU milliseconds spent in `fn`. CPU time rather than wall time, so the budget means "on one core" even when
 * the test machine is shared and busy.
 */
function timed<T>(fn: () => T): [T, number] {
  const t0 = process.cpuUsage();
  const r = fn();
  const d = process.cpuUsage(t0);
  return [r, (d.user + d.system) / 1000];
}

describe('1 MB adversarial input', () => {
  for (const [name, make] of CASES) {
    it(name, () => {
      const text = make();
      // The first text to reach a phrase table pays for compiling its regex (tens of milliseconds for the
      // largest, more on a busy machine): a slice of the same input pays that first, so the megabyte's time
      // is what grows with its length, which is what this test is about.
      analyzeMessage(text.slice(0, 4096));
      checkReply(text.slice(0, 4096), { customerMessage: 'My order is late and nobody answers!' });
      const [analysis, analyzeMs] = timed(() => analyzeMessage(text));
      assert.ok(analyzeMs < BUDGET_MS, `analyzeMessage took ${analyzeMs.toFixed(0)} ms`);
      assert.ok(analysis.anger >= 0 && analysis.anger <= 1, `anger ${analysis.anger}`);
      assert.ok(analysis.sentiment >= -1 && analysis.sentiment <= 1, `sentiment ${analysis.sentiment}`);
      for (const e of analysis.angerEvidence) assert.ok(e.range[0] >= 0 && e.range[1] <= text.length);

      const [checked, checkMs] = timed(() => checkReply(text, { customerMessage: 'My order is late and nobody answers!' }));
      assert.ok(checkMs < BUDGET_MS, `checkReply took ${checkMs.toFixed(0)} ms`);
      for (const f of checked.findings) assert.ok(f.range[0] >= 0 && f.range[1] <= text.length);

      if (process.env.DEFUSE_TIMINGS) console.log(`${name}: analyze ${analyzeMs.toFixed(0)} ms, check ${checkMs.toFixed(0)} ms`);
    });
  }
});

describe('1 MB adversarial customer message behind an ordinary draft', () => {
  it('is read once and the draft coached within the budget', () => {
    const text = junk(MB, 3) + fill('!!! charged twice ', MB / 4);
    const [checked, ms] = timed(() => checkReply('I apologize for the delay, I will sort it out today.', { customerMessage: text }));
    assert.ok(ms < BUDGET_MS, `checkReply with a 1 MB customer message took ${ms.toFixed(0)} ms`);
    assert.ok(Array.isArray(checked.findings));
  });
});

describe('never throws', () => {
  const strings = [
    '', ' ', '\u0000', '\uD800', '\uDFFF', '\uFEFF', '\u200B', '"', "'", '“', '!', '?!', '.', '…', '-', '—', '\n', '\r\n',
    'a\uD800b', '\uDBFF\uDFFF', 'I\u0000m sorry', 'Thanks,', 'Thanks, ', '- ', 'my name is', 'my name is ', 'this is',
    'charged twice', 'CUSTOMER FOR 99999999999999999999999 YEARS', 'the 1000000000000000000000th time',
    '<script>', '${x}', '$NAME $ISSUE', '{{message}}', '\\', '(?:', '[', '*', '+', '|',
  ];
  it('on short strange strings', () => {
    for (const s of strings) {
      assert.doesNotThrow(() => analyzeMessage(s), JSON.stringify(s));
      assert.doesNotThrow(() => checkReply(s, { customerMessage: s, customerName: s }), JSON.stringify(s));
    }
  });
  it('on junk of every length up to 300', () => {
    const j = junk(300, 11);
    for (let n = 0; n <= 300; n++) {
      const s = j.slice(0, n);
      assert.doesNotThrow(() => analyzeMessage(s));
      assert.doesNotThrow(() => checkReply(s, { customerMessage: s }));
    }
  });
  it('on values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')] as unknown as string[]) {
      assert.doesNotThrow(() => analyzeMessage(v));
      assert.doesNotThrow(() => checkReply(v, {}));
    }
  });
});
