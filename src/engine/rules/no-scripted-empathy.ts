import { defineRule } from './define.ts';
import { existence, sentenceTail } from './kinds.ts';
import { SCRIPTED_EMPATHY } from './no-scripted-empathy.data.ts';

/**
 * A tail that names the specific trouble ("…with the double charge", "… — three weeks is too long"), or
 * pairs the feeling with a commitment to act, the shape the playbook itself models ("I hear you are angry,
 * but I want to help"; "I understand your frustration, and I want to put this right").
 */
const SPECIFIC_TAIL = /^\s*(?:,\s*)?(?:(?:with|about|over|regarding|around|at|after|since|because|given|when|that|as|to|especially|particularly|and (?:it|this|that))\s+\S+\s+\S+|[—–:-]\s*\S+\s+\S+|(?:i|we)(?:'ve| have)? (?:had|been through|went through|been there)|(?:and|but) (?:i|we)(?:'m| am|'re| are)? (?:want|wanted|would like|'d like|going|determined|here) to (?:help|fix|put|make|sort|get|resolve|solve))/iu;

export default defineRule({
  meta: {
    id: 'no-scripted-empathy',
    principle: 'P6',
    severity: 'warning',
    description: 'Flags stock empathy ("I understand how you feel", "we understand your frustration") that names nothing specific.',
    messages: {
      scriptedEmpathy: 'Stock empathy: "{{phrase}}". Say what you understand about their situation.',
    },
    note: 'Stock phrases like "I understand how you feel" come off as insincere; show you understand the actual frustration, and put yourself on their side (P6).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(SCRIPTED_EMPATHY, {
    messageId: 'scriptedEmpathy',
    skip: (m, input) => SPECIFIC_TAIL.test(sentenceTail(input, m.range)),
  }),
});
