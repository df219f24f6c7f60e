// The customer reading on wording real customers use (issue 11): the misreadings a new user met, issues and
// needs worded the way online-banking customers write (paraphrased in the style of BANKING77, not copied from
// its held-out part), stakes and urgency, swearing at the problem, at people, or reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeMessage } from './message.ts';
import type { MessageAnalysis } from '../types.ts';

const categories = (a: MessageAnalysis) => a.issues.map((i) => i.category);
const needs = (a: MessageAnalysis): string[] => a.needs.map((n) => n.need).sort();
/** Anger on the guide's 0–3 scale, as a reader would round it. */
const level = (a: MessageAnalysis) => Math.round(a.anger * 3);

describe('analyzeMessage: the misreadings of issue 11', () => {
  it('reads "How do I close my Spotify account?" as a plain question: no churn, not upset, calm', () => {
    const a = analyzeMessage('How do I close my Spotify account?');
    assert.deepEqual(a.signals.map((s) => s.kind), []);
    assert.equal(a.upset, false, String(a.upsetScore));
    assert.ok(a.anger < 0.15, String(a.anger));
    // Leaving, said as leaving, still is churn.
    const leaving = analyzeMessage("Close my Spotify account, I'm done with you.");
    assert.ok(leaving.signals.some((s) => s.kind === 'churn'));
    assert.equal(leaving.upset, true);
  });

  it("does not read an agent's courtesy apology as an upset customer", () => {
    const a = analyzeMessage('Sorry about that, Maria. Could you DM us your order number?');
    assert.equal(a.upset, false, String(a.upsetScore));
    assert.ok(a.anger < 0.15, String(a.anger));
    assert.equal(analyzeMessage('Sorry to bother you. Could you check my order status?').upset, false);
    // The customer's own distress is still read: courtesy is only the apology sentence.
    assert.equal(analyzeMessage('Sorry to bother you. I was charged twice and nobody answers.').upset, true);
  });

  it('reads a blocked PIN before a flight as upset, with the issue named', () => {
    const text = 'My PIN was blocked and I have a flight in two hours, this is a disaster';
    const a = analyzeMessage(text);
    assert.equal(a.upset, true);
    assert.deepEqual(categories(a), ['account']);
    assert.equal(a.issues[0].phrase, 'PIN was blocked');
    assert.equal(a.issues[0].label, 'your blocked PIN');
    assert.ok(needs(a).includes('replacement'));
    assert.ok((a.upsetEvidence ?? []).some((e) => e.text === 'flight in two hours'), JSON.stringify(a.upsetEvidence));
    assert.ok(a.angerEvidence.some((e) => e.text === 'disaster'));
  });
});

describe('analyzeMessage: stakes, urgency and swearing', () => {
  it('reads urgency and stakes as more upset than the same problem without them', () => {
    const pairs = [
      ['My transfer still has not arrived.', 'My transfer still has not arrived and my rent is due tomorrow.'],
      ['How long does a new card take to arrive?', 'How long does a new card take to arrive? I have a flight in two hours.'],
      ['Can you check my refund?', 'Can you check my refund? I need the money today, I cannot pay my bills.'],
    ];
    for (const [plain, pressed] of pairs) {
      const p = analyzeMessage(plain).upsetScore;
      const q = analyzeMessage(pressed).upsetScore;
      assert.ok(q > p, `${pressed}: ${q} > ${plain}: ${p}`);
    }
  });

  it('reads swearing about the problem as angry (2), at people as furious (3), reported or quoted as less', () => {
    const problem = analyzeMessage('This fucking card still has not arrived.');
    const atPeople = analyzeMessage('You are fucking useless idiots.');
    assert.ok(level(problem) >= 2, String(problem.anger));
    assert.equal(level(atPeople), 3, String(atPeople.anger));
    const own = analyzeMessage('This bank is fucking useless.');
    const reported = analyzeMessage('My friend said this bank is fucking useless.');
    const quoted = analyzeMessage('My friend said "this bank is fucking useless".');
    assert.ok(reported.anger < own.anger, `reported ${reported.anger} < own ${own.anger}`);
    assert.ok(quoted.anger < own.anger, `quoted ${quoted.anger} < own ${own.anger}`);
    assert.ok(level(quoted) < 2, String(quoted.anger));
  });

  it('counts a problem asked about as a possibility for much less than one that happened', () => {
    const maybe = analyzeMessage('What happens if the ATM gives me the wrong amount of money?');
    const happened = analyzeMessage('The ATM gave me the wrong amount of money.');
    assert.ok(maybe.upsetScore < 0.5 && maybe.upsetScore < happened.upsetScore - 0.3, `${maybe.upsetScore} vs ${happened.upsetScore}`);
    assert.equal(happened.upset, true);
  });

  it('sets `upset` from `upsetScore` at the threshold the caller gives', () => {
    const text = "It's been two weeks and I haven't gotten my card, what do I do?";
    const a = analyzeMessage(text);
    const strict = analyzeMessage(text, { upsetThreshold: 0.999 });
    const lenient = analyzeMessage('How do I change my PIN?', { upsetThreshold: 0 });
    assert.equal(a.upset, true);
    assert.equal(strict.upset, false);
    assert.equal(strict.upsetScore, a.upsetScore);
    assert.equal(lenient.upset, true);
  });
});

