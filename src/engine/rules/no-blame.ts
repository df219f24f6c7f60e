import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { BLAME } from './no-blame.data.ts';

export default defineRule({
  meta: {
    id: 'no-blame',
    principle: 'P9',
    severity: 'warning',
    description: 'Flags passing the blame to couriers, suppliers, other departments, the system, another company or circumstances.',
    messages: {
      blameCourier: 'Blaming the courier: own the delivery problem instead.',
      blameSupplier: 'Blaming the supplier or manufacturer: own the problem instead.',
      blameDepartment: 'Blaming another team or colleague: own the problem instead.',
      blameSystem: 'Blaming the system: say a person is fixing it instead.',
      blameCircumstances: '"{{phrase}}" disowns the problem: say what you can do.',
      blameOtherParty: 'Passing it to another party: "{{phrase}}". Own the problem instead.',
    },
    note: 'To the customer it does not matter whose fault it is; the issue is now yours to resolve (P9).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(BLAME, {
    messageId: 'blameCircumstances',
    fixScope: 'clause',
    skip: (m, { text, sentences }) => isReportedSpeech(text, sentenceOf(sentences, m.range[0])?.range[0] ?? 0, m.range[0]),
  }),
});
