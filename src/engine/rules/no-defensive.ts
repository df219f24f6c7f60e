import { customerReportsProblem } from './customer-problem.ts';
import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf, sentenceTail } from './kinds.ts';
import { DEFENSIVE } from './no-defensive.data.ts';

/** "That's not possible, our system checks every order": the impossibility is a defence of the company. */
const DEFENDING = /^[\s,;:—–-]*(?:(?:because|since|as) )?(?:our (?:system|systems|staff|team|process|warehouse|records|software|drivers?)|we (?:always|never|check|double-check|test|verify))/iu;

export default defineRule({
  meta: {
    id: 'no-defensive',
    principle: 'P8',
    severity: 'warning',
    description: 'Flags defensive replies: "we would never", "our system doesn\'t make mistakes", "we\'re required to comply", explaining a complaint away.',
    messages: {
      defensive: 'Defensive: "{{phrase}}". Acknowledge their experience instead.',
    },
    note: 'Getting defensive tells the customer their experience is in doubt; let them state the problem, apologize for the experience, then move to the solution (P8).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(DEFENSIVE, {
    messageId: 'defensive',
    fixScope: 'clause',
    skip: (m, input) => {
      const s = sentenceOf(input.sentences, m.range[0]);
      if (isReportedSpeech(input.text, s?.range[0] ?? 0, m.range[0])) return true;
      if (m.entry.tag === 'complaint') return !customerReportsProblem(input.context);
      return m.entry.tag === 'possible' && !DEFENDING.test(sentenceTail(input, m.range));
    },
  }),
});
