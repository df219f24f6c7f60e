// Keeps the rule set honest: every rule file is registered (sorted), has a test and a doc page, and the
// doc's incorrect examples produce a finding of that rule while its correct examples produce none.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkReply } from '../check.ts';
import type { ReplyContext } from '../types.ts';
import { RULES } from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const docsDir = join(here, '../../../docs/rules');
const ruleFiles = readdirSync(here).filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && !['index.ts', 'define.ts', 'kinds.ts', 'customer-problem.ts'].includes(f));

/** Parses a rule doc's examples: ```text blocks under "## Incorrect" / "## Correct", each preceded
 * optionally by a ```json context block that applies to the rest of its section. */
export function docExamples(md: string): { incorrect: { text: string; context?: ReplyContext }[]; correct: { text: string; context?: ReplyContext }[] } {
  const out = { incorrect: [] as { text: string; context?: ReplyContext }[], correct: [] as { text: string; context?: ReplyContext }[] };
  for (const section of md.split(/^## /m)) {
    const kind = section.startsWith('Incorrect') ? 'incorrect' : section.startsWith('Correct') ? 'correct' : undefined;
    if (!kind) continue;
    let context: ReplyContext | undefined;
    for (const m of section.matchAll(/```(\w+)( context)?\n([\s\S]*?)```/g)) {
      if (m[2]) context = JSON.parse(m[3]) as ReplyContext;
      else out[kind].push({ text: m[3].replace(/\n$/, ''), context });
    }
  }
  return out;
}

describe('rule registry', () => {
  it('registers every rule file, sorted by id', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    const fileIds = ruleFiles.filter((f) => !f.endsWith('.data.ts') && !f.endsWith('.test.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual([...ids].sort(), fileIds);
  });
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has a test file and a doc page', () => {
        assert.ok(existsSync(join(here, `${rule.meta.id}.test.ts`)), 'test file');
        assert.ok(existsSync(join(docsDir, `${rule.meta.id}.md`)), 'doc page');
      });
      it('names a playbook principle and a note', () => {
        assert.match(rule.meta.principle, /^P([1-9]|1\d|20)$/);
        assert.ok(rule.meta.note.length > 20);
      });
      it('doc examples behave as documented', () => {
        const ex = docExamples(readFileSync(join(docsDir, `${rule.meta.id}.md`), 'utf8'));
        assert.ok(ex.incorrect.length > 0 && ex.correct.length > 0, 'doc has incorrect and correct examples');
        for (const e of ex.incorrect) {
          const ids = checkReply(e.text, e.context, { ruleList: [rule] }).findings.map((f) => f.ruleId);
          assert.ok(ids.includes(rule.meta.id), `incorrect example not flagged: ${e.text}`);
        }
        for (const e of ex.correct) {
          const ids = checkReply(e.text, e.context, { ruleList: [rule] }).findings.map((f) => f.ruleId);
          assert.deepEqual(ids, [], `correct example flagged: ${e.text}`);
        }
      });
    });
  }
});
