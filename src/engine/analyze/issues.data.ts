import type { PhraseEntry } from '../text/matcher.ts';
import type { IssueCategory } from '../types.ts';

/**
 * Issue phrases: what went wrong, in the customer's words. The matched text is the issue's key phrase
 * ("charged twice"); `label` is how an agent would name it back ("the double charge"), with placeholders
 * filled from the match by `issues.ts`:
 * - `$OBJ` the thing concerned, found in the match ("order", "parcel", "refund"…), else `obj`, else "order";
 * - `$NP`  the customer's own noun phrase turned round ("my new phone is broken" → "your new phone").
 *
 * Issue phrases carry their own negation ("hasn't arrived"), so a negator in front does not cancel them.
 * `weight` is how dissatisfied the issue alone makes a message (fed to scoring as a complaint cue): a
 * double charge upsets anyone, a forgotten password much less.
 * Within the one alternation, earlier entries win at the same position: specific before general.
 */
export interface IssueEntry extends PhraseEntry {
  category: IssueCategory;
  label: string;
  weight: number;
  obj?: string;
}

const SUBJECT = "(?:(?:my|our|the|this|these|your) (?:[\\w-]+ ){0,2})?";
const ORDER_NOUN = '(?:order|package|parcel|delivery|shipment|item|items|goods|purchase|stuff|box|food)';

export const DELIVERY: IssueEntry[] = [
  { pattern: `(?:(?:my|our|the|this|your) )?${ORDER_NOUN}s? (?:has |have |is |was |were )?(?:still )?(?:not|never|hasn'?t|haven'?t|didn'?t|did not|has not|have not|isn'?t|wasn'?t) (?:yet )?(?:arrived|come|turned up|shown up|been delivered|been shipped|shipped|delivered|here|received|dispatched)`, category: 'delivery', label: 'the $OBJ that has not arrived', weight: 0.3 },
  { pattern: "(?:never|not yet|still not|still haven'?t|still hasn'?t|haven'?t|hasn'?t|didn'?t|did not|have not|has not) (?:arrived|been delivered|turned up|shown up|received (?:my|the|our) (?:order|package|parcel|delivery|item|items|shipment|purchase))", category: 'delivery', label: 'the $OBJ that has not arrived', weight: 0.3 },
  { pattern: "(?:didn'?t|did not|never|haven'?t|have not|hasn'?t|has not|still haven'?t|not|yet to) (?:yet )?(?:receive|received|get|got(?:ten)?) (?:the|my|a|any|our|his|her|their) (?:actual )?(?:order|package|parcel|delivery|item|items|goods|purchase|game|product|tickets?|book|box|stuff)s?", category: 'delivery', label: 'the $OBJ you did not receive', weight: 0.3, obj: 'order' },
  { pattern: "(?:didn'?t|did not|never|haven'?t|have not|hasn'?t|has not|still haven'?t|yet to) (?:yet )?(?:receive|received|get|got(?:ten)?)(?: (?:the|my|any|our|his|her|their) | anything| it| them)", category: 'delivery', label: 'what you have not received', weight: 0.3 },
  { pattern: `where(?:'s| is| are) my ${ORDER_NOUN}s?`, category: 'delivery', label: 'the delay with your $OBJ', weight: 0.25 },
  { pattern: "(?:says|marked|shows|showing)(?: as| it(?:'s| was| has been))? delivered(?: but| and)", category: 'delivery', label: 'the $OBJ marked delivered that never reached you', weight: 0.35, obj: 'parcel' },
  { pattern: `(?:lost|missing) (?:my |our |the )?${ORDER_NOUN}s?|${ORDER_NOUN}s? (?:got |was |has been |is |went )?(?:lost|missing)`, category: 'delivery', label: 'the lost $OBJ', weight: 0.35 },
  { pattern: `${ORDER_NOUN}s? (?:is |was |are |has been |got )?(?:still )?(?:late|delayed|overdue|stuck|held up)|(?:late|delayed|overdue) (?:delivery|order|package|parcel|shipment)s?`, category: 'delivery', label: 'the delay with your $OBJ', weight: 0.3 },
  { pattern: "wrong (?:item|order|size|colou?r|product|address|package|parcel|model|book)s?", category: 'delivery', label: 'the wrong $OBJ', weight: 0.3, obj: 'item' },
  { pattern: "tracking (?:number )?(?:hasn'?t|has not|isn'?t|is not|doesn'?t|does not|not|never) (?:been )?(?:updated|updating|moved|changed|working|work)", category: 'delivery', label: 'the tracking that has not updated', weight: 0.2 },
  { pattern: "missed (?:my )?delivery|driver (?:never|didn'?t|did not) (?:come|came|show(?:ed)? up|knock|ring|deliver|try)", category: 'delivery', label: 'the missed delivery', weight: 0.3 },
  { pattern: '(?:delivery|shipping|shipment) (?:delays?|problems?|issues?)', category: 'delivery', label: 'the delivery delay', weight: 0.25 },
];

