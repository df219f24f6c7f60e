import type { PhraseEntry } from './text/matcher.ts';
import type { Move } from './types.ts';

// Shared word lists, so every table names the same feelings. Patterns may not capture: groups are (?:…).
const FEELING = '(?:frustrat(?:ed|ing|ion)|upset(?:ting)?|angry|anger|annoy(?:ed|ing|ance)|disappoint(?:ed|ing|ment)|stress(?:ed|ful)?|infuriat(?:ed|ing)|maddening|exasperat(?:ed|ing|ion)|worr(?:ied|ying)|concern(?:ed|s)?|inconvenien(?:t|ce)|let down|fed up|exhausting|unacceptable)';
const ADVERB = '(?:(?:so|very|really|incredibly|extremely|genuinely|completely|totally|fully|absolutely|truly|understandably|rightly|clearly|naturally) )?';
const WE = '(?:i|we)';
const WILL = "(?:i(?:'ll| will| am going to|'m going to)|we(?:'ll| will| are going to|'re going to))";

/**
 * Cues for the reply moves of the playbook. A move is detected when any cue of its table occurs in the
 * text; the shared matcher skips negated ("I won't apologize") and quoted cues. Cues require the agent's
 * own voice (first person, or words addressed to "you"): a noun like "refund" alone is not an offer,
 * because "we are unable to refund" mentions one without making it. `name` is found from the context.
 */
