import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './use-customer-name.ts';

const upset = { analysis: makeAnalysis({ upset: true }), customerName: 'Ana Lopez' };

ruleTester(rule, {
  valid: [
    { text: 'Hi Ana, I apologize for the delay.', context: upset },
    { text: 'I apologize for the delay, Ana.', context: upset },
    // no name known
    { text: 'I apologize for the delay.', context: { analysis: makeAnalysis({ upset: true }) } },
    // calm customer
    { text: 'Your order ships tomorrow.', context: { analysis: makeAnalysis({ upset: false }), customerName: 'Ana' } },
    // the name the message gave counts when the CRM has none
    { text: 'Hi Tom, I apologize for the delay.', context: { analysis: makeAnalysis({ upset: true, name: 'Tom' }) } },
  ],
  invalid: [
    {
      text: 'Hi, I apologize for the delay.',
      context: upset,
      errors: [{ messageId: 'missingName', range: [4, 4] }],
      output: 'Hi Ana, I apologize for the delay.',
    },
    {
      text: 'Hello there!\nI apologize for the delay.',
      context: upset,
      errors: [{ messageId: 'missingName', range: [13, 13] }],
      output: 'Hello Ana!\nI apologize for the delay.',
    },
    {
      text: 'I apologize for the delay. It ships today.',
      context: upset,
      errors: [{ messageId: 'missingName', range: [0, 0] }],
      output: 'I apologize for the delay, Ana. It ships today.',
    },
    {
      // lower-case "ana" in a word is not the name
      text: 'Our banana bread order is late. I apologize',
      context: upset,
      errors: [{ messageId: 'missingName' }],
      output: 'Our banana bread order is late, Ana. I apologize',
    },
  ],
});
