import type { PhraseEntry } from '../text/matcher.ts';
import type { CueKind, Emotion } from './evidence.ts';

/**
 * Feeling cues in customer messages. Each entry has a lexicon weight ("how much this alone says", 0..1,
 * see `scoring.ts` for how weights become a score) and the Ekman emotion it expresses.
 *
 * All groups are compiled into ONE alternation (see `cues.ts`), in the order of {@link CUE_GROUPS}: where
 * two entries could match at the same place, the earlier group wins. That is how "thanks for nothing"
 * is sarcasm rather than thanks, and "not happy at all" a negated positive rather than happiness.
 */
export interface CueEntry extends PhraseEntry {
  weight: number;
  emotion?: Emotion;
  /** A feeling rather than a fact: the sentence is venting, not the issue. */
  feeling?: boolean;
  /**
   * Whether a negator in front cancels the cue ("not angry"). Defaults per group: yes for plain feeling
   * words, no for entries that carry their own negation ("nobody answers", "not happy").
   */
  negatable?: boolean;
}

/** Sarcastic praise: positive words used to complain. */
export const SARCASM: CueEntry[] = [
  { pattern: "thanks?(?: you)?(?: so much| a lot| again)? for (?:nothing|wasting my time|ignoring me|ruining|the runaround|making me wait|absolutely nothing)", weight: 0.5, emotion: 'anger' },
  // "Great, another week without internet", "Perfect. Just what I needed."
  { pattern: "(?:oh )?(?:great|wonderful|fantastic|brilliant|perfect|lovely|awesome|terrific|marvell?ous|splendid|super)[,.!… ]+(?:yet )?another", weight: 0.45, emotion: 'anger' },
  { pattern: "another (?:great|fantastic|wonderful|brilliant|lovely|perfect|awesome|amazing|fun) (?:day|week|month|night|morning|evening|weekend|experience|hour)s? (?:of|without|with no|on hold|waiting)|(?:such|what) a (?:joy|pleasure|delight) (?:to|when|it is)", weight: 0.45, emotion: 'anger' },
  { pattern: "(?:just|exactly) what i (?:needed|wanted)(?: today| right now)?", weight: 0.35, emotion: 'anger' },
  { pattern: "just (?:great|perfect|wonderful|brilliant|fantastic|lovely|peachy|marvell?ous)", weight: 0.35, emotion: 'anger' },
  // "love how I have to…", "love that nobody answers"
  { pattern: "(?:i )?(?:love|adore) (?:how|that|it when) (?:i have to|i(?:'ve| have) to|i(?:'m| am) (?:still|expected)|nobody|no one|i still|i can'?t|it (?:keeps|takes|never)|you (?:keep|never|always|still|can'?t|don'?t|didn'?t|just))", weight: 0.45, emotion: 'anger' },
  { pattern: "(?:what a|such a|big) surprise|surprise,? surprise|shocker|colou?r me (?:shocked|surprised)", weight: 0.4, emotion: 'anger' },
  { pattern: "(?:don'?t you (?:just )?love|(?:you )?(?:gotta|got to|have to) love|love it) (?:when|how)", weight: 0.45, emotion: 'anger' },
  { pattern: "so (?:that'?s|this is) (?:comforting|reassuring|great|nice|fun|awesome|wonderful|just great|brilliant)", weight: 0.4, emotion: 'anger' },
  { pattern: "(?:customer )?(?:service|support) at (?:its|their) (?:finest|best)", weight: 0.45, emotion: 'anger' },
  { pattern: "(?:oh )?(?:yeah|sure),? right", weight: 0.3, emotion: 'anger' },
];

