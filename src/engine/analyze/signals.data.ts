import type { PhraseEntry } from '../text/matcher.ts';
import type { Need, SignalKind } from '../types.ts';

/**
 * Needs and signals in customer messages. Entries carry their own negation where it matters ("never
 * again", "no one answers"), so the matcher's negation skip is off for these tables; entries where a
 * negator in front would flip the meaning are marked `negatable`.
 */
export interface SignalEntry extends PhraseEntry {
  kind: SignalKind;
  negatable?: boolean;
  /**
   * Not a signal when the sentence asks how to do it: "How do I close my account?" is a plain question
   * (GUIDE.md), "Close my account, I'm done" is leaving.
   */
  notAsked?: boolean;
}

export interface NeedEntry extends PhraseEntry {
  need: Need;
  negatable?: boolean;
  /**
   * Says what is wanted only about a thing: "fix it" asks for a repair when a product broke or a parcel went
   * wrong, not when the issue is a locked account or a bill.
   */
  aboutProduct?: boolean;
}

/** Spelled-out counts for "third time", "transferred five times", "customer for twelve years". */
const COUNT = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]\\w+|thirty|forty|fifty|several|many|multiple|numerous|countless|so many|a dozen|dozens of)';
const ORDINAL = '(?:\\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|umpteenth|nth|hundredth|millionth)';

export const CHURN: SignalEntry[] = [
  // Leaving
  { pattern: "(?:cancel+(?:ing|ling)?|close|closing|terminate|terminating|end|ending) (?:my|our) (?:[\\w-]+ ){0,2}?(?:account|subscription|membership|service|contract|plan|policy|card)", kind: 'churn', negatable: true, notAsked: true },
  // "…or I'm cancelling", "I'll cancel": leaving, said of the customer; cancelling an order is not leaving.
  // Not negatable: the threat is usually conditional on a negation ("if this isn't fixed I'm cancelling").
  { pattern: "(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|(?:i'?m|i am|we'?re|we are) going to|gonna) (?:be )?(?:cancel+(?:ing|ling)?|leaving you|switching (?:providers?|banks?|carriers?|to (?:a )?competitor))(?! (?:my|the|your|our|an?|this|that|it) (?:order|booking|appointment|reservation|payment|transaction|request|item|purchase|flight|ticket|delivery))", kind: 'churn' },
  { pattern: "(?:take|taking|took) (?:my|our) (?:business|money|custom) (?:elsewhere|somewhere else)", kind: 'churn', negatable: true },
  { pattern: "(?:switch(?:ing)?|mov(?:e|ing)|go(?:ing)?|leav(?:e|ing)) (?:over )?to (?:a |another |your )?(?:competitor|competition|another (?:provider|company|bank|carrier|service))", kind: 'churn', negatable: true },
  { pattern: "(?:find|finding|look(?:ing)? for) (?:a |another |a new )(?:provider|company|bank|carrier|supplier|service|isp)", kind: 'churn', negatable: true },
  { pattern: "(?:never|won'?t|will not|not going to|will never) (?:ever )?(?:order|buy|shop|purchase|use|fly|book|bank|stay)(?: anything)? (?:from|with|at)? ?(?:you|your|this|them|here)(?: \\w+)? again|never again", kind: 'churn' },
  { pattern: "(?:you(?:'ve| have)|you just) lost (?:a|another|me as a) (?:loyal )?customer|(?:i'?m|i am|we're|we are) done with (?:you|your|this company)|last time i (?:order|buy|shop|use|fly|book)|(?:easy|quick) to lose (?:a )?customers?", kind: 'churn' },
];

export const REVIEW: SignalEntry[] = [
  { pattern: "(?:leav(?:e|ing)|writ(?:e|ing)|post(?:ing)?|giv(?:e|ing)|put(?:ting)? up) (?:a |an |you (?:a|an) )?(?:\\d[- ]star |one[- ]star |zero[- ]star |bad |negative |terrible |honest |scathing )?review", kind: 'review', negatable: true },
  { pattern: "(?:one|1|zero|0)[- ]star|trustpilot|yelp|google reviews?|tripadvisor", kind: 'review' },
  { pattern: "(?:tell|telling|warn|warning) (?:everyone|everybody|all my (?:friends|family|followers)|my (?:friends|followers|family)|people)", kind: 'review', negatable: true },
  { pattern: "(?:post|posting|share|sharing|put|putting) (?:this|it|about this|my experience|the (?:video|photos?|pictures?|screenshots?)) (?:on|all over|to) (?:twitter|facebook|social media|reddit|instagram|tiktok|youtube|linkedin|the internet)|go(?:ing)? (?:public|viral)|contact(?:ing)? the (?:media|press|news)", kind: 'review', negatable: true },
];

