import { appendSentence, missingMoveRange } from '../moves.ts';
import { compileTable, hasPhrase } from '../text/matcher.ts';
import { defineRule } from './define.ts';
import { DIRECT_CHANNEL } from './review-take-it-offline.data.ts';

const table = compileTable(DIRECT_CHANNEL);

export default defineRule({
  meta: {
    id: 'review-take-it-offline',
    principle: 'P20',
    severity: 'warning',
    description: 'Asks a public reply to a negative review to invite the reviewer to a direct channel.',
    messages: {
      missingDirectChannel: 'Invite them to continue in a direct message or e-mail.',
    },
    note: 'Details of a complaint, and the fix, belong in a private channel: inviting the reviewer there shows future readers you act, keeps their personal data out of public view, and ends the public back-and-forth (P20).',
    fixable: true,
    ruleSet: 'review',
  },
  check({ text, sentences, context }) {
    if (!context.upset || hasPhrase(text, table, sentences)) return [];
    const sentence = "I'd like to put this right personally, so please send us a direct message and I'll take it from there.";
    return [{
      messageId: 'missingDirectChannel',
      range: missingMoveRange(text),
      suggestions: [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }],
    }];
  },
});