/** Negated positives: the polite way of saying it is bad. They carry their own negation. */
export const NEGATED_POSITIVE: CueEntry[] = [
  { pattern: "(?:not|never|isn'?t|wasn'?t|aren'?t|ain'?t) (?:very |too |so |remotely |even remotely |particularly |at all )?(?:happy|pleased|satisfied|impressed|amused|thrilled|ok|okay|acceptable|good enough|good|great|fair|right|helpful|professional)(?: at all| in the slightest| one bit| whatsoever)", weight: 0.55, emotion: 'anger' },
  { pattern: "(?:not|never|isn'?t|wasn'?t|aren'?t|ain'?t) (?:very |too |so |remotely |even remotely |particularly |at all )?(?:happy|pleased|satisfied|impressed|amused|thrilled)", weight: 0.35, emotion: 'anger' },
  { pattern: "(?:not|isn'?t|wasn'?t|aren'?t|ain'?t) (?:ok|okay|acceptable|good enough|fair|right)", weight: 0.35, emotion: 'anger' },
  { pattern: "no help(?:ful)?(?: at all| whatsoever)?|not (?:very |at all )?helpful|(?:not|no) good", weight: 0.3, emotion: 'anger' },
];

/**
 * Dissatisfaction without heat: waiting, "still", no answer, being ignored, disappointment. These make a
 * polite message upset; they add only a little anger (see `ANGER_SHARE` in scoring).
 */
