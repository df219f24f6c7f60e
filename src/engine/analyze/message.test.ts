// The customer reading on realistic support messages (written for these tests, in the style of the
// customer turns in shared/data/ibm-customer-care). Assertions are about what an agent relies on: who is
// angrier, who needs care, what the issue is called, and that every claim points at the right words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelIssue } from './issues.ts';
import { analyzeMessage } from './message.ts';
import type { Evidence, MessageAnalysis } from '../types.ts';

const kinds = (a: MessageAnalysis) => a.signals.map((s) => s.kind);
const needs = (a: MessageAnalysis) => a.needs.map((n) => n.need).sort();
const spans = (a: MessageAnalysis): Evidence[] => [
  ...a.angerEvidence,
  ...(a.upsetEvidence ?? []),
  ...a.issues.map((i) => ({ range: i.range, text: i.phrase })),
  ...a.needs.flatMap((n) => n.evidence),
  ...a.signals.map((s) => s.evidence),
  ...a.sentences.map((s) => ({ range: s.range, text: s.text })),
];

describe('analyzeMessage: anger and upset', () => {
  const calm = analyzeMessage('Hi, does the family plan include international calls? Thank you.');
  const polite = analyzeMessage("I've been waiting two weeks for my refund. Could you please check on it? Thanks, Maria");
  const frustrated = analyzeMessage('This is really frustrating. My package was supposed to arrive on Monday and it still has not arrived.');
  const furious = analyzeMessage('I am absolutely FURIOUS!!! Charged twice AGAIN and nobody answers. This is a disgrace, you are useless.');

  it('ranks messages by how angry they read', () => {
    // A polite complaint is anger 0 on the labelling guide's scale, like a calm question: both stay low.
    for (const m of [calm, polite]) assert.ok(m.anger < 0.1, String(m.anger));
    assert.ok(Math.max(calm.anger, polite.anger) < frustrated.anger, `polite ${polite.anger} < frustrated ${frustrated.anger}`);
    assert.ok(frustrated.anger < furious.anger, `frustrated ${frustrated.anger} < furious ${furious.anger}`);
    assert.ok(furious.anger > 0.6 && furious.anger <= 1, String(furious.anger));
    assert.ok(calm.anger < 0.15, String(calm.anger));
  });

  it('marks a polite complaint upset with little anger', () => {
    assert.equal(polite.upset, true);
    assert.ok(polite.anger < 0.5, String(polite.anger));
    assert.ok(polite.sentiment < 0, String(polite.sentiment));
  });

  it('reads a plea, a loss or failed attempts as upset without anger words, each shown once', () => {
    const plea = analyzeMessage('Please help, I lost all my photos when the app updated 🙏');
    assert.equal(plea.upset, true);
    assert.deepEqual((plea.upsetEvidence ?? []).map((e) => e.text), ['Please help', 'lost all my photos']);
    const tried = analyzeMessage("I've tried reinstalling and restarting and it keeps crashing. Any ideas?");
    assert.equal(tried.upset, true);
    assert.deepEqual((tried.upsetEvidence ?? []).map((e) => e.text), ["I've tried reinstalling", 'keeps crashing']);
    for (const m of [plea, tried]) assert.ok(m.anger < 0.2, String(m.anger));
    // "not urgent" is no plea
    const notUrgent = analyzeMessage("It's not urgent, just wondering how to change my e-mail.");
    assert.equal(notUrgent.upset, false);
    assert.deepEqual(notUrgent.upsetEvidence, []);
  });

  it('hears a question that challenges the company, and a plain one as a question', () => {
    const pointed = analyzeMessage("What's the point of paying for premium if the ads still play? Why won't you fix it?");
    assert.equal(pointed.upset, true);
    assert.deepEqual(pointed.angerEvidence.map((e) => e.text), ["What's the point of", "Why won't you"]);
    for (const text of ['Why do you need my date of birth to open an account?', 'Is there a reason you ask for my postcode?']) {
      const plain = analyzeMessage(text);
      assert.equal(plain.upset, false, text);
      assert.deepEqual(plain.angerEvidence, [], text);
    }
    assert.deepEqual(analyzeMessage("I'm really getting tired of this app resetting").angerEvidence.map((e) => e.text), ["really getting tired of"]);
    assert.ok(kinds(analyzeMessage('That is enough for me to close my Wells Fargo account.')).includes('churn'));
    assert.ok(kinds(analyzeMessage("If this isn't fixed by Friday I'm cancelling.")).includes('churn'));
    assert.ok(!kinds(analyzeMessage("I'm cancelling the order myself, it is too late now.")).includes('churn'));
  });

  it('leaves a plain question calm and not upset', () => {
    assert.equal(calm.upset, false);
    assert.ok(calm.sentiment >= 0, String(calm.sentiment));
    assert.deepEqual(calm.angerEvidence, []);
  });

  it('reads "not happy at all" as unhappy, and "not angry" as no anger word', () => {
    const unhappy = analyzeMessage('I am not happy at all with how this was handled.');
    const happy = analyzeMessage('I am happy with how this was handled.');
    assert.equal(unhappy.upset, true);
    assert.equal(happy.upset, false);
    assert.ok(unhappy.sentiment < 0 && happy.sentiment > 0);
    assert.ok(unhappy.angerEvidence.some((e) => e.text === 'not happy at all'));
    const notAngry = analyzeMessage("I'm not angry, I just need the invoice corrected.");
    assert.ok(!notAngry.angerEvidence.some((e) => /angry/i.test(e.text)));
  });

  it('catches sarcasm that a word list would call positive', () => {
    const a = analyzeMessage('Great, another week without internet. Thanks for nothing.');
    assert.equal(a.upset, true);
    assert.ok(a.sentiment < 0, String(a.sentiment));
    assert.deepEqual(a.angerEvidence.map((e) => e.text), ['Great, another', 'Thanks for nothing']);
  });

  it('hears shouting and "!!!" as more anger than the same words said calmly', () => {
    const quiet = analyzeMessage('where is my order. i paid three weeks ago');
    const loud = analyzeMessage('WHERE IS MY ORDER!!! I PAID THREE WEEKS AGO!!!');
    assert.ok(loud.anger > quiet.anger + 0.2, `${loud.anger} vs ${quiet.anger}`);
    assert.ok(loud.angerEvidence.some((e) => e.text === '!!!'));
  });

  it('does not call product names and codes shouting', () => {
    const a = analyzeMessage('My PS4 shows error code CE-34878-0 when I start GTA online. Any idea?');
    assert.ok(!a.angerEvidence.some((e) => /PS4|GTA|CE/.test(e.text)), JSON.stringify(a.angerEvidence));
  });

  it('raises anger when the customer has been ignored or has written before', () => {
    const first = analyzeMessage('My card was charged for an order I cancelled.');
    const third = analyzeMessage('This is the third time I am writing: my card was charged for an order I cancelled and nobody answers.');
    assert.ok(third.anger > first.anger, `${third.anger} vs ${first.anger}`);
    assert.equal(third.upset, true);
  });

  it('strengthens a feeling word after an intensifier and shows both words as evidence', () => {
    const plain = analyzeMessage('This is ridiculous.');
    const strong = analyzeMessage('This is absolutely ridiculous.');
    assert.ok(strong.anger > plain.anger);
    assert.ok(strong.angerEvidence.some((e) => e.text === 'absolutely ridiculous'));
  });
});

