import type { PhraseEntry } from './text/matcher.ts';
import type { Move } from './types.ts';

// Shared word lists, so every table names the same feelings. Patterns may not capture: groups are (?:…).
const FEELING = '(?:frustrat(?:ed|ing|ion)|upset(?:ting)?|angry|anger|annoy(?:ed|ing|ance)|disappoint(?:ed|ing|ment)|stress(?:ed|ful)?|infuriat(?:ed|ing)|maddening|exasperat(?:ed|ing|ion)|worr(?:ied|ying)|concern(?:ed|s)?|inconvenien(?:t|ce)|let down|fed up|exhausting|unacceptable)';
const ADVERB = '(?:(?:so|very|really|incredibly|extremely|genuinely|completely|totally|fully|absolutely|truly|understandably|rightly|clearly|naturally) )?';
const WE = '(?:i|we)';
const WILL = "(?:i(?:'ll| will| am going to|'m going to)|we(?:'ll| will| are going to|'re going to))";
/** What a customer fears losing, in factual reassurance: "this won't delete your saved games", "your data is safe". */
const KEPT = '(?:data|files?|progress|saves?|saved (?:data|games?)|photos|content|account|purchases|games?|library|playlists?|music|downloads|settings|information|info|contacts|messages|money|funds|balance|payment|details|service|plan|subscription|membership|booking|reservation|flight|points|miles|credit(?: score)?|warranty|order|number|line)';

/**
 * A specific piece of information a support team asks for, with its determiner: "your order number",
 * "the video ID", "a screenshot", "more details", "the version of the app". ("an e-mail" is a channel, not
 * a piece of information; "your e-mail" is asked for apart.)
 */
const INFO_NOUN = "(?:details?|info|information|screenshots?|screen ?shots?|screen recording|recording|video id|url|link|id|number|order number|account (?:name|number|id)|address|user ?name|gamertag|version|model|device|os|operating system|specs|specifications|error(?: message| code)?|code|receipt|transaction id|serial(?: number)?|phone number|zip(?: code)?|postcode|logs?|photos?|pictures?|examples?|full name|carrier|tracking number|reference(?: number)?|case number|ticket number|browser|make and model)";
const INFO_WORDS = `(?:your|the|a|an|some|any|a few|more|a couple of|additional|further|this|that|those|these)(?: [\\w\\u0027\\u2019-]+)?(?: [\\w\\u0027\\u2019-]+)? ${INFO_NOUN}`;

/**
 * Cues for the reply moves of the playbook. A move is detected when any cue of its table occurs in the
 * text; the shared matcher skips negated ("I won't apologize") and quoted cues. Cues require the agent's
 * own voice (first person, or words addressed to "you"): a noun like "refund" alone is not an offer,
 * because "we are unable to refund" mentions one without making it. `name` is found from the context and
 * from a vocative first name (`moves.ts`); `ask-details` also from the reply's questions (`DETAIL_QUESTION_*`).
 */