export const COMPLAINT: CueEntry[] = [
  // Waiting and delay
  { pattern: "(?:(?:i'?ve|i have|we've|we have) been |been |still )?(?:waiting|waited) (?:for )?(?:over |more than |almost |nearly |about |at least |another )?(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a couple of) (?:more )?(?:minutes?|hours?|days?|weeks?|months?|years?)", weight: 0.4, emotion: 'sadness' },
  { pattern: "(?:waiting|waited|wait) (?:for )?(?:ages|forever|so long|too long|a long time|all day|all week|since)", weight: 0.4, emotion: 'sadness' },
  { pattern: "still (?:waiting|haven'?t|hasn'?t|have not|has not|not|no|nothing|don'?t|doesn'?t|didn'?t|can'?t|unable|broken|missing|being charged|charging|getting)", weight: 0.35, emotion: 'sadness' },
  { pattern: "(?:\\d+|two|three|four|five|six|several|many) (?:days?|weeks?|months?) (?:late|overdue|later|and counting)", weight: 0.35, emotion: 'sadness' },
  { pattern: "takes? (?:days|weeks|ages|forever|hours|months) to (?:respond|reply|answer|arrive|process|get back|refund)", weight: 0.3, emotion: 'sadness' },
  { pattern: "another (?:\\w+ )?(?:day|week|month|weekend|night|hour)s? (?:without|with no)", weight: 0.35, emotion: 'anger' },
  // Nobody answers
  { pattern: "(?:nobody|no one|noone) (?:has |ever |seems to |will |can )?(?:answers?|answered|respond(?:s|ed)?|repl(?:y|ies|ied)|gets? back|got back|called|calls|emailed|helps?|helped|cares?|listens?|bother(?:s|ed)?|picks? up)", weight: 0.4, emotion: 'anger' },
  { pattern: "(?:haven'?t|have not|never|didn'?t|did not|hasn'?t|has not) (?:heard back|received (?:a |any )?(?:reply|response|answer|update|call ?back)|got(?:ten)? (?:a |any )?(?:reply|response|answer|update|call ?back)|had (?:a |any )?(?:reply|response|answer))", weight: 0.4, emotion: 'anger' },
  { pattern: "(?:no|zero|not a single|not one|not even an?) (?:answer|reply|response|update|call ?back|word|explanation|acknowledg(?:e?ment))", weight: 0.3, emotion: 'anger' },
  { pattern: "ignor(?:e|es|ed|ing) (?:me|my|us|our|all|supporting|customers|emails|messages|calls|complaints)|non[- ]?functioning|not functioning|non[- ]?existent", weight: 0.45, emotion: 'anger' },
  { pattern: "left (?:me )?on (?:read|hold)|on hold for", weight: 0.3, emotion: 'anger' },
  // It keeps happening
  { pattern: "as usual|yet again|once again|again and again|over and over|every (?:single )?time", weight: 0.2, emotion: 'anger' },
  // Disappointment and unmet expectations
  { pattern: "disappoint(?:ed|ing|ment)|let ?down", weight: 0.3, emotion: 'sadness', negatable: true, feeling: true },
  { pattern: "unhappy|dissatisfied|displeased|unsatisfied", weight: 0.35, emotion: 'sadness', negatable: true, feeling: true },
  { pattern: "(?:i )?expect(?:ed)? (?:better|more)", weight: 0.3, emotion: 'sadness', feeling: true },
  { pattern: "i (?:expect|demand|want) (?:a |an )?(?:quick|fast|prompt|immediate|full|proper|real)? ?(?:answer|response|reply|explanation|resolution|solution|call back|callback)|(?:is it|it'?s|whose|is this) (?:your|their|whose|\\w+'s)? ?fault", weight: 0.3, emotion: 'anger' },
  { pattern: "(?:make|making|file|filing|lodge|raise) a (?:formal )?complaint|complain(?:ing|ed)?", weight: 0.3, emotion: 'anger' },
  { pattern: "you (?:promised|said (?:it|you) would|told me (?:it|you) would)|was promised|were promised", weight: 0.3, emotion: 'anger' },
  { pattern: "(?:should|was supposed to|were supposed to) (?:have )?(?:arrived|been (?:here|delivered|fixed|refunded)|arrive)", weight: 0.25, emotion: 'sadness' },
  // Pleading and urgency: a plea says the problem matters to them, however calm the rest (GUIDE.md: distress)
  { pattern: "(?:please|pls|plz)(?:,? (?:please|pls|plz))*,? help(?: me| us)?|help(?: me| us)?,? (?:please|pls|plz)|help ?pp+|(?:somebody|someone|anybody|anyone) (?:please )?help|i (?:really |desperately |urgently )?need (?:your |some )?help(?! (?:with|to|on|for|in|changing|setting|removing|getting|finding|making|understanding|updating|adding|using|choosing|linking|activating|verifying|ordering)(?![\\p{L}]))", weight: 0.3, emotion: 'fear' },
  { pattern: "urgent(?:ly)?|asap|desperate(?:ly)?|i(?:'m| am) begging|(?:i )?beg (?:you|of you)", weight: 0.3, emotion: 'fear', negatable: true },
  // Losing something that matters, beyond account access (which is an issue of its own, issues.data.ts)
  { pattern: "lost (?:all (?:of )?)?(?:my|our) (?:data|progress|photos|pictures|files|videos|money|saves?|save files?|contacts|messages|emails|music|playlists?|library|purchases?|items|stuff)|lost everything", weight: 0.3, emotion: 'sadness' },
  // Tried already, or it keeps happening: earlier attempts failed (GUIDE.md: repetition)
  { pattern: "(?:i'?ve |i have |already |i )?tried (?:everything|all|again|multiple|several|many|re-?(?:install|start|boot|set)\\w*|restart\\w*|uninstall\\w*|clearing|deleting)|keeps? (?:on )?(?:getting|crashing|happening|saying|failing|freezing|disconnecting|telling|logging me out|kicking me)", weight: 0.25, emotion: 'sadness' },
  // Stakes and urgency: something that matters depends on it, soon (GUIDE.md: distress; a plea need not be spelled out)
  { pattern: "(?:flight|train|bus|plane|ferry|appointment|meeting|interview|surgery|operation|exam|wedding|funeral|closing|court (?:date|hearing)|check-?in|boarding)s? (?:is |leaves |departs |boards |starts |takes off )?(?:in|within) (?:\\d+|an?|one|two|three|four|five|a few|a couple of|half an?) (?:minutes?|mins?|hours?|hrs?)|(?:in|within) (?:\\d+|an?|one|two|three|four|five|a few|a couple of|half an?) (?:minutes?|mins?|hours?|hrs?) (?:and|but|so)? ?(?:i|we)(?:'m| am| are|'ve| have| need)", weight: 0.35, emotion: 'fear' },
  { pattern: "(?:rent|mortgage|bills?|tuition|school fees|payroll|salary|wages|loan(?: payment)?|car payment|insurance) (?:is |are |was |were )?(?:due|overdue|late)|(?:can'?t|cannot|couldn'?t|unable to|won'?t be able to) (?:pay|afford) (?:for )?(?:my |the |our )?(?:rent|bills?|food|groceries|petrol|gas|hotel|taxi|mortgage|medicine|meds|prescription)|(?:need|needed|needs) (?:this|that|the|my|our) (?:money|cash|funds|card|payment|transfer) (?:for|to (?:pay|buy|get)|by|today|tonight|now|urgently|asap)|(?:stranded|stuck) (?:abroad|overseas|at the airport|in (?:a|another) (?:foreign )?country)|(?:no|without) (?:money|cash|any way to pay) (?:for|to (?:eat|get|pay|buy))|(?:be|get|getting) evicted|evict(?:ed|ion)|(?:lose|losing) (?:my|our) (?:house|home|job|flat|apartment|deposit|booking)|overdraft (?:fees?|charges?)|(?:kids|children|family) (?:need|are hungry|have nothing)", weight: 0.35, emotion: 'fear' },
  { pattern: "need (?:it|this|them|the money|my money|my card|the card|cash|the refund|my refund) (?:urgently|today|tonight|now|right now|asap|immediately|right away|by tomorrow|for tomorrow)", weight: 0.25, emotion: 'fear' },
  // Time lost to it
  { pattern: "for (?:\\d+|two|three|four|five|six|several|many|a few|over (?:a|an)|almost (?:a|an)|more than (?:a|an)) (?:hours?|days?|weeks?|months?)|since (?:yesterday|last (?:week|month|night)|this morning)|(?:it'?s|it has|it'?s been|it has been|been|that was) (?:over |more than |almost |nearly )?(?:\\d+|two|three|four|five|six|several|many|a few|a couple of?) (?:hours?|days?|weeks?|months?)(?: now| already| since| ago)?", weight: 0.2, emotion: 'sadness' },
  // Something wrong and unexplained, or taken away (GUIDE.md: a loss, blame)
  { pattern: "what(?:'s| is) (?:going on|happening|up) with (?:my|the|these|this|your|all)|(?:it'?s|it is|they'?re|they are|it'?s all|everything'?s|everything is) (?:not there|gone|missing|disappeared|vanished)(?![\\p{L}])|like (?:everyone|everybody|every other (?:\\w+)|other (?:people|users|customers|banks|companies|stores)) (?:else|does|do|can|has|have)?", weight: 0.3, emotion: 'sadness' },
  // Stuck: money or an order that will not move (GUIDE.md: delay)
  { pattern: "(?:still|been|stuck(?: on| in)?|keeps? (?:showing|saying)) pending|pending (?:for|since) (?:\\d+|a|an|two|three|several|days|hours|weeks|ages|too long|so long)|won'?t (?:move|go away|clear|process|update)|(?:don'?t|do not|doesn'?t|does not) have (?:any|my|the) (?:funds|money|cash)(?: yet)?", weight: 0.3, emotion: 'sadness' },
];

