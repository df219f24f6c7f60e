import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkReply } from '../check.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-bare-sorry.ts';

const late = { customerName: 'Ana', issue: 'the late delivery' };

ruleTester(rule, {
  valid: [
    'I apologize for the double charge on your card.',
    'Our apologies for the delay in getting back to you.',
    'She said "sorry" twice on the phone.',
    'No need to be sorry!',
    // pity and condolences are not apologies
    'I feel sorry for anyone who waited that long.',
    "I'm so sorry for your loss, Dana.",
    'We were sorry to hear about the passing of your father.',
    'The old checkout page was in a sorry state.',
  ],
  invalid: [
    // truly bare: a warning, replaced by an apology for the issue
    {
      text: "I'm sorry. Let me look into it.",
      errors: [{ messageId: 'bareSorry', range: [0, 9] }],
      output: 'I apologize for the trouble this has caused. Let me look into it.',
    },
    {
      text: "I'm so sorry about that, Ana!",
      context: late,
      errors: [{ messageId: 'bareSorry', range: [0, 12] }],
      output: 'I apologize for the late delivery, Ana!',
    },
    {
      text: 'Thanks for writing in. Sorry.',
      context: { issue: 'the broken blender' },
      errors: [{ messageId: 'bareSorry', range: [23, 28] }],
      output: 'Thanks for writing in. I apologize for the broken blender.',
    },
    {
      text: 'Sorry to hear that! Could you tell us which app is freezing?',
      context: { issue: 'the freezing app' },
      errors: [{ messageId: 'bareSorry', range: [0, 5] }],
      output: 'I apologize for the freezing app! Could you tell us which app is freezing?',
    },
    {
      text: "We're so sorry to hear this! That isn't the experience we want for you.",
      context: late,
      errors: [{ messageId: 'bareSorry', range: [0, 14] }],
      output: "We apologize for the late delivery, Ana! That isn't the experience we want for you.",
    },
    {
      text: "I'm sorry, but we can't change a username twice within 30 days.",
      context: { issue: 'the username change' },
      errors: [{ messageId: 'bareSorry', range: [0, 9] }],
      output: "I apologize for the username change, but we can't change a username twice within 30 days.",
    },
    // "sorry" with an object: a suggestion, "apologize" in its place
    {
      text: "Hi Sam, we're sorry for the trouble with your sign-in.",
      errors: [{ messageId: 'saySorry', range: [8, 19] }],
      output: 'Hi Sam, we apologize for the trouble with your sign-in.',
    },
    {
      text: 'Hi Lee, so sorry for that export error.',
      errors: [{ messageId: 'saySorry', range: [8, 16] }],
      output: 'Hi Lee, I apologize for that export error.',
    },
    {
      text: 'Sorry to hear about the circumstances! Here are the flights we still run.',
      errors: [{ messageId: 'saySorry', range: [0, 5] }],
      output: 'I apologize for the circumstances! Here are the flights we still run.',
    },
    {
      text: 'Sorry again for the wait, Ana!',
      errors: [{ messageId: 'saySorry', range: [0, 5] }],
      output: 'I apologize again for the wait, Ana!',
    },
    {
      text: 'I am sorry you are having issues with your router. These tips can help.',
      errors: [{ messageId: 'saySorry', range: [0, 10] }],
      output: 'I apologize that you are having issues with your router. These tips can help.',
    },
    {
      text: 'Sorry to hear this keeps happening even after a reinstall – can you send us a report?',
      errors: [{ messageId: 'saySorry', range: [0, 5] }],
      output: 'I apologize that this keeps happening even after a reinstall – can you send us a report?',
    },
    {
      text: 'Sorry the tab-switching problem is back.',
      errors: [{ messageId: 'saySorry', range: [0, 5] }],
      output: 'I apologize that the tab-switching problem is back.',
    },
    // no fix where "apologize" would not read well, or would apologize twice
    {
      text: "We're sorry to hear you want to close your account, Nina. Here are the steps.",
      errors: [{ messageId: 'saySorry', range: [0, 11] }],
      output: "We're sorry to hear you want to close your account, Nina. Here are the steps.",
    },
    {
      text: "I'm sorry to say the sale has ended.",
      errors: [{ messageId: 'saySorry', range: [0, 9] }],
      output: "I'm sorry to say the sale has ended.",
    },
    {
      text: 'Sorry, I apologize for the delay on your refund.',
      errors: [{ messageId: 'saySorry', range: [0, 5] }],
      output: 'Sorry, I apologize for the delay on your refund.',
    },
  ],
});

describe('no-bare-sorry severities', () => {
  const severities = (text: string, rules?: Record<string, 'error' | 'warning' | 'suggestion'>) =>
    checkReply(text, {}, { ruleList: [rule], rules }).findings.map((f) => f.severity);
  it('a bare "sorry" is a warning, "sorry for <something>" a suggestion', () => {
    assert.deepEqual(severities("I'm sorry. We're sorry for the late reply."), ['warning', 'suggestion']);
  });
  it("the user's setting for the rule wins over the finding's own severity", () => {
    assert.deepEqual(severities("I'm sorry. We're sorry for the late reply.", { 'no-bare-sorry': 'error' }), ['error', 'error']);
  });
});
