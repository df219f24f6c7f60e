import { appendSentence, confirmsByEmail, isClosing, makes, missingMoveRange } from '../moves.ts';
import { defineRule } from './define.ts';

export default defineRule({
  meta: {
    id: 'summarize-when-closing',
    principle: 'P16',
    severity: 'warning',
    description: 'When an agreement is reached, asks the reply to recap the resolution and say it will be confirmed by e-mail.',
    messages: {
      missingSummary: 'Recap the resolution you agreed on.',
      missingEmailConfirmation: 'Say you will confirm the agreement by e-mail.',
    },
    note: 'Saying the final resolution back confirms that both sides understood the same thing and makes the promise credible; e-mailing the agreement seals it (P16).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, sentences, moves, context }) {
    if (!isClosing(context)) return [];
    const out = [];
    // The recap's content is the agreement itself, which only the agent knows: no automatic fix.
    if (!makes(moves, 'summarize')) out.push({ messageId: 'missingSummary', range: missingMoveRange(text, 'end') });
    if (!confirmsByEmail(text, sentences)) {
      const sentence = "I'll e-mail you a written confirmation of this today.";
      out.push({
        messageId: 'missingEmailConfirmation',
        range: missingMoveRange(text, 'end'),
        suggestions: [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }],
      });
    }
    return out;
  },
});
