import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReply } from '../check.ts';
import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './require-apology.ts';

const upset = { analysis: makeAnalysis({ upset: true }) };
const late = { analysis: makeAnalysis({ upset: true, issues: [{ category: 'delivery', phrase: 'still not here' }] }), customerName: 'Ana Lopez' };

ruleTester(rule, {
  valid: [
    { text: 'I apologize for the late delivery, Ana.', context: late },
    { text: "We're so sorry your parcel is late.", context: late },
    { text: 'Please accept our apologies for the wait.', context: late },
    { text: 'Your order ships tomorrow.', context: { analysis: makeAnalysis({ upset: false }) } },
  ],
  invalid: [
    {
      text: 'Your parcel will arrive tomorrow.',
      context: late,
      errors: [{ messageId: 'missingApology', range: [0, 0] }],
      // the analysis names the issue's category only: the apology names no stock issue ("the delay with your delivery")
      output: 'I apologize for the trouble this has caused you, Ana. Your parcel will arrive tomorrow.',
    },
    {
      // the customer is at fault (wrong address) and still gets an apology; the apology follows the acknowledgement
      text: 'I can see how frustrating this is. The address on the order was incomplete, so it came back to us.',
      context: { ...upset, issue: 'the returned parcel' },
      errors: [{ messageId: 'missingApology' }],
      output: 'I can see how frustrating this is. I apologize for the returned parcel. The address on the order was incomplete, so it came back to us.',
    },
    {
      // refusing to apologize is not an apology
      text: "Hi Ana, we won't apologize for our policy.",
      context: late,
      errors: [{ messageId: 'missingApology', range: [8, 8] }],
      output: "Hi Ana, I apologize for the trouble this has caused you. We won't apologize for our policy.",
    },
  ],
});

describe('how strongly a missing apology is reported', () => {
  const reply = 'Could you send us the order number so we can check the tracking?';
  const severityFor = (customerMessage: string) =>
    checkReply(reply, { customerMessage }, { ruleList: [rule] }).findings.map((f) => f.severity);
  it('is a warning to an angry customer', () => {
    assert.deepEqual(severityFor('This is absolutely ridiculous, my parcel is two weeks late and nobody answers!!'), ['warning']);
  });
  it('is a suggestion to a customer who is upset but not angry', () => {
    assert.deepEqual(severityFor("I've been waiting two weeks for my parcel, could you check where it is?"), ['suggestion']);
  });
  it('follows the config when the user sets the rule', () => {
    const set = checkReply(reply, { customerMessage: "I've been waiting two weeks for my parcel, could you check?" }, { ruleList: [rule], rules: { 'require-apology': 'error' } });
    assert.deepEqual(set.findings.map((f) => f.severity), ['error']);
  });
});