export const LEGAL: SignalEntry[] = [
  { pattern: "lawyers?|attorneys?|solicitors?|legal action|lawsuit|sue (?:you|them|your|the company)|suing|small claims|(?:take|taking) (?:you|this|them|it) to court", kind: 'legal', negatable: true },
  { pattern: "trading standards|consumer (?:protection|rights|affairs)|ombudsman|better business bureau|bbb|ftc|cfpb|attorney general|regulator", kind: 'legal', negatable: true },
  { pattern: "chargeback|charge ?back|dispute (?:the|this|it) (?:charge|payment|transaction)? ?(?:with|through) (?:my|the) (?:bank|card|credit card)|report(?:ing)? (?:you|this|your company) to", kind: 'legal', negatable: true },
];

/** "Third time I write", "called four times". `value` is the count when stated. */
export const REPEAT_CONTACT: SignalEntry[] = [
  { pattern: `(?:the |this is (?:the |my )?|for the |my )?${ORDINAL} (?:time|call|email|e-mail|message|tweet|dm|attempt|request|chat|complaint|letter)`, kind: 'repeat-contact' },
  { pattern: `(?:called|rang|phoned|contacted|emailed|e-mailed|messaged|written|wrote|tweeted|dmed|chatted|asked|tried|complained|reached out|been in touch)(?: to| with)?(?: you| your \\w+| them| support| customer service)?(?: guys)? (?:about (?:this|it) )?${COUNT} (?:times|times now|separate times)`, kind: 'repeat-contact' },
  { pattern: `${COUNT} (?:calls|emails|e-mails|messages|tweets|dms|chats|complaints|attempts|tickets)`, kind: 'repeat-contact' },
  { pattern: "(?:keep|kept) (?:calling|asking|emailing|writing|messaging|chasing|having to (?:call|ask|chase|explain))|again and again|(?:called|contacted|emailed|asked) (?:you )?(?:again|before|already|repeatedly)|(?:still )?(?:no|not) (?:answer|reply|response) (?:to|after) my (?:previous|last|other)", kind: 'repeat-contact' },
];

/** "Bounced around", "transferred five times". `value` is the count when stated. */
export const TRANSFERRED: SignalEntry[] = [
  { pattern: `transferred (?:me )?(?:${COUNT} times|again|around|back and forth|to (?:another|yet another|the wrong))|bounced (?:around|from|between)|passed (?:around|from one|back and forth)|(?:kept|keep|keeps) (?:getting )?(?:transferr(?:ing|ed)|passing me|sending me)`, kind: 'transferred' },
  { pattern: "(?:the )?run ?around|from (?:department|person|agent) to (?:department|person|agent)|(?:every|each) (?:department|person|agent) (?:says|tells me)|told (?:me )?to (?:call|contact|ring|email) (?:someone else|another (?:number|department|team))|(?:going|go|went) (?:round|around) in circles", kind: 'transferred' },
  { pattern: `(?:spoke|spoken|talked|been) (?:to|with) ${COUNT} (?:different )?(?:people|agents|reps|representatives|departments|teams)`, kind: 'transferred' },
];

/** "Customer for 12 years", "loyal customer since 2009". `value` is the tenure in years when stated. */
export const LOYALTY: SignalEntry[] = [
  { pattern: `(?:customer|member|subscriber|client|shopper|user)s? (?:of (?:yours|yours for|you for) |with you (?:for )?|for |since |over |of )(?:over |more than |almost |nearly |about |well over )?${COUNT}\\+? years?`, kind: 'loyalty' },
  { pattern: `(?:been with|banked with|shopped with|ordered from|bought from|used|using|stayed with|loyal to) (?:you|your (?:company|bank|store|service|brand|products?))(?: guys)? (?:for |since )?(?:over |more than |almost |nearly |about |well over )?${COUNT}\\+? years?`, kind: 'loyalty' },
  { pattern: `${COUNT}\\+?[- ]years? (?:as an? |of being an? |an? |with you|of loyalty|loyal|long)(?:loyal |long[- ]time |faithful |paying )?(?:customer|member|subscriber|client)?`, kind: 'loyalty' },
  { pattern: `(?:loyal|long[- ]time|long[- ]standing|longtime|faithful|regular) (?:customer|member|subscriber|client|shopper|user|fan)(?: (?:of (?:yours|you) )?(?:for|since) (?:over |more than |almost |nearly |about |well over )?${COUNT}\\+? years?)?`, kind: 'loyalty' },
  { pattern: "(?:customer|member|subscriber|client) since (?:19|20)\\d\\d|since (?:day one|the beginning)", kind: 'loyalty' },
];