/** Words of anger and frustration, and judgements of the company. Cancelled by a negator in front. */
export const ANGER: CueEntry[] = [
  // Rage, stated outright
  { pattern: 'furious|livid|enraged|irate|seething|fuming|incensed', weight: 0.7, emotion: 'anger' },
  { pattern: 'infuriat(?:ed|ing)|outraged|outrageous', weight: 0.65, emotion: 'anger' },
  { pattern: "pissed(?: off)?|p\\*+ssed(?: off)?", weight: 0.6, emotion: 'anger' },
  { pattern: "angry|(?:i'?m|i am|im|so|really|very|getting) mad", weight: 0.55, emotion: 'anger' },
  // Frustration and running out of patience
  { pattern: 'frustrat(?:ed|ing|ion)|exasperat(?:ed|ing)', weight: 0.4, emotion: 'anger' },
  { pattern: 'annoy(?:ed|ing)|irritat(?:ed|ing)|aggravat(?:ed|ing)|upset', weight: 0.3, emotion: 'anger' },
  { pattern: "fed up|sick (?:and tired )?of|(?:so |really |getting |am |i'?m )?tired of|had enough|enough is enough|at my wits'? end|(?:the )?last straw|(?:losing|lost|running out of) (?:my )?patience", weight: 0.5, emotion: 'anger' },
  // Judging the company or the service
  { pattern: 'ridiculous|absurd|ludicrous|insane|madness', weight: 0.45, emotion: 'anger' },
  { pattern: 'unacceptable|inexcusable|unforgivable|no excuse', weight: 0.5, emotion: 'anger' },
  { pattern: 'disgraceful|disgusting|disgusted|appalling|appalled|shameful|deplorable|atrocious|despicable', weight: 0.55, emotion: 'disgust' },
  { pattern: "pathetic|laughable|(?:is|what|such) a joke|(?:an absolute|a complete|a total|a bad|a sick) joke|joke of a", weight: 0.5, emotion: 'anger' },
  { pattern: "scam(?:mers?|med|ming)?|rip[- ]?off|ripped (?:me )?off|(?:daylight )?robbery|thie(?:f|ves)|stole|stealing|fraudulent|fraudsters?|(?:this is|that'?s|it'?s|pure|total) (?:a )?fraud", weight: 0.5, emotion: 'anger' },
  { pattern: "price[- ]?goug(?:e|es|ed|ing|ers?)|profiteer(?:s|ing)?|exploit(?:ing|ative|ation)|greedy|greed", weight: 0.45, emotion: 'anger' },
  { pattern: 'stupid|dumb|idiotic|moronic|brainless', weight: 0.35, emotion: 'anger' },
  { pattern: 'scum(?:bags?)?|crooks?|cowboys|sharks', weight: 0.5, emotion: 'disgust' },
  { pattern: 'useless|hopeless|incompetent|incompetence|clueless|amateurs?|amateurish', weight: 0.5, emotion: 'anger' },
  { pattern: 'worst', weight: 0.45, emotion: 'anger' },
  { pattern: 'terrible|horrible|awful|abysmal|dreadful|diabolical|horrendous|shocking', weight: 0.35, emotion: 'anger' },
  { pattern: 'unprofessional|disrespectful|condescending|patroni[sz]ing|rude', weight: 0.4, emotion: 'anger' },
  { pattern: 'lied|lying|liars?|lies', weight: 0.45, emotion: 'anger' },
  { pattern: 'nightmare|shambles|fiasco|farce|circus|disaster|disastrous|catastroph(?:e|ic)', weight: 0.35, emotion: 'anger' },
  { pattern: "(?:a )?waste of (?:my )?(?:time|money)|wast(?:ed|ing) (?:my|so much|hours|days|an hour|a whole)", weight: 0.4, emotion: 'anger' },
  { pattern: "hate (?:this|you|your|it|that|how|when|dealing)", weight: 0.45, emotion: 'anger' },
  { pattern: 'sucks?|garbage|trash|rubbish|crap(?:py)?', weight: 0.4, emotion: 'disgust' },
  // Incredulity
  { pattern: "are you (?:kidding|serious|joking)(?: me)?|you(?:'ve| have) got to be kidding(?: me)?|seriously\\?", weight: 0.45, emotion: 'anger' },
  { pattern: "how (?:hard|difficult) (?:is it|can it be|could it be)|how many (?:more )?times|how (?:is|was) (?:this|that) (?:ok|okay|acceptable|possible|legal)", weight: 0.45, emotion: 'anger' },
  { pattern: "what (?:the (?:hell|heck|fuck|f)|on earth)|wtf|wth|omfg", weight: 0.5, emotion: 'anger' },
  { pattern: "can'?t believe|cannot believe|unbelievable|unreal", weight: 0.3, emotion: 'surprise' },
  { pattern: "for (?:god|christ|heaven|pete)'?s sake|ffs|fgs", weight: 0.5, emotion: 'anger' },
  { pattern: 'are you (?:even )?listening|do you (?:even )?(?:read|care|listen)', weight: 0.45, emotion: 'anger' },
  // Questions that challenge the company rather than ask it something (GUIDE.md: pointed criticism)
  { pattern: "what'?s the point (?:of|in)|is there a reason (?:why )?you (?:refuse|won'?t|don'?t|can'?t|keep|still|never|haven'?t)|why (?:would|won'?t|don'?t|doesn'?t|didn'?t|can'?t|isn'?t|aren'?t|haven'?t|hasn'?t|is it that) (?:you|your (?:company|team|support|service)|they|@[\\w.]+)(?![\\p{L}])|why (?:did|do) you (?:guys |people |all )?(?:remove|change|take|delete|ban|suspend|terminate|charge|cancel|block|close|disable|stop|make|ruin|break|get rid of)|are you (?:guys )?(?:going to|gonna|ever going to) (?:do|fix|get on|sort|look at|answer|respond|reply)|do (?:i|we) really have to|(?:i|we) (?:bought|buy|paid for|pay for|paid) (?:[\\w-]+ ){1,3}(?:to|just to) (?:deal with|put up with)", weight: 0.35, emotion: 'anger' },
  { pattern: 'never again', weight: 0.4, emotion: 'anger' },
];

