import type { ResolvedContext } from '../types.ts';
import { customerReportsProblem } from './customer-problem.ts';
import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf } from './kinds.ts';
import { TELLING_WRONG } from './no-telling-wrong.data.ts';

/** "If you didn't read the terms, …" explains a case; it does not tell this customer they failed. */
const CONDITIONAL = /(?:^|[^\p{L}])(?:if|unless|in case|whether|when)(?: [^\s,;]+){0,3}\s*$/iu;

/** The customer says something never arrived or was never explained: "haven't received any notification", "for no reason". */
const GOT_NOTHING = /(?:(?:not|never|n['’]t|no)(?:\s+\p{L}+){0,3}?\s+(?:received?|receiving|got|gotten|get|getting|email|e-mail|notification|notice|reason|answer|response|reply|explanation|word)|for no reason|without (?:any )?(?:reason|explanation|notice|warning)|false pretenses|wrongfully|nothing (?:happened|came|arrived))(?![\p{L}])/iu;

/** The customer's own words, as far as the context has them. */
function customerText(context: ResolvedContext): string {
  return context.customerMessage ?? context.analysis.sentences.map((s) => s.text).join(' ');
}

export default defineRule({
  meta: {
    id: 'no-telling-wrong',
    principle: 'P7',
    severity: 'warning',
    description: 'Flags telling the customer they are wrong or at fault: corrections, hindsight, blaming their end, contradicting their report, scolding.',
    messages: {
      tellingWrong: 'Don\'t tell the customer they are wrong: "{{phrase}}".',
    },
    note: 'Telling customers they are wrong puts them on the defensive and makes them argue harder, even when you are right (P7).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(TELLING_WRONG, {
    messageId: 'tellingWrong',
    fixScope: 'clause',
    skip: (m, { text, sentences, context }) => {
      const sStart = sentenceOf(sentences, m.range[0])?.range[0] ?? 0;
      if (isReportedSpeech(text, sStart, m.range[0])) return true;
      if (CONDITIONAL.test(text.slice(Math.max(sStart, m.range[0] - 30), m.range[0]))) return true;
      if (m.entry.tag === 'contradicts') return !customerReportsProblem(context);
      if (m.entry.tag === 'receipt') return !GOT_NOTHING.test(customerText(context).slice(0, 4000));
      return false;
    },
  }),
});
