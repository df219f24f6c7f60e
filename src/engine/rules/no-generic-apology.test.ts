import { ruleTester } from '../test/rule-tester.ts';
import type { MessageAnalysis } from '../types.ts';
import rule from './no-generic-apology.ts';

const issue = { issue: 'the late delivery' };
/** A customer analysis that found the issue in the message, as the analyzer would. */
const analysed: MessageAnalysis = {
  anger: 0.6, upset: true, upsetScore: 0.9, sentiment: -0.6, angerEvidence: [], sentences: [], needs: [], signals: [], emotions: {},
  issues: [{ category: 'billing', phrase: 'charged twice', label: 'the double charge', range: [0, 13] }],
};
/** Concrete problems as customers report them; the analyzer names the first two. */
const crashing = { customerMessage: 'Premiere crashes every time I import a clip, I am so done with this' };
const charged = { customerMessage: 'I was charged twice for one order' };
const cantWatch = { customerMessage: 'My subscription is paid but nothing plays on my TV, just a black screen.' };
/** Questions with nothing wrong: a vague apology there is not generic (it may still be a bare sorry). */
const howTo = { customerMessage: 'How do I sort my contacts by last name?' };

ruleTester(rule, {
  valid: [
    // no customer context: the generic wording is the best the agent can do
    'We apologize for any inconvenience this may have caused.',
    { text: 'Sorry for the trouble! Here is how sorting works.', context: howTo },
    // a vague complaint names nothing to apologize for specifically
    { text: 'I apologize for the trouble this has caused you.', context: { customerMessage: "I've been with you for 12 years and never been treated this badly. I'm leaving." } },
    { text: "I'm sorry about this. I'll chase it now.", context: { customerMessage: 'Still waiting. Unacceptable.' } },
    // the apology names its subject
    { text: 'I apologize for the late delivery, Ana.', context: issue },
    { text: 'I apologize for the inconvenience of the late delivery.', context: issue },
    { text: 'Sorry for the trouble with your parcel; it ships today.', context: issue },
    { text: "I'm sorry you're having trouble importing clips. Which version are you on?", context: crashing },
    { text: 'We are sorry about the experience due to the crash on import.', context: crashing },
    { text: 'Sorry for the late reply! The refund went out this morning.', context: charged },
    { text: 'Our apologies for the delay. The second charge is reversed.', context: charged },
    { text: 'I apologize that you were charged twice.', context: charged },
    { text: 'Sorry about this export error: our team has a fix coming.', context: crashing },
    // "that" and "nothing" point back at the clause before them, which names it
    { text: 'The second charge should never have gone through, and I apologize.', context: charged },
    { text: 'Our agent told you to wait a week, and we are sorry about that.', context: charged },
    // negated, quoted or not an apology
    { text: 'You said "sorry for the inconvenience" is all you ever hear from us.', context: issue },
    { text: "I won't just say sorry for any inconvenience: the delay was our fault.", context: issue },
    { text: 'We regret to inform you that the sale has ended.', context: charged },
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
    // the vague objects real replies use, after a concrete problem
    {
      text: 'Hi Jo, sorry to hear that. Which app is crashing, and on which OS?',
      context: crashing,
      errors: [{ messageId: 'genericApology', range: [7, 25] }],
      output: 'Hi Jo, I apologize for the crashes. Which app is crashing, and on which OS?',
    },
    {
      text: "We're sorry for the frustration, Morgan. Our experts can take a look.",
      context: crashing,
      errors: [{ messageId: 'genericApology', range: [0, 31] }],
      output: 'We apologize for the crashes, Morgan. Our experts can take a look.',
    },
    {
      text: "We're sorry for the poor experience! Could you confirm the carrier?",
      context: charged,
      errors: [{ messageId: 'genericApology', range: [0, 35] }],
      output: 'We apologize for the double charge! Could you confirm the carrier?',
    },
    {
      text: 'Apologies for any trouble or frustration, Bob! We are working on it.',
      context: cantWatch,
      errors: [{ messageId: 'genericApology', range: [0, 40] }],
    },
    {
      text: "I'm sorry for any trouble you're having! It's a temporary issue.",
      context: cantWatch,
      errors: [{ messageId: 'genericApology', range: [0, 39] }],
    },
    {
      text: "I'm sorry you're having trouble! Please write to us and we'll help.",
      context: crashing,
      errors: [{ messageId: 'genericApology', range: [0, 31] }],
      output: "I apologize for the crashes! Please write to us and we'll help.",
    },
    {
      text: "Sorry to hear you're still having trouble – have you tried the steps here?",
      context: cantWatch,
      errors: [{ messageId: 'genericApology', range: [0, 41] }],
    },
    {
      text: 'Hi, sorry to see that this happened to you. Please reinstall the app.',
      context: crashing,
      errors: [{ messageId: 'genericApology', range: [4, 42] }],
      output: 'Hi, I apologize for the crashes. Please reinstall the app.',
    },
    {
      text: "We're sorry about this. Could you share your system details?",
      context: crashing,
      errors: [{ messageId: 'genericApology', range: [0, 22] }],
      output: 'We apologize for the crashes. Could you share your system details?',
    },
    {
      text: 'Dear customer, we regret the inconvenience caused. The reversal is on its way.',
      context: charged,
      errors: [{ messageId: 'genericApology', range: [15, 49] }],
      output: 'Dear customer, we apologize for the double charge. The reversal is on its way.',
    },
    {
      // an apology for nothing, closed by "but"
      text: "I'm sorry, but we can't reverse it before Friday.",
      context: charged,
      errors: [{ messageId: 'genericApology', range: [0, 14] }],
      output: "I apologize for the double charge, but we can't reverse it before Friday.",
    },
    {
      // another apology beside it: replacing this one would apologize twice, so no fix
      text: 'Sorry to hear that. I apologize for the double charge.',
      context: charged,
      errors: [{ messageId: 'genericApology', range: [0, 18] }],
      output: 'Sorry to hear that. I apologize for the double charge.',
    },
  ],
});
