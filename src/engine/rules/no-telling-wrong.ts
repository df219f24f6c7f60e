import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { TELLING_WRONG } from './no-telling-wrong.data.ts';

/** "If you didn't read the terms, …" explains a case; it does not tell this customer they failed. */
const CONDITIONAL = /(?:^|[^\p{L}])(?:if|unless|in case|whether|when)(?: [^\s,;]+){0,3}\s*$/iu;

export default defineRule({
  meta: {
    id: 'no-telling-wrong',
    principle: 'P7',
    severity: 'warning',
    description: 'Flags telling the customer they are wrong, at fault, or should have done something differently.',
    messages: {
      tellingWrong: 'Don\'t tell the customer they are wrong: "{{phrase}}".',
    },
    note: 'Telling customers they are wrong puts them on the defensive and makes them argue harder, even when you are right (P7).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(TELLING_WRONG, {
    messageId: 'tellingWrong',
    fixScope: 'clause',
    skip: (m, { text, sentences }) => {
      const sStart = sentenceOf(sentences, m.range[0])?.range[0] ?? 0;
      if (isReportedSpeech(text, sStart, m.range[0])) return true;
      return CONDITIONAL.test(text.slice(Math.max(sStart, m.range[0] - 30), m.range[0]));
    },
  }),
});