describe('analyzeMessage: sentence roles', () => {
  it('tells venting, issue, request and threat apart', () => {
    const a = analyzeMessage(
      'This is absolutely ridiculous. I ordered a sofa on March 3 and it never arrived. Please refund me today. Otherwise I am leaving a one-star review.',
    );
    assert.deepEqual(a.sentences.map((s) => s.role), ['venting', 'issue', 'request', 'threat']);
    assert.ok(a.sentences[0].anger > a.sentences[1].anger);
  });

  it('treats a plain question as a request and a greeting as other', () => {
    const a = analyzeMessage('Hello. Why is my bill higher this month?');
    assert.deepEqual(a.sentences.map((s) => s.role), ['other', 'request']);
  });
});

describe('labelIssue', () => {
  it("turns the customer's words for an issue into the words a reply uses", () => {
    assert.equal(labelIssue('charged twice'), 'the double charge');
    assert.equal(labelIssue('change my password'), 'the sign-in trouble');
    assert.equal(labelIssue('hello there'), undefined);
  });
});

describe('analyzeMessage: issues', () => {
  const cases: [string, string, string, string][] = [
    ['I was charged twice for the same order.', 'billing', 'charged twice', 'the double charge'],
    ['My package never arrived.', 'delivery', 'My package never arrived', 'the package that has not arrived'],
    ['My new laptop stopped working after two days.', 'defect', 'My new laptop stopped working', 'the fault with your new laptop'],
    ["I still haven't received my refund.", 'refund', "still haven't received my refund", 'the refund that has not reached you'],
    ["I can't log in to my account since the update.", 'account', "can't log in to my account", 'the trouble getting into your account'],
    ['When I try to log in my account it not letting me.', 'account', 'log in my account it not letting me', 'the trouble getting into your account'],
    ['The agent on the phone was rude and hung up on me.', 'service', 'agent on the phone was rude', 'the way you were treated'],
    ['I have been bounced around between departments all week.', 'transfer', 'bounced around', 'being passed from one person to the next'],
    ['Apparently I am outside the return window by one day.', 'policy', 'outside the return window', 'the return window'],
    ['The parcel arrived damaged.', 'defect', 'The parcel arrived damaged', 'the damage to your parcel'],
    ['Tracking says delivered but nothing is here.', 'delivery', 'says delivered but', 'the parcel marked delivered that never reached you'],
  ];
  for (const [text, category, phrase, label] of cases) {
    it(`${category}: "${phrase}"`, () => {
      const a = analyzeMessage(text);
      const found = a.issues.find((i) => i.category === category);
      assert.ok(found, JSON.stringify(a.issues));
      assert.equal(found.phrase, phrase);
      assert.equal(text.slice(found.range[0], found.range[1]), phrase);
      assert.equal(found.label, label);
    });
  }

  it('finds nothing to complain about in a thank-you note', () => {
    assert.deepEqual(analyzeMessage('Thanks so much, the replacement arrived this morning and works perfectly!').issues, []);
  });

  it('lists several issues in text order, without repeating one', () => {
    const a = analyzeMessage('I was charged twice, my order is late, and I was charged twice again yesterday.');
    assert.deepEqual(a.issues.map((i) => i.category), ['billing', 'delivery']);
  });
});

