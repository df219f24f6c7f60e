import { ruleTester } from '../test/rule-tester.ts';
import type { MessageAnalysis } from '../types.ts';
import rule from './no-generic-apology.ts';

const issue = { issue: 'the late delivery' };
/** A customer analysis that found the issue in the message, as the analyzer would. */
const analysed: MessageAnalysis = {
  anger: 0.6, upset: true, upsetScore: 0.9, sentiment: -0.6, angerEvidence: [], sentences: [], needs: [], signals: [], emotions: {},
  issues: [{ category: 'billing', phrase: 'the double charge', range: [0, 17] }],
};

ruleTester(rule, {
  valid: [
    // the issue is not known, so the generic wording is the best the agent can do
    'We apologize for any inconvenience this may have caused.',
    { text: 'I apologize for the late delivery, Ana.', context: issue },
    { text: 'I apologize for the inconvenience of the late delivery.', context: issue },
    { text: 'Sorry for the trouble with your parcel; it ships today.', context: issue },
    { text: 'You said "sorry for the inconvenience" is all you ever hear from us.', context: issue },
    { text: "I won't just say sorry for any inconvenience: the delay was our fault.", context: issue },
  ],
  invalid: [
    {
      text: 'Hi Ana, we apologize for any inconvenience this may have caused.',
      context: issue,
      errors: [{ messageId: 'genericApology', range: [8, 63] }],
      output: 'Hi Ana, we apologize for the late delivery.',
    },
    {
      text: 'Sorry for the inconvenience! It ships today.',
      context: issue,
      errors: [{ messageId: 'genericApology', range: [0, 27] }],
      output: 'I apologize for the late delivery! It ships today.',
    },
    {
      text: 'I apologize for any inconvenience this experience has caused you.',
      context: { analysis: analysed },
      errors: [{ messageId: 'genericApology', range: [0, 64] }],
      output: 'I apologize for the double charge.',
    },
  ],
});
