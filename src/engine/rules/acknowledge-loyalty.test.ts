import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './acknowledge-loyalty.ts';

const said = { analysis: makeAnalysis({ upset: true, signals: [{ kind: 'loyalty', text: 'customer for 12 years', value: 12 }] }) };
const crm = { analysis: makeAnalysis({ upset: true }), tenureYears: 8 };

ruleTester(rule, {
  valid: [
    { text: 'Thank you for being with us for 12 years.', context: said },
    { text: 'After eight years as a loyal customer you deserve better.', context: crm },
    { text: 'We truly value your loyalty.', context: { analysis: makeAnalysis({ upset: true }), highValue: true } },
    // tenure in the CRM but a calm question: no need to bring it up
    { text: 'Your order ships tomorrow.', context: { analysis: makeAnalysis({ upset: false }), tenureYears: 8 } },
    // one year is not a long relationship
    { text: 'I apologize for the delay.', context: { analysis: makeAnalysis({ upset: true }), tenureYears: 1 } },
    // "valued customer" is boilerplate, but it is no-corporate-jargon's business, not a loyalty statement
    { text: 'Your loyalty matters to us.', context: crm },
  ],
  invalid: [
    {
      text: 'I apologize for the delay.\n\nBest,\nSam',
      context: said,
      errors: [{ messageId: 'missingLoyalty', range: [26, 26] }],
      output: 'I apologize for the delay. Thank you for being with us for 12 years; your loyalty means a lot to us.\n\nBest,\nSam',
    },
    {
      text: 'I apologize for the delay.',
      context: crm,
      errors: [{ messageId: 'missingLoyalty' }],
      output: 'I apologize for the delay. Thank you for being with us for 8 years; your loyalty means a lot to us.',
    },
    {
      text: 'Dear valued customer, I apologize for the delay.',
      context: { analysis: makeAnalysis({ upset: true }), highValue: true },
      errors: [{ messageId: 'missingLoyalty' }],
      output: 'Dear valued customer, I apologize for the delay. Thank you for sticking with us; your loyalty means a lot to us.',
    },
  ],
});
