// Issue 12, item 2: every offered fix applied to real replies (the agent turns of shared/data/ibm-customer-care,
// data/labels/reply-turns.jsonl, each against the customer's turns before it). A deterministic sample keeps the
// run short on CI's two cores; `npm run fixes:sample` writes 50 of them to docs/fixes-sample.md for a person to read.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixProblems, fixReply, MAX_GROWTH_CHARS, sampleReplies } from '../../scripts/lib/fixes-corpus.ts';
import { readReplySet } from '../../scripts/lib/replies.ts';
import { analyzeMessage } from '../../src/engine/analyze/message.ts';
import { checkReply } from '../../src/engine/check.ts';
import { fixDraft } from '../../src/engine/fix-draft.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = 32;
const rows = sampleReplies(readReplySet(ROOT), SAMPLE);
const fixed = rows.map(fixReply);

describe(`every fix applied to ${SAMPLE} real replies`, () => {
  it('the test\'s list of bad joins catches what it is for', () => {
    assert.deepEqual(fixProblems('Sorry.', 'I am looking into it for you now today.'), ['bad join: now today']);
    assert.ok(fixProblems('x', 'Unfortunately let me see what I can do.').some((p) => p.includes('Unfortunately')));
    assert.ok(fixProblems('x', 'I apologize this was your experience, so the charge is correct!').length >= 2);
    assert.ok(fixProblems('Hi.', 'Hi. You deserve better than this. You deserve better than this.').some((p) => p.startsWith('duplicate')));
    assert.ok(fixProblems('a', `a${'x'.repeat(MAX_GROWTH_CHARS + 1)}`).some((p) => p.startsWith('grew')));
  });
  it('most replies are fixed', () => {
    assert.ok(fixed.filter((f) => f.applied > 0).length >= SAMPLE / 2);
  });
  for (const f of fixed) {
    it(f.id, () => {
      assert.deepEqual(f.problems, [], `${f.before}\n→ ${f.after}`);
      assert.deepEqual(f.severeAfter.filter((s) => !f.severeBefore.includes(s)), [], `no new warning or error\n${f.after}`);
      assert.deepEqual(f.fixableLeft, [], `nothing left that still offers a fix\n${f.after}`);
      assert.ok(!f.severeAfter.some((s) => s.startsWith('no-dismissing-emotion') || s.startsWith('no-transfer')), `no error left\n${f.after}`);
    });
  }
  it('taking the fixes in another order gives a draft as clean', () => {
    for (const r of rows.slice(0, 4)) {
      const customer = r.context.filter((t) => t.role === 'customer').map((t) => t.text).join('\n');
      const context = customer ? { customerMessage: customer, analysis: analyzeMessage(customer) } : {};
      const out = fixDraft(r.text, context, { pick: (fs) => fs[fs.length - 1] }).output;
      assert.deepEqual(fixProblems(r.text, out), [], out);
      assert.deepEqual(checkReply(out, context).findings.filter((x) => x.severity !== 'suggestion' && x.suggestions.length > 0).map((x) => x.ruleId), [], out);
    }
  });
});
