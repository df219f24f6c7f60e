import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReply } from '../check.ts';
import type { Rule } from '../rules/define.ts';
import type { Range, ReplyContext } from '../types.ts';
import { applyFixes } from '../fix.ts';

export interface ValidCase {
  text: string;
  context?: ReplyContext;
}
export interface InvalidCase extends ValidCase {
  errors: { messageId: string; range?: Range }[];
  /** The text after applying the first suggestion of every finding. */
  output?: string;
}

/**
 * ESLint-style tester: runs one rule through the real pipeline (context resolution, move detection) and
 * asserts on message ids, ranges and fixed output, never on message prose.
 *
 * @example
 * ruleTester(rule, { valid: ['I apologize for the late parcel.'], invalid: [{ text: "I'm sorry.", errors: [{ messageId: 'bareSorry' }] }] });
 */
export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      const vc = typeof c === 'string' ? { text: c } : c;
      it(`valid: ${vc.text.slice(0, 60)}`, () => {
        const { findings } = checkReply(vc.text, vc.context, { ruleList: [rule] });
        assert.deepEqual(findings.map((f) => `${f.messageId}@${f.range}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.text.slice(0, 60)}`, () => {
        const { findings } = checkReply(c.text, c.context, { ruleList: [rule] });
        assert.deepEqual(findings.map((f) => f.messageId), c.errors.map((e) => e.messageId));
        c.errors.forEach((e, i) => {
          if (e.range) assert.deepEqual([...findings[i].range], [...e.range], `range of finding ${i}`);
        });
        for (const f of findings) {
          assert.ok(f.note.length > 0, 'every finding has a note');
          assert.equal(f.principle, rule.meta.principle);
        }
        if (c.output !== undefined) {
          const fixes = findings.flatMap((f) => (f.suggestions[0] ? [f.suggestions[0].fix] : []));
          assert.equal(applyFixes(c.text, fixes).output, c.output);
        }
      });
    }
  });
}
