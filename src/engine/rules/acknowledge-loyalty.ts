import { appendSentence, loyaltyCalledFor, makes, missingMoveRange } from '../moves.ts';
import type { ResolvedContext } from '../types.ts';
import { defineRule } from './define.ts';

/** Years of tenure: what the customer said ("customer for 12 years"), else the CRM's figure. */
export function tenureOf(context: ResolvedContext): number | undefined {
  const said = context.analysis.signals.find((s) => s.kind === 'loyalty' && typeof s.value === 'number')?.value;
  const years = said ?? context.tenureYears;
  return years !== undefined && years >= 1 ? Math.round(years) : undefined;
}

export default defineRule({
  meta: {
    id: 'acknowledge-loyalty',
    principle: 'P18',
    severity: 'warning',
    description: 'Asks a reply to thank a long-standing or high-value customer for their loyalty, when they mention it or are upset.',
    messages: {
      missingLoyalty: 'Thank them for their loyalty.',
    },
    note: 'A customer is someone who comes back; acknowledging years of loyalty, especially to an angry customer, shows you value the relationship and not just this transaction, and paves the way to a resolution (P18).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, context, moves }) {
    if (!loyaltyCalledFor(context) || makes(moves, 'loyalty')) return [];
    const years = tenureOf(context);
    const sentence = years && years >= 2
      ? `Thank you for being with us for ${years} years; your loyalty means a lot to us.`
      : 'Thank you for sticking with us; your loyalty means a lot to us.';
    return [{
      messageId: 'missingLoyalty',
      range: missingMoveRange(text, 'end'),
      suggestions: [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }],
    }];
  },
});