describe('analyzeMessage: needs', () => {
  it('finds what the customer needs, with evidence', () => {
    const a = analyzeMessage('I need it by Friday for my daughter\'s birthday. Why has nobody told me anything? I want a refund of the shipping or a replacement, and an apology would be nice. Otherwise put me through to a manager.');
    assert.deepEqual(needs(a), ['acknowledgement', 'escalation', 'financial', 'information', 'replacement', 'timing']);
    for (const n of a.needs) assert.ok(n.evidence.length > 0);
  });

  it('infers the need behind an issue the customer does not spell out', () => {
    const a = analyzeMessage('I was charged twice.');
    assert.deepEqual(needs(a), ['financial']);
    assert.equal(a.needs[0].evidence[0].text, 'charged twice');
  });

  it('reads "fix it" as wanting a repair only when the issue is a thing, not an account or a bill', () => {
    assert.deepEqual(needs(analyzeMessage("Please fix my account, I can't log in!")), []);
    assert.deepEqual(needs(analyzeMessage('I was charged twice, sort it out.')), ['financial']);
    assert.deepEqual(needs(analyzeMessage('The screen arrived cracked, please fix it.')), ['replacement']);
    assert.deepEqual(needs(analyzeMessage('Please fix this.')), ['replacement']);
  });
});

