import { insertSentence, missingMoveRange } from '../moves.ts';
import { compileTable, hasPhrase } from '../text/matcher.ts';
import { defineRule } from './define.ts';
import { THANKS } from './review-thank-reviewer.data.ts';

const table = compileTable(THANKS);

export default defineRule({
  meta: {
    id: 'review-thank-reviewer',
    principle: 'P20',
    severity: 'warning',
    description: 'Asks a public reply to a review to thank the reviewer for their feedback.',
    messages: {
      missingThanks: 'Thank the reviewer for their feedback.',
    },
    note: 'A public reply is read by every future customer; thanking the reviewer, even for a harsh review, stays positive and polite and earns more goodwill than the review costs (P20).',
    fixable: true,
    ruleSet: 'review',
  },
  check({ text, sentences, context }) {
    if (hasPhrase(text, table, sentences)) return [];
    const first = context.name?.trim().split(/\s+/)[0];
    const sentence = first ? `Thank you for taking the time to share this, ${first}.` : 'Thank you for taking the time to share this.';
    return [{
      messageId: 'missingThanks',
      range: missingMoveRange(text),
      suggestions: [{ message: `Add “${sentence}”`, fix: insertSentence(text, sentence) }],
    }];
  },
});
