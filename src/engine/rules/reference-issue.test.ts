import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './reference-issue.ts';

const billing = { analysis: makeAnalysis({ upset: true, issues: [{ category: 'billing', phrase: 'charged twice' }] }) };
const message = 'Hi. My dad forgot his Apple ID and the account got locked out.';
const locked = {
  customerMessage: message,
  analysis: {
    ...makeAnalysis({ upset: true }),
    sentences: [{ text: 'Hi.', range: [0, 3] as const, role: 'other' as const, anger: 0 }, { text: message.slice(4), range: [4, message.length] as const, role: 'issue' as const, anger: 0.2 }],
    issues: [{ category: 'account' as const, phrase: 'got locked out', range: [45, 59] as const }],
  },
};
const machine = { analysis: makeAnalysis({ upset: true }), issue: 'the coffee machine that stopped working after a week' };

ruleTester(rule, {
  valid: [
    { text: 'I apologize for the double charge. I have reversed it.', context: billing },
    { text: 'I can see you were billed twice; the extra payment is on its way back.', context: billing },
    { text: 'I apologize that your coffee machine let you down so soon.', context: machine },
    { text: 'A new machine is on its way, and I apologize for the hassle.', context: machine },
    // the customer's own words around the issue count ("Apple ID")
    { text: "We'd be happy to help him retrieve his Apple ID.", context: locked },
    // nothing known about the issue: nothing to reference
    { text: 'I apologize for the trouble.', context: { analysis: makeAnalysis({ upset: true }) } },
    // calm customer
    { text: 'Thanks, all done.', context: { analysis: makeAnalysis({ upset: false, issues: [{ category: 'billing', phrase: 'charged twice' }] }) } },
  ],
  invalid: [
    {
      text: 'I apologize for the inconvenience. We will look into it.',
      context: billing,
      errors: [{ messageId: 'missingIssue', range: [0, 0] }],
      // a category and no label: no stock wording ("the problem with your bill") is offered, so no fix
      output: 'I apologize for the inconvenience. We will look into it.',
    },
    {
      text: 'I apologize for any inconvenience this has caused.',
      context: machine,
      errors: [{ messageId: 'missingIssue' }],
      output: 'I apologize for any inconvenience this has caused. I am looking into the coffee machine that stopped working after a week for you now.',
    },
    {
      // a link that spells the issue out is not the reply naming it
      text: 'Sorry to hear that. See https://help.example.com/account-locked-out',
      context: locked,
      errors: [{ messageId: 'missingIssue', range: [0, 0] }],
    },
  ],
});