/** Swearing not aimed at anyone. Swearing at the agent is the `abuse` signal (`signals.data.ts`). */
export const PROFANITY: CueEntry[] = [
  { pattern: 'clusterfuck|fuck(?:ing|ed|s|in)?|f\\*+(?:c?k|ck)(?:ing|ed)?|fk(?:n|ing)?|effing|freaking|frigging', weight: 0.45, emotion: 'anger' },
  { pattern: 'shit(?:ty|e)?|bullshit|goddamn(?:ed)?|damn(?:ed|it)?|bloody|hell|bastards?|arse|ass', weight: 0.35, emotion: 'anger' },
];

/** Other negative feelings: worry, sadness, confusion. Sentiment and a little emotion, not anger. */
export const NEGATIVE: CueEntry[] = [
  { pattern: 'worried|anxious|scared|afraid|nervous|concerned|stressed|stressful|panick?(?:ing|ed)|freaking out|terrified', weight: 0.3, emotion: 'fear' },
  { pattern: 'devastated|heartbroken|gutted|distraught', weight: 0.45, emotion: 'sadness' },
  { pattern: 'sad|unfortunately|sadly|upsetting', weight: 0.25, emotion: 'sadness' },
  { pattern: 'embarrass(?:ed|ing)|humiliat(?:ed|ing)', weight: 0.3, emotion: 'sadness' },
  { pattern: 'confus(?:ed|ing)|baffled|puzzled|no idea why', weight: 0.15, emotion: 'surprise' },
  { pattern: 'shocked|stunned', weight: 0.25, emotion: 'surprise' },
  { pattern: 'inconvenien(?:ce|t|ced)|hassle|pain in the (?:neck|backside|ass)', weight: 0.2, emotion: 'sadness' },
  { pattern: "problems?|issues?|broken|faulty|errors?|fail(?:ed|s|ing|ure)?|wrong|bad|poor", weight: 0.1 },
];

