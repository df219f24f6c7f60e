import { appendSentence, isClosing, missingMoveRange } from '../moves.ts';
import { compileTable, hasPhrase } from '../text/matcher.ts';
import type { OptionOffer } from '../types.ts';
import { defineRule } from './define.ts';
import { NEED_REMEDIES, type RemedyNeed } from './offer-options-for-need.data.ts';

const TABLES = Object.fromEntries(Object.entries(NEED_REMEDIES).map(([need, t]) => [need, compileTable(t)])) as Record<RemedyNeed, ReturnType<typeof compileTable>>;
const MESSAGE: Record<RemedyNeed, string> = { timing: 'missingTimingOption', financial: 'missingFinancialOption', replacement: 'missingReplacementOption' };

function optionWording(o: OptionOffer): string {
  return o.phrase ?? o.label.charAt(0).toLowerCase() + o.label.slice(1);
}

export default defineRule({
  meta: {
    id: 'offer-options-for-need',
    principle: 'P13',
    severity: 'suggestion',
    description: 'Asks for an option that fits the need the customer expressed: shipping for timing, discount or credit for money, a replacement for a faulty product.',
    messages: {
      missingTimingOption: 'They need it in time: offer a faster shipping option.',
      missingFinancialOption: 'Their concern is money: offer a refund, discount or credit.',
      missingReplacementOption: 'They need a working product: offer a replacement or repair.',
    },
    note: 'One-size-fits-all answers frustrate; tailor the remedy to the need — shipping options when timing matters, a discount or credit when money does — and the customer sees you working for them (P13).',
    fixable: true,
    ruleSet: 'reply',
  },
  check({ text, sentences, context }) {
    // A calm "when will it ship?" wants an answer, not a remedy: only upset customers need options.
    if (!context.upset || isClosing(context) || context.phase === 'listen' || context.phase === 'follow-up') return [];
    const lower = text.toLowerCase();
    for (const { need } of context.analysis.needs) {
      if (!(need in TABLES)) continue;
      const remedyNeed = need as RemedyNeed;
      const options = (context.options ?? []).filter((o) => o.need === need);
      if (hasPhrase(text, TABLES[remedyNeed], sentences)) continue;
      if (options.some((o) => lower.includes(optionWording(o).toLowerCase()) || lower.includes(o.label.toLowerCase()))) continue;
      const offered = options.slice(0, 2).map(optionWording);
      const sentence = offered.length === 2
        ? `I can offer you ${offered[0]}, or ${offered[1]} if that suits you better.`
        : offered.length === 1 ? `I can offer you ${offered[0]}.` : undefined;
      return [{
        messageId: MESSAGE[remedyNeed],
        range: missingMoveRange(text, 'end'),
        suggestions: sentence ? [{ message: `Add “${sentence}”`, fix: appendSentence(text, sentence) }] : [],
      }];
    }
    return [];
  },
});
