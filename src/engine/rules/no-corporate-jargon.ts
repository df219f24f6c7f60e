import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { CORPORATE_JARGON } from './no-corporate-jargon.data.ts';

/** Before an `opener` entry: nothing in its sentence but handles, a greeting's comma or a linking word. */
const OPENS_SENTENCE = /^(?:[\s,;:–—-]|@\w+|also|and|but|just|however|hi|hello|hey|there|thanks|thank you)*$/iu;
/** "Thank you kindly", "you kindly offered": "kindly" meaning "with kindness", not the officialese "please". */
const KIND_NOT_PLEASE = /(?:thank you|thanks|thank|you|they|he|she|very|so|most|treated?\s+(?:you|us|me|them))\s*$/iu;

export default defineRule({
  meta: {
    id: 'no-corporate-jargon',
    principle: 'P15',
    severity: 'suggestion',
    description: 'Suggests plain words for cold corporate register: "please note", "I request you to", "kindly", "as per", "valued customer", PR boilerplate.',
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
    skip: (m, { text, sentences }) => {
      const sStart = sentenceOf(sentences, m.range[0])?.range[0] ?? 0;
      if (isReportedSpeech(text, sStart, m.range[0])) return true;
      const before = text.slice(Math.max(sStart, m.range[0] - 60), m.range[0]);
      if (m.entry.tag === 'opener') return !OPENS_SENTENCE.test(before);
      if (m.entry.tag === 'kindly') return KIND_NOT_PLEASE.test(before);
      return false;
    },
  }),
});