/**
 * Intensifiers: not cues themselves; they multiply the weight of the feeling cue right after them
 * ("absolutely furious", "so frustrating", "beyond ridiculous"). `weight` is the multiplier.
 */
export const INTENSIFIERS: CueEntry[] = [
  { pattern: 'absolutely|completely|totally|utterly|incredibly|extremely|beyond|seriously|insanely|ridiculously|thoroughly', weight: 1.6 },
  { pattern: 'so|very|really|truly|super|deeply|quite|such an?|an absolute|a complete|a total|the most|most|even more', weight: 1.4 },
];

/** Positive words and thanks: lift sentiment; suppressed when inside a sarcasm or negated-positive cue. */
export const POSITIVE: CueEntry[] = [
  { pattern: 'thanks?|thank you|thx|cheers', weight: 0.25, emotion: 'joy' },
  // The writer's own polite apology ("sorry about that", "sorry to bother you"): courtesy, not distress
  { pattern: "(?:i'?m |we'?re |so |very |really )?sorry (?:about that|for the (?:delay|inconvenience|trouble|confusion|wait|late reply|mix-?up)|to (?:bother|trouble|hear|disturb)|for any (?:inconvenience|confusion|trouble)|for (?:bothering|troubling|the hassle))|(?:my |our )?apologies for (?:the|any) (?:delay|inconvenience|trouble|confusion)", weight: 0.25, emotion: 'joy' },
  { pattern: 'appreciated?|grateful|gratitude', weight: 0.3, emotion: 'joy' },
  { pattern: 'great|excellent|amazing|awesome|wonderful|fantastic|brilliant|perfect|superb|outstanding|stellar', weight: 0.4, emotion: 'joy' },
  { pattern: 'love|loved|lovely|adore', weight: 0.4, emotion: 'joy' },
  { pattern: 'happy|glad|pleased|delighted|satisfied|impressed|relieved', weight: 0.35, emotion: 'joy' },
  { pattern: 'helpful|kind|friendly|patient|polite', weight: 0.25, emotion: 'joy' },
  { pattern: 'good|nice|fine|cool', weight: 0.15, emotion: 'joy' },
  { pattern: "well done|good job|great job|kudos|props to", weight: 0.4, emotion: 'joy' },
  { pattern: "(?:it(?:'s| is)|all|now|finally) (?:resolved|sorted|fixed|working)|works? (?:now|again|fine|perfectly)", weight: 0.35, emotion: 'joy' },
];

