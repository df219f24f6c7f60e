// Precision across the prohibition rules: replies that follow the playbook, or that negate, quote or report a
// forbidden phrase, must get no finding from any `no-*` rule. A rule that fires here is a bug (issue 2).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReply } from '../check.ts';
import type { MessageAnalysis, ReplyContext } from '../types.ts';
import { RULES } from './index.ts';

const PROHIBITIONS = [
  'no-arguing', 'no-asking-too-much', 'no-blame', 'no-corporate-jargon', 'no-defensive', 'no-dismissing-emotion',
  'no-fix-before-acknowledge', 'no-generic-apology', 'no-know-it-all', 'no-policy-wall', 'no-scripted-empathy',
  'no-shouting', 'no-telling-wrong', 'no-transfer',
];
const rules = RULES.filter((r) => PROHIBITIONS.includes(r.meta.id));

/** An angry customer who was charged twice and gave the order number: the hardest context for these rules. */
const analysis: MessageAnalysis = {
  anger: 0.9, upset: true, upsetScore: 0.95, sentiment: -0.8, sentences: [], needs: [], signals: [], emotions: {},
  angerEvidence: [{ range: [0, 10], text: 'ridiculous' }],
  issues: [{ category: 'billing', phrase: 'the double charge', range: [0, 17] }],
};
const context: ReplyContext = { analysis, customerName: 'Ana', issue: 'the double charge', alreadyProvided: ['order number'] };

const GOOD: string[] = [
  // the seeds' own model wording
  'I hear you are angry, but I want to help.',
  "I can understand why you are upset, and it frustrates me too when a product doesn't operate properly.",
  'This is not our policy, and I apologize this was your experience with us.',
  'I apologize for the double charge. It looks like this purchase is outside of the return window, but let me see what I can do for you.',
  // full replies in playbook order
  "Ana, I'm so sorry you were charged twice, and I can see why you're furious. I've refunded the second charge; it will reach your card within 3 days. I'll e-mail you a confirmation today and check in on Thursday.",
  "Hi Ana, you're right to be upset: two charges for one order is not okay. I apologize for the double charge. I have asked our billing team to reverse it and will confirm by 5 pm.",
  "You have every right to be frustrated, Ana. I'd feel the same. What would make this right for you?",
  'Thank you for being with us for 12 years, Ana. I apologize for the double charge and have credited your account.',
  "I apologize for the double charge. If you ran our business, what would you do here? I'm open to any idea.",
  "I apologize for the double charge. We don't usually make exceptions, but for you I will refund the fee today.",
  "I apologize for the double charge. The courier lost your parcel too, so I've sent a replacement by express, at no cost.",
  'I apologize for the double charge. The item is out of stock, but I can offer a similar model or a full refund. Which would you prefer?',
  'I understand your frustration, and I want to put this right. I have refunded the second charge today.',
  "I apologize for the double charge. Could you confirm which card you'd like the refund on? I'll take care of the rest.",
  "I'm sorry about the double charge. Our team is looking into it right now, and I will update you by noon.",
  'I apologize for the double charge. Your new PIN is in the post, and the FAQ page explains the steps.',
  // negated, quoted, reported
  "I won't say you're wrong: the checkout page makes this easy to miss, and I apologize for the double charge.",
  "I apologize that the last agent told you to calm down and that it was your fault. That should never have happened.",
  'She told you "there\'s nothing we can do", and I apologize: there is plenty we can do.',
  "I apologize for the double charge. I'm sorry you were told to call our billing team; I've called them myself.",
  "I apologize for the double charge. You don't need to send your order number again: I have it.",
  // informative sentences that share words with forbidden phrases
  'I apologize for the double charge. You should have received a confirmation e-mail on Monday.',
  'I apologize for the double charge. You must have been so worried seeing it twice.',
  "I apologize for the double charge. No need to worry, we will never share your card details.",
  "I apologize for the double charge. Actually, I have good news: the refund has already gone through.",
  'I apologize for the double charge. Once things calm down after the holidays, your order ships first.',
  'I apologize for the double charge. Your UPS tracking ID is 1Z999AA10123456784, and it ships today.',
  "I apologize for the double charge. Please contact us here if anything changes.",
  "Obviously this is frustrating, and I apologize for the double charge.",
  "That's not right, and I apologize for the double charge.",
  'I apologize for the double charge. Just so you know, the refund shows as pending for a day.',
  "I apologize for the double charge. As I mentioned, I've escalated it to our finance lead.",
];

describe('prohibition rules leave good replies alone', () => {
  it('covers every prohibition rule', () => assert.equal(rules.length, PROHIBITIONS.length));
  for (const text of GOOD) {
    it(text.slice(0, 70), () => {
      const found = checkReply(text, context, { ruleList: rules }).findings.map((f) => `${f.ruleId}: ${text.slice(f.range[0], f.range[1])}`);
      assert.deepEqual(found, []);
    });
  }
});
