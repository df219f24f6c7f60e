import { defineRule } from './define.ts';
import { existence, isReportedSpeech, sentenceOf, sentenceTail } from './kinds.ts';
import { KNOW_IT_ALL } from './no-know-it-all.data.ts';

/** "…no exceptions, but I'll make one for you" softens an absolute into a bent rule. */
const WAY_ROUND = /(?:^|[^\p{L}])(?:but|however|although|though|except|that said|unless|let me|what i can)(?![\p{L}])/iu;
/** "Obviously this is frustrating" sides with the customer; the word is only condescending elsewhere. */
const SIDING_AFTER = /^[\s,]*(?:(?:this|that|it)(?:'s| is| was| has been)? )?(?:(?:so|very|really|incredibly) )?(?:frustrating|upsetting|annoying|disappointing|unacceptable|not (?:ok|okay|acceptable|good enough|what (?:you|we)|the experience)|(?:i'm|i am|we're|we are) (?:so |very |really )?sorry|(?:i|we) apologi[sz]e|(?:want|care|understand|wish|hope|regret|feel|agree|should have)(?![\p{L}]))/iu;

/** "As stated in our terms" points at a document, not at the customer's listening; "in my last e-mail" does. */
const CITES_DOCUMENT = /^\s+(?:in|on|by) (?:the|our|this) (?!previous|last|earlier|above)/iu;

export default defineRule({
  meta: {
    id: 'no-know-it-all',
    principle: 'P7',
    severity: 'warning',
    description: 'Flags know-it-all or no-negotiation tone: "obviously", "as I already said", "nothing we can do", "no exceptions".',
    messages: {
      knowItAll: 'Know-it-all or no-negotiation tone: "{{phrase}}".',
    },
    note: 'A know-it-all tone tells the customer there is nothing to discuss and puts them on the defensive (P7).',
    fixable: true,
    ruleSet: 'all',
  },
  check: existence(KNOW_IT_ALL, {
    messageId: 'knowItAll',
    skip: (m, input) => {
      const s = sentenceOf(input.sentences, m.range[0]);
      if (isReportedSpeech(input.text, s?.range[0] ?? 0, m.range[0])) return true;
      const tail = sentenceTail(input, m.range);
      if (m.entry.tag === 'absolute') return WAY_ROUND.test(tail);
      if (/^obviously$/i.test(m.text)) return SIDING_AFTER.test(tail);
      if (m.entry.tag === 'citation') return CITES_DOCUMENT.test(tail);
      return false;
    },
  }),
});
