import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveContext } from './check.ts';
import { makeAnalysis } from './compose/contexts.ts';
import { asksOwnerQuestion, confirmsByEmail, detailQuestions, detectMoves, insertSentence, moveSet, nameRange, playbookSteps, timeCues, vocativeName } from './moves.ts';
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
      'I understand your frustration with the double charge.',
      "I can see why you're upset.",
      'That must be so frustrating.',
      'I hear you.',
      'You have every right to be annoyed.',
      'What a stressful week this must have been.',
      'I can only imagine how disappointing that was.',
      'Your frustration is completely understandable.',
      // judging the impact, as real replies do
      "That's not the experience we want you to have.",
      'This is never the way we want a customer to feel.',
      'Hi Marc, that does not sound good.',
      "That's not what we like to hear!",
      'I hate to see this, is it still happening?',
      'We know you want to start using your new tablet right away.',
      'We understand how important it is to reach your banking apps.',
      "Oh no! I'm sad to hear the phone is cracked!",
      'That sounds like it can be difficult to use your iPhone when it is behaving this way.',
    ]) assert.ok(moves(t).includes('acknowledge'), t);
  });

  it('does not take stock empathy or a neutral opener for acknowledgement (reply-label guide)', () => {
    for (const t of [
      'I understand your frustration.',
      'We understand your concerns.',
      "We get where you're coming from.",
      'Thanks for sharing your feedback.',
      'We appreciate your concern.',
      'Oh no! Here are some steps to try.',
      "Hmm, that's odd.",
    ]) assert.ok(!moves(t).includes('acknowledge'), t);
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

describe('own and reassure in their real forms', () => {
  it('hears ownership: a concrete step by the team', () => {
    for (const t of [
      "We'd be glad to look into this for you.",
      "We'd like to take a closer look at your account.",
      "We've passed this along to our engineers.",
      'Our team is aware and working on a fix.',
      "We're actively reviewing these listings.",
      'We will forward your suggestion to our product team.',
      "I've looped in our specialists so they can follow up.",
      'Please DM us your username so we can investigate further.',
      'Share the link with us so that we can check on our end.',
      "We'll take a look and update you.",
      "We've made the team aware of this.",
      'Let me take a look.',
      'Your report has been passed on to the billing team.',
      "We're in the process of removing those listings.",
      'Happy to look into this for you.',
    ]) assert.ok(moves(t).includes('own'), t);
  });

  it('leaves generic help and other people\'s steps to reassure or to nobody', () => {
    for (const t of [
      "We'll help you with that.",
      'Our support team can look into it for you.',
      "They'll be happy to take a look.",
      'Check out the steps here.',
    ]) assert.ok(!moves(t).includes('own'), t);
  });

  it('hears reassurance: support, availability, nothing lost', () => {
    for (const t of [
      'Happy to help!',
      'Glad to assist you today.',
      "We'd be happy to help you set that up.",
      "We're here for you.",
      "We're right here if you need us.",
      'Rest assured, your photos are safe.',
      "We've got you covered.",
      'We can help with that.',
      "Submit the form and we'll assist as soon as possible.",
      "We'll be standing by.",
      "We'll be just a message away.",
      "We're here from 6 AM to 10 PM every day.",
      "This update won't delete any saved games.",
      "You won't be charged twice.",
      'No data will be lost.',
      "We'd love to help with this.",
      "We'll see what we can do.",
      "You've reached the right place.",
      "Changing your plan won't affect your saved playlists.",
      'Your booking is still valid.',
      "You don't need to do anything.",
      "Let's get this sorted!",
    ]) assert.ok(moves(t).includes('reassure'), t);
  });

  it('does not count sign-offs, concessions or another team\'s help as reassurance', () => {
    for (const t of [
      "Let us know if there's anything else.",
      'Let us know if this helps!',
      "While we'd like to help, this app is made by another company.",
      'The more details you send, the better we can assist.',
      'Our billing team is happy to help: call them on 555-0100.',
      "We're not able to help with that.",
      'Click here to help us improve.',
      'Keep us posted!',
      'No worries! Please send us an e-mail.',
    ]) assert.ok(!moves(t).includes('reassure'), t);
  });
});

describe('ask-details', () => {
  it('finds real questions and specific requests for information', () => {
    for (const t of [
      'Which platform are you on?',
      'What happens when you try to sign in?',
      'Could you DM us your order number?',
      'Please send us your account e-mail.',
      'Hi there. Are you getting a specific error message?',
      'Try these tips: https://example.com/help?x=1 Does it happen on every device?',
      'Please share your channel URL.',
      'Send us the video ID where you left the comment.',
      "Tell us more about what's going on with your account.",
      "I need to know if you're on a Mac or a PC.",
      'Mind sharing a screenshot of the error?',
      'Get back to us with more details and a screenshot.',
      'Feel free to send your phone number and account number to us in a private message.',
      'I wonder which driver version is installed.',
      'Just to confirm, were you trying to join a family plan?',
    ]) assert.ok(moves(t).includes('ask-details'), t);
  });

  it('leaves questions that ask for nothing, and bare channels, alone', () => {
    for (const t of [
      'Let us know if this helps!',
      'Does this help?',
      'Send us a DM.',
      'Could you send us a DM?',
      'Please send us an e-mail at https://example.com/contact and we will assist.',
      'Would you mind trying the steps in this article?',
      'Have you tried restarting the app?',
      'Just to confirm, did you try resetting your password with the steps here: https://example.com/reset',
      'Would this page be of any help?',
      'Mind if we jump in?',
      'Anything else we can help with?',
      'Need help with your order? Visit our help centre.',
      'Give the developers your feedback here, OK?',
      'You can ask the owner of the folder to share a link with you.',
      "We'll be here when you're ready to share those details!",
      'See https://example.com/answer?hl=en for details.',
    ]) assert.ok(!moves(t).includes('ask-details'), t);
  });

  it('keeps ask-details apart from ask, and a question apart from a recap', () => {
    assert.deepEqual(moves('Which option works best for you?'), ['ask']);
    assert.deepEqual(moves('Which one do you have, the Pro or the Air?'), ['ask-details']);
    assert.deepEqual(moves('Just to confirm, did you get an error code?'), ['ask-details']);
    assert.ok(moves('Just to confirm, we agreed on a refund today.').includes('summarize'));
  });

  it('marks the question itself, one finding per question', () => {
    const text = 'Sorry about that! Could you DM us your order number? Does this help?';
    assert.deepEqual(detailQuestions(text), [[18, 52]]);
    assert.deepEqual(detectMoves(text).filter((m) => m.move === 'ask-details').map((m) => m.range), [[18, 52]]);
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
  it('finds a vocative first name without a known customer name', () => {
    const named = (t: string) => { const r = vocativeName(t); return r && t.slice(r[0], r[1]); };
    assert.equal(named('@kofi_b Hi Kofi, sorry for the trouble.'), 'Kofi');
    assert.equal(named('@kofi_b Hello Kofi. Which app is it?'), 'Kofi');
    assert.equal(named('Hi, Marta! This is not the experience we want.'), 'Marta');
    assert.equal(named('HI Tomasz, sorry to hear that.'), 'Tomasz');
    assert.equal(named('Thanks for reaching out, Lena. The airport is open.'), 'Lena');
    assert.equal(named('Sorry for the trouble, Omar! Try the link below.'), 'Omar');
    assert.equal(named('Sounds good, Ines. We will be here.'), 'Ines');
    assert.equal(named('Thank you for the feedback, Grace, and we hear you.'), 'Grace');
    assert.equal(named('Dana, we have refunded the second charge.'), 'Dana');
    assert.equal(named('Dear Mr. Okafor, your refund is on its way.'), 'Mr. Okafor');
    assert.deepEqual(vocativeName('@dana_k Hi Dana, we refunded you. ^JS'), [11, 15]);
  });
  it('does not take greetings, courtesy words, lists, interjections or signatures for a name', () => {
    for (const t of [
      'Hi there, thanks for reaching out.',
      'Hi team, the outage is over.',
      'Hello! Thanks, Sorry, Great, Please.',
      'Let us know. Thanks, Sam',
      'Let us know how it goes.\nCheers, Priya',
      'Thanks. ^JS',
      'Let us know! -Sam',
      'Thanks, *MS',
      'Hi there! Sam here, from the store.',
      'It works on Windows, Mac.',
      'Unfortunately, we cannot change it.',
      'Hmm, we should check that.',
      'Additionally, we have a guide.',
      'Keep us posted, Thanks.',
      'Sync your photos, Notes, and contacts.',
      '@DanaK thanks for the tag.',
      'Available on Monday, Tuesday.',
    ]) assert.equal(vocativeName(t), undefined, t);
  });
  it('counts a vocative name as the name move when the context gives none', () => {
    assert.ok(moves('Thanks for waiting, Dana! Your parcel ships today.').includes('name'));
    assert.ok(!moves('Thanks for waiting! Your parcel ships today. -Dana').includes('name'));
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
