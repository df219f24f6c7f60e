import { compileTable, findPhrases } from '../text/matcher.ts';
import { defineRule, MAX_FINDINGS_PER_RULE } from './define.ts';
import { substitutions } from './kinds.ts';
import { PRIVATE_DETAILS, ROLE_MAILBOXES } from './review-no-private-details.data.ts';

const table = compileTable(PRIVATE_DETAILS);
/** "call us on 0800 …", "our number is …": the company's own phone number is public anyway. */
const OUR_NUMBER = /(?:\bus|\bme|\bour (?:team|line|number|helpline|hotline|office|desk)(?: is)?|(?:^|[.!?]\s*|\b(?:please|just|simply|or|and)\s+)(?:call|phone|ring|dial|text|whatsapp))\s*(?:on|at|via)?\s*:?\s*$/iu;

export default defineRule({
  meta: {
    id: 'review-no-private-details',
    principle: 'P20',
    severity: 'error',
    description: 'Flags private details (e-mail addresses, phone numbers, order or account numbers, addresses) in a public reply to a review.',
    messages: {
      privateDetail: 'Private detail in a public reply: remove “{{phrase}}”.',
    },
    note: 'A review reply is public and permanent; an order number, e-mail address or phone number in it exposes the customer and breaks their trust. Take details to a direct channel (P20).',
    fixable: true,
    ruleSet: 'review',
  },
  check(input) {
    const { text, sentences } = input;
    // Numbers inside quotes are still private, so quotation is not skipped; negation is irrelevant here.
    return findPhrases(text, table, sentences, { skipNegated: false, skipQuoted: false, limit: MAX_FINDINGS_PER_RULE }).flatMap((m) => {
      if (m.entry.tag === 'email' && ROLE_MAILBOXES.has(m.text.split('@')[0].toLowerCase())) return [];
      if (m.entry.tag === 'phone') {
        const digits = m.text.replace(/\D/g, '').length;
        if (digits < 7 || digits > 15 || /^\d{4}-\d{2}-\d{2}$/.test(m.text)) return [];
        if (OUR_NUMBER.test(text.slice(Math.max(0, m.range[0] - 30), m.range[0]))) return [];
      }
      if (m.entry.tag === 'reference' && !/\d/.test(m.text)) return [];
      return [{
        messageId: 'privateDetail',
        range: m.range,
        data: { phrase: m.text },
        suggestions: substitutions(alternativesFor(m.entry.tag, m.text, m.entry.alternatives ?? []), m.range, m.text, input),
      }];
    });
  },
});

/** "order #48213" → "order" (the sentence already says whose); a bare "#48213" → "your order". */
function alternativesFor(tag: string | undefined, found: string, fallback: readonly string[]): readonly string[] {
  const kind = tag === 'reference' ? /^[\p{L}]+/u.exec(found)?.[0] : undefined;
  return kind ? [kind.toLowerCase() === 'ref' ? 'reference' : kind] : fallback;
}