export const MOVE_CUES: Record<Exclude<Move, 'name'>, PhraseEntry[]> = {
  acknowledge: [
    // Saying you heard them: "I hear you", "I hear how frustrating this is"
    { pattern: `${WE} (?:can )?hear (?:you|how|that|why|your)` },
    // Naming the feeling with an understanding verb: "I understand your frustration", "I can see why you're upset"
    { pattern: `${WE} (?:can |do )?${ADVERB}(?:understand|see|get|appreciate|know|recogni[sz]e) (?:your ${FEELING}|(?:how|why|that) (?:this|that|it|you)(?:'s| is| was| has been|'ve been| have been|'re| are| feel| must| would)? ?${ADVERB}${FEELING}|(?:why|that) you(?:'re| are| feel| were| would be)|how (?:much )?(?:this|that) (?:has )?(?:affected|disrupted|ruined|spoiled))` },
    { pattern: `${WE} (?:can )?(?:only )?imagine how ${ADVERB}${FEELING}` },
    { pattern: `(?:i'm|i am|we're|we are) ${ADVERB}(?:sad|gutted|disappointed|upset|saddened|concerned) to (?:hear|see|read|learn)` },
    { pattern: `${WE} ${ADVERB}(?:can )?${ADVERB}(?:get|see|understand|appreciate) where you(?:'re| are) coming from` },
    // "That must be so frustrating", "this has been really stressful"
    { pattern: `(?:that|this|it)(?:'s| is| was| has been| must be| must have been| would be| sounds| sounded| must feel) ${ADVERB}(?:a |an )?(?:${FEELING}|(?:a |an )?(?:awful|horrible|terrible|miserable) (?:experience|situation|time|position)|(?:a )?(?:real |huge )?(?:pain|hassle|headache))` },
    // "That sounds like it can be difficult to use your phone like this": the hardship, named
    { pattern: `(?:that|this|it) (?:sounds|must be|must have been|must feel)(?: like it (?:can|could|must|would) be| like)? ${ADVERB}(?:a |an )?(?:difficult|hard|tough|confusing|rough|awful|horrible|terrible|no fun|worrying)` },
    { pattern: `(?:how|what an?) ${ADVERB}${FEELING}(?: (?:experience|situation|time|morning|day|week))?` },
    // Validating the feeling: "you have every right to be upset", "you're understandably frustrated"
    { pattern: `you(?: have every (?:right|reason) to (?:be|feel) |(?:'re| are| were) ${ADVERB}(?:right|entitled) to (?:be|feel) |(?:'re| are| were| must be| must feel) ${ADVERB})${FEELING}` },
    { pattern: `(?:your|the) ${FEELING} (?:is|makes) ${ADVERB}(?:understandable|fair|justified|valid|sense|warranted)` },
    { pattern: `(?:no wonder|it makes (?:complete |total )?sense|it(?:'s| is) ${ADVERB}understandable(?: that)?|understandably,?) you(?:'re| are| feel| were)` },
  ],
  apologize: [
    { pattern: `${WE} (?:sincerely |truly |really |deeply |do |would like to |want to |'d like to |must )?apologi[sz]e` },
    { pattern: '(?:my|our|please accept (?:my|our)) (?:sincere |sincerest |deepest |heartfelt |humble )?apolog(?:y|ies)' },
    { pattern: "(?:i'm|i am|we're|we are|im) (?:so |very |really |truly |terribly |deeply |genuinely )?sorry" },
    { pattern: '(?:so |very |really )?sorry (?:for|about|that|to hear)' },
  ],
  empathize: [
    // Putting yourself in their place: "I'd be frustrated too", "in your shoes"
    { pattern: `${WE}(?: would|'d) (?:feel|be) (?:exactly |just )?(?:the same|as ${FEELING}|just as ${FEELING}|${FEELING}(?: too| as well)?)` },
    { pattern: `(?:it|that|this) (?:would )?(?:frustrates?|annoys?|upsets?|bothers?) me (?:too|as well)` },
    { pattern: 'in your (?:shoes|position|place)' },
    // Agreeing with what is fair in the complaint: "you're right to expect better", "that shouldn't have happened"
    { pattern: `you(?:'re| are| were) ${ADVERB}(?:right|correct)(?: (?:to|that|about))?` },
    { pattern: '(?:this|that|it) (?:indeed|definitely|certainly) (?:appears|looks|sounds|seems)' },
    // Admitting the company's mistake is agreeing with the complaint
    { pattern: '(?:this|that|it) (?:was|is) (?:entirely |completely |clearly )?(?:our|my|an honest) (?:mistake|oversight|error|fault)' },
    { pattern: `${WE} ${ADVERB}agree (?:with you|that|this)` },
    { pattern: "(?:that|this|it)(?:'s| is|'s not| is not|isn't| was not|wasn't) (?:not )?(?:the (?:experience|service|standard)|what) you (?:should|deserve|expect|were promised)" },
    { pattern: "(?:that|this|it) (?:should(?:n't| not) have|should never have) (?:happened|been)" },
    { pattern: "(?:that|this|it)(?:'s| is| was) not (?:good enough|okay|ok|acceptable|how (?:we|things) should)" },
    { pattern: "(?:that|this|it) (?:isn't|wasn't) (?:good enough|okay|ok|acceptable|how (?:we|things) should)" },
    { pattern: 'you deserve(?:d)? (?:better|more|a (?:proper|real|better))' },
    { pattern: "you(?:'re| are) not (?:asking for|being) (?:too much|unreasonable)" },
  ],
  own: [
    { pattern: `${WILL} (?:personally |now |also |immediately |right away )?(?:take care of|handle|look into|sort (?:this|it|that) out|sort out|fix|chase|follow (?:this|it|that) up|follow up on|make sure|get (?:this|it|that|your \\w+) (?:sorted|fixed|resolved|moving|replaced|refunded)|check|investigate|escalate|raise|arrange|process|send|speak (?:to|with)|talk to|contact (?:the|our)|ask (?:the|our)|push|track|find out|resolve|correct|reverse|cancel|update|personally)` },
    { pattern: `${WE}(?:'ve| have) (?:already |just |now )?(?:asked|contacted|reached out to|escalated|raised|spoken (?:to|with)|opened|logged|issued|arranged|processed|refunded|sent|flagged|reversed|cancelled|corrected|booked|started)` },
    { pattern: "(?:i'm|i am|we're|we are) (?:personally |now |already |currently |actively )?(?:on it|on this|taking (?:care|ownership|this on)|handling|looking into|following (?:up|this up)|chasing|investigating|working on|introducing|fixing|rolling out|releasing|sending|issuing|refunding|replacing|correcting|reversing)" },
    // Owning the mistake itself: "this was our mistake", "that was an honest oversight on our part"
    { pattern: '(?:this|that|it) (?:was|is) (?:entirely |completely |clearly )?(?:our|my|an honest) (?:mistake|oversight|error|fault)' },
    { pattern: `(?:leave (?:it|this) with me|${WILL} own (?:this|it)|${WILL} stay with (?:you|this|it)|(?:i(?:'ll| will)|let me) take (?:this|it) (?:on|from here)|this is (?:now )?mine to (?:fix|sort|solve))` },
    { pattern: 'let me (?:personally )?(?:look into|check|sort|fix|find out|take care of|handle|chase|investigate|see what i can do|get (?:this|it|that) (?:sorted|fixed|resolved))' },
  ],
  ask: [
    { pattern: `what (?:would|can|could|should|might) ${WE} do (?:for you|to (?:make|put|set) (?:this|it|things) right|to help|to fix this|that would help)` },
    { pattern: "what would (?:make (?:this|it|things) right|help (?:most|you)|you like (?:us|me) to do|you like to happen|be (?:a )?fair|feel fair|work (?:best )?for you|put this right|be most helpful)" },
    { pattern: "what (?:outcome|solution|result|resolution|remedy) (?:would|do|are|might|could) (?:you|feel|be|seem|work)" },
    { pattern: 'would (?:either|any|one) of (?:these|those|them) (?:work|help|suit) (?:for )?you' },
    { pattern: "how would you (?:like|prefer) (?:us|me) to" },
    { pattern: "(?:tell me|let me know) (?:what|which) (?:you(?:'d)? (?:prefer|like|want|need)|would (?:help|work|make))" },
    { pattern: "which (?:option|of these|of those|one) (?:would you|do you|works|suits)" },
    { pattern: "what do you (?:want|need|prefer|think would (?:help|be fair))" },
    { pattern: 'if you (?:ran|owned|managed|were running|were managing|were in charge of|were the owner of) (?:our|the|this) (?:business|company|shop|store|place)' },
  ],
  offer: [
    { pattern: `${WE}(?: can| could| would like to|'d like to|'d be happy to| would be happy to|'m happy to| am happy to| will|'ll| want to) (?:gladly |also |happily )?(?:offer|send (?:you )?(?:a|an|the) (?:new|replacement|refund|voucher|credit)|give you|refund|credit|replace|expedite|upgrade|waive|extend|reship|re-?send|arrange|reimburse|cover|upgrade|swap|exchange|repair|discount)` },
    { pattern: `${WE}(?:'ve| have) (?:already |just |now )?(?:added|applied|issued|credited|refunded|waived|upgraded|arranged|reimbursed|discounted|expedited) ` },
    { pattern: '(?:how about|would you like|would you prefer|you can choose|you could choose|your choice of|either|option of) (?:a |an |the )?(?:full |partial )?(?:refund|credit|discount|replacement|voucher|exchange|repair|free (?:shipping|delivery|upgrade)|(?:express|expedited|overnight|next[- ]day|priority) (?:shipping|delivery))' },
    { pattern: 'would (?:either|any|one) of (?:these|those|them) (?:work|help|suit)' },
  ],
  reassure: [
    { pattern: `${WILL} (?:make sure|ensure|see to it|get (?:this|it|that) (?:sorted|fixed|resolved|right))` },
    { pattern: "you(?:'re| are) in good hands" },
    { pattern: `${WE} (?:really |genuinely |truly )?want to (?:help|make (?:this|it|things) right|fix this|get (?:this|it) (?:sorted|fixed|resolved)|put (?:this|it|things) right)` },
    { pattern: "(?:i'm|i am|we're|we are) (?:here|happy|glad) to help" },
    { pattern: "(?:i|we)(?:'ll| will) (?:get (?:this|it) (?:sorted|resolved|fixed) for you)" },
  ],
  summarize: [
    { pattern: "(?:to (?:sum (?:it )?up|summari[sz]e|recap)|so to confirm|just to confirm|to confirm what we(?:'ve)? agreed|in summary|here(?:'s| is) (?:a (?:quick )?recap|what (?:we(?:'ve)? agreed|happens next|i(?:'ll| will) do)))" },
    { pattern: "(?:as|what) (?:we(?:'ve)?|you and i) (?:just )?(?:agreed|discussed|arranged)" },
    { pattern: "we(?:'ve| have)? agreed (?:that|on|to)" },
  ],
  'follow-up': [
    { pattern: `${WILL} (?:personally |also )?(?:check (?:in|back)|follow up|touch base|be in touch|get back to you|get back in touch|call you|ring you|give you a (?:call|ring)|drop you a (?:line|note|message)|reach out (?:to you )?(?:again|on|in|tomorrow)|(?:e-?mail|message|text) you (?:again|on|in|tomorrow|within|by|once))` },
    { pattern: '(?:a |our )?(?:follow[- ]up|call[- ]?back|check[- ]in) (?:call|e-?mail|message)? ?(?:on|by|tomorrow|in a day|within)' },
  ],
  loyalty: [
    { pattern: '(?:thank you|thanks|grateful|we appreciate you|i appreciate you) (?:so much )?(?:for )?(?:being|staying|sticking) with us' },
    { pattern: '(?:your|the) (?:loyalty|years with us|long relationship with us|(?:\\d+|many|so many) years with us)' },
    { pattern: '(?:loyal|long[- ]standing|long[- ]time|longtime) (?:customer|member|client|subscriber)' },
    { pattern: '(?:been|banked|shopped|flown|stayed) with us (?:for|since) ' },
    { pattern: '(?:(?:\\d+|many|so many|several|all these|all those) (?:years|decades))(?: (?:with us|of (?:loyalty|business|custom|support)))' },
    { pattern: `${WE} (?:really |truly |genuinely )?(?:value|appreciate) (?:your (?:loyalty|custom|business|trust)|having you)` },
  ],
};

