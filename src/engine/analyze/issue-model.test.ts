import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISSUE_MODEL } from '../../../models/issue.model.ts';
import { splitSentences } from '../text/sentences.ts';
import { issueHeads, learnedIssue } from './issue-model.ts';

/** Logits that put one category at probability `p` and every other far below. */
function logits(category: string, p: number): number[] {
  return ISSUE_MODEL.categories.map((c) => (c === category ? Math.log(p / (1 - p)) : -10));
}

describe('issue model', () => {
  it('ships heads on the emotion model features, one per scored category', () => {
    const h = issueHeads();
    assert.equal(h.heads, ISSUE_MODEL.categories.length);
    assert.equal(h.weights.length, (1 << h.bits) * h.heads);
    assert.deepEqual(ISSUE_MODEL.categories, ['delivery', 'billing', 'refund', 'defect', 'account']);
    assert.ok(ISSUE_MODEL.threshold > 0 && ISSUE_MODEL.threshold < 1);
  });

  it('names no issue below its threshold', () => {
    const text = 'Something is off.';
    assert.equal(learnedIssue(text, splitSentences(text), logits('billing', ISSUE_MODEL.threshold - 0.01)), undefined);
  });

  it("labels the issue with the thing the sentence names, or a plain label when it names nothing", () => {
    const withObject = 'The transfer is off.';
    const a = learnedIssue(withObject, splitSentences(withObject), logits('defect', 0.9));
    assert.deepEqual([a?.category, a?.phrase, a?.label, a?.range], ['defect', 'The transfer is off', 'the trouble with your transfer', [0, 19]]);
    const plain = 'Something is off!!';
    assert.equal(learnedIssue(plain, splitSentences(plain), logits('defect', 0.9))?.label, 'the trouble you have been having');
    assert.equal(learnedIssue(plain, splitSentences(plain), logits('billing', 0.9))?.label, 'the charge on your account');
  });
});
