import { makeAnalysis } from '../compose/contexts.ts';
import { ruleTester } from '../test/rule-tester.ts';
import type { OptionOffer } from '../types.ts';
import rule from './offer-options-for-need.ts';

const options: OptionOffer[] = [
  { id: 'express', label: 'Free express shipping', need: 'timing', phrase: 'free express shipping on a replacement' },
  { id: 'next-day', label: 'Next-day delivery', need: 'timing' },
  { id: 'credit', label: 'Account credit', need: 'financial', phrase: 'a credit of 20 dollars on your account' },
];
const timing = { analysis: makeAnalysis({ upset: true, needs: ['timing'] }), options };
const money = { analysis: makeAnalysis({ upset: true, needs: ['financial'] }), options };

ruleTester(rule, {
  valid: [
    { text: 'I can upgrade you to overnight delivery so it arrives before Friday.', context: timing },
    { text: 'Would next-day delivery help?', context: timing },
    { text: 'I have added a credit of 20 dollars on your account.', context: money },
    { text: 'I can offer you a full refund or a 15% discount.', context: money },
    // for a device that stopped working, troubleshooting steps are the repair
    { text: 'Please follow the steps here to reset your router.', context: { analysis: makeAnalysis({ upset: true, needs: ['replacement'] }) } },
    // urgency itself serves a timing need
    { text: "I've marked this as urgent and will call you within the hour.", context: { analysis: makeAnalysis({ upset: true, needs: ['timing'] }) } },
    // a calm question about timing wants an answer, not a remedy
    { text: 'It ships on Monday.', context: { analysis: makeAnalysis({ upset: false, needs: ['timing'] }), options } },
    // need unknown: asking comes first (ask-what-they-want)
    { text: 'What would make this right for you?', context: { analysis: makeAnalysis({ upset: true }), options } },
    // still listening: no solutions yet
    { text: 'I hear you. Tell me more.', context: { ...timing, phase: 'listen' as const } },
  ],
  invalid: [
    {
      text: 'I apologize for the delay.',
      context: timing,
      errors: [{ messageId: 'missingTimingOption', range: [26, 26] }],
      output: 'I apologize for the delay. I can offer you free express shipping on a replacement, or next-day delivery if that suits you better.',
    },
    {
      text: 'I apologize for the double charge.',
      context: money,
      errors: [{ messageId: 'missingFinancialOption' }],
      output: 'I apologize for the double charge. I can offer you a credit of 20 dollars on your account.',
    },
    {
      // a refused refund is not an offer
      text: "I apologize, but we can't refund this order.",
      context: { analysis: makeAnalysis({ upset: true, needs: ['financial'] }) },
      errors: [{ messageId: 'missingFinancialOption' }],
    },
    {
      text: 'I apologize that it broke.',
      context: { analysis: makeAnalysis({ upset: true, needs: ['replacement'] }) },
      errors: [{ messageId: 'missingReplacementOption' }],
    },
  ],
});