export const DEADLINE: SignalEntry[] = [
  { pattern: "by (?:this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the weekend|weekend|end of (?:the )?(?:day|week|month)|christmas|new year)", kind: 'deadline' },
  { pattern: "before (?:my|the|our) (?:trip|flight|holiday|vacation|wedding|birthday|party|event|move|exam|interview|meeting|deadline|surgery|appointment)|before (?:christmas|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the weekend)", kind: 'deadline' },
  { pattern: "deadline|in time for|(?:need|needed) (?:it|this|them) (?:by|for|before|in time)|(?:birthday|wedding|christmas|anniversary) (?:present|gift|is (?:on|tomorrow|in))|(?:leaving|flying|travel+ing|moving) (?:on|tomorrow|next|this|in (?:\\d+|two|three) days)", kind: 'deadline' },
];

/** Insults aimed at the agent or the company's people: remind the agent not to take it personally. */
export const ABUSE: SignalEntry[] = [
  { pattern: "you(?:'re| are|r| guys are| people are| lot are)? (?:an? |such an? |all |a bunch of |bunch of |complete |total |absolute |fucking |bloody |f\\*+ing )?(?:idiots?|morons?|stupid|useless|incompetent|clowns?|pathetic|liars?|thie(?:f|ves)|scammers?|imbeciles?|muppets?|losers?|crooks?|jokers?|dumb|brain ?dead)", kind: 'abuse' },
  { pattern: "fuck (?:you|off|u)|screw (?:you|u)|go to hell|shut up|piss off|get lost|stfu|gfy|bite me|kiss my", kind: 'abuse' },
  { pattern: "(?:idiots?|morons?|imbeciles?|clowns|muppets|monkeys) (?:at|in|working (?:at|in)|who work|running)|are you (?:stupid|dumb|an idiot|incompetent|brain ?dead|thick|blind)|can you (?:even |not )?read|learn to (?:read|do your job)|do your (?:\\w+ )?job|useless (?:bot|agent|staff|person|people|idiots?|support|team)", kind: 'abuse' },
];

/** All signal tables, in matching-priority order (longer and more specific first). */
export const SIGNAL_TABLES: SignalEntry[][] = [ABUSE, LEGAL, REVIEW, CHURN, TRANSFERRED, REPEAT_CONTACT, LOYALTY, DEADLINE];

