import { defineRule } from './define.ts';
import { existence, sentenceTail } from './kinds.ts';
import { GENERIC_APOLOGY } from './no-generic-apology.data.ts';

/** "…for the inconvenience of the late delivery" names the issue after all. */
const NAMES_IT_AFTER = /^\s+(?:of|with|regarding|around|over|caused by|from|in getting|to your)\s+\S/iu;

export default defineRule({
  meta: {
    id: 'no-generic-apology',
    principle: 'P4',
    severity: 'suggestion',
    description: 'Suggests naming the issue in a generic apology ("sorry for any inconvenience") when the issue is known.',
    messages: {
      genericApology: 'Generic apology: name the issue you are apologizing for.',
    },
    note: 'An apology that names the actual issue shows you listened; "any inconvenience" could be pasted into any reply (P4).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(GENERIC_APOLOGY, {
    messageId: 'genericApology',
    when: ({ context }) => Boolean(context.issue || context.analysis.issues.length > 0),
    skip: (m, input) => NAMES_IT_AFTER.test(sentenceTail(input, m.range)),
  }),
});
