import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReply, scoreFindings } from './check.ts';
import { makeAnalysis } from './compose/contexts.ts';
import type { Rule } from './rules/define.ts';
import { RULES } from './rules/index.ts';
import type { Finding, PrincipleId, Severity } from './types.ts';

const finding = (ruleId: string, principle: PrincipleId, severity: Severity): Finding => ({
  ruleId, principle, severity, messageId: 'x', message: '', note: '', range: [0, 1], suggestions: [],
});
const ruleFor = (principle: PrincipleId) => ({ meta: { principle } }) as Rule;

describe('scores', () => {
  it('a missing acknowledgement to an angry customer costs more than a jargon word', () => {
    const missingAck = scoreFindings([finding('require-acknowledgement', 'P2', 'warning')], [ruleFor('P2')], { upset: true });
    const jargon = scoreFindings([finding('no-corporate-jargon', 'P15', 'warning')], [ruleFor('P15')], { upset: true });
    assert.ok(missingAck.overall < jargon.overall, `${missingAck.overall} vs ${jargon.overall}`);
    assert.equal(missingAck.overall, 88);
    assert.equal(jargon.overall, 94);
  });

  it('weighs emotion-handling principles double only when the customer is upset', () => {
    const f = [finding('no-transfer', 'P10', 'error')];
    assert.equal(scoreFindings(f, [], { upset: true }).overall, 76);
    assert.equal(scoreFindings(f, [], { upset: false }).overall, 88);
  });

  it('repeats of one rule cost less each time, and the score never goes below 0', () => {
    const ten = Array.from({ length: 10 }, () => finding('no-shouting', 'P3', 'warning'));
    const s = scoreFindings(ten, [ruleFor('P3')], { upset: false });
    assert.ok(s.overall > 70, `ten repeats of one habit: ${s.overall}`);
    const many = Array.from({ length: 40 }, (_, i) => finding(`rule-${i}`, 'P7', 'error'));
    assert.equal(scoreFindings(many, [], { upset: true }).overall, 0);
  });

  it('scores each principle an active rule checks, and only those', () => {
    const s = scoreFindings([finding('require-apology', 'P4', 'warning')], [ruleFor('P4'), ruleFor('P15')], { upset: true });
    assert.deepEqual(s.byPrinciple, { P4: 76, P15: 100 });
  });

  it('a good reply outscores a bad one on the real registry', () => {
    const ctx = { analysis: makeAnalysis({ upset: true, issues: [{ category: 'billing', phrase: 'charged twice' }] }), customerName: 'Ana' };
    const good = checkReply("Hi Ana, I can hear how frustrating the double charge has been, and I want to help. I apologize for charging you twice; you deserve better. I've already reversed the second charge. What else would make this right for you?", ctx);
    const bad = checkReply('Per our policy, refunds take 10 days. Please contact your bank.', ctx);
    assert.ok(good.scores.overall > bad.scores.overall + 30, `${good.scores.overall} vs ${bad.scores.overall}`);
    assert.ok(RULES.length > 0);
  });
});

describe('nextMove', () => {
  const upset = { analysis: makeAnalysis({ upset: true }) };
  it('follows the playbook order for an upset customer', () => {
    assert.equal(checkReply('Your parcel ships today.', upset).nextMove?.move, 'acknowledge');
    assert.equal(checkReply("I can see why you're upset.", upset).nextMove?.move, 'apologize');
    assert.equal(checkReply("I can see why you're upset. I apologize for the delay.", upset).nextMove?.move, 'empathize');
    assert.equal(checkReply("I can see why you're upset. I apologize for the delay; you deserve better.", upset).nextMove?.move, 'own');
    assert.equal(checkReply("I can see why you're upset. I apologize for the delay; you deserve better. I'll chase it today.", upset).nextMove?.move, 'ask');
  });
  it('offers when the need is known, and names the principle', () => {
    const next = checkReply("I can see why you're upset. I apologize for the delay; you deserve better. I'll chase it today.",
      { analysis: makeAnalysis({ upset: true, needs: ['timing'] }) }).nextMove;
    assert.equal(next?.move, 'offer');
    assert.match(next?.reason ?? '', /P13/);
  });
  it('closes with a recap, then a follow-up', () => {
    const calm = { analysis: makeAnalysis({ upset: false }), phase: 'summarize' as const };
    assert.equal(checkReply('Great.', calm).nextMove?.move, 'summarize');
    assert.equal(checkReply('To recap, the refund is on its way.', calm).nextMove?.move, 'follow-up');
    assert.equal(checkReply("To recap, the refund is on its way. I'll check in with you in a day or two.", calm).nextMove, undefined);
  });
  it('has nothing to add for a calm question', () => {
    assert.equal(checkReply('It ships on Monday.', { analysis: makeAnalysis({ upset: false }) }).nextMove, undefined);
  });
});

describe('rule sets by channel', () => {
  const angry = makeAnalysis({ upset: true, issues: [{ category: 'service', phrase: 'rude waiter' }] });
  const setOf = new Map(RULES.map((r) => [r.meta.id, r.meta.ruleSet]));
  it('a public review reply gets the review rules and every prohibition, but not the private-reply moves', () => {
    const draft = "Actually, that's not true. Your order #48213 was fine.";
    const { findings } = checkReply(draft, { analysis: angry, channel: 'public-review' });
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of ids) assert.notEqual(setOf.get(id), 'reply', `${id} is a private-reply rule`);
    for (const id of ['review-thank-reviewer', 'review-no-private-details', 'review-take-it-offline', 'require-apology']) assert.ok(ids.has(id), id);
    assert.ok(findings.some((f) => f.principle === 'P7'), 'arguing is still flagged in public');
    assert.ok(!ids.has('take-ownership'));
  });
  it('a private reply never gets the review rules', () => {
    const { findings } = checkReply('Your order #48213 was fine.', { analysis: angry });
    assert.ok(findings.every((f) => setOf.get(f.ruleId) !== 'review'));
    assert.ok(findings.some((f) => f.ruleId === 'take-ownership'));
  });
});