describe('analyzeMessage: signals', () => {
  it('finds churn, review, legal, repeat contact, transfers, loyalty, deadline and abuse', () => {
    const a = analyzeMessage(
      "This is the fourth time I've contacted you and I've been transferred five times. " +
        "I've been a customer for 12 years. I need this sorted before my flight on Friday or I'm cancelling my account, " +
        'posting this on Twitter and talking to my lawyer. You people are useless idiots.',
    );
    assert.deepEqual([...new Set(kinds(a))].sort(), ['abuse', 'churn', 'deadline', 'legal', 'loyalty', 'repeat-contact', 'review', 'transferred']);
    assert.equal(a.signals.find((s) => s.kind === 'repeat-contact')?.value, 4);
    assert.equal(a.signals.find((s) => s.kind === 'transferred')?.value, 5);
    assert.equal(a.signals.find((s) => s.kind === 'loyalty')?.value, 12);
  });

  it('reads spelled-out tenure and counts', () => {
    const a = analyzeMessage("Loyal customer since 2009 and I've called three times about this.");
    assert.ok(kinds(a).includes('loyalty'));
    assert.equal(a.signals.find((s) => s.kind === 'repeat-contact')?.value, 3);
    const b = analyzeMessage('I have been with you for twenty-two years.');
    assert.equal(b.signals.find((s) => s.kind === 'loyalty')?.value, 22);
  });

  it('does not see a threat where the customer rules it out', () => {
    const a = analyzeMessage("I don't want to cancel my subscription and I'm not going to leave a bad review, I just want it fixed.");
    assert.deepEqual(kinds(a).filter((k) => k === 'churn' || k === 'review'), []);
  });

  it('tells swearing at the situation from abuse aimed at the agent', () => {
    assert.ok(!kinds(analyzeMessage('This fucking app crashed again.')).includes('abuse'));
    assert.ok(kinds(analyzeMessage('You are a bunch of clowns.')).includes('abuse'));
  });

  it('does not mistake a name for a lawsuit', () => {
    assert.ok(!kinds(analyzeMessage('My order is late.\nThanks, Sue')).includes('legal'));
  });
});

describe('analyzeMessage: name', () => {
  const cases: [string, string | undefined][] = [
    ['My parcel is late.\nThanks, Maria', 'Maria'],
    ['Where is my refund?\n- John', 'John'],
    ['Hello, my name is ana silva and my card was blocked.', 'Ana Silva'],
    ['This is Tom here. My router keeps dropping.', 'Tom'],
    ['Still no answer.\n\nKind regards,\nPriya Natarajan', 'Priya Natarajan'],
    ['Thanks for nothing.', undefined],
    ['This is ridiculous.', undefined],
    ['Thank you so much!', undefined],
    ['Features I want:\n-Storing files\n-More Bandwidth', undefined],
  ];
  for (const [text, name] of cases) {
    it(`${JSON.stringify(text)} → ${name ?? 'no name'}`, () => {
      const a = analyzeMessage(text);
      assert.equal(a.name?.value, name);
      if (a.name?.range) assert.equal(text.slice(a.name.range[0], a.name.range[1]).toLowerCase(), name?.toLowerCase());
    });
  }

  it('falls back to the CRM name from context, and prefers the one the customer signs with', () => {
    assert.deepEqual(analyzeMessage('My order is late.', { customerName: 'Dana' }).name, { value: 'Dana', source: 'context' });
    assert.equal(analyzeMessage('My order is late. Thanks, Maria', { customerName: 'Dana' }).name?.source, 'message');
  });
});

describe('analyzeMessage: evidence and robustness', () => {
  it('points every claim at the exact words it names', () => {
    const text = "Third time I'm writing!!! I was charged twice, my package never arrived and nobody answers. Customer for 12 years. Refund me by Friday or I'm leaving a review.\nThanks, Maria";
    const a = analyzeMessage(text);
    const all = spans(a);
    assert.ok(all.length > 10);
    for (const e of all) assert.equal(text.slice(e.range[0], e.range[1]), e.text);
  });

  it('returns a calm empty reading for empty or non-string input', () => {
    for (const input of ['', '   \n\n  ', undefined as unknown as string, 42 as unknown as string]) {
      const a = analyzeMessage(input);
      assert.equal(a.anger, 0);
      assert.equal(a.upset, false);
      assert.deepEqual(a.issues, []);
    }
  });
});