export const NEEDS: NeedEntry[] = [
  // Escalation first: "speak to a manager" is not an information request
  { pattern: "(?:speak|talk|chat) (?:to|with) (?:a |an |your |the |someone |somebody |a real |an actual )?(?:human|person|real person|manager|supervisor|someone (?:in charge|senior|higher up|who can help)|boss)|(?:get|want|need|give) me (?:a |your |the )?(?:manager|supervisor)|manager|supervisor|escalat(?:e|ed|ing|ion)|higher up|head office|(?:the )?ceo|complaints? department|formal complaint", need: 'escalation', negatable: true },
  // Timing
  { pattern: "asap|as soon as possible|urgent(?:ly)?|immediately|right away|right now|(?:need|want|have|get) (?:it|this|them) (?:today|tonight|tomorrow)|by (?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|in time for|need (?:it|this|them) (?:by|before|for|back)|how (?:long|soon)|when (?:will|can|is|does|do|would) (?:i|it|you|my|this|they|the)|expedit(?:e|ed)|delivery date|eta", need: 'timing', negatable: true },
  // Something late or stuck: pending, not there yet, still nothing (BANKING77: pending transfers, balances not updated)
  { pattern: "pending|on hold|(?:delayed|held up|stuck)(?! with)|hold ?up|how much longer|(?:taking|takes?|took) (?:so|too|this|that) long|(?:yet to|still to) (?:appear|arrive|show|clear|complete|go through|be (?:credited|deposited|processed|updated))|(?:not|isn'?t|aren'?t|hasn'?t|haven'?t|wasn'?t|doesn'?t|didn'?t) (?:\\w+ )?(?:showing|shown|appearing|appeared|updated|posted|completed|arrived|cleared|received|there|here|through|come|reflected|seen it)(?: up)? yet|(?:hasn'?t|has not|haven'?t|have not|still (?:hasn'?t|haven'?t|has not|not|isn'?t|is not)) (?:yet )?(?:been )?(?:completed|appeared|posted|shown up|showed up|cleared|updated|gone through|deposited|credited|processed|reflected|arrived|come through)|still (?:waiting|pending|processing|not there|nothing)", need: 'timing' },
  // Money
  { pattern: "refund(?:ed)?|money back|reimburs(?:e|ed|ement)|compensat(?:e|ed|ion)|discount|(?:store |account )?credit(?! ?cards?)(?: back)?|voucher|charge ?back|(?:get|want|need|give|return|send|have) (?:me )?(?:back )?my money|where(?:'s| is) my money|(?:lost|missing|stolen|took|taken) (?:all )?(?:of )?(?:my )?money|money (?:back|returned|refunded)|cost me|out of pocket", need: 'financial', negatable: true },
  // A working product
  { pattern: "replace(?:ment|d)?|(?:a )?new one|exchange(?! rates?| via| currency| currencies| money| charge| fees?)|swap|repair(?:ed)?|send (?:me )?(?:another|a new|a working)|working (?:one|replacement)", need: 'replacement', negatable: true },
  { pattern: "(?:fix|fixed|sort|sorted|fixing) (?:it|this|my|the)|get (?:it|this) (?:fixed|working|sorted)", need: 'replacement', negatable: true, aboutProduct: true },
  // Being acknowledged
  { pattern: "(?:an? |some )?apology|apologi[sz]e|(?:nobody|no one) (?:even )?cares|(?:doesn'?t|don'?t|didn'?t) (?:even )?care|(?:treated|treat (?:me|us)) (?:like|as)|(?:just )?(?:want|need) (?:someone|somebody|you) to (?:listen|understand|hear|acknowledge)|feel (?:ignored|unheard|like (?:a number|nobody|no one|an idiot|a criminal))|(?:not|never) (?:being )?(?:heard|listened to|taken seriously)|take (?:me|this|us) seriously", need: 'acknowledgement' },
  // Information
  // A question about how something works or what is possible: the customer needs an answer
  { pattern: "(?:is|are) there (?:a|an|any)|(?:can|could|may|do|does|will|would|should|must) (?:i|we|you|they|my|it)|what(?:'s| is| are| do| does| can| will| should)|which|how (?:much|many|long|often|does|do|can|is|are|to|soon|will)|where (?:can|do|should|is|are)|who (?:can|do|should)|(?:need|want) to know|wondering|curious", need: 'information' },
  { pattern: "why|what happened|what(?:'s| is) going on|explain|explanation|(?:an |any |some )?updates?|status|where (?:is|are)|how (?:do|can|does|should) (?:i|we|this|it)|can you (?:tell|check|confirm|look into|let me know|find out)|let (?:me|us) know|is there (?:any |a )?way|any (?:news|info(?:rmation)?|idea)|what (?:can|should|do) (?:i|we) do|what are my options|does (?:this|that|it) mean", need: 'information', negatable: true },
];

/** Request cues for sentence roles: the customer asks for something. */
export const REQUEST: PhraseEntry[] = [
  { pattern: "please|pls|plz|kindly" },
  { pattern: "(?:i|we) (?:want|need|would like|'d like|demand|expect|require|am asking|'m asking|request|insist)" },
  { pattern: "(?:can|could|would|will) (?:you|someone|somebody|anyone|u) (?:please |pls |kindly |just )?\\w+" },
  { pattern: "(?:help me|send help|need help|help!|any help|somebody help|someone help)" },
  { pattern: "what (?:can|will|are) you (?:do|going to do)|when (?:will|can) (?:i|you|it|this|my)|how (?:do|can) i|is there (?:any |a )?way|let me know|get back to me|i'?d appreciate|i would appreciate" },
];

/** Imperative openers: a sentence starting with one of these asks for something ("Fix this now."). */
export const IMPERATIVE_VERBS: ReadonlySet<string> = new Set([
  'fix', 'send', 'refund', 'give', 'cancel', 'call', 'email', 'tell', 'explain', 'reply', 'respond', 'sort', 'get', 'replace',
  'stop', 'let', 'return', 'reverse', 'remove', 'restore', 'unlock', 'reset', 'reactivate', 'check', 'confirm', 'update',
  'escalate', 'credit', 'reimburse', 'deliver', 'ship', 'resolve', 'contact', 'answer', 'dm', 'help', 'open', 'change',
]);

/** Facts of a case: a sentence stating these (and no feeling) is the customer telling what happened. */
export const ISSUE_FACTS: PhraseEntry[] = [
  { pattern: "(?:i|we) (?:ordered|bought|purchased|paid|placed|received|got|signed up|subscribed|called|rang|contacted|emailed|e-mailed|messaged|tried|installed|updated|returned|sent|booked|cancel+ed|upgraded|downgraded|logged|was told|were told|was charged|were charged|was billed)" },
  { pattern: "(?:order|tracking|ticket|case|reference|account|invoice|booking|confirmation) (?:number|no|#|id|ref)|#\\d+" },
  { pattern: "(?:it|the \\w+|my \\w+) (?:says|said|shows|showed|keeps|stopped|arrived|came|was|is) " },
];
