import { appendSentence, isClosing, missingMoveRange, timeCues } from '../moves.ts';
import { defineRule } from './define.ts';
import { sentenceOf } from './kinds.ts';

export default defineRule({
  meta: {
    id: 'promise-follow-up',
    principle: 'P17',
    severity: 'warning',
    description: 'When closing, asks the reply to promise a check-back in a day or two.',
    messages: {
      missingFollowUp: 'Say you will check back in a day or two.',
      missingFollowUpTime: 'Say when you will check back.',
    },
    note: 'A call or message a day or two after the fix shows you care about the outcome, not just the ticket, and wins back loyalty a bad experience has dented (P17).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, sentences, moves, context }) {
    if (!isClosing(context)) return [];
    const promises = moves.filter((m) => m.move === 'follow-up');
    const sentence = "I'll check in with you in a day or two to make sure everything is working as it should.";
    if (promises.length === 0) {
      return [{
        messageId: 'missingFollowUp',
        range: missingMoveRange(text, 'end'),
        suggestions: [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }],
      }];
    }
    const timed = promises.some((p) => {
      const s = sentenceOf(sentences, p.range[0]);
      return s !== undefined && timeCues(text, sentences, s.range).length > 0;
    });
    if (timed) return [];
    const s = sentenceOf(sentences, promises[0].range[0]);
    let at = s ? s.range[1] : promises[0].range[1];
    while (s && at > s.range[0] && /[.!?…\s]/.test(text[at - 1])) at--;
    return [{
      messageId: 'missingFollowUpTime',
      range: s ? s.range : promises[0].range,
      suggestions: [{ message: 'Add “in a day or two”', fix: { range: [at, at], text: ' in a day or two' } }],
    }];
  },
});
