import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { CORPORATE_JARGON } from './no-corporate-jargon.data.ts';

export default defineRule({
  meta: {
    id: 'no-corporate-jargon',
    principle: 'P15',
    severity: 'suggestion',
    description: 'Suggests plain words for cold corporate jargon: "as per", "kindly be advised", "valued customer".',
    messages: {
      jargon: 'Corporate jargon: "{{phrase}}". Say it the way a person would.',
    },
    note: 'Customers respond to a human being, not a dry corporation; boilerplate puts distance where you want rapport (P15).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(CORPORATE_JARGON, {
    messageId: 'jargon',
    // jargon is jargon even after "not" ("please do not hesitate to contact us"), so only quotes and
    // reported speech excuse it
    match: { skipNegated: false },
    skip: (m, { text, sentences }) => isReportedSpeech(text, sentenceOf(sentences, m.range[0])?.range[0] ?? 0, m.range[0]),
  }),
});
