import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReply } from '../check.ts';
import { moveSet } from '../moves.ts';
import { composeReply } from './compose.ts';
import { generateContexts, makeAnalysis } from './contexts.ts';

describe('composeReply', () => {
  it('passes checkReply with zero findings over many generated contexts (property)', () => {
    const failures: string[] = [];
    for (const ctx of generateContexts(600, 7)) {
      const draft = composeReply(ctx);
      const { findings } = checkReply(draft, ctx);
      if (findings.length > 0) {
        failures.push(`${findings.map((f) => `${f.ruleId}/${f.messageId} “${draft.slice(f.range[0], f.range[1])}”`).join('; ')}\n  context: ${JSON.stringify({ ...ctx, analysis: undefined, upset: ctx.analysis?.upset, needs: ctx.analysis?.needs.map((n) => n.need), signals: ctx.analysis?.signals.map((s) => s.kind), issues: ctx.analysis?.issues.map((i) => i.category) })}\n  draft: ${JSON.stringify(draft)}`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} drafts had findings; first ones:\n${failures.slice(0, 5).join('\n')}`);
  });

  it('passes checkReply with zero findings behind real customer messages, read by the real analyzer', () => {
    // Whatever the analyzer finds in these (issues, needs, signals, a name), the draft must answer it.
    const messages = [
      'This is ridiculous. You charged me twice this month and nobody answers my e-mails!',
      "My parcel was due last Tuesday and it still hasn't arrived. I need it for my daughter's birthday on Saturday.",
      "I've been a customer for 12 years and I've never been treated this badly. I'm cancelling.",
      'Third time writing about this. The blender stopped working after a week and I want a replacement. - Priya',
      "I got bounced between three departments and I'm still locked out of my account.",
      'Your store manager was rude to me and refused my return because it was two days late.',
      'Where is my refund?? It has been a month. I will leave a one-star review everywhere.',
      'Hi, could you tell me when my order will ship? Thanks, Tom',
      'Still waiting. Unacceptable.',
      'Thanks for the quick help yesterday, all sorted now!',
    ];
    const failures: string[] = [];
    messages.forEach((customerMessage, i) => {
      for (const phase of [undefined, 'listen', 'offer', 'summarize', 'follow-up'] as const) {
        for (const channel of ['private', 'public-review'] as const) {
          const ctx = { customerMessage, phase, channel, companyName: i % 2 ? 'Acme' : undefined, agentName: i % 3 ? 'Sam' : undefined, refusals: i % 4 === 3 ? 2 : 0 };
          const draft = composeReply(ctx);
          const { findings } = checkReply(draft, ctx);
          if (findings.length) failures.push(`${findings.map((f) => `${f.ruleId}/${f.messageId}`).join(', ')} for ${JSON.stringify(ctx)}\n  ${JSON.stringify(draft)}`);
        }
      }
    });
    assert.equal(failures.length, 0, failures.slice(0, 4).join('\n'));
  });

  it('makes the moves in playbook order for an upset customer', () => {
    const draft = composeReply({
      analysis: makeAnalysis({ upset: true, needs: ['timing'], signals: [{ kind: 'loyalty', value: 9 }] }),
      customerName: 'Ana Lopez', companyName: 'Acme', agentName: 'Sam', issue: 'the late delivery of your order',
      options: [{ id: 'x', label: 'Express shipping', need: 'timing', phrase: 'free express shipping on a replacement' }],
    });
    const moves = moveSet(checkReply(draft, {}).moves.filter((m) => m.move !== 'reassure'));
    const order = ['acknowledge', 'apologize', 'empathize', 'own', 'offer', 'loyalty'];
    assert.deepEqual(moves.filter((m) => order.includes(m)), order, draft);
    assert.match(draft, /^(?:Hi|Hello|Dear) Ana,/);
    assert.match(draft, /late delivery of your order/);
    assert.match(draft, /free express shipping on a replacement/);
    assert.match(draft, /9 years/);
    assert.match(draft, /Sam, Acme$/);
  });

  it('recaps, confirms by e-mail and promises a follow-up when closing', () => {
    const draft = composeReply({ analysis: makeAnalysis({ upset: false, needs: ['financial'] }), phase: 'summarize',
      options: [{ id: 'c', label: 'Credit', need: 'financial', phrase: 'a credit of 20 dollars on your account' }] });
    const moves = moveSet(checkReply(draft, {}).moves);
    for (const m of ['summarize', 'follow-up'] as const) assert.ok(moves.includes(m), `${m} in ${draft}`);
    assert.match(draft, /a credit of 20 dollars on your account/);
    assert.match(draft, /e-mail/);
  });

  it('asks the owner question when the agent has refused twice', () => {
    const draft = composeReply({ analysis: makeAnalysis({ upset: true }), refusals: 3, companyName: 'Acme' });
    assert.match(draft, /if you were running Acme/i);
  });

  it('thanks a reviewer in public and takes it to a direct channel, with no private details', () => {
    const draft = composeReply({ analysis: makeAnalysis({ upset: true, issues: [{ category: 'service', phrase: 'rude waiter' }] }), channel: 'public-review', customerName: 'Li Wei', companyName: 'Lakeside' });
    assert.match(draft, /^(?:Hi|Hello|Dear) Li,/);
    assert.match(draft, /[Tt]hank/);
    assert.match(draft, /direct message|private message/);
    assert.doesNotMatch(draft, /\d{4,}|@/);
  });

  it('is deterministic for a context and varies across seeds', () => {
    const base = { analysis: makeAnalysis({ upset: true }), issue: 'the double charge on your card', companyName: 'Acme' };
    assert.equal(composeReply(base), composeReply({ ...base }));
    const drafts = new Set(Array.from({ length: 40 }, (_, seed) => composeReply({ ...base, seed })));
    assert.ok(drafts.size >= 20, `only ${drafts.size} distinct drafts from 40 seeds`);
  });

  it('writes a short friendly reply to a calm customer', () => {
    const draft = composeReply({ analysis: makeAnalysis({ upset: false }), companyName: 'Acme' });
    assert.equal(checkReply(draft, { analysis: makeAnalysis({ upset: false }) }).findings.length, 0);
    assert.doesNotMatch(draft, /apologi/);
  });
});