export const DEFECT: IssueEntry[] = [
  { pattern: `${SUBJECT}(?:arrived|came|was delivered|showed up|turned up) (?:broken|damaged|smashed|cracked|dented|faulty|defective|dead|leaking|torn|opened|scratched|in pieces)`, category: 'defect', label: 'the damage to $NP', weight: 0.35, obj: 'order' },
  { pattern: `${SUBJECT}(?:is|was|are|were|keeps?|seems|has) (?:still |now |completely |totally )?(?:broken|damaged|faulty|defective|cracked|smashed|dead|not working|stopped working|crashing|freezing)`, category: 'defect', label: 'the fault with $NP', weight: 0.3, obj: 'product' },
  { pattern: `${SUBJECT}(?:(?:isn'?t|is not|doesn'?t|does not|don'?t|do not|didn'?t|did not|won'?t|will not|wouldn'?t|would not|wont|can'?t|cannot|stopped|keeps?|no longer) (?:work(?:ing)?|charg(?:e|ing)|turn(?:ing)? on|switch(?:ing)? on|load(?:ing)?|connect(?:ing)?|sync(?:ing)?|respond(?:ing)?|start(?:ing)?|boot(?:ing)?|open(?:ing)?|play(?:ing)?|print(?:ing)?)|(?:not|never) working)`, category: 'defect', label: 'the fault with $NP', weight: 0.3, obj: 'product' },
  { pattern: "(?:won'?t|isn'?t|is not|not|doesn'?t|does not|don'?t|do not|wouldn'?t) (?:even )?(?:let|letting|allow|allowing) (?:me|us)", category: 'defect', label: 'the fault with $NP', weight: 0.25, obj: 'product' },
  { pattern: 'keeps? (?:crashing|freezing|restarting|rebooting|disconnecting|dropping|logging me out|failing)|crash(?:es|ed|ing)|freez(?:es|ing)|froze|(?:disconnect|restart|reboot|shut)s? (?:off |down )?(?:randomly|constantly|all the time|every)', category: 'defect', label: 'the crashes', weight: 0.25, obj: 'app' },
  { pattern: 'dead on arrival|doa|fell apart|falling apart|came apart|broke (?:after|within|in) (?:\\w+ ){0,2}(?:days?|weeks?|hours?|uses?)', category: 'defect', label: 'the fault with $NP', weight: 0.35, obj: 'product' },
  { pattern: '(?:battery|charger|charging case|case) (?:dies|drains|is draining|won\'t hold|doesn\'t hold|does not hold)|drains (?:\\w+ )?(?:quickly|fast|too fast)', category: 'defect', label: 'the battery problem', weight: 0.25 },
  { pattern: 'missing (?:parts?|pieces?|screws?|accessor(?:y|ies)|charger|cable|manual|components?)', category: 'defect', label: 'the $TEXT', weight: 0.3 },
  { pattern: '(?:poor|bad|terrible|cheap) quality|cheaply made|(?:a )?(?:bug|glitch)(?:s|es)?|error (?:message|code)', category: 'defect', label: 'the fault', weight: 0.2 },
  { pattern: "(?:can'?t|cannot|unable to|not able to|couldn'?t) (?:redeem|download|install|activate|play|stream|watch|update|open|use|find|restore|recover|cancel|unsubscribe)", category: 'defect', label: 'the trouble you have been having', weight: 0.2 },
  // Last: the vague "having issues" when nothing more specific matched
  { pattern: '(?:having|have|had|experiencing|experience|facing|getting) (?:an? |some |a (?:big|major|serious) |(?:big|major|serious) )?(?:issues?|problems?|trouble|difficult(?:y|ies))', category: 'defect', label: 'the trouble you have been having', weight: 0.2 },
];