export const MOVE_CUES: Record<Exclude<Move, 'name'>, PhraseEntry[]> = {
  acknowledge: [
    // Saying you heard them: "I hear you", "I hear how frustrating this is"
    { pattern: `${WE} (?:can )?hear (?:you|how|that|why|your)` },
    // Naming the feeling with an understanding verb: "I understand your frustration", "I can see why you're upset"
    { pattern: `${WE} (?:can |do )?${ADVERB}(?:understand|see|get|appreciate|know|recogni[sz]e) (?:your ${FEELING}|(?:how|why|that) (?:this|that|it|you)(?:'s| is| was| has been|'ve been| have been|'re| are| feel| must| would)? ?${ADVERB}${FEELING}|(?:why|that) you(?:'re| are| feel| were| would be)|how (?:much )?(?:this|that) (?:has )?(?:affected|disrupted|ruined|spoiled))` },
    { pattern: `${WE} (?:can )?(?:only )?imagine how ${ADVERB}${FEELING}` },
    { pattern: `(?:i'm|i am|we're|we are) ${ADVERB}(?:sad|gutted|disappointed|upset|saddened|concerned) to (?:hear|see|read|learn)` },
    // "That must be so frustrating", "this has been really stressful"
    { pattern: `(?:that|this|it)(?:'s| is| was| has been| must be| must have been| would be| sounds| sounded| must feel) ${ADVERB}(?:a |an )?(?:${FEELING}|(?:a |an )?(?:awful|horrible|terrible|miserable) (?:experience|situation|time|position)|(?:a )?(?:real |huge )?(?:pain|hassle|headache))` },
    // "That sounds like it can be difficult to use your phone like this": the hardship, named
    { pattern: `(?:that|this|it) (?:sounds|must be|must have been|must feel)(?: like it (?:can|could|must|would) be| like)? ${ADVERB}(?:a |an )?(?:difficult|hard|tough|confusing|rough|awful|horrible|terrible|no fun|worrying)` },
    { pattern: `(?:how|what an?) ${ADVERB}${FEELING}(?: (?:experience|situation|time|morning|day|week))?` },
    // Validating the feeling: "you have every right to be upset", "you're understandably frustrated"
    { pattern: `you(?: have every (?:right|reason) to (?:be|feel) |(?:'re| are| were) ${ADVERB}(?:right|entitled) to (?:be|feel) |(?:'re| are| were| must be| must feel) ${ADVERB})${FEELING}` },
    { pattern: `(?:your|the) ${FEELING} (?:is|makes) ${ADVERB}(?:understandable|fair|justified|valid|sense|warranted)` },
    { pattern: `(?:no wonder|it makes (?:complete |total )?sense|it(?:'s| is) ${ADVERB}understandable(?: that)?|understandably,?) you(?:'re| are| feel| were)` },
    // Judging the impact: "that's not the experience we want you to have", "this is never the way we want you to feel"
    { pattern: "(?:that|this|it)(?:'s| is| was)(?: not| never|n't) (?:the (?:\\w+ )?(?:kind of |type of |sort of )?(?:experience|way|service|impression)|what) (?:that )?(?:we|i) (?:want|like|expect|hope|aim|wish)" },
    { pattern: "(?:that|this|it) (?:does not|doesn't|did not|didn't) sound (?:good|great|right|fun|ideal)" },
    { pattern: "(?:i|we) (?:hate|don't like|do not like) (?:to )?(?:see|hear|read) (?:this|that|it)" },
    { pattern: "(?:that|this)(?:'s| is| sounds) (?:so |really |just )?(?:awful|terrible|horrible|insane|not ideal|no fun)" },
    // Knowing what is at stake for them: "we know you want to start using it right away", "I understand how important it is to…"
    { pattern: `${WE} ${ADVERB}(?:know|understand|appreciate|realize|recogni[sz]e) (?:how (?:important|essential|much)(?: (?:it|this|that))?|(?:that )?you(?:'re| are)? (?:want|need|rely|were looking forward|looking forward|count))` },
    // The situation named for what it is: "Being charged twice for one order is frustrating"
    { pattern: `(?:is|was|must be|can be|would be) ${ADVERB}(?:frustrating|upsetting|infuriating|maddening|exasperating|stressful|annoying|disappointing)` },
    // What is at stake, then a wish to help: "Face ID is an essential feature, and we'd like to help"
    { pattern: `(?:is|are) (?:an? )?(?:really |so |very )?(?:essential|important|vital|crucial)(?: [\\w-]+)?,? and ${WE}(?:'d| would| want| really want)(?: (?:like|love))? to help` },
  ],
  apologize: [
    { pattern: `${WE} (?:sincerely |truly |really |deeply |do |would like to |want to |'d like to |must )?apologi[sz]e` },
    { pattern: '(?:my|our|please accept (?:my|our)) (?:sincere |sincerest |deepest |heartfelt |humble )?apolog(?:y|ies)' },
    { pattern: "(?:i'm|i am|we're|we are|im) (?:so |very |really |truly |terribly |deeply |genuinely )?sorry" },
    { pattern: '(?:so |very |really )?sorry (?:for|about|that|to (?:hear|see|know|read|learn)|you|your|the issue|the original|this happened|it happened)' },
    // "Apologies for the trouble!", "…and apologize for the wait"
    { pattern: '(?:(?:many|sincere|sincerest|deepest|our|my) )?apologies (?:for|about|that|if|again)|and (?:sincerely |truly )?apologi[sz]e' },
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
    { pattern: 'you deserve(?:d)? (?:better|more|an? (?:proper|real|better|working|full|quick|clear|straight|honest|proper) |to (?:be|get|have) )' },
    { pattern: "(?:not|isn't|wasn't) what you (?:paid for|signed up for|ordered|asked for|were promised)" },
    { pattern: "you(?:'re| are) not (?:asking for|being) (?:too much|unreasonable)" },
  ],
  own: [
    // The agent's next step: "I'll chase the warehouse", "we'll take a closer look", "we'll pass this along to our team"
    { pattern: `${WILL} (?:personally |now |also |immediately |right away |be sure to |make sure to |definitely |gladly |need to |have to |want to )?(?:take care of|handle|look into|dig into|reach out to (?:the|our)|let you know (?:as soon as|when|once|if|what)|sort (?:this|it|that) out|sort out|fix|chase|follow (?:this|it|that) up|follow up on|make sure|get (?:this|it|that|your \\w+) (?:sorted|fixed|resolved|moving|replaced|refunded|looked at|looked into|checked)|check|investigate|escalate|raise|arrange|process|send|speak (?:to|with)|talk to|contact (?:the|our|them)|(?:call|phone|ring|e-?mail|message) (?:the|our)|ask (?:the|our)|push|track|find out|resolve|correct|reverse|cancel|update|personally|take a (?:closer |quick |further |deeper |good )?look|have (?:our|the|one of our) (?:\\w+ )?(?:team|teams|specialists?|engineers?|experts?|agents?) (?:take a look|look into|check|investigate|review|reach out|contact you|call you)|forward|pass (?:this|it|that|them|these|your \\w+)(?: (?:along|on))?|relay|flag|report|let (?:our|the) (?:\\w+ )?teams? know|share (?:this|it|that|your \\w+) with (?:our|the)|keep you (?:posted|updated|informed|in the loop)|continue (?:to share|sharing|to pass|passing|to monitor|monitoring|to look into|looking into|to investigate|investigating))` },
    { pattern: `${WE}(?:'ve| have) (?:already |just |now )?(?:asked|contacted|reached out to|escalated|raised|spoken (?:to|with)|opened|logged|issued|arranged|processed|refunded|sent|flagged|reversed|cancelled|corrected|booked|started)` },
    // A concrete step the agent takes, with its object: "I'll refund the second charge", "I'll e-mail you the
    // confirmation by Thursday", "I've taken this on myself"
    { pattern: `${WILL} (?:personally |now |also |immediately |gladly )?(?:refund|credit|replace|reship|re-ship|resend|re-send|reissue|re-issue|rebook|re-book|waive|remove|reinstate|restore|unlock|reset|reactivate|book|order|courier|post|ship|deliver|repair|collect|request|submit|file|lodge|track|trace|e-?mail you|call you|ring you|phone you|text you|message you|write to you|update you|get back to you|be in touch|come back to you|confirm)(?![\\w])` },
    { pattern: `${WE}(?:'ve| have) (?:already |just |now |also )?(?:gone (?:through|over)|unlocked|reset|restored|reinstated|credited|waived|reshipped|re-shipped|resent|re-sent|replaced|pushed (?:it|this|that|your \\w+) through|sorted (?:it|this|that) out|taken care of)(?![\\w])` },
    // Contacting a party on the customer's behalf: "I'll contact AT&T for you", "we'll call the courier for you"
    { pattern: `${WILL} (?:personally |also )?(?:contact|call|phone|ring|e-?mail|message|speak to|talk to|reach out to|write to) [^.!?\\n]{1,40}? for you` },
    { pattern: `${WE}(?:'ve| have) (?:already |now )?taken (?:this|it|your case|your \\w+) on|${WE}(?:'m| am) (?:personally )?(?:taking (?:this|it) on|on the case)` },
    // Done already, inside the company: "we've passed this along to our team", "I've looped our experts in", "we have made the team aware"
    { pattern: `${WE}(?:'ve| have) (?:already |just |now |also )?(?:passed|forwarded|relayed|reported|shared (?:this|it|that|your \\w+) with|looped|notified|alerted|informed (?:our|the)|made (?:our|the) (?:\\w+ )?teams? aware|filed|submitted (?:this|it|that|a (?:report|ticket|bug)))` },
    { pattern: `${WE}(?:'ve| have) (?:already |just |now |also )?(?:gone ahead and|checked|looked into|reviewed|investigated|let (?:our|the) (?:\\w+ )?teams? know|created (?:a|an) (?:ticket|case|report))` },
    { pattern: '(?:is|are) (?:currently |now |already |actively )?being (?:investigated|looked into|reviewed|worked on|fixed|addressed)|allow (?:us|me) (?:some )?time to (?:investigate|look into|check|review)' },
    // Passed on, said in the passive: "this has been passed to our team", "your report was escalated"
    { pattern: '(?:this|it|that|your (?:\\w+ )?(?:report|feedback|request|case|issue|ticket|concern)) (?:has been|have been|was|is being) (?:passed|forwarded|escalated|reported|shared|sent|flagged|raised)(?: (?:along|on|over))? (?:to|with)' },
    // In progress: "we're looking into it", "we're actively reviewing these listings", "we are working hard to fix this"
    { pattern: "(?:i'm|i am|we're|we are) (?:personally |now |already |currently |actively |still |also )?(?:on it|on this|taking (?:care|ownership|this on)|handling|looking into|following (?:up|this up)|chasing|investigating|working on|introducing|fixing|rolling out|releasing|sending|issuing|refunding|replacing|correcting|reversing|reviewing|checking|monitoring|removing|scanning|arranging|processing|organi[sz]ing|booking|escalating|resetting|unlocking|restoring|reinstating|crediting|in the process of|partnering with|working (?:very |really |so |extra )?hard (?:to|on)|working to (?:fix|resolve|restore|remove|correct|address|get))" },
    // The team on it: "our team is aware and working on a fix", "our engineers are investigating", "a fix is on the way"
    { pattern: "(?:our|the) (?:\\w+ )?(?:team|teams|engineers|engineering team|developers|devs|specialists|experts) (?:is|are|has been|have been)(?: (?:now|currently|actively|already|still|tirelessly))? (?:aware(?: of (?:this|it|the issue|the problem))?,? and (?:is |are )?(?:now |currently |actively )?)?(?:working|investigating|looking into|fixing|reviewing|on it|on this)" },
    { pattern: "(?:i'm|i am|we're|we are) (?:now |already |fully )?aware of (?:this|it|the issue|the problem|these reports|reports)(?: \\w+)?,? and (?:are |we're |we are )?(?:now |currently |actively )?(?:working|investigating|looking into|fixing|on it)" },
    // "…and are in the process of removing them", "…and we're looking into it"
    { pattern: "and (?:are|we're|we are) (?:now |currently |actively |also )?(?:in the process of|working on|looking into|investigating|removing|reviewing|fixing)" },
    { pattern: '(?:a|the) fix (?:is|will be) (?:on (?:its|the) way|in (?:progress|the works)|being (?:worked on|rolled out|tested|developed)|coming)' },
    // Offering to look into it: "we'd like to take a closer look", "happy to look into this for you", "let us check"
    { pattern: `(?:${WE}(?:'d| would) (?:like|love|be (?:happy|glad)) to|(?:(?:i'm|i am|we're|we are) )?(?:happy|glad) to|let (?:me|us)|let's|lets|${WE} can(?: certainly| definitely| also)?) (?:take a (?:closer |quick |further |deeper |good )?look|look (?:into|further into|at)|dig (?:into|deeper)|investigate|check (?:on|into|this|that|it|your)|review (?:this|that|it|your))` },
    // Asking for the details so the team can act: "so we can investigate further", "for us to look into it"
    { pattern: '(?:so(?: that)? (?:we|i) can|for (?:us|me) to|to help (?:us|me)|so (?:we|i) may) (?:further |better |properly )?(?:look into|investigate|check|take a (?:closer |quick |further )?look|review|dig into|escalate|follow up)' },
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
    // "which one do you have?" asks for a detail, not for a preference
    { pattern: "which (?:option|of these|of those|one) (?:would you (?:like|prefer|choose|rather)|do you (?:prefer|want|like)|works (?:best |better )?for you|suits you)" },
    { pattern: "what do you (?:want|need|prefer|think would (?:help|be fair))" },
    { pattern: 'if you (?:ran|owned|managed|were running|were managing|were in charge of|were the owner of) (?:our|the|this) (?:business|company|shop|store|place)' },
  ],
  'ask-details': [
    // Requests for a specific piece of information, said without a question mark: "please share your
    // channel URL", "DM us your order number", "send us a screenshot of the error". A bare "send us a DM"
    // or "send us an e-mail at…" names a channel, not the information, so it does not count.
    { pattern: `(?:share|send|dm|provide|give|reply with|confirm|tell)(?: (?:us|me))?(?: with (?:us|me))? (?:${INFO_WORDS}|your (?:account |registered |contact )?e-?mail(?: address)?)` },
    { pattern: `(?:get back to us|reply|respond|come back to us|write back|dm us|message us|send us an? (?:dm|direct message|private message|message)|reach out (?:to us )?(?:via|by|in|through) (?:a )?dm) with (?:${INFO_WORDS}|your (?:account |registered )?e-?mail(?: address)?)` },
    // "tell us more about what's going on", "let us know more details", "let us know which plan you're on"
    { pattern: "(?:tell|let) (?:us|me) (?:know )?(?:a (?:bit|little) )?more(?: (?:about|details|info|information))?" },
    { pattern: `(?:let (?:us|me) know|tell (?:us|me)|please confirm|could you confirm|can you confirm|please advise) (?:which|whether you(?:'re| are| have| see| get| use)|where|who|how (?:many|much|long|often)|what (?!you think)(?:\\w+ )?(?:you(?:'re| are)? (?:using|seeing|getting|on|running|trying)|version|device|model|browser|error|happens|happened|platform|app|plan|os)|the (?!outcome|result)\\w+ (?:of|you|on|that|for|number|name|version|model)|your (?:\\w+ )?${INFO_NOUN})` },
    // Saying what the agent needs to know: "I need to know if you're on a Mac", "we'd like to know if you see an error"
    { pattern: `${WE}(?:'d| would)? (?:need|like|love|want) to (?:know|understand) (?:if|whether|which|what|how|when|where|a (?:bit|little) more|more)` },
    { pattern: `${WE}(?:'m| am|'re| are| was| were)? wonder(?:ing)? (?:if|whether|which|what|how|when|where)` },
    { pattern: '(?:would you |do you )?mind (?:sharing|sending|telling|confirming|providing|letting (?:us|me) know|giving (?:us|me))' },
  ],
  offer: [
    { pattern: `${WE}(?: can| could| would like to|'d like to|'d be happy to| would be happy to|'m happy to| am happy to| will|'ll| want to) (?:gladly |also |happily )?(?:offer|send (?:you )?(?:a|an|the) (?:new|replacement|refund|voucher|credit)|give you (?:a |an |the |your )?(?:full |partial |free |extra )?(?:refund|credit|discount|voucher|replacement|upgrade|gift card|coupon|extension|month|free)|refund|credit|replace|expedite|upgrade|waive|extend|reship|re-?send|arrange|reimburse|cover|upgrade|swap|exchange|repair|discount)` },
    { pattern: `${WE}(?:'ve| have) (?:already |just |now )?(?:added|applied|issued|credited|refunded|waived|upgraded|arranged|reimbursed|discounted|expedited) ` },
    { pattern: '(?:how about|would you like|would you prefer|you can choose|you could choose|your choice of|either|option of) (?:a |an |the )?(?:full |partial )?(?:refund|credit|discount|replacement|voucher|exchange|repair|free (?:shipping|delivery|upgrade)|(?:express|expedited|overnight|next[- ]day|priority) (?:shipping|delivery))' },
    { pattern: 'would (?:either|any|one) of (?:these|those|them) (?:work|help|suit)' },
  ],
  reassure: [
    { pattern: `${WILL} (?:make sure|ensure|see to it|get (?:this|it|that) (?:sorted|fixed|resolved|right)|make (?:this|it|things) right|get to the bottom of|do (?:everything|all|whatever|what) (?:we|i) can)` },
    { pattern: "you(?:'re| are) in good hands" },
    { pattern: `${WE} (?:really |genuinely |truly |definitely |do )?want to (?:help|assist|make (?:this|it|things) right|fix this|get (?:this|it) (?:sorted|fixed|resolved)|put (?:this|it|things) right)` },
    { pattern: "(?:i|we)(?:'ll| will) (?:get (?:this|it) (?:sorted|resolved|fixed) for you)" },
    // Glad to help, with or without a subject: "Happy to help!", "we'd be glad to assist", "we're always happy to help"
    { pattern: "(?:(?:i|we)(?:'re| are|'m| am|'d be| would be|'ll be| will be|'d| would)? )?(?:always |more than |really |very |so |definitely |certainly |just |only )?(?:happy|glad|delighted|pleased|here|ready) to (?:help|assist|support|clarify|answer|lend a hand|walk you through|explain)(?! us(?![\\p{L}]))" },
    { pattern: `${WE}(?:'d| would) (?:like|love) to (?:help|assist|see (?:if|what|how) (?:we|i) can|get (?:this|it|you) (?:sorted|fixed|resolved|working))` },
    // A promise to help, said plainly: "we will assist", "we can help", "we'll see what we can do"
    { pattern: `${WILL} (?:gladly |happily |be (?:happy|glad) to |do (?:our|my) best to |always )?(?:help|assist|support you)` },
    { pattern: `${WE} can (?:definitely |certainly |absolutely |surely |totally |still )?(?:help|assist)` },
    { pattern: `(?:let me|let us|let's|lets|${WILL}) see (?:what|how) (?:we|i) can (?:do|help)` },
    { pattern: `${WILL} (?:try (?:to|and) )?(?:point|guide|steer) you in the right direction` },
    // Working it out with them: "let's get this sorted", "we'll work together to find a fix", "we'll get you back up and running"
    { pattern: "(?:let's|lets|let us) (?:get (?:this|it|that|you) (?:sorted|fixed|figured out|resolved|working|back)|figure (?:this|it|that) out|sort (?:this|it|that) out|work (?:on )?(?:this|it) out|(?:fix|sort|solve|resolve) (?:this|it|that))" },
    { pattern: "(?:it's|it is|it would be|always) (?:(?:our|my) )?(?:a )?pleasure to (?:help|assist)|(?:i|we)(?:'re| are|'m| am|'ll be| will be) able to (?:help|assist)" },
    { pattern: `(?:${WE}(?:'ll| will| can)) work (?:together|with you) to` },
    { pattern: `${WILL} get you (?:back )?(?:up and running|sorted|on your way|taken care of|back on track)` },
    // Available: "we're here for you", "we're right here", "we'll be standing by", "we'll be just a message away"
    { pattern: `${WE}(?:'re| are|'m| am|'ll be| will be|'ll always be| will always be) (?:always |right |still |just |all )?(?:here|around|available|standing by|a (?:message|tweet|dm|call) away|just a (?:message|tweet|dm|call) away|only a (?:message|tweet|dm) away)` },
    // Said outright: "rest assured", "we've got you", "you've reached the right place", "don't worry"
    { pattern: 'rest assured' },
    { pattern: "(?:we've|we have|i've|i have) got (?:you|your back)|we got you" },
    { pattern: "you(?:'ve| have) (?:reached|come to) the right place" },
    { pattern: "no need to (?:worry|panic|stress)|(?:please )?(?:don't|do not) worry|nothing to worry about" },
    // Nothing will be lost: "this won't delete any saved data", "you won't be charged twice", "your files are safe"
    { pattern: `(?:won't|will not|wouldn't|would not|doesn't|does not|shouldn't|should not) (?:delete|erase|remove|wipe|affect|impact|harm|reset|lose|cancel|interrupt) (?:anything|any (?:\\w+ )?${KEPT}|your (?:\\w+ )?${KEPT})` },
    { pattern: `(?:your|the) (?:\\w+ )?${KEPT} (?:is|are|will be|will stay|will remain|remains?|stays?) (?:completely |perfectly |still |fully )?(?:safe|secure|protected|intact|untouched|unaffected|active|valid|saved|in place)` },
    { pattern: "(?:you )?(?:don't|do not|won't|will not) (?:need|have) to do anything|no (?:further )?action (?:is )?(?:needed|required) (?:on your (?:end|part|side)|from you)|(?:points|miles|credits?|balance|funds|vouchers?) (?:won't|will not|don't|do not) expire" },
    { pattern: "(?:won't|will not) be (?:charged|billed|double[- ]charged)|you(?:'ll| will) (?:still )?(?:keep|retain|have access to) (?:all )?(?:your|any)|(?:won't|will not) lose (?:anything|any|your)" },
    { pattern: '(?:no|none of your) (?:\\w+ )?(?:data|files|progress|photos|content|information|money) (?:will|would) be (?:lost|deleted|affected|removed|erased)|nothing (?:will|would) be (?:lost|deleted|removed|erased)' },
    // A pending charge that goes away by itself: "the authorization hold will fall off your account"
    { pattern: '(?:hold|charge|authori[sz]ation|pending (?:charge|transaction|payment)) (?:will|should) (?:(?:automatically )?(?:drop|fall) off|be (?:automatically )?(?:released|cancelled|canceled|voided|removed))' },
  ],
  summarize: [
    // "Just to confirm, did you try…?" opens a question, not a recap (moves.ts drops summary cues in questions)
    { pattern: "(?:to (?:sum (?:it )?up|summari[sz]e|recap)|so to confirm|just to confirm|to confirm what we(?:'ve)? agreed|in summary|here(?:'s| is) (?:a (?:quick )?recap|what (?:we(?:'ve)? agreed|happens next|i(?:'ll| will) do)))" },
    { pattern: "(?:as|what) (?:we(?:'ve)?|you and i) (?:just )?(?:agreed|discussed|arranged)" },
    { pattern: "we(?:'ve| have)? agreed (?:that|on|to)" },
    // "Here's what we agreed:", "To confirm:", "As agreed, …", "In summary, …"
    { pattern: "^(?:to confirm|as agreed|in summary|recapping|to recap|so,? to sum up)(?=[,:])|(?:here(?:'s| is)|this is) what we agreed" },
  ],
  'follow-up': [
    { pattern: `${WILL} (?:personally |also )?(?:check (?:in|back)|follow up|touch base|be in touch|get back to you|get back in touch|call you|ring you|give you a (?:call|ring)|drop you a (?:line|note|message)|reach out (?:to you )?(?:again|on|in|tomorrow)|(?:e-?mail|message|text) you (?:again|on|in|tomorrow|within|by|once))` },
    // "a follow-up call on Friday", "and check in on Thursday": the check-back needs its when ("they can check in on this" has none)
    { pattern: '(?:a |our )?(?:follow[- ]up|call[- ]?back|check[- ]in) (?:call|e-?mail|message)? ?(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the \\d)|by|tomorrow|in a day|within)' },
  ],
  loyalty: [
    { pattern: '(?:thank you|thanks|grateful|we appreciate you|i appreciate you) (?:so much )?(?:for )?(?:being|staying|sticking) with us' },
    { pattern: '(?:your|the) (?:loyalty|years with us|long relationship with us|(?:\\d+|many|so many) years with us)' },
    { pattern: '(?:loyal|long[- ]standing|long[- ]time|longtime) (?:customer|member|client|subscriber)' },
    { pattern: '(?:been|banked|shopped|flown|stayed) with us (?:for|since) ' },
    // "you've stayed with us", "a customer of ten years", "we don't take that for granted"
    { pattern: "(?:you(?:'ve| have) )?(?:stayed|stuck) with us|(?:a |our )?(?:customer|member|client) (?:of|for) (?:\\d+|many|so many|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty) years|(?:don't|do not|never) take (?:that|it|you|your loyalty) for granted|(?:continued|ongoing) (?:loyalty|support|custom|business)" },
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
  // "I'll confirm both by e-mail", "I'll email you confirmation", "I'll put all of this in an e-mail to you"
  { pattern: "(?:i|we)(?:'ll| will) (?:also )?(?:confirm|put) (?:both|this|it|that|everything|all of (?:this|it)|these|the (?:details|changes))(?: of)? (?:by|in an?|via|over) e-?mail|(?:i|we)(?:'ll| will) (?:also )?e-?mail you (?:a )?(?:written )?confirmation|(?:a )?confirmation e-?mail (?:is )?on its way|(?:i|we)(?:'ll| will) (?:also )?send (?:you )?(?:a |an |the )?(?:written |short |quick )?(?:summary|confirmation|recap)" },
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

/**
 * Questions that are not a request for information (`ask-details`): checking that an answer landed, asking
 * the customer to run troubleshooting steps, offers and permission, calls to action and sign-offs. A
 * question matching any of these is left alone; every other question the reply asks counts.
 */
export const NOT_DETAIL_QUESTION_CUES: PhraseEntry[] = [
  // Checking that an answer landed: "does this help?", "does that clear things up?", "would this article be of any help?"
  { pattern: '(?:does|did|will|would|could|can|might|do) (?:this|that|these|those|it|the (?:\\w+ )?(?:article|link|steps?|guide|page|info|information|tips?)) (?:help|work|answer|resolve|fix|solve|clear|make sense|do the trick|sound)' },
  { pattern: 'be of (?:any |some )?(?:help|use|assistance)|(?:i |we )?hope (?:this|that|it) helps|(?:notice|see|noticed|seen) any (?:improvement|change|difference)' },
  { pattern: 'if (?:this|that|it|these|they|those|the (?:\\w+ )?(?:steps?|article|link|tips?)) (?:helps?|works?|resolves?|fix(?:es)?|solves?|clears?|answers?)' },
  // Troubleshooting put as a question: "have you tried restarting it?", "did you try resetting your password using the steps here?"
  { pattern: '(?:have|had) you (?:already |ever |also )?tried|did you (?:already |ever |also )?try' },
  // Asking them to do the troubleshooting: "would you mind trying these steps?", "are you able to restart it by following the steps here?"
  { pattern: '(?:would you mind|are you able to|would you be able to|could you|can you|will you|why (?:don\'t|not) you|have you (?:had|got) (?:the|a|any) (?:opportunity|chance) to) (?:please )?(?:try|trying|follow|following|check out|checking out|restart|restarting|reinstall|reinstalling|clear|clearing|update|updating|force|optimi[sz]e|optimi[sz]ing|run|running|go through|going through|work through|working through|complete|completing|review|reviewing|checking the|check the|read|reading)' },
  { pattern: 'by following the (?:steps|instructions|guide)|(?:did you know|have you heard)|have you (?:seen|read|visited|checked out|looked at) (?:our|the|this)' },
  // Offers and permission: "would you like us to…?", "mind if we jump in?", "how about…?"
  { pattern: "would you (?:like|prefer)(?! to (?:share|send|tell|provide|confirm|give))|do you want (?:us|me) to|(?:shall|should) (?:we|i)|mind if (?:we|i)|how about|why not" },
  // A channel, not the information: "could you send us a DM?", "can you reach out to us via chat?"
  { pattern: "(?:send|shoot|drop) us an? (?:dm|direct message|private message|pm|message|note|e-?mail|tweet)(?! with)|dm us(?! (?:with|your|the|a|an)\\b)|(?:reach out|contact us|get in touch|chat with us|call us)(?: (?:to|with) us)?(?: (?:via|by|in|through|over|on) (?:a )?(?:dm|direct message|private message|e-?mail|chat|phone|live chat))?(?! with)" },
  // Sign-offs and channels: "anything else we can help with?", "can you reply to the ticket?"
  { pattern: '(?:any|more|other|further) (?:other )?questions|anything else|something else|(?:reply|respond|write) (?:back )?to (?:the |your |our |this |that )?(?:ticket|e-?mail|message|thread|case)' },
];

/**
 * A sentence opening that makes a question even without its question mark: "Just to confirm, did you try
 * resetting your password…", "Have you already tried…". Matched at the start of a sentence only.
 */
export const DETAIL_QUESTION_OPENING = /^(?:(?:just |so )?to (?:confirm|clarify|check|be sure),?\s+|also,?\s+|and\s+|quick question:?\s+)?(?:did|do|does|have|has|are|were|was|is|can|could) you(?![\p{L}'’])/iu;

/** Openings of a question that is really a call to action or a rhetorical lead-in: "Need help?", "Looking for…?" */
export const RHETORICAL_QUESTION_OPENING = /^(?:need|want|looking|wondering|curious|interested|ready|got|more|still (?:need|have|looking)|questions|have (?:any|more|other|further) questions)(?![\p{L}])/iu;

/** A tag that turns a statement into a question of form: "…give them your feedback here, OK?" */
export const TAG_QUESTION = /,\s*(?:ok|okay|alright|right|yeah|yes|no|deal|sound good|sounds good)\s*[?!.]*$/iu;

/**
 * Capitalized words that open or close a clause the way a vocative name does ("Thanks, Dana!", "Hi Dana,")
 * but are not a name: generic addressees, discourse words, courtesy words, days and months.
 */
export const NOT_VOCATIVE = new Set([
  // generic addressees: "Hi there", "Hi team", "Hello friend", "Dear customer"
  'there', 'team', 'all', 'everyone', 'everybody', 'folks', 'guys', 'friend', 'friends', 'again', 'sir', 'madam', "ma'am",
  'maam', 'mr', 'mrs', 'ms', 'mx', 'dr', 'customer', 'customers', 'user', 'users', 'member', 'members', 'client', 'valued', 'both', 'yall', "y'all", 'you',
  'subscriber', 'subscribers', 'gamer', 'gamers', 'player', 'players', 'creator', 'creators', 'fan', 'fans', 'buddy', 'pal', 'mate', 'neighbor',
  'neighbour', 'traveler', 'traveller', 'guest', 'guests', 'fam', 'support', 'community', 'world', 'people', 'staff',
  // courtesy and discourse words written with a capital: "Thanks, Sorry, Great, Please"
  'thanks', 'thank', 'thx', 'sorry', 'great', 'please', 'cheers', 'welcome', 'hello', 'hi', 'hey', 'hiya', 'dear', 'good',
  'yes', 'yeah', 'yep', 'no', 'nope', 'sure', 'okay', 'ok', 'well', 'also', 'alright', 'hmm', 'hm', 'oh', 'ah', 'aw', 'wow',
  'yikes', 'whoops', 'oops', 'ouch', 'understood', 'gotcha', 'perfect', 'awesome', 'cool', 'excellent', 'noted', 'right',
  'true', 'indeed', 'apologies', 'congrats', 'congratulations', 'however', 'meanwhile', 'otherwise', 'instead', 'besides',
  'therefore', 'hence', 'regardless', 'still', 'yet', 'plus', 'anyway', 'anyhow', 'overall', 'now', 'then', 'next',
  'first', 'second', 'third', 'today', 'tomorrow', 'tonight', 'yesterday', 'here', 'once', 'sometimes', 'often', 'unless',
  'although', 'though', 'because', 'if', 'when', 'whenever', 'where', 'while', 'since', 'until', 'after', 'before',
  'remember', 'note', 'btw', 'fyi', 'best', 'regards', 'sincerely', 'happy', 'glad', 'hope', 'enjoy', 'take', 'stay',
  'keep', 'have', 'let', 'and', 'but', 'or', 'so', 'just', 'in', 'for', 'on', 'to', 'the', 'a', 'an', 'we', 'it', 'this',
  'that', 'what', 'why', 'how', 'who', 'which', 'again', 'soon', 'later', 'asap', 'tia', 'done', 'deal', 'agreed', 'fine',
  'absolutely', 'definitely', 'certainly', 'exactly', 'totally', 'basically', 'actually', 'unfortunately', 'luckily',
  'fortunately', 'hopefully', 'sadly', 'currently', 'additionally', 'alternatively', 'finally', 'lastly', 'usually',
  'nice', 'sweet', 'super', 'fantastic', 'wonderful', 'amazing', 'brilliant', 'interesting', 'correct', 'fair', 'likewise',
  'together', 'earlier', 'meantime', 'unfortunate', 'funny', 'wait', 'same', 'like', 'sadly', 'ugh', 'yay', 'oops',
  // days and months
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** Interjections and their stretched spellings, which open a sentence like a name does: "Hmmm, we…", "Aww, I…". */
export const INTERJECTION = /^(?:h+m+|u+h+|u+m+|a+h+|a+w+|o+h+|o+o+h*|e+h+|u+g+h+|w+o+w+|w+h+o+a+|l+o+l+|l+m+a+o+|h+a+(?:h+a+)+h*|h+e+(?:h+e+)+|y+a+y+|y+i+k+e+s+|p+h+e+w+|w*h*o+o+p+s+|n+a+h+|y+u+p+|y+e+p+|s+h+o+o+t+|d+a+r+n+|d+a+n+g+|d+a+m+n+|b+u+m+m+e+r+|g+e+e+z*|g+o+s+h+|d+u+d+e+|b+r+o+|o+k+a*y*|o+o+f+|w+e+l+p+|h+o+o+r+a+y+)$/iu;

/** Words that, alone before a comma at the end of a reply, make the name after them a signature: "Thanks, Sam". */
export const SIGN_OFF_WORDS = /^(?:thanks|thank you|thx|ty|many thanks|thanks again|cheers|best|best wishes|all the best|regards|kind regards|warm regards|best regards|sincerely|yours|take care|talk soon|speak soon|love|warmly|with thanks|stay safe|be well|happy \p{L}+ing|have a (?:great|good|nice|lovely|wonderful) \p{L}+)$/iu;
