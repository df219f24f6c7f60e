import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveContext } from './check.ts';
import { makeAnalysis } from './compose/contexts.ts';
import { asksOwnerQuestion, confirmsByEmail, detectMoves, insertSentence, moveSet, nameRange, playbookSteps, timeCues } from './moves.ts';
import type { Move } from './types.ts';

const moves = (text: string, name?: string): Move[] => moveSet(detectMoves(text, { customerName: name })).sort();

describe('detectMoves on realistic replies', () => {
  it('finds every move in a full playbook reply', () => {
    const reply =
      "Hi Ana, I can hear how frustrating this has been, and I want to help. I apologize for the double charge on your card. " +
      "You're right to expect better from us. I'll personally get the extra charge reversed today. " +
      'What would make this right for you? Thank you for being with us for twelve years. ' +
      "To recap, we agreed on a refund of the second charge. I'll e-mail you a summary, and I'll check in with you in a day or two.";
    assert.deepEqual(moves(reply, 'Ana'), ['acknowledge', 'apologize', 'ask', 'empathize', 'follow-up', 'loyalty', 'name', 'own', 'reassure', 'summarize']);
  });

  it('finds nothing in a cold, deflecting reply', () => {
    assert.deepEqual(moves('Per our policy, returns are accepted within 30 days. Please contact the courier.'), []);
  });

  it('sees acknowledgement in its many real forms', () => {
    for (const t of [
      'I understand your frustration.',
      "I can see why you're upset.",
      'That must be so frustrating.',
      'I hear you.',
      'You have every right to be annoyed.',
      'What a stressful week this must have been.',
      'I can only imagine how disappointing that was.',
      'Your frustration is completely understandable.',
      "We get where you're coming from, Marc.",
      "Oh no! I'm sad to hear the phone is cracked!",
      'That sounds like it can be difficult to use your iPhone when it is behaving this way.',
    ]) assert.ok(moves(t).includes('acknowledge'), t);
  });

  it('ignores negated and quoted cues', () => {
    assert.deepEqual(moves("I don't understand why you're upset."), []);
    assert.deepEqual(moves("We won't apologize for following the rules."), []);
    assert.deepEqual(moves('I am not sorry.'), []);
    assert.deepEqual(moves('We cannot offer a refund.'), []);
    assert.deepEqual(moves('We are unable to refund this order.'), []);
    assert.deepEqual(moves('You wrote "I apologize" in your e-mail.'), []);
    assert.deepEqual(moves("I'm not sorry for the rules."), []);
    // a new clause with its own subject is not negated by the previous one
    assert.ok(moves("I promise it won't happen again and I'll look into it today.").includes('own'));
  });

  it('tells apologies from a bare mention of sorry', () => {
    assert.ok(moves("I'm sorry your parcel is late.").includes('apologize'));
    assert.ok(moves('Please accept our apologies for the wait.').includes('apologize'));
    assert.ok(!moves('No need to feel sorry.').includes('apologize'));
  });

  it('separates own, offer and ask', () => {
    assert.deepEqual(moves("Leave it with me; I'll chase the warehouse this afternoon."), ['own']);
    assert.deepEqual(moves("We'd be happy to offer express shipping at no cost."), ['offer']);
    assert.ok(moves('This indeed appears to be a phishing scam.').includes('empathize'));
    assert.ok(moves('This was an honest oversight, and we are introducing a fix by this weekend.').includes('own'));
    assert.deepEqual(moves('Which option works best for you?'), ['ask']);
    assert.deepEqual(moves('If you ran our shop, what would you do here?'), ['ask']);
  });

  it('counts an option from the catalogue as an offer', () => {
    const options = [{ id: 'd', label: '15% discount', need: 'financial' as const, phrase: 'a 15% discount on your next order' }];
    const found = moveSet(detectMoves('You can have a 15% discount on your next order.', { options }));
    assert.deepEqual(found, ['offer']);
  });

  it('finds loyalty and follow-up promises', () => {
    assert.ok(moves("You've been with us for 12 years and we value your loyalty.").includes('loyalty'));
    assert.ok(moves("I'll call you on Friday to check it works.").includes('follow-up'));
    assert.ok(!moves('Valued customer, please call us.').includes('loyalty'));
  });
});

describe('name detection', () => {
  it('needs a capital letter, so "I will" does not name Will', () => {
    assert.equal(nameRange('I will look into it.', 'Will'), undefined);
    assert.deepEqual(nameRange('Thanks, Will. I will look into it.', 'Will'), [8, 12]);
  });
  it('uses the first name of a full name and skips @handles', () => {
    assert.deepEqual(nameRange('Hi Priya, thanks.', 'Priya Raman'), [3, 8]);
    assert.equal(nameRange('cc @Priya', 'Priya'), undefined);
  });
});

describe('helpers', () => {
  it('finds concrete times', () => {
    assert.equal(timeCues("I'll update you by 5pm today.").length, 2);
    assert.equal(timeCues('We will be in touch within 24 hours.').length, 1);
    assert.equal(timeCues('We will be in touch soon.').length, 0);
  });
  it('finds e-mail confirmations and the owner question', () => {
    assert.ok(confirmsByEmail("I'll e-mail you a written confirmation today."));
    assert.ok(confirmsByEmail('You will receive a confirmation shortly.'));
    assert.ok(!confirmsByEmail('Please e-mail us your order number.'));
    assert.ok(asksOwnerQuestion('If you were running our company, what would you do?'));
    assert.ok(!asksOwnerQuestion('What would you like us to do?'));
  });
  it('inserts after a greeting, not before it', () => {
    const text = 'Hi Ana,\nWe refunded you.';
    const fix = insertSentence(text, 'I apologize for the double charge.');
    assert.equal(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]), 'Hi Ana,\nI apologize for the double charge. We refunded you.');
    assert.deepEqual(insertSentence('', 'Hello.'), { range: [0, 0], text: 'Hello.' });
    const t2 = '@acme_help Hi there, we refunded you.';
    const f2 = insertSentence(t2, 'I apologize.');
    assert.equal(t2.slice(0, f2.range[0]) + f2.text + t2.slice(f2.range[1]), '@acme_help Hi there, I apologize. We refunded you.');
    assert.deepEqual(insertSentence('Hint: restart it.', 'X.').range, [0, 0]);
  });
});

describe('playbookSteps', () => {
  const steps = (ctx: Parameters<typeof resolveContext>[0]) => playbookSteps(resolveContext(ctx)).map((s) => s.move);
  it('asks when the need is unknown and offers when it is known', () => {
    assert.deepEqual(steps({ analysis: makeAnalysis({ upset: true }) }), ['acknowledge', 'apologize', 'empathize', 'own', 'ask']);
    assert.deepEqual(steps({ analysis: makeAnalysis({ upset: true, needs: ['timing'] }) }), ['acknowledge', 'apologize', 'empathize', 'own', 'offer']);
  });
  it('adds loyalty, summary and follow-up when called for', () => {
    assert.deepEqual(steps({ analysis: makeAnalysis({ upset: false }), phase: 'summarize' }), ['summarize', 'follow-up']);
    assert.deepEqual(steps({ analysis: makeAnalysis({ upset: true, needs: ['financial'] }), tenureYears: 9, phase: 'agree' }),
      ['acknowledge', 'apologize', 'empathize', 'own', 'loyalty', 'summarize', 'follow-up']);
  });
  it('asks nothing of a calm customer', () => {
    assert.deepEqual(steps({ analysis: makeAnalysis({ upset: false }) }), []);
  });
});
