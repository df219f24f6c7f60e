import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Transfer language: sending the customer somewhere else to get the problem handled (P10), instead of
 * taking the details and doing the footwork. Each entry's `tag` is a kind the rule knows (`HAND_OFF_KINDS`
 * in no-transfer.ts): what else must hold around the phrase, and which ownership wording replaces it.
 *
 * How an entry is built: it starts at the hand-off verb ("contact", "reach out to", "getting in touch with",
 * "submit", "visit"), then says where the customer is sent. The rule looks just before the verb for a lead that
 * puts the customer in charge of the next step (`LEADS`: "please", "you'll need to", "we recommend", "I would
 * request you to", "the best next step is to"); without one it accepts the verb only when it opens its clause
 * as an imperative ("If that fails, call us on…", "Contact your bank."), so ownership ("I'll contact the
 * courier", "our team will reach out to you") never counts. Starting at the verb keeps a text full of leads
 * and no hand-off cheap.
 *
 * Left alone on purpose: "DM us", "send us a DM with your e-mail", "let us know if…" (replies to this team),
 * "please contact us if anything changes" (an open door), "here is our guide to X" (an informational link),
 * and a channel the customer asked for (checked by the rule against the customer's message).
 */

// ---------------------------------------------------------------------------------------------------------
// Building blocks (regular-expression sources; the matcher adds word boundaries and the `i` flag)
// ---------------------------------------------------------------------------------------------------------

/** Softeners between a lead and its verb: "please just", "you can also", "you'll first need to". */
const ADV = '(?: (?:also|always|just|simply|still|first|directly|instead|easily|then|now|certainly|definitely|probably|kindly))?';

/** Leads followed by a bare verb: who is asked to act is the customer. */
const LEAD_INF = [
  // "please", "kindly", "please feel free to", "please go ahead and"
  `(?:please|kindly|pls|plz)${ADV}(?: (?:do|feel free to|go ahead and|be sure to|make sure to|try to))? `,
  // "you'll need to", "you can", "you may want to", "you would have to", "you're able to"
  `you(?:'ll|'d|'re| will| would| may| might| can| could| should| must| are)${ADV}(?: (?:need|needs|have|want|wish|like|be able|be required|able|welcome|free|entitled|requested|advised|asked|invited|encouraged|required|going to want|going to need|got) to)?${ADV} `,
  // "you need to visit your home branch", "you have to call them"
  'you (?:need|have|got) to ',
  // "I'd pop them a message", "I would just give them a call" (the agent's advice; "I'd be happy to" is no hand-off verb)
  "(?:i|we)(?:'d| would)(?: (?:just|probably|definitely|personally|also|honestly))? ",
  // "you'd be best to", "you would be better off", "you'd do well to"
  "you(?:'d| would)(?: (?:be (?:best|better|better off|well advised|wise)|do (?:best|well))) to ",
  // "if you", "once you": the hand-off as a condition ("If you contact our billing team, they'll…")
  '(?:if|once|when) you(?: (?:can|could|just|simply|still))? ',
  // "we recommend you contact", "I would request you to contact", "we encourage you to reach out to"
  '(?:i|we)(?:\'d| would| do| will| can| must| may)?(?: (?:strongly|highly|kindly|really|definitely|always))? (?:recommend|suggest|advise|encourage|request|invite|urge|ask)(?: that)?(?: you)?(?: to)? ',
  // "I'd like you to", "we need you to"
  "(?:i|we)(?:'d| would)? (?:like|need|want) you to ",
  // "it's best to", "it would be a good idea to", "it's recommended to"
  "(?:it's|it is|it'd be|it would be|it will be|it might be|it may be)(?: (?:probably|definitely|always|usually))? (?:best|better|easiest|quickest|fastest|simplest|a good idea|recommended|advisable|necessary|required) to ",
  // "the best next step is to", "your best bet is to", "my advice would be to"
  '(?:the|your|our|my) (?:best|next|quickest|fastest|easiest|only|recommended)(?: next| possible)? (?:bet|option|step|thing to do|way forward|course of action|move|route|advice|recommendation|suggestion) (?:is|would be|will be|here is|for now is|in this case is)(?: to)? ',
  // "the fastest way to get this handled is to", "your first port of call should be to" (a purpose of a few words at most)
  "(?:the|your|our) (?:best|fastest|quickest|easiest|simplest|surest|only|right|first) (?:way|route|place|option|port of call)(?: (?:to|for) (?:\\p{L}+(?:'\\p{L}+)? ){1,8}| )(?:is|would be|will be|should be)(?: to)? ",
  // "feel free to", "go ahead and", "don't hesitate to"
  "(?:feel free to|go ahead and|don't hesitate to|do not hesitate to|be sure to|make sure to|remember to) ",
  // "can you please", "could you", "would you mind"
  '(?:can|could|would|will) you(?: please| kindly)? ',
].join('|');

/** Leads followed by a gerund: "we recommend getting in touch with…", "try contacting…". */
const LEAD_GER = "(?:(?:i|we)(?:'d| would| do| will| can)?(?: (?:strongly|highly|really|definitely|always))? (?:recommend|suggest|advise)|(?:you )?(?:could |can |may |might |should )?(?:try|consider)|would you mind|how about|(?:the|your|our|my) best (?:bet|option) (?:is|would be)|by|" +
  // "it'd be worth giving them a call", "it may be worth speaking to…", "you'd be better off calling…"
  "(?:it's|it is|it'd be|it would be|it may be|it might be|it could be|may be|might be)(?: (?:well|definitely|probably|also|always|really))? worth|(?:you(?:'d| would) be )?better off) ";

/** Verbs that send the customer to someone: "contact", "reach out to", "get in touch with", "check with". */
const CONTACT = '(?:get (?:help|support|assistance|advice) from|contact|call|phone|ring|text|e-?mail|message|tweet(?: at)?|ping|reach out to|reach|get in touch with|get in contact with|get (?:a)?hold of|get through to|speak (?:directly )?(?:to|with)|talk (?:directly )?(?:to|with)|chat (?:to|with)|deal directly with|ask to (?:speak|talk) (?:to|with)|go (?:directly )?(?:through|via)|book (?:directly )?(?:with|through)|connect with|write to|check with|work with|consult(?: with)?|follow up with|give (?:them|it) a (?:call|ring)|direct (?:your|this|the|any|all) (?:[\\p{L}-]+ )?(?:query|queries|question|questions|enquiry|enquiries|inquiry|inquiries|concerns?|complaints?|requests?|claims?) to)';
const CONTACT_ING = '(?:getting (?:help|support|assistance|advice) from|contacting|calling|phoning|ringing|texting|e-?mailing|messaging|tweeting(?: at)?|pinging|reaching out to|reaching|getting in touch with|getting in contact with|getting (?:a)?hold of|getting through to|speaking (?:directly )?(?:to|with)|talking (?:directly )?(?:to|with)|chatting (?:to|with)|dealing directly with|asking to (?:speak|talk) (?:to|with)|going (?:directly )?(?:through|via)|booking (?:directly )?(?:with|through)|connecting with|writing to|checking with|working with|consulting(?: with)?|following up with|directing (?:your|this|the|any|all) (?:[\\p{L}-]+ )?(?:query|queries|question|questions|enquiry|enquiries|inquiry|inquiries|concerns?|complaints?|requests?|claims?) to)';

/** Who takes the problem over: a team, a department, a third party, a support handle, or "them". */
const PARTY_NOUN = '(?:team|teams|crew|department|dept|desk|office|call cent(?:re|er)|(?:service|repair|contact|application|visa|customer service|customer care) cent(?:re|er)s?|hotline|helpline|line|support|specialists?|experts?|advisors?|advisers?|agents?|representatives?|reps?|technicians?|engineers?|engineering|developers?|devs|admins?|administrators?|bank|card issuer|issuer|provider|carrier|isp|operator|courier|manufacturer|maker|seller|merchant|vendor|retailer|reseller|dealer|dealership|distributor|publisher|branch|company|agency|insurer|airline|customer (?:service|care|support|relations)|billing|sales|accounts|colleagues?|partners?|staff|(?:member|members) of (?:staff|the team)|staff members?|people|folks|team members?|managers?|supervisors?|store|shop|club|clinic|surgery|council|garage|installer|supplier|lender|broker|hub|ombudsman(?: service)?|regulator|authority|commission|bureau|tribunal|(?:account|workspace|organi[sz]ation) (?:owner|holder|admin)|customer (?:service|care) (?:team|department|line)|reservations|guest relations|claims department|hotel|restaurant|pharmacy|venue|property|landlord|employer|school|police|authorities|embassy|consulate|post office|postal service|(?:app|game) (?:developer|publisher))';
/** Words that may stand before the noun ("our live support team"); never "us", "for", "here"… (the agent's own side or a preposition). */
const PARTY_WORD = '(?!(?:us|me|for|with|at|via|on|to|by|in|if|and|or|about|from|through|here|there|please|directly|so|who|which|that|they|it|your|our|the|this|any|all|more|new|latest)\\s)[\\p{L}\\p{N}][\\p{L}\\p{N}+&;\\u2019-]*';
const PARTY_DET = '(?:(?:one of|any of|someone (?:from|in|on)|somebody (?:from|in|on)|a member of|the (?:folks|people|team) (?:at|in|on)) )?(?:(?:our|the|your|their|a|an|that|another|a different|this|those|these|its) )?';
/** Not a party when a page follows: "our support page", "the help centre", "our support team's article". */
const NOT_A_PLACE = '(?![@.][\\p{L}])(?! (?:page|site|article|website|link|forum|portal|docs?|documentation|cent(?:re|er)|hub|app|form|section|community|button|icon|widget|tool|number|line|hours|channels?|options?|guide|blog|account)(?![\\p{L}]))';
const PARTY = `(?:them|(?:whoever|whichever (?:company|shop|store|site|retailer|seller)) you (?:bought|ordered|purchased|booked|paid)(?: (?:it|them|this|that))? (?:from|with|through)|(?:(?:our|the|their) )?(?:(?:[\\p{L}-]+ ){0,2}(?:account|handle|page|profile|team) )?@[\\p{L}\\p{N}_]+|(?:our |the )?(?:friends|folks|colleagues|pals) (?:at|over at) @?[\\p{L}\\p{N}_&;-]+|${PARTY_DET}(?:${PARTY_WORD} ){0,3}${PARTY_NOUN}${NOT_A_PLACE})`;

/** Pronouns, articles and prepositions are never a name. */
const NOT_A_NAME = '(?!(?:us|me|you|him|her|it|them|this|that|these|those|here|there|our|your|the|a|an|my|his|their|its|we|i|dm|dms|directly|back|again|anytime|today|now|soon|if|and|or|for|with|to|at|on|in|via|by|through|about|from|so|as|someone|somebody|anyone|anybody|one|out|up|over|https?|www)(?![\\p{L}\\p{N}&]))';
/** Places a customer is sent to in person: "visit your nearest branch", "go to the front desk". */
const PLACE = `${PARTY_DET}(?:${PARTY_WORD} ){0,2}(?:branch|bank|(?:local|nearest|closest|physical) (?:store|shop)|(?:repair|service) (?:shop|cent(?:re|er)|provider|partner)|post office|front desk|ticket counter|reception|embassy|consulate|police station|dealership|pharmacy)${NOT_A_PLACE}`;
const PLACE_VERB = '(?:visit|go to|head (?:over )?to|pop into|stop by|drop by|call into|take (?:it|them|your [\\p{L}-]+) to)';
const PLACE_VERB_ING = '(?:visiting|going to|heading (?:over )?to|popping into|stopping by|dropping by|calling into|taking (?:it|them|your [\\p{L}-]+) to)';

/** "drop our orders team an e-mail", "send them a message through My Account", "shoot the seller a note". */
const DROP_A_LINE = `(?:drop|send|shoot|pop|dropping|sending|shooting|popping) ${PARTY} (?:a |an )?(?:quick |short )?(?:message|line|note|e-?mail|dm|text)`;
/** "pop back into the store with your receipt", "head back to the branch": the customer goes back in person. */
const BACK_TO_STORE = `(?:pop|go|head|nip|come|popping|going|heading|nipping|coming) back (?:in)?to ${PARTY_DET}(?:${PARTY_WORD} ){0,2}(?:store|shop|branch|counter|desk)${NOT_A_PLACE}`;

/** Verbs before a named team ("get in touch with our Customer Hub", "speak to the Financial Ombudsman"); not "reach" (the Home screen). */
const CONTACT_NAMED = '(?:contact|contacting|get in touch with|getting in touch with|get in contact with|speak (?:directly )?(?:to|with)|speaking (?:directly )?(?:to|with)|talk (?:directly )?(?:to|with)|talking (?:directly )?(?:to|with)|chat (?:to|with)|reach out to|reaching out to|write to|writing to|check with|follow up with|get (?:a)?hold of|get through to|call|calling|phone|ring|e-?mail|message)';

/** A single word after the verb that the rule accepts as a named party when it is capitalized: "contact AT&T", "work with Microsoft". */
const NAME = `${NOT_A_NAME}\\p{L}[\\p{L}\\p{N}+&;_\\u2019-]*`;

/** Verbs that take the customer to this company's other channels: "call us", "chat with us here". */
const US_VERB = '(?:follow up with|contact|call|phone|ring|text|e-?mail|reach out to|reach|get in touch with|get in contact with|speak (?:to|with)|talk (?:to|with)|chat (?:to|with)|chat|call/chat|chat/call|connect with|write to)';
const US_VERB_ING = '(?:contacting|calling|phoning|ringing|texting|e-?mailing|reaching out to|reaching|getting in touch with|speaking (?:to|with)|talking (?:to|with)|chatting (?:to|with)|connecting with|writing to)';

/** Places: "visit", "head over to", "go to". What makes it a hand-off (a help purpose) is checked by the rule. */
const VISIT = '(?:visit|go to|head (?:over )?(?:to|here|there)|head over|navigate to|pop over to|hop over to|stop by)';
const VISIT_ING = '(?:visiting|going to|heading (?:over )?(?:to|here|there)|navigating to|popping over to|hopping over to)';

/** Quotation marks around a button's or a form's title. */
const QUOTE_OPEN = '(?:"|“|\'|‘)';
const QUOTE_CLOSE = '(?:"|”|\'|’)';

/** A ticket, case or form the customer is asked to file. */
const TICKET = '(?:(?:new |separate |quick |online |support |help |service |formal |official |written )*(?:ticket|case|request|claim|dispute|complaint|report|grievance|enquiry|inquiry)|(?:[\\p{L}\\p{N}-]+ ){1,2}(?:claim|complaint|grievance|dispute|request|ticket|case)|(?:missing|lost|stolen|damage|damaged|fraud|police|incident|bug|problem|issue|non-?delivery|missing (?:parcel|package|item)|lost (?:item|property|baggage|bag)) report)';
/** "this form", "our claims form", "the ‘Can't access your account?’ form"; never "a different form of payment". */
const FORM = `(?:(?:[\\p{L}-]+|${QUOTE_OPEN}[^"“”\\n]{1,40}?${QUOTE_CLOSE}) ){0,2}(?:form|web ?form)(?! of)`;
const ART = '(?:a|an|the|this|that|our|your)';

/** What feedback tools collect: "your feedback", "a feedback report", "your suggestions/feedback". */
const FEEDBACK = '(?:(?:a|an|your|some|any|the|this|that|these|those|us(?: a| an| your| some)?|(?:the|our) [\\p{L}\\p{N}+-]+(?: [\\p{L}\\p{N}+-]+)?(?: your| some)?) )?(?:feedback|suggestions?|ideas?|comments?|thoughts|feature requests?|product (?:ideas?|suggestions?)|bug reports?)(?: reports?)?(?:/(?:feedback|suggestions?|ideas?|comments?))?';
const FEEDBACK_VERB = '(?:send|submit|share|give|leave|post|provide|drop|report|add|pass)';
const FEEDBACK_VERB_ING = '(?:sending|submitting|sharing|giving|leaving|posting|providing|reporting|adding)';

/** The customer's side of a support widget: "the chat button", "“Contact us”", "“I still need help”". */
const WIDGET_PART = '(?:button|icon|link|option|tab|bubble|widget|box)';
const QUOTED_WIDGET = `${QUOTE_OPEN}(?:chat|live chat|contact us|contact|contact support|call me|call us|message us|chat with us|chat now|i still need help|still need help)${QUOTE_CLOSE}`;
const NAMED_WIDGET = `(?:(?:live )?chat|contact(?: us| support)?|call me|call us|message us|get help) ${WIDGET_PART}`;
const WIDGET = `(?:${QUOTE_OPEN}(?:chat|live chat|contact us|contact|contact support|call me|call us|message us|chat with us|chat now|i still need help|still need help)${QUOTE_CLOSE}|(?:live )?chat(?: now)?|(?:contact(?: us| support)?|call me|call us|message us|get help) ${WIDGET_PART})(?: ${WIDGET_PART})?`;

const ABLE = "(?:'ll| will| can| could| would| should| are| is)?(?: (?:also|definitely|certainly|surely|usually))?(?: be)? (?:(?:better |best )?(?:able|placed|positioned|equipped)|happy|glad|in a (?:better|good) position) to (?:help|assist|look into|check|take a look|sort|resolve|get this|\\p{L}+)";
/** "…can assist you", "…will sort you out", "…are available 24/7", "…can be reached at": the other party's offer of help. */
const ABLE_NOW = "(?:'ll| will| can| could| may)(?: (?:also|definitely|certainly|happily|gladly|usually|quickly))? (?:help|assist|advise|sort you out|sort (?:this|that|it) out|get (?:this|that|it|you) sorted)";
const AVAILABLE = "(?:'re| are| is)(?: (?:also|always))? (?:available|on hand|reachable|contactable|(?:just |only )?a (?:call|phone call|click|message|chat|tap|text) away)";
const REACHED = " (?:can|may|could)(?: also)? be (?:reached|contacted|called|e-?mailed|messaged)";
/**
 * Who offers that help: "they", "our billing team", or a bare noun ("…'s support") that the rule accepts only after a
 * possessive ("Acme's support", "the store's support team"). Every alternative opens with a word, so the matcher's
 * opening filter skips a text without one.
 */
const HELPER = `(?:they|(?:our|the|your|their) (?:[\\p{L}\\p{N}+&;-]+ ){0,3}${PARTY_NOUN}|${PARTY_NOUN}|(?:one-on-one|1:1|live|phone|chat|technical|tech) support|(?:our |the )?(?:friends|folks|colleagues|pals) (?:at|over at|from) @[\\p{L}\\p{N}_]+)`;

/** Where a passive hand-off sends the request: a party, or a form, portal, site, app or line. */
const PASSIVE_TARGET = `(?:${PARTY}|${ART} (?:[\\p{L}-]+ ){0,3}(?:form|web ?form|portal|website|site|page|app|link|line|number|helpline|hotline|chat|live chat|cent(?:re|er)|section|menu|option|button)|https?|www|online)`;

export const TRANSFER: PhraseEntry[] = [
  // ---- Sending the customer to another team or a third party -------------------------------------------
  // "You'll need to contact the courier", "please call our billing team", "reach out to the manufacturer",
  // "we recommend getting in touch with our live support team", "Contact your bank." (imperative), "drop our orders
  // team an e-mail", "your best bet is to pop back into the store", "DM @OtherSupport"
  {
    pattern: `(?:${CONTACT}|${CONTACT_ING}) ${PARTY}|giv(?:e|ing) ${PARTY} a (?:quick )?(?:call|ring|buzz|shout|bell|tinkle|holler)|(?:${PLACE_VERB}|${PLACE_VERB_ING}) ${PLACE}|${DROP_A_LINE}|${BACK_TO_STORE}|(?:dm|send a dm to|drop a dm to|shoot a dm to|direct message) @[\\p{L}\\p{N}_]+`,
    tag: 'contact',
    note: 'Sending the customer to another team makes them start over and tell the story again; take the details and do the footwork yourself (P10).',
  },
  // "you may wish to raise this with your bank", "take it to a service centre", "report it to the police",
  // "you'll need to take this up with them", "cancel it with them directly", "report it at the baggage desk"
  {
    pattern: `(?:raise|take up|take|refer|report|dispute|discuss|flag|cancel|sort out|sort|settle|resolve|chase|query|check|confirm|clear up|raising|taking up|taking|referring|reporting|disputing|discussing|flagging|cancell?ing|sorting out|sorting|settling|resolving|chasing|querying|checking|confirming|clearing up) (?:this|it|that|them|the (?:issue|matter|problem|charge|transaction|payment|device|phone|item|order|fee|fine|booking|subscription|policy)|your (?:device|phone|laptop|car|item|concern|complaint|case|query|question|request|claim|booking|order|refund|subscription|policy|membership|contract|plan)) (?:up |in |back |out )?(?:with|to|at) ${PARTY}`,
    tag: 'contact',
    note: 'Telling the customer to raise it with someone else hands them the footwork; raise it yourself and report back (P10).',
  },
  // "you can request a refund from the seller", "ask for a chargeback through your bank"
  {
    pattern: `(?:request|ask for|get|claim|seek|apply for|requesting|asking for|getting|claiming|seeking|applying for) (?:a |your |the )?(?:refund|reimbursement|chargeback|compensation)s? (?:directly )?(?:from|through|with|via) (?:${PARTY}|@?${NAME})|(?:request|claim|apply for) (?:one|it|a refund|your refund|compensation) (?:directly )?(?:on|at|through|via|using|in) (?:${ART} )?(?:[\\p{L}\\p{N}&-]+'s )?(?:[\\p{L}-]+ ){0,4}?(?:page|site|website|form|portal|app|link)`,
    tag: 'refund',
    note: 'Sending the customer to another party for their money back makes the refund their job; contact that party yourself (P10).',
  },
  // "Let me transfer you to…", "Let's get you in touch with our billing team", "I'll connect you with a specialist"
  {
    pattern: `(?:i(?:'ll| will)|let me|let's|let us|i(?:'m| am) going to|we(?:'ll| will)|i(?:'ve| have)|we(?:'ve| have)|i can|we can|i(?:'d| would) like to|allow me to)(?: (?:now|just|quickly))? (?:transfer(?:red)?|redirect(?:ed)?|forward(?:ed)?|put|pass(?:ed)?|connect(?:ed)?|refer(?:red)?|direct(?:ed)?|point(?:ed)?|get|hand(?:ed)?) you (?:(?:through|over|on|back) )?(?:to|with|in touch with|towards) ${PARTY}`,
    tag: 'transfer',
    note: "Every transfer raises the customer's frustration and risks a dropped call; speak to the other team yourself (P10).",
  },
  {
    pattern: "(?:i(?:'ll| will)|let me|i(?:'m| am) going to|allow me to|i(?:'ll| will) now|i(?:'m| am) now) (?:transfer|redirect|put|connect) you(?: (?:through|over|now))?(?= *[.!,]|$)",
    tag: 'transferNoParty',
    note: "Every transfer raises the customer's frustration and risks a dropped call; speak to the other team yourself (P10).",
  },
  // "a link to our chat team that will be able to assist you"
  {
    pattern: `(?:a |the |this )?link to ${PARTY}|link (?:below |above |here )?to (?:our|the) ${QUOTE_OPEN}?(?:contact(?: us)?|get help|support|help|customer service)${QUOTE_CLOSE}? (?:page|form)`,
    tag: 'route',
    note: 'A link to another team is a transfer in writing; take the case to them yourself (P10).',
  },
  // "…through the “Contact Us” link", "using the chat button on that page"
  {
    pattern: `(?:through|via|using|with|from) (?:the|our|a) (?:${QUOTED_WIDGET}|${NAMED_WIDGET})`,
    tag: 'route',
    note: 'Pointing the customer to a contact button sends them to another queue; take the details here (P10).',
  },
  // "Here's how to contact them: <link>", "here's how you can reach our support team"
  {
    pattern: `here(?:'s| is) how (?:to|you can) (?:${CONTACT}) (?:${PARTY}|us)|(?:further help|further assistance|contact (?:details|info|information|options)|support options|help options) (?:for [^.!?\\n]{0,40}? )?(?:can be|is|are) (?:found|available|located|offered) (?:at|on|in|here|through|via|by)|(?:our|the) (?:[\\p{L}-]+ ){0,2}(?:community|forums?) (?:is|are|would be|will be) (?:a|the|your) (?:great|good|best|right|better) (?:place|resource|spot)|(?:is|are) best (?:handled|dealt with|answered|addressed|resolved) by ${PARTY}|(?:is|are) best (?:raised|posted|submitted|shared|reported|sent|directed|taken up) (?:on|in|to|at|via|through|with) (?:${PARTY}|${ART} (?:[\\p{L}-]+ ){0,2}(?:board|forum|community|portal|page|form|site|website|app|hub))`,
    tag: 'route',
    note: 'Telling the customer where help lives, instead of helping, hands the problem back to them (P10).',
  },
  // "They are going to be the best team to help", "the best place for this is our Community forum"
  {
    pattern: "(?:they|they're|they are|that's|that is|which is|who are|those are)(?: (?:going to be|probably|definitely|usually|always|really))? (?:the|your) (?:best|right|correct|proper|appropriate) (?:team|people|place|channel|spot|folks|department|contact|ones?) (?:to (?:help|assist|contact|reach|send|report|post|ask|submit|share|look into|handle|go to|get help)|for (?:this|that|these|help|support|assistance|such))|the (?:best|right) place (?:for (?:this|that|these|help|support|questions like this)|to (?:get help|ask|go|send this|report this|post this|submit this)) (?:is|would be|will be)",
    tag: 'route',
    note: 'Naming who could help, instead of helping, hands the problem back to the customer; take it to them yourself (P10).',
  },
  // "the local customs office is the best contact for this", "they'd be the ones to speak to about a replacement"
  {
    pattern: `${PARTY_NOUN} (?:is|are|would be|will be|'d be|'ll be)(?: probably| really| usually| always)? (?:the|your) (?:best|right|correct|proper|appropriate) (?:contact|point of contact|people|team|folks|place|ones?|department) (?:for|to)|(?:they|they'd|they'll|they would|they will)(?: be)? the (?:ones|people|team|folks) (?:to (?:speak|talk|ask|contact|go|reach out|write)|who can (?:help|assist|sort))`,
    tag: 'route',
    note: 'Naming who could help, instead of helping, hands the problem back to the customer; take it to them yourself (P10).',
  },
  // "your IT admin will need to check the settings on their end", "the seller would have to approve it" (another
  // company or the customer's own admin has to act: the customer is left to make it happen)
  {
    pattern: "(?:admin|administrator|it (?:team|department|admin)|bank|provider|isp|carrier|card issuer|issuer|seller|merchant|retailer|manufacturer|landlord|employer|school|insurer|airline|hotel|property|developer|publisher|account owner|account holder|network operator)s?(?: (?:will|would|may|might|'ll))? (?:need|have|want) to",
    tag: 'outside',
    note: "Saying another party has to act leaves the customer to make them; contact them yourself and report back (P10).",
  },
  // "You'll be able to unblock it through our 24/7 emergency line", "you can do this via live chat" (the rule
  // wants the customer asked to act in the clause; a form, portal or site only after a reported problem)
  {
    pattern: "(?:through|via|using|on|over|by calling|by phoning|by ringing) (?:our|the|their) (?:[\\p{L}\\p{N}/-]+ ){0,3}(?:line|helpline|hotline|phone line|phone number|contact number|live chat|web ?chat|chat service|portal|contact form|web ?form|online form)",
    tag: 'channelVia',
    note: 'Moving the customer to another channel makes them queue and explain again; take the details here and do the footwork yourself (P10).',
  },
  // "Your first port of call should be our bookings team", "their contact details are below"
  {
    pattern: `(?:(?:first|best|next|right|usual) )?port of call (?:is|should be|would be|will be)(?: probably| always)? ${PARTY}|(?:their|(?:the|that|this|your) (?:[\\p{L}-]+ ){0,2}${PARTY_NOUN}'s) (?:contact|phone|support) (?:details|info|information|numbers?|options|e-?mail(?: address)?|address(?:es)?) (?:are|is|can be found|are listed|is listed) (?:below|above|here|as follows|at|on)`,
    tag: 'route',
    note: 'Telling the customer where help lives, instead of helping, hands the problem back to them (P10).',
  },
  // "Refund requests can only be submitted via the online form", "any billing change needs to go through them",
  // "payment queries need to go through our support portal" (the rule wants the request named before it)
  {
    pattern: `(?:submitted|made|raised|lodged|filed|requested|reported|taken up|directed|go) (?:directly |only |online )?(?:via|through|with|to|using|on|at|by|in) ${PASSIVE_TARGET}|(?:done|handled|processed|dealt with|managed) (?:directly |only |online )?(?:through|via|using|in|on|at) ${ART} (?:[\\p{L}-]+ ){0,3}(?:portal|form|web ?form|website|site|page|app|section|line|helpline|hotline)`,
    tag: 'passive',
    note: 'A request that "has to go through" another team or form is a hand-off in the passive; send it there yourself (P10).',
  },
  // "Claims for water damage are looked after by our Home Claims line, on 0800…" (the rule wants the request named
  // before it and a number, link or channel in the sentence: "refunds are processed by our finance team" is news)
  {
    pattern: `(?:looked after|handled|dealt with|managed|processed|covered|taken care of) by ${PARTY}`,
    tag: 'handledBy',
    note: 'Telling the customer which team handles it, with their number, hands the problem back to them; contact that team yourself (P10).',
  },
  // "a message to them via the Help Center is the fastest route"
  {
    pattern: '(?:fastest|quickest|best|easiest|simplest|surest) (?:route|way|option|bet)(?= *[.!?,;)]| *$| *[\\u{1F300}-\\u{1FAFF}])',
    tag: 'bestRoute',
    note: 'Pointing the customer to the best route to someone else leaves the footwork with them; take it there yourself (P10).',
  },
  // "Your quickest route is via the app: tap Help…", "the best way to get this to our developers is through the
  // Feedback option" (the rule wants a help, contact or feedback purpose in the sentence)
  {
    pattern: "(?:best|quickest|fastest|easiest|simplest|surest|only) (?:route|way|option|bet|channel)(?: (?:to|for) (?:\\p{L}+(?:'\\p{L}+)? ){1,8}| )(?:is|would be|will be) (?:via|through|using|on|in|with|by)",
    tag: 'bestRoute',
    note: 'Pointing the customer to the best route to someone else leaves the footwork with them; take it there yourself (P10).',
  },
  // "Our billing team will be able to help: <link>", "our specialists can assist you via live chat", "Acme's support
  // can help with that: <link>", "our eSIM team are available 24/7 on chat", "…, who can be reached at <address>"
  // (the rule wants a link, number, address or a channel such as "via live chat" nearby, and no "they'll call you")
  {
    pattern: `${HELPER}(?:${ABLE}|${ABLE_NOW}|${AVAILABLE}|${REACHED})|who(?:${AVAILABLE}|${REACHED})`,
    tag: 'canHelp',
    note: '"Our X team will be able to help" with a link hands the customer over; ask that team yourself and come back with the answer (P10).',
  },

  // ---- Sending the customer to another channel of this company --------------------------------------------
  // "please call us at…", "chat with us here", "reach out to us via phone/chat", "by contacting us at 1-800…"
  // (the rule wants a channel after "us": a link, number, address, "via phone/chat"; never a DM)
  {
    pattern: `(?:${US_VERB}|${US_VERB_ING}) us`,
    tag: 'us',
    note: 'Moving the customer to another channel makes them queue and explain again; take the details here and do the footwork yourself (P10).',
  },
  // "give us a call", "send us an e-mail at…"
  {
    pattern: `(?:give us a (?:call|ring)|(?:send|drop|shoot) us an? (?:e-?mail|message|note|line|ticket|request))`,
    tag: 'us',
    note: 'Moving the customer to another channel makes them queue and explain again; take the details here and do the footwork yourself (P10).',
  },
  // "please call 1-800-…", "call 0800 123 4567", "please call 105", "you can get them on 150"
  {
    pattern: `(?:call|phone|ring|dial|text) (?:us )?(?:at |on )?[*#+(]?\\d+|get (?:them|us|hold of (?:them|us)|through to (?:them|us)) (?:at |on )?[*#+(]?\\d+|(?:call|phone|ring|dial|contact) (?:the|our|their) (?:(?:toll-free|toll free|support|customer service|phone|contact) )?(?:number|phone number|hotline|helpline|line) (?:on|listed|printed|provided|found|at|below|above|in|shown)`,
    tag: 'phone',
    note: 'A phone number instead of an answer sends the customer to queue again; take the details and call the team yourself (P10).',
  },
  // "e-mail support@acme.com", "forward this to abuse@…", "write to help@…"
  {
    pattern: `(?:e-?mail|write to|forward (?:it|this|that|them|the (?:e-?mail|message|text|link))(?: (?:message|e-?mail|text))? to|send (?:it|this|that|them|your [\\p{L}-]+(?: [\\p{L}-]+)?) to|report (?:it|this|that) to) (?:us at )?[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+\\.\\p{L}+`,
    tag: 'address',
    note: 'An e-mail address instead of an answer sends the customer to another queue; take the details here (P10).',
  },
  // "Please select the chat button", "click on “Contact us”", "connect with our HuluBot pop-up",
  // "follow the prompts on this page", "please refer to our Contact Us page" (the rule wants a chat/call/contact word
  // in the sentence, and prompts that lead to someone, not to the answer: "follow the prompts to set a new PIN")
  {
    pattern: `(?:select|click|tap|press|hit|choose|use|pick|look for)(?: on)?(?: the| our| a)? ${WIDGET}|(?:connect|chat) with (?:our|the|a) (?:[\\p{L}\\p{N}+-]+ ){0,2}(?:bot|chatbot|virtual (?:assistant|agent)|assistant|pop-?up|live chat|chat)|(?:(?:chat|call)(?:/(?:chat|call))?(?: with us)? by )?follow(?:ing)? the prompts|(?:start|open|begin|initiate|launch|starting|opening) (?:a |an )?(?:live |web |online |quick )?(?:chat|chat session|support session)|(?:refer to|check|see|use|look at|open|referring to|checking|using) (?:our|the) ${QUOTE_OPEN}?(?:contact(?: us)?|get help|help (?:&|and) support|customer service)${QUOTE_CLOSE}? (?:page|section|tab|link|button|option|menu)|(?:select|click|tap|press|hit|choose|use)(?: on)? (?:the|our|a) ${QUOTE_OPEN}[^"“”\\n]{0,40}?(?:contact|report|chat|call|help|support|agent|complain|claim|dispute|appeal)[^"“”\\n]{0,40}?${QUOTE_CLOSE} (?:button|link|option|tab|form)`,
    tag: 'ui',
    note: 'Walking the customer to a chat button or contact page sends them to another queue; take the details here (P10).',
  },

  // ---- Sending the customer to a site, form, forum or feedback tool ---------------------------------------
  // "For technical help, please visit our Help site", "head over here and select chat" (the rule wants a help purpose)
  {
    pattern: `${VISIT}|${VISIT_ING}`,
    tag: 'site',
    note: 'A help site instead of help leaves the customer to solve it alone; take the details and handle it (P10).',
  },
  // "you'll need to contact AT&T", "you will want to work with Microsoft" (after the places: "please visit" alone is a
  // place, and the rule checks the capital)
  {
    pattern: `(?:${CONTACT}|${CONTACT_ING}) @?${NAME}|(?:${CONTACT_NAMED}) (?:our|the|your|their) ${NAME}`,
    tag: 'contactName',
    note: 'Pointing the customer at another company leaves them to fight it alone; contact them yourself, or find out what they need and tell the customer (P10).',
  },
  // "submit a ticket here", "open a support case", "fill out this form", "you can file an appeal",
  // "please complete our claims form", "you can raise one via Settings > Help", "get help from their support site"
  {
    pattern: `(?:submit|open|file|raise|create|log|lodge|put in|send in|start|submitting|opening|filing|raising|creating|logging|lodging|sending in|starting) ${ART} ${TICKET}|(?:fill (?:out|in)|complete|use|submit|go through|filling (?:out|in)|completing|using|submitting) ${ART} ${FORM}|(?:get|find|receive|access) (?:(?:more|further|additional|extra|live|direct|personal|expert|one-on-one|1:1|24/7|technical|tech|dedicated) )*(?:help|support|assistance) (?:at|via|through|here|over|from|on)|(?:raise|submit|file|log|lodge) one (?:via|through|from|in|on|at|using|here)|(?:find|get|look up) (?:the |our |their )?(?:contact (?:details|info|information|number|options)|support (?:number|options|channels))|reply (?:back )?(?:to|on) (?:${ART} )?${TICKET}|(?:check|see|find|view|explore|use|try) (?:(?:the|our|all|all of the|any of the|one of the|one of our) )?(?:available |other |different )?(?:support|contact|help) (?:channels|options)|(?:let us know|tell us|send (?:it|this|us)|submit (?:it|this)|share (?:it|this))\\b[^.!?\\n]{0,50}? (?:through|via|using|with|on|in) ${ART} (?:[\\p{L}-]+ )?(?:form|web ?form|feedback tool)`,
    tag: 'form',
    note: 'A form or ticket makes the customer write it all again for someone else; take the details and file it yourself (P10).',
  },
  // "you can appeal", "here's how to appeal", "you can file an appeal", "you can request a review from the Account
  // page", "you're welcome to challenge the decision via the link" (always with a lead: "Appeal decisions take…" is not)
  {
    pattern: `(?:file |submit |send |lodge |make |start )?(?:an |your )?appeal|how to (?:file |submit |make )?(?:an )?appeal|(?:request|ask for|submit|file) (?:a |an )?(?:review|reconsideration|re-?review|second review)|(?:challenge|contest|dispute) (?:it|this|that|the (?:decision|fine|penalty|ban|strike|suspension|removal))`,
    tag: 'appeal',
    note: 'An appeal form sends the customer through another queue; if the decision may be wrong, ask for the review yourself (P10).',
  },
  // "please send a feedback report", "share your feedback with our engineering team here", "submit it as a feature request",
  // "please report this through the Help section of your order"
  {
    pattern: `(?:${FEEDBACK_VERB}|${FEEDBACK_VERB_ING}) ${FEEDBACK}|(?:submit|send|share|post|add|file|have you(?: already)? (?:submitted|sent|shared|posted|added|filed)|submitting|sending|sharing|posting|adding|filing) (?:it|this|that|them|your (?:idea|suggestion|request)) as an? (?:feature request|suggestion|idea|product (?:idea|suggestion))|report(?:ing)? (?:it|this|that|the (?:bug|issue|problem|error)) (?:through|via|using|on|in|to) ${ART} (?:[\\p{L}-]+ ){0,2}(?:feedback|bug|report|community|forum|developers|devs|help|support|contact|app|portal|form|tool)|report(?:ing)? (?:it|this|that|the (?:bug|issue|problem|error)) so (?:that )?(?:the|our) (?:developers|devs|engineers|team|right team)`,
    tag: 'feedback',
    note: 'A feedback form is a hand-off with no reply: the customer hears nothing back. Pass it on yourself and say what happens next (P10).',
  },
  // "post it on the community forum", "vote for it on our ideas board", "you might find an answer faster in our Community forum"
  {
    pattern: `(?:post|ask|vote|upvote|search|share it|add your vote|try|check|browse|join|visit|find|get help|get answers)[^.!?\\n]{0,30}? (?:on|in|to|at)? ?(?:the|our) (?:[\\p{L}\\p{N}+-]+ ){0,3}(?:community(?: forums?| boards?)?|forums?|feedback (?:forum|site|board|portal)|ideas? (?:board|portal|forum|exchange))`,
    tag: 'forum',
    note: 'A forum hands the problem to strangers; take the details and find the answer yourself (P10).',
  },

  // "reach out via the app", "write in through our help centre" (no "us", the same check on what follows;
  // last, so that "get in touch with AT&T" is read as a party first)
  {
    pattern: `(?:reach out|write in|get in touch|get in contact|reach back out|contact support|drop a line|drop a note|reaching out|writing in|getting in touch)`,
    tag: 'us',
    note: 'Moving the customer to another channel makes them queue and explain again; take the details here and do the footwork yourself (P10).',
  },
  // ---- Disowning the request ------------------------------------------------------------------------------
  // "Not my department"
  {
    pattern: "not (?:my|our) (?:department|area|team|job|responsibility|problem|call|remit)|you(?:'ve| have) (?:reached|contacted|come to|called|got) the wrong (?:department|team|place|person|number|line)|(?:handled|dealt with) by (?:another|a different|the other|a separate) (?:team|department)|(?:outside|beyond) (?:of )?(?:my|our) (?:scope|remit|area)",
    tag: 'elsewhere',
    note: '"Not my department" tells the customer their problem is nobody\'s; it is yours now that they brought it to you (P10).',
  },
  // "I can't help with that", "We cannot assist with travel inquiries over social media"
  {
    pattern: "(?:i|we) (?:can't|cannot|can not|(?:am|are) (?:not able|unable) to) (?:help|assist) (?:you )?with (?:that|this)(?: here)?|(?:i'm|i am|we're|we are) (?:not able|unable) to (?:help|assist) (?:you )?with (?:that|this)(?: here)?|(?:i|we)(?:'re|'m| am| are)? (?:can't|cannot|can not|unable to|not able to|won't be able to|will not be able to)(?: (?:further|directly))? (?:assist|help|support|do anything|look into (?:this|that|it))(?: you)?(?: further)?(?: (?:with|about|for) (?:[\\p{L}\\p{N}-]+ ){0,4}?)? ?(?:over|on|via|through|in) (?:social media|twitter|chat|this chat|live chat|this (?:channel|forum|platform|thread|account|chat)|dms?|here)",
    tag: 'cantHelp',
    note: '"I can\'t help with that" leaves the customer on their own; find out who can and come back with the answer (P10).',
  },
];

/**
 * The ownership wording that replaces each kind of hand-off; `{who}` is the party the draft named. Kinds
 * without an entry get no fix: a feedback form, an appeal or a forum has no party to take over, and
 * rewriting them ("I'll pass it on…") would promise what the agent may not be able to do.
 */
export const OWN_INSTEAD: Record<string, { full: string; short: string } | undefined> = {
  contact: { full: "I'll contact {who} for you and get back to you", short: "I'll contact {who} for you" },
  transfer: { full: "I'll speak to {who} myself and get back to you", short: "I'll speak to {who} myself" },
  channel: { full: "send me the details here and I'll take it from there", short: 'send me the details here' },
  elsewhere: { full: "I'll find the right person and get back to you", short: "I'll find the right person" },
  cantHelp: { full: 'let me find out who can help and get back to you', short: 'let me find out who can help' },
};

/**
 * The leads, looked for by the rule just before a verb the table found: patterns start at the verb, so a text
 * full of "you can… please… we recommend…" costs nothing until a hand-off verb turns up.
 */
export const LEADS = { infinitive: LEAD_INF, gerund: LEAD_GER };
