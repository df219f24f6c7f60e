// Issue 12, item 1: every suggestion is checked before it is offered, and the fixes compose. The drafts here are
// the ones the issue reports, with the customer it reports (Maria Lopez, charged twice).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes } from './fix.ts';
import { fixDraft } from './fix-draft.ts';
import { analyzeMessage } from './analyze/message.ts';
import { checkReply } from './check.ts';
import { BAD_JOINS, DEFAULT_ISSUE_WORDINGS, orderFindings } from './suggest.ts';
import { splitSentences } from './text/sentences.ts';
import type { Finding, ReplyContext } from './types.ts';

const MESSAGE = 'I was charged twice for my order and nobody is helping me! This is ridiculous.';
const MARIA: ReplyContext = { customerMessage: MESSAGE, customerName: 'Maria Lopez', analysis: analyzeMessage(MESSAGE, { customerName: 'Maria Lopez' }) };
const ISSUE_DRAFT = "Calm down. That's not our department, you'll need to contact your bank. Sorry.";

/** Duplicate sentences, bad joins and stock issue wordings in a finished draft. */
export function draftProblems(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of splitSentences(text)) {
    const k = s.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (k.split(' ').length >= 3 && seen.has(k)) out.push(`duplicate sentence: ${s.text}`);
    seen.add(k);
  }
  for (const { name, re } of BAD_JOINS) {
    re.lastIndex = 0;
    if (re.test(text)) out.push(`bad join (${name})`);
  }
  for (const w of DEFAULT_ISSUE_WORDINGS) if (text.toLowerCase().includes(w)) out.push(`stock issue wording: ${w}`);
  for (const re of [/\bI apologi[sz]e\b[^]*\bI apologi[sz]e\b/iu, /\bget back to you\b[^]*\bget back to you\b/iu, /\bI want to help\b[^]*\bI want to help\b/iu]) {
    if (re.test(text)) out.push(`said twice: ${re.source}`);
  }
  return out;
}

const serious = (fs: readonly Finding[]) => fs.filter((f) => f.severity !== 'suggestion').map((f) => `${f.ruleId}:${f.messageId}`);

describe('checked suggestions (issue 12)', () => {
  it('gives every error of the issue\'s draft a fix, rewriting "Calm down." into an acknowledgement', () => {
    const { findings } = checkReply(ISSUE_DRAFT, MARIA);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length >= 2);
    for (const f of errors) assert.ok(f.suggestions.length > 0, `${f.ruleId} "${ISSUE_DRAFT.slice(...f.range)}" has a fix`);
    const calm = errors.find((f) => f.ruleId === 'no-dismissing-emotion');
    assert.ok(calm);
    const fix = calm.suggestions[0].fix;
    assert.equal(ISSUE_DRAFT.slice(...fix.range), 'Calm down.');
    assert.match(fix.text, /^I can hear how frustrating this has been, and I want to help\.$/);
    const transfer = errors.find((f) => f.ruleId === 'no-transfer');
    assert.match(transfer?.suggestions[0].fix.text ?? '', /^I'll sort this out for you myself/);
    // the apology names the customer's issue, by its label, with her first name
    const apology = findings.find((f) => f.ruleId === 'require-apology' || f.ruleId === 'no-bare-sorry');
    assert.match(apology?.suggestions[0].fix.text ?? '', /I apologize for the double charge, Maria/);
  });

  it('offers nothing that reads badly, repeats itself or names a stock issue', () => {
    for (const draft of [ISSUE_DRAFT, "I'm sorry you feel that way, but the charge is correct!", "Unfortunately there's nothing I can do.", 'We did nothing wrong, so the charge is correct!', "I'm looking into it now. I'm sorry."]) {
      const { findings } = checkReply(draft, MARIA);
      for (const f of findings) {
        for (const s of f.suggestions) {
          const out = applyFixes(draft, [s.fix]).output;
          assert.deepEqual(draftProblems(out).filter((p) => !draftProblems(draft).includes(p)), [], `${f.ruleId} → ${out}`);
          assert.doesNotMatch(s.fix.text, /Maria Lopez/, 'a first name, not the full name');
        }
      }
    }
  });

  it('every first suggestion at once gives one coherent draft', () => {
    const { findings } = checkReply(ISSUE_DRAFT, MARIA);
    const out = applyFixes(ISSUE_DRAFT, orderFindings(findings).flatMap((f) => (f.suggestions[0] ? [f.suggestions[0].fix] : []))).output;
    assert.deepEqual(draftProblems(out), [], out);
    assert.doesNotMatch(out, /Calm down|not our department|contact your bank/);
    assert.deepEqual(serious(checkReply(out, MARIA).findings), [], out);
  });

  it('fixDraft leaves no error or warning, whatever the order the fixes are taken in', () => {
    for (const draft of [ISSUE_DRAFT, "Unfortunately there's nothing I can do.", 'We did nothing wrong, so the charge is correct!', 'Hi,\n\nSorry.\n\nThanks,\nSam']) {
      const outputs = new Set<string>();
      for (let seed = 0; seed < 4; seed++) {
        const out = fixDraft(draft, MARIA, { pick: (fs) => fs[(seed * 7 + fs.length) % fs.length] }).output;
        assert.deepEqual(serious(checkReply(out, MARIA).findings), [], out);
        assert.deepEqual(draftProblems(out), [], out);
        outputs.add(out);
      }
      assert.ok(outputs.size >= 1);
    }
  });

  it('the `defuse check --fix` reports of the issue no longer happen', () => {
    const a = fixDraft("Unfortunately there's nothing I can do.", MARIA).output;
    assert.doesNotMatch(a, /Unfortunately,? let me/i);
    const b = fixDraft('We did nothing wrong, so the charge is correct!', MARIA).output;
    assert.doesNotMatch(b, /I apologize this|experience, so/i);
    const c = fixDraft("I'm looking into it now.", MARIA).output;
    assert.doesNotMatch(c, /now today/);
  });

  it('never names a stock issue: with no issue known the wording needs none', () => {
    const locked = 'I have been locked out of my account for three days and nobody helps!';
    const context: ReplyContext = { customerMessage: locked };
    for (const draft of ['Sorry.', 'Please reset your password.', 'Calm down.']) {
      for (const f of checkReply(draft, context).findings) {
        for (const s of f.suggestions) assert.doesNotMatch(s.fix.text, /delay with your delivery|problem with your bill|fault with what you bought/);
      }
    }
  });

  it('missing moves point at where the move would go, not at an unrelated sentence', () => {
    const { findings } = checkReply(ISSUE_DRAFT, MARIA);
    for (const f of findings.filter((x) => /^missing[A-Z]/.test(x.messageId))) {
      assert.equal(f.range[0], f.range[1], `${f.ruleId} has an empty range`);
    }
  });
});

describe('orderFindings', () => {
  it('puts errors first, then the playbook order (emotion first)', () => {
    const ordered = orderFindings(checkReply(ISSUE_DRAFT, MARIA).findings);
    const ranks = { error: 0, warning: 1, suggestion: 2 };
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]];
      assert.ok(ranks[a.severity] < ranks[b.severity] || (ranks[a.severity] === ranks[b.severity] && Number(a.principle.slice(1)) <= Number(b.principle.slice(1))));
    }
    assert.equal(ordered[0].ruleId, 'no-dismissing-emotion');
  });
});
