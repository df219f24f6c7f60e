import type { PhraseEntry } from './text/matcher.ts';
import type { Move } from './types.ts';

/**
 * Cues for the reply moves of the playbook. A move is detected when any cue of its table occurs in the
 * text (negation and quotation honoured by the shared matcher). `name` and `loyalty` also use context.
 */
export const MOVE_CUES: Record<Exclude<Move, 'name'>, PhraseEntry[]> = {
  acknowledge: [
    // naming the feeling
    { pattern: "(?:i|we) (?:can )?(?:hear|see|tell|understand|get) (?:that |why |how )?(?:you(?:'re| are)|this (?:is|has been)|it(?:'s| is)|you(?:'ve| have) been|you feel)" },
    { pattern: "(?:i|we) (?:hear|see|understand) (?:how|why) (?:frustrating|upsetting|annoying|disappointing|stressful|infuriating)" },
    { pattern: "(?:that|this|it) (?:must|would) (?:be|have been|feel) (?:so |very |really |incredibly )?(?:frustrating|upsetting|annoying|disappointing|stressful|maddening|infuriating|exhausting|awful|a pain)" },
    { pattern: "(?:you(?:'re| are| have every right to be)) (?:understandably |rightly |completely |totally )?(?:frustrated|upset|angry|annoyed|disappointed)" },
    { pattern: "(?:your|the) (?:frustration|anger|disappointment) (?:is|makes) (?:completely |totally )?(?:understandable|fair|sense|justified)" },
    { pattern: "(?:no wonder|it makes sense|it's understandable|understandably) you(?:'re| are| feel)" },
    { pattern: "(?:thank you|thanks) for (?:telling|letting) us know" },
  ],
  apologize: [
    { pattern: "(?:i|we) (?:sincerely |truly |really )?apologi[sz]e" },
    { pattern: "(?:my|our) (?:sincere |deepest )?apologies" },
    { pattern: "(?:i'm|i am|we're|we are) (?:so |very |really |truly )?sorry" },
    { pattern: 'sorry (?:for|about|that)' },
  ],
  empathize: [
    { pattern: "(?:i|we) (?:would|'d) (?:feel|be) (?:the same|just as|exactly the same|frustrated|upset|annoyed)" },
    { pattern: "(?:it|that) (?:would )?frustrates? me too" },
    { pattern: "(?:in your (?:shoes|position|place))" },
    { pattern: "(?:you(?:'re| are) (?:right|absolutely right) (?:to|that|about))" },
    { pattern: "(?:that|this) (?:is not|isn't|wasn't|was not) (?:the experience|what) you (?:should|deserve)" },
    { pattern: "you deserve(?:d)? better" },
  ],
  own: [
    { pattern: "i(?:'ll| will) (?:personally )?(?:take care of|handle|look into|sort (?:this|it) out|fix|chase|follow (?:this|it) up|make sure|get (?:this|it) (?:sorted|fixed|resolved))" },
    { pattern: "i(?:'ve| have) (?:already )?(?:asked|contacted|reached out to|escalated|raised|spoken (?:to|with)|opened|issued|arranged|processed|refunded|sent)" },
    { pattern: "(?:i'm|i am) (?:personally )?(?:on it|taking care|handling|looking into|following up)" },
    { pattern: "(?:leave it with me|i(?:'ll| will) own this|i(?:'ll| will) stay with (?:you|this))" },
  ],
  ask: [
    { pattern: 'what (?:would|can|could) (?:i|we) do (?:for you|to (?:make|put) (?:this|it|things) right)' },
    { pattern: 'what would (?:make this right|help (?:most|you)|you like (?:us|me) to do|be (?:a )?fair)' },
    { pattern: "(?:how|what) (?:would you like|do you want|do you prefer|works best for you)" },
    { pattern: 'if you (?:ran|owned|managed|were running) (?:our|the) (?:business|company|shop|store)' },
    { pattern: 'which (?:of these|option|would you prefer)' },
  ],
  offer: [
    { pattern: "(?:i|we) (?:can|could|would like to|'d like to|'d be happy to|would be happy to) (?:offer|send|give|refund|credit|replace|expedite|upgrade|waive|extend|ship|arrange)" },
    { pattern: "(?:i(?:'ve| have)|we(?:'ve| have)) (?:added|applied|issued|credited|refunded|waived|upgraded|arranged)" },
    { pattern: '(?:a |an )?(?:full |partial )?(?:refund|credit|discount|replacement|voucher|free (?:shipping|delivery|upgrade))' },
    { pattern: '(?:express|expedited|overnight|next[- ]day|priority) (?:shipping|delivery)' },
    { pattern: 'would (?:either|any) of (?:these|those|them) work' },
  ],
  reassure: [
    { pattern: "(?:i|we)(?:'ll| will) (?:make sure|ensure|see to it)" },
    { pattern: "you(?:'re| are) in good hands" },
    { pattern: "(?:i|we) want to (?:help|make (?:this|it|things) right|fix this|get this sorted)" },
    { pattern: "(?:i'm|i am|we're|we are) here to help" },
  ],
  summarize: [
    { pattern: "(?:to (?:summari[sz]e|recap|confirm)|so to confirm|just to confirm|here(?:'s| is) what (?:we agreed|happens next|i(?:'ll| will) do))" },
    { pattern: "(?:as|what) (?:we(?:'ve)?|you and i) (?:agreed|discussed)" },
    { pattern: "(?:i(?:'ll| will)|we(?:'ll| will)) (?:e-?mail|send) you (?:a |the )?(?:summary|confirmation|written confirmation|recap)" },
  ],
  'follow-up': [
    { pattern: "(?:i(?:'ll| will)|we(?:'ll| will)) (?:call|ring|check in with|follow up with|get back to|contact|reach out to|email|e-mail|message) you (?:on|by|tomorrow|within|in|on|again|once|as soon|when|first thing|early|later|next)" },
    { pattern: "(?:i(?:'ll| will)|we(?:'ll| will)) (?:check in|follow up|touch base)" },
    { pattern: '(?:follow[- ]up|call[- ]back) (?:call|on|by|tomorrow)' },
  ],
  loyalty: [
    { pattern: "(?:thank you|thanks|grateful|appreciate) (?:you )?(?:for )?(?:being|staying|your) (?:with us|a (?:loyal |long[- ]time |valued )?customer|loyalty|years)" },
    { pattern: '(?:your|the) (?:loyalty|years with us|long relationship)' },
    { pattern: "(?:loyal|long[- ]standing|long[- ]time) customer" },
    { pattern: '(?:customer|with us) (?:for|since) (?:\\d+|many|so many|several|over \\w+) ?(?:years?|decades?)?' },
  ],
};