/**
 * Concrete times and deadlines. Taking ownership means a next step *and* when it happens (P10); a
 * follow-up promise needs a when too (P17).
 */
export const TIME_CUES: PhraseEntry[] = [
  { pattern: 'today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend)|later today|end of (?:the )?(?:day|week)|close of business|by (?:the |this )?weekend|next week' },
  { pattern: 'by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|noon|midday|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)?)' },
  { pattern: 'on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)' },
  { pattern: '(?:within|in) (?:the next |about |around )?(?:\\d+|an?|one|two|three|four|five|a few|a couple of|twenty-four|forty-eight)(?: or (?:two|three))? (?:minutes?|hours?|days?|business days?|working days?)' },
  { pattern: 'in a (?:day|couple of days|day or two)' },
  { pattern: 'first thing (?:tomorrow|in the morning|on \\w+)|right away|straight away|immediately|as we speak|right now' },
  { pattern: '(?:before|by|at) \\d{1,2}(?::\\d\\d)? ?(?:am|pm)' },
];

/** Saying the agreement will arrive in writing (P16): "I'll e-mail you a summary", "a confirmation e-mail". */
export const EMAIL_CONFIRMATION_CUES: PhraseEntry[] = [
  { pattern: "(?:i|we)(?:'ll| will) (?:also )?(?:e-?mail|send) you (?:a |an |the )?(?:written |short |quick )?(?:summary|confirmation|recap|copy|e-?mail confirming|note confirming|(?:e-?mail|message) with)" },
  { pattern: 'confirm(?:ed)? (?:this|it|everything|all of this|the details|that) (?:by|in an?|via|over) e-?mail' },
  { pattern: '(?:a |an )?(?:confirmation|summary) (?:e-?mail|in your inbox)|(?:an?|the) e-?mail (?:confirming|with (?:the|a) (?:summary|details|confirmation))' },
  { pattern: "you(?:'ll| will) (?:get|receive|have) (?:a |an |the )?(?:written |e-?mail )?(?:confirmation|summary|recap)" },
  { pattern: 'in writing' },
];

/**
 * The stuck-conversation question of seed 002: asking what the customer would do if they ran the business.
 * Detected apart from the ordinary "ask" move because ask-what-they-want requires it after repeated refusals.
 */
export const OWNER_QUESTION_CUES: PhraseEntry[] = [
  { pattern: 'if you (?:ran|owned|managed|were running|were managing|were in charge of|were the owner of|had my job|were in my (?:shoes|seat|position))(?: (?:our|the|this|my))?' },
  { pattern: 'in my (?:shoes|seat|position), what would you' },
  { pattern: 'if (?:it|this) were (?:your|up to you)' },
];
