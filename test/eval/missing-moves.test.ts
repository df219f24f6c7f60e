// Issue 12, item 5: a rule that asks for a move must not fire on a reply that already makes it. Measured on real
// replies labelled with the move (fit and held-out brands) and on good replies WRITTEN BY THE TEAM
// (data/labels/move-replies.jsonl); the numbers are printed by `npm run eval:replies`. On the fit brands and the
// team's replies the ceiling is the target, 5% of the replies that make the move. The held-out brands are
// for reporting only (nobody tuning a cue reads them), and there the rules are far from the target: their ceiling
// is the count when this test was written, so a change can only bring it down.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTeamMoveReplies, realMovePrecision, teamMovePrecision } from '../../scripts/lib/move-precision.ts';
import { readReplySet } from '../../scripts/lib/replies.ts';
import { checkReply } from '../../src/engine/check.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const rows = readReplySet(ROOT);
const TARGET = 0.05;

describe('missing-move rules on replies that make the move', () => {
  it('the team-written set has good replies of each kind, marked as written by the team', () => {
    const team = readTeamMoveReplies(ROOT);
    for (const r of team) assert.equal(r.writtenBy, 'team');
    for (const rule of ['take-ownership', 'require-acknowledgement', 'side-with-customer', 'acknowledge-loyalty', 'summarize-when-closing']) {
      assert.ok(team.filter((r) => r.rule === rule).length >= 10, rule);
    }
  });
  for (const [name, result] of [
    ['team-written', teamMovePrecision(readTeamMoveReplies(ROOT))],
    ['fit brands', realMovePrecision(rows.filter((r) => r.split === 'fit'))],
  ] as const) {
    for (const r of result) {
      it(`${name}: ${r.rule} flags ≤ 5% of ${r.n} replies that make the move`, () => {
        assert.ok(r.flagged / Math.max(1, r.n) <= TARGET, `${r.flagged}/${r.n}: ${r.examples.map((e) => e.id).join(', ')}`);
      });
    }
  }
  /** Held-out: flagged replies at most (of 32 that own, 3 that acknowledge), the figures of 2026-12-06 (was 10 and 2). */
  const HELD_OUT_CEILING: Record<string, number> = { 'take-ownership': 6, 'require-acknowledgement': 2 };
  for (const r of realMovePrecision(rows.filter((x) => x.split === 'heldout'))) {
    it(`held-out brands (reported, not tuned): ${r.rule} flags no more than ${HELD_OUT_CEILING[r.rule]} of ${r.n}`, () => {
      assert.ok(r.flagged <= HELD_OUT_CEILING[r.rule], `${r.flagged}/${r.n}`);
    });
  }
  it('take-ownership: the two false alarms of the issue', () => {
    const customerMessage = 'You charged me twice for the same order and nobody has fixed it. This is ridiculous.';
    for (const text of ["I've taken this on myself, Maria. I'll email you the confirmation by Thursday.", "I'll refund the second charge today and email you by 5pm today."]) {
      const ids = checkReply(text, { customerMessage }, { checkFixes: false }).findings.filter((f) => f.ruleId === 'take-ownership').map((f) => f.messageId);
      assert.deepEqual(ids, [], text);
    }
  });
});
