import { insertionPoint, makes, missingMoveRange } from '../moves.ts';
import type { Fix } from '../types.ts';
import { defineRule } from './define.ts';

/** A greeting that names nobody: "Hi,", "Hello there!", "Dear customer,". */
const BARE_GREETING = /^(?:@[\w.]+\s+)*([Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Gg]ood (?:morning|afternoon|evening))(?: (there|customer|sir or madam|sir|madam|friend|all))?(?=\s*[,!.:—-]|\s*\n|\s+(?:and|we|i|thanks|thank)\b)/u;

export default defineRule({
  meta: {
    id: 'use-customer-name',
    principle: 'P5',
    severity: 'suggestion',
    description: "Asks for the customer's name in a reply to an upset customer when the name is known.",
    messages: {
      missingName: 'Use {{name}}’s name.',
    },
    note: "Addressing an upset customer by name makes the reply personal rather than a form letter; the playbook asks to use the customer's name whenever you know it (P5).",
    fixable: true,
    ruleSet: 'all',
  },
  check({ text, sentences, context, moves }) {
    if (!context.upset || !context.name || makes(moves, 'name')) return [];
    const first = context.name.trim().split(/\s+/)[0];
    if (first.length < 2) return [];
    const fix = nameFix(text, sentences[0]?.range, first);
    return [{
      messageId: 'missingName',
      range: missingMoveRange(text),
      data: { name: first },
      suggestions: fix ? [{ message: `Address ${first} by name`, fix }] : [],
    }];
  },
});

/**
 * Puts the name into the greeting ("Hi," → "Hi Ana,", "Hello there," → "Hello Ana,"), else just before
 * the first sentence's closing punctuation ("I apologize for the delay." → "… delay, Ana.").
 */
function nameFix(text: string, first: readonly [number, number] | undefined, name: string): Fix | undefined {
  const g = BARE_GREETING.exec(text);
  if (g) {
    const wordEnd = g.index + g[0].length - (g[2] ? g[2].length + 1 : 0);
    if (g[2]) return { range: [wordEnd, g.index + g[0].length], text: ` ${name}` };
    return { range: [wordEnd, wordEnd], text: ` ${name}` };
  }
  if (!first) return undefined;
  // skip @handles and a greeting that already names someone else
  const start = Math.max(first[0], insertionPoint(text));
  const sentenceEnd = text.slice(start).search(/[.!?…](?:\s|$)/);
  let at = sentenceEnd >= 0 ? start + sentenceEnd : first[1];
  while (at > start && /\s/.test(text[at - 1])) at--;
  if (at <= start) return undefined;
  return { range: [at, at], text: `, ${name}` };
}