export const BILLING: IssueEntry[] = [
  { pattern: "charged (?:me |us )?(?:twice|two times|double|three times|multiple times|again|2x)|double[- ]charged?|(?:duplicate|double) (?:charges?|payments?|transactions?|billing)|charged (?:me )?for (?:the same|one) (?:\\w+ ){0,2}(?:twice|two times)|billed (?:me )?twice", category: 'billing', label: 'the double charge', weight: 0.45 },
  { pattern: "overcharg(?:ed|ing)|charged (?:me )?(?:too much|more than|extra|the wrong amount|full price)|(?:wrong|incorrect) (?:amount|price|charges?|bill|invoice)", category: 'billing', label: 'the overcharge', weight: 0.4 },
  { pattern: "unauthori[sz]ed (?:charges?|payments?|transactions?|debits?)|charged (?:me )?without (?:my )?(?:permission|consent|asking|authori[sz]ation)", category: 'billing', label: 'the charge you did not authorize', weight: 0.45 },
  { pattern: "(?:still )?(?:being )?(?:charged|billed) (?:me )?(?:after|even though|despite) (?:i |having )?cancel+(?:ed|ing|ling)?|keep (?:charging|billing) me|still (?:being )?(?:charged|billed) (?:me )?(?:every|each|monthly)", category: 'billing', label: 'the charges that should have stopped', weight: 0.45 },
  { pattern: "still (?:being )?(?:charged|billed)", category: 'billing', label: 'the charge', weight: 0.35 },
  { pattern: "(?:just )?got (?:billed|charged) for|(?:billed|charged) (?:me )?for (?:a |an |the )?(?:free trial|something i|subscription i|service i)", category: 'billing', label: 'the unexpected charge', weight: 0.35 },
  { pattern: 'hidden (?:fees?|charges?|costs?)|surprise (?:fees?|charges?|bill)|extra (?:fees?|charges?)|late fees?', category: 'billing', label: 'the unexpected fees', weight: 0.35 },
  { pattern: 'billing (?:errors?|mistakes?|issues?|problems?)|(?:mistake|error) (?:on|in) (?:my )?(?:bill|invoice|statement)', category: 'billing', label: 'the billing error', weight: 0.35 },
  { pattern: "payment (?:failed|declined|was declined|not going through|didn'?t go through|won'?t go through|keeps failing|issues?|problems?)", category: 'billing', label: 'the failed payment', weight: 0.2 },
  { pattern: '(?:took|taken|taking|deducted|debited) (?:my )?(?:money|(?:\\$|£|€)\\d+)|money (?:was |has been )?(?:taken|deducted|debited)', category: 'billing', label: 'the money taken from your account', weight: 0.35 },
  { pattern: 'price (?:went up|increases?|hike)|raised (?:the|my|your) (?:price|rate|fee)s?', category: 'billing', label: 'the price increase', weight: 0.25 },
];