/** Emoji and emoticons, matched as their own group: they sit outside words. */
export const EMOJI: CueEntry[] = [
  { pattern: '😡|🤬|😠|😤|👎|🙄|😒|🖕', weight: 0.35, emotion: 'anger' },
  // Exasperation and sarcasm, milder than the faces above
  { pattern: '🤦(?:\u200d?[♂♀]️?)?|🤦🏻|🤦🏼|🤦🏽|🤦🏾|🤦🏿|🙃|😑', weight: 0.25, emotion: 'anger' },
  // Folded hands plead more often than they thank in a complaint (GUIDE.md: 🙏 signals upset, not anger)
  { pattern: '😢|😭|😞|😔|☹️|☹|🙁|🙏|😩|😫|🥺|:\\(|:-\\(|:\\[', weight: 0.25, emotion: 'sadness' },
  { pattern: '😊|🙂|😀|😁|😃|😄|❤️|❤|👍|😍|:\\)|:-\\)|:D', weight: 0.25, emotion: 'joy' },
];

/** Groups in matching-priority order, with their cue kind and whether a negator cancels them by default. */
export const CUE_GROUPS: { kind: CueKind | 'intensifier' | 'emoji'; entries: CueEntry[]; negatable: boolean }[] = [
  { kind: 'sarcasm', entries: SARCASM, negatable: false },
  { kind: 'negated-positive', entries: NEGATED_POSITIVE, negatable: false },
  { kind: 'complaint', entries: COMPLAINT, negatable: false },
  { kind: 'anger', entries: ANGER, negatable: true },
  { kind: 'intensifier', entries: INTENSIFIERS, negatable: false },
  { kind: 'profanity', entries: PROFANITY, negatable: false },
  { kind: 'negative', entries: NEGATIVE, negatable: true },
  { kind: 'positive', entries: POSITIVE, negatable: true },
  { kind: 'emoji', entries: EMOJI, negatable: false },
];

/** Emoji take the cue kind of the emotion they show. */
export const EMOJI_KIND: Record<Emotion, CueKind> = { anger: 'anger', disgust: 'anger', fear: 'negative', sadness: 'negative', surprise: 'negative', joy: 'positive' };
