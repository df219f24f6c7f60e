// The reply checks, measured on real replies of brands the phrase tables never saw (data/labels/REPLIES.md).
// Floors sit a little under the figures `npm run eval:replies` printed when they were set, so a change
// that makes Defuse deafer, or noisier on clean replies, fails the build; raise them when the figures rise.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkReply } from '../../src/engine/check.ts';
import { customerContext, evaluateReplies, prf, readReplySet, type LabelledReply } from '../../scripts/lib/replies.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const heldout = readReplySet(ROOT).filter((r) => r.split === 'heldout');
const check = (r: LabelledReply) => checkReply(r.text, { customerMessage: customerContext(r) || undefined }, { checkFixes: false });
const result = evaluateReplies(heldout, check);
const row = (label: string) => {
  const m = result.labels.find((x) => x.label === label);
  assert.ok(m, label);
  return prf(m.defuse);
};

/** label → [precision floor, recall floor] on the held-out brands. */
const FLOORS: Record<string, [number, number]> = {
  bare_sorry: [0.95, 0.95],
  // 0.75, not 0.8: n = 10, so one borderline reply moves precision by 0.1 (51b7804's folded issue buckets read an
  // issue into "I tried to and the only thing popping up is…", so a bare "Sorry, that is not possible." also counts as generic).
  generic_apology: [0.75, 0.6],
  transfer: [0.9, 0.45],
  customer_burden: [0.75, 0.5],
  corporate_jargon: [0.9, 0.3],
  apologize: [0.95, 0.8],
  name: [0.95, 0.85],
  // 0.81 / 0.69 before issue 12's own cues (and the "we can take a look" fix), 0.90 / 0.81 after
  own: [0.85, 0.75],
  reassure: [0.65, 0.6],
  'ask+ask_details': [0.65, 0.9],
};

describe('reply checks on held-out real replies', () => {
  it('the set is what the guide describes', () => {
    assert.equal(heldout.length, 189);
    assert.equal(new Set(heldout.map((r) => r.company)).size, 8);
  });
  for (const [label, [p, r]] of Object.entries(FLOORS)) {
    it(`${label}: precision ≥ ${p}, recall ≥ ${r}`, () => {
      const m = row(label);
      assert.ok(m.p >= p, `${label} precision ${m.p.toFixed(3)} < ${p}`);
      assert.ok(m.r >= r, `${label} recall ${m.r.toFixed(3)} < ${r}`);
    });
  }
  it('flags few clean replies at warning or error', () => {
    assert.ok(result.cleanFlaggedLabelled / result.clean <= 0.12, `${result.cleanFlaggedLabelled}/${result.clean} clean replies flagged by a violation rule`);
  });
});