export const REFUND: IssueEntry[] = [
  { pattern: "(?:haven'?t|have not|not|never|didn'?t|did not) (?:got|gotten|received|had|been) (?:my |the |a |any )?(?:money )?(?:refunded|reimbursed)", category: 'refund', label: 'the refund that has not reached you', weight: 0.4 },
  { pattern: "(?:still )?(?:haven'?t|have not|never|didn'?t|did not|not yet|yet to|still not|still haven'?t|still no) (?:received|got(?:ten)?|get|seen|had)? ?(?:my |the |a |any |our )?(?:refund|money back|reimbursement|credit)", category: 'refund', label: 'the refund that has not reached you', weight: 0.4 },
  { pattern: "refund (?:is |has |was |has been )?(?:still )?(?:pending|missing|late|delayed|not (?:processed|received|showing|shown)|hasn'?t (?:arrived|come|been processed|shown up|gone through))", category: 'refund', label: 'the delay with your refund', weight: 0.4 },
  { pattern: "(?:waiting|waited|wait) (?:[\\w-]+ ){0,4}?for (?:my |a |the |our )?(?:refund|money back|reimbursement)", category: 'refund', label: 'the delay with your refund', weight: 0.4 },
  { pattern: "where(?:'s| is) my (?:refund|money)", category: 'refund', label: 'the delay with your refund', weight: 0.4 },
  { pattern: "refund (?:was |has been )?(?:denied|refused|rejected|declined)|refused (?:me )?(?:a |my )?refund|won'?t (?:give me (?:a |my )?|)refund|no refunds?", category: 'refund', label: 'the refused refund', weight: 0.4 },
  { pattern: "(?:returned|sent (?:it|them|the \\w+) back|sent back) (?:[\\w-]+ ){0,5}?(?:no|never|still no|not) (?:refund|credit|money)", category: 'refund', label: 'the refund for your return', weight: 0.4 },
  { pattern: "return (?:was )?(?:rejected|refused|denied)|(?:can'?t|cannot|unable to|won'?t let me) return", category: 'refund', label: 'the return', weight: 0.35 },
  { pattern: "(?:want|need|demand|would like|'d like|requesting|request|asked for|asking for) (?:a |my |the |full |a full )?(?:refund|money back)|refund (?:me|my money)|give me my money back", category: 'refund', label: 'your refund', weight: 0.25 },
];

export const ACCOUNT: IssueEntry[] = [
  { pattern: "(?:can'?t|cannot|can not|cant|unable to|couldn'?t|could not|not able to|(?:haven'?t|have not|hasn'?t|has not|not) been able to|won'?t let me|doesn'?t let me|isn'?t letting me|not letting me) (?:log ?in|login|sign ?in|signin|access|get into|get in to|log into|sign into|log in to|sign in to)(?: (?:to |into )?(?:my |our )?(?:account|profile|email|e-mail|app|channel))?", category: 'account', label: 'the trouble getting into your account', weight: 0.25 },
  // The same trouble told the other way round: "when I log in to my account it's not letting me". Before
  // the defect table's bare "not letting me", which would read a sign-in problem as a faulty product.
  { pattern: "(?:log ?in|login|sign ?in)(?: (?:to|into))?(?: (?:my|our|the))?(?: (?:\\w+ )?(?:account|profile|id))?,?(?: (?:and |but )?it)?(?: (?:is|'s))? (?:won'?t|isn'?t|not|doesn'?t|does not|will not) (?:let|letting|allow|allowing) (?:me|us)", category: 'account', label: 'the trouble getting into your account', weight: 0.25 },
  { pattern: "lock(?:ed)? out(?: of (?:my |our |his |her |the )?(?:account|profile|email))?|(?:account|profile) (?:got |was |is )?lock(?:ed)? out", category: 'account', label: 'being locked out of your account', weight: 0.3 },
  { pattern: `(?:(?:my|our|the) )?(?:account|profile|channel|email|card)s? (?:has |have )?(?:been |was |got |is )?(?:locked|suspended|banned|blocked|disabled|deactivated|terminated|deleted|closed|hacked|compromised|frozen)`, category: 'account', label: 'what happened to your $OBJ', weight: 0.35, obj: 'account' },
  { pattern: "hacked|compromised|someone (?:else )?(?:got|has got|broke|has broken) into my|someone (?:else )?(?:has )?(?:logged|logging|is logging|accessed|used) (?:in ?to |into )?my", category: 'account', label: 'the unauthorized access to your account', weight: 0.35 },
  { pattern: "(?:forgot|lost|reset|forgotten) (?:my |his |her |our |the )?(?:password|two[- ]step|2fa|verification|pin)|password reset|(?:change|changing|reset|resetting|recover|recovering) (?:my |the |his |her )?password|(?:not|never) (?:receiving|received|getting|got(?:ten)?) (?:the |a |my |any )?(?:code|verification|reset (?:e-?mail|link)|e-?mail to reset)|verification (?:code )?(?:isn'?t|is not|doesn'?t|does not|not|never) (?:working|work|arriving|coming|sent)", category: 'account', label: 'the sign-in trouble', weight: 0.2 },
];

