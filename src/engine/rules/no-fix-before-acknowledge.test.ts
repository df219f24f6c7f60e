import { ruleTester } from '../test/rule-tester.ts';
import type { MessageAnalysis } from '../types.ts';
import rule from './no-fix-before-acknowledge.ts';

/** A customer reading that is unambiguously angry, built by hand so the test does not depend on the analyzer's numbers. */
function angry(anger = 0.9): MessageAnalysis {
  return {
    anger, upset: true, upsetScore: 0.95, sentiment: -0.8, sentences: [], issues: [], needs: [], signals: [], emotions: {},
    angerEvidence: [{ range: [0, 10], text: 'ridiculous' }],
  };
}
const furious = { analysis: angry() };
/** Upset with anger evidence but a modest score still counts. */
const irritated = { analysis: angry(0.3) };
const calm: { analysis: MessageAnalysis } = { analysis: { ...angry(0), upset: false, angerEvidence: [] } };

ruleTester(rule, {
  valid: [
    { text: 'I can hear how frustrating this has been, and I want to help. Please restart your router.', context: furious },
    { text: "I apologize for the double charge. I've refunded it.", context: furious },
    { text: "You're right to be upset. Here's how we'll fix it.", context: furious },
    { text: 'Hi Ana, I apologize for the wait. Please send your order number.', context: furious },
    // nothing to jump to: no fix or instruction at all
    { text: 'Thanks for telling us. I am on it.', context: furious },
    // a calm customer can get straight to the answer
    { text: 'Please restart your router, and it should reconnect.', context: calm },
    'Please restart your router, and it should reconnect.',
    { text: "I won't ask you to restart anything. I apologize for the outage.", context: furious },
    // later in the conversation the emotion has been handled already
    { text: "To recap: I've refunded the second charge.", context: { ...furious, phase: 'summarize' } },
  ],
  invalid: [
    {
      text: 'Please restart your router. Sorry about that.',
      context: furious,
      errors: [{ messageId: 'fixBeforeAcknowledge', range: [0, 27] }],
      output: 'I can hear how frustrating this has been, and I want to help. Please restart your router. Sorry about that.',
    },
    {
      text: 'Hi Ana, please send your order number.',
      context: irritated,
      errors: [{ messageId: 'fixBeforeAcknowledge', range: [0, 38] }],
      output: 'Hi Ana, I can hear how frustrating this has been, and I want to help. Please send your order number.',
    },
    {
      text: 'Hi Ana. Restart the router and try again.',
      context: { ...furious, issue: 'the dropped connection' },
      errors: [{ messageId: 'fixBeforeAcknowledge', range: [8, 41] }],
      output: 'Hi Ana. I can hear how frustrating this has been, and I want to help. Restart the router and try again.',
    },
    {
      text: "I've refunded the second charge. I understand you're upset.",
      context: furious,
      errors: [{ messageId: 'fixBeforeAcknowledge', range: [0, 32] }],
    },
  ],
});