describe('analyzeMessage: issues and needs in online-banking wording', () => {
  // The examples the issue quotes: each got no issue before.
  const cases: [text: string, category: string, label: RegExp, need: string][] = [
    ["I haven't received my card.", 'delivery', /card/, 'timing'],
    ["It's been two weeks and I haven't gotten my card, what do I do?", 'delivery', /card/, 'replacement'],
    ['Why did I not get my refund yet?', 'refund', /refund/, 'financial'],
    ["My recent transfer didn't go through - why not?", 'defect', /^the transfer that did not go through$/, 'replacement'],
    ['My PIN was blocked.', 'account', /^your blocked PIN$/, 'replacement'],
    ["There's a payment on my statement that I never made.", 'billing', /^the payment you do not recognize$/, 'financial'],
    ['The cash machine kept my card last night.', 'defect', /^the card the ATM kept$/, 'replacement'],
    ['I was charged a fee for paying with my card abroad.', 'billing', /fee/, 'financial'],
    ['The exchange rate on my last payment is wrong.', 'billing', /exchange rate/, 'financial'],
    ['I asked the ATM for $100 and only got $40.', 'billing', /cash/, 'financial'],
    ['My wallet was stolen this morning with both cards in it.', 'account', /stolen wallet/, 'replacement'],
  ];
  for (const [text, category, label, need] of cases) {
    it(`finds ${category} in "${text}"`, () => {
      const a = analyzeMessage(text);
      const issue = a.issues.find((i) => i.category === category);
      assert.ok(issue, JSON.stringify(a.issues));
      assert.match(issue.label ?? '', label);
      assert.equal(text.slice(issue.range[0], issue.range[1]), issue.phrase);
      assert.ok(needs(a).includes(need), `${need} in ${needs(a)}`);
    });
  }

  it('gives plain questions no issue', () => {
    for (const text of ['How do I change my PIN?', 'Which currencies can I hold in my account?', 'Can I get a virtual card?', 'Is there a fee for topping up by card?', 'Do you support Apple Pay?', 'How long does a transfer from the US take?']) {
      assert.deepEqual(analyzeMessage(text).issues, [], text);
    }
  });

  it('names an issue no phrase lists from the issue model, with a phrase and a label a reply can use', () => {
    const single = analyzeMessage('My new card is taking forever.');
    assert.deepEqual(categories(single), ['delivery']);
    assert.equal(single.issues[0].phrase, 'My new card is taking forever');
    assert.equal(single.issues[0].label, 'the card you are waiting for');
    assert.ok(needs(single).includes('timing'));
    const text = 'Hello. Still no sign of my new card.';
    const a = analyzeMessage(text);
    assert.deepEqual(categories(a), ['delivery']);
    const [issue] = a.issues;
    // The phrase is the sentence that reads most like the issue, not the greeting.
    assert.equal(issue.phrase, 'Still no sign of my new card');
    assert.equal(text.slice(issue.range[0], issue.range[1]), issue.phrase);
    assert.equal(issue.label, 'the card you are waiting for');
    assert.ok(needs(a).includes('timing'));
    assert.equal(a.sentences[1].role, 'issue');
  });
});