export const SERVICE: IssueEntry[] = [
  { pattern: "(?:customer )?(?:service|support) (?:is |was |has been )?(?:terrible|awful|horrible|useless|appalling|the worst|non[- ]existent|a joke|pathetic|shocking|abysmal)|(?:terrible|awful|horrible|useless|appalling|worst|poor|bad|shocking|abysmal) (?:customer )?(?:service|support)", category: 'service', label: 'the poor service you received', weight: 0.4 },
  { pattern: "(?:agent|rep|representative|staff|employee|technician|engineer|driver|person|advisor|man|woman|guy|lady) (?:on the phone )?(?:was|were|is) (?:\\w+ )?(?:rude|unhelpful|useless|clueless|dismissive|condescending|aggressive)|hung up on (?:me|us)|(?:yelled|shouted|laughed) at (?:me|us)", category: 'service', label: 'the way you were treated', weight: 0.4 },
  { pattern: "(?:technician|engineer|installer|driver|nobody|no one) (?:never |didn'?t |did not )?(?:showed up|turned up|came)|missed (?:my |the |our )?appointment", category: 'service', label: 'the missed appointment', weight: 0.35 },
  { pattern: "(?:never|didn'?t|did not|nobody) call(?:ed)? (?:me |us )?back|no call ?back|promised (?:to )?call (?:me )?back", category: 'service', label: 'the call-back that never came', weight: 0.35 },
];

/** Being passed around or ignored: the issue is the handling itself. */
export const TRANSFER: IssueEntry[] = [
  { pattern: "bounced (?:around|from|between)|transferred (?:[\\w-]+ ){0,2}?(?:times|again|around|back and forth)|passed (?:around|from (?:one|department|person)|back and forth)|(?:kept|keep|keeps) (?:getting )?(?:transferr(?:ing|ed)|passing me|sending me)|(?:the )?run ?around|(?:going|go|went) (?:round|around) in circles|from (?:department|person|agent) to (?:department|person|agent)|pass(?:ing)? the buck", category: 'transfer', label: 'being passed from one person to the next', weight: 0.45 },
  { pattern: "(?:nobody|no one|noone) (?:has |ever |seems to |will )?(?:answers?|answered|respond(?:s|ed)?|repl(?:y|ies|ied)|gets? back|got back|picks? up|helps?|helped)|ignor(?:ed|ing) (?:me|my|us|our)|(?:haven'?t|have not|never|didn'?t|hasn'?t|has not) (?:heard back|had (?:a |any )?(?:reply|response|answer)|(?:received|got(?:ten)?) (?:a |any )?(?:reply|response|answer))|no (?:response|reply|answer)(?: from| to| yet|s)?", category: 'transfer', label: 'not getting an answer', weight: 0.4 },
  { pattern: "on hold for (?:over |more than |almost |nearly )?(?:\\d+|an?|one|two|three|several) (?:minutes?|mins?|hours?)|(?:hours?|ages) on hold", category: 'transfer', label: 'the long wait on hold', weight: 0.35 },
];

export const POLICY: IssueEntry[] = [
  { pattern: "(?:too late|outside (?:of )?(?:the|your) ?|past (?:the|your) |missed (?:the|your) )(?:\\w+ )?(?:return|refund|cancellation|exchange) (?:window|period|date|deadline)", category: 'policy', label: 'the return window', weight: 0.3 },
  { pattern: "(?:out of|outside|expired) (?:the )?warranty|warranty (?:has )?(?:expired|ran out|run out|doesn'?t cover|won'?t cover|does not cover|void)", category: 'policy', label: 'the warranty', weight: 0.3 },
  { pattern: "(?:won'?t|will not|refuse(?:d|s)? to|wouldn'?t) (?:honou?r|cover|accept|replace|exchange|price match)", category: 'policy', label: 'the refusal', weight: 0.35 },
  { pattern: "(?:your|this|the|a|stupid|ridiculous|unfair|new) polic(?:y|ies)|against (?:the |your |company )?policy|terms and conditions|small print|fine print|(?:restocking|cancellation|change|admin) fees?|not (?:covered|eligible)|non[- ]?refundable", category: 'policy', label: 'the policy', weight: 0.25 },
];

/** All categories, in matching-priority order. */
export const ISSUE_TABLES: IssueEntry[][] = [BILLING, REFUND, DELIVERY, ACCOUNT, DEFECT, SERVICE, TRANSFER, POLICY];
