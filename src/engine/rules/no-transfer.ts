import { compileTable, findPhrases, isNegated, type PhraseMatch } from '../text/matcher.ts';
import type { Range } from '../types.ts';
import { defineRule, MAX_FINDINGS_PER_RULE, type RawFinding, type RuleInput } from './define.ts';
import { customerReportsProblem } from './customer-problem.ts';
import { isReportedSpeech, sentenceOf, substitutions } from './kinds.ts';
import { LEADS, OWN_INSTEAD, TRANSFER } from './no-transfer.data.ts';

/**
 * One compiled table per entry: each keeps its own openings, so a text full of one entry's openings ("you…")
 * does not run every other entry's pattern there, and overlapping phrases of different kinds are all seen.
 */
const tables = TRANSFER.map((entry) => compileTable([entry]));

/** Every entry's matches, by start, then by the table's order. */
function findHandOffs(text: string, sentences: RuleInput['sentences']): { m: PhraseMatch; order: number }[] {
  const all: { m: PhraseMatch; order: number }[] = [];
  tables.forEach((t, order) => {
    // Negation is judged before the lead (askedStart), so the matcher's own check is off.
    for (const m of findPhrases(text, t, sentences, { limit: 4 * MAX_FINDINGS_PER_RULE, skipNegated: false })) all.push({ m, order });
  });
  return all.sort((a, b) => a.m.range[0] - b.m.range[0] || a.order - b.order);
}

/** The table's apostrophes match both forms, as the matcher's do. */
const source = (s: string) => s.replace(/'/g, "['’]");

// ---------------------------------------------------------------------------------------------------------
// Who is asked to act
// ---------------------------------------------------------------------------------------------------------

/** A lead right before the verb ("please |call|", "we recommend |getting in touch|"), captured to widen the finding. */
const LEAD_BEFORE_VERB = new RegExp(`(?:^|[^\\p{L}\\p{N}'’])(${source(LEADS.infinitive)})$`, 'iu');
const LEAD_BEFORE_GERUND = new RegExp(`(?:^|[^\\p{L}\\p{N}'’])(${source(LEADS.gerund)})$`, 'iu');
/** The table's gerund forms ("contacting", "reaching out to"); "ring" and "ping" are verbs. */
const GERUND = /^(?!ring |ping )\p{L}+ing(?![\p{L}])/iu;
/** Phrases that carry their own asker: "have you already submitted…", "here's how to appeal". */
const OWN_ASKER = /^(?:have|did) you |^how to /iu;
/** Kinds that need a lead, never an imperative: "Call Center hours…" and "Appeal decisions take…" open sentences too. */
const LEAD_ONLY = new Set(['contactName', 'appeal']);
/** How far before the verb a lead is looked for. */
const LEAD_REACH = 120;

/** Leads whose subject is left out, so the agent could be the one acting: "(I'll) go ahead and call the courier". */
const AGENTLESS_LEAD = /^(?:feel free|go ahead|don['’]t hesitate|do not hesitate|be sure|make sure|remember|try|consider|by|how about)\b/iu;
/** The agent or the team as the subject right before such a lead: "I'll go ahead and…", "we will try…". */
const AGENT_BEFORE = /(?:^|[^\p{L}])(?:i|we|i['’]ll|we['’]ll|i['’]ve|we['’]ve|i['’]d|we['’]d|i['’]m|we['’]re|let me|let us|let['’]s|they|our team|the team)(?:\s+[\p{L}'’]+){0,2}\s*$/iu;
/** What may stand before an imperative in its clause: nothing, a softener, or an @handle and thread counter. */
const IMPERATIVE_LEAD = /^(?:(?:so|then|just|and|or|otherwise|simply|kindly|also|now|first|next|instead|alternatively|additionally|meanwhile|hmm+|ok|okay|yes|sure|great|please|in the meantime|in that case|in this case|if so|if not|if needed|if that fails|from there|after that|for now|that said|more questions\?)[\s,]+)*$/iu;
const LEADING_HANDLES = /^(?:(?:@[\p{L}\p{N}_]+|\(?\d+\/\d+\)?|\.|(?:https?:\/\/|www\.)\S+)\s+)+/iu;

// ---------------------------------------------------------------------------------------------------------
// Where the customer is sent
// ---------------------------------------------------------------------------------------------------------

const URL = /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}-]+\.(?:com|net|org|co|io|tv|me|help|support|ly|be|gl)(?:\/\S*)?(?![\p{L}\p{N}])/iu;
const PHONE = /\+?\(?\d[\d ().-]{6,}\d/u;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.\p{L}/u;
const CHANNEL_WORD = /(?:^|[^\p{L}])(?:phone|call|calls|chat|live chat|e-?mail|form|web ?form|ticket|link|website|web ?site|site|page|portal|prompts|button|icon|bot|pop-?up|number|hotline|helpline|app|contact us)(?![\p{L}])/iu;
/** A private message to this team keeps the case here: "reach out to us via DM". */
const DIRECT_MESSAGE = /(?:^|[^\p{L}\p{N}])(?:dm|dms|direct message|direct messages|private message|pm|inbox)(?![\p{L}])/iu;
/** "…if you prefer": the other channel is an extra option, not the route. */
const IF_PREFERRED = /(?:^|[^\p{L}])(?:if you(?:['’]d| would)? prefer|if (?:it['’]s|that['’]s|it is|that is) easier|alternatively)(?![\p{L}])/iu;
/** Words that may follow "us" before the channel: "call us directly at…", "reach us here: …". */
const US_FILLER = /^(?:\s+(?:directly|here|anytime|any time|today|again|instead|now|also|too|right away|toll[- ]free|24\/7))*/iu;
const US_CHANNEL_PREP = /^\s*(?:[:(]|(?:at|on|via|by|through|using|over|from)(?![\p{L}]))/iu;
/** The verb is itself another channel: "call us", "give us a ring". */
const VOICE_VERB = /(?:^|[^\p{L}])(?:call|phone|ring|text|calling|phoning|ringing|texting)(?![\p{L}])/iu;

/** "For technical help, please visit…", "For all travel questions, please…" */
const HELP_PREFIX = /(?:^|[^\p{L}])for(?![\p{L}])[^,.;!?]{0,60}?(?:help|support|assistance|questions?|concerns?|inquiries|enquiries|queries|issues?|problems?|matters?|troubleshooting)(?![\p{L}])[^,.;!?]{0,60}[,\s]*$/iu;
const INFO_WORDS = /(?:^|[^\p{L}])(?:info|information|details|tips|steps|instructions|guides?|learn|read)(?![\p{L}])/iu;
/** "…for further assistance", "…so they can take a look", "…and select the chat button". */
const HELP_SUFFIX = new RegExp([
  "(?:^|[^\\p{L}])(?:for|to (?:get|receive|request|find|seek))(?: (?:more|further|additional|technical|tech|account|billing|direct|personal(?:ized|ised)?|one-on-one|1:1|live|specific|expert|immediate|dedicated|real-time|some))* (?:help|support|assistance)(?![\\p{L}])",
  '(?:^|[^\\p{L}])to (?:contact|reach|speak|talk|chat|connect|get in touch|submit a|open a|file a|request a)(?![\\p{L}])',
  "(?:^|[^\\p{L}])(?:so|where|and) (?:that )?(?:they|we|someone|our [\\p{L}-]+(?: [\\p{L}-]+)? (?:team|experts|specialists|advisors|agents|support)|an? (?:agent|advisor|specialist|expert|representative|member of our team)|the (?:right|appropriate|relevant) (?:team|people|person)|the (?:developers|devs|engineers|team))(?:['’]ll| can| will| could| may)? (?:help|assist|look|check|take|investigate|review|get|sort|resolve|see|fix)(?![\\p{L}])",
  '(?:^|[^\\p{L}])(?:and|then) (?:select|click|tap|choose|pick|use|hit|press)(?![\\p{L}])[^.!?]{0,50}(?:chat|contact|call|phone|still need help)',
  '(?:^|[^\\p{L}])(?:contact us|get help|still need help|support request|submit a request)(?![\\p{L}])',
  '(?:^|[^\\p{L}])(?:and|then|to) (?:start|open|begin|request|book|schedule) (?:a |an )?(?:chat|call|call-?back|conversation|ticket|case|appointment)(?![\\p{L}])',
  '(?:^|[^\\p{L}])(?:with|to) (?:an? |one of our )?(?:agents?|advisors?|advisers?|specialists?|experts?|representatives?|technicians?)(?![\\p{L}])',
].join('|'), 'iu');
/** Places that are hand-offs whatever the purpose: a forum, a feedback board, a contact page. */
const HAND_OFF_PLACE = /^\s*(?:(?:the|our|this|a)\s+)?(?:[\p{L}\p{N}+-]+\s+){0,3}?(?:community(?: forums?)?|forums?|feedback|contact(?: us)? page|support request|help ?desk)(?![\p{L}])/iu;
/** A link whose path is a contact form or a new request: "…/contact", "…/requests/new", "…/GetSupport". */
const CONTACT_LINK = /^[\s(]*(?:https?:\/\/|www\.)\S*?\/\S*?(?:contact|requests?\/new|new[-_]?request|submit|tickets?|get-?support|support-?request)/iu;
/** A widget sentence needs a way to reach people in it: "follow the prompts to chat with us". */
const REACH_WORD = /(?:^|[^\p{L}])(?:chat|call|phone|contact|connect|reach|agent|advisor|support|still need help|representative|specialist)(?![\p{L}])/iu;
/** Where a feedback form lives: "…here", "…in the app", "…by clicking your profile photo", a link. */
const FEEDBACK_PLACE = /(?:^|[^\p{L}])(?:here|form|tool|forum|site|page|link|app|hub|board|community|portal|menu|developers|devs|engineers|engineering|product team|team|by (?:clicking|tapping|going|selecting|visiting|using|heading|opening))(?![\p{L}])/iu;
const TO_THIS_TEAM = /^\s*(?:(?:with|to) (?:us|me)|our way)(?![\p{L}])/iu;
/** "…can assist you via live chat on our website", "…over a screen-share call": a channel named without a link. */
const VIA_CHANNEL = /(?:^|[^\p{L}])(?:via|over|on|through|by|using|in)\s+(?:(?:our|the|a|an|their|your)\s+)?(?:[\p{L}\p{N}/-]+\s+){0,2}?(?:live chat|chat|web ?chat|phone|telephone|call|e-?mail|website|web ?site|site|app|portal|form|hotline|helpline|messenger|whatsapp)(?![\p{L}])/iu;
/** The other team contacts the customer, or the agent already handed it over: ownership, not a hand-off. */
const THEY_ACT = /(?:^|[^\p{L}])(?:(?:call|contact|phone|ring|e-?mail|message|text|reach out to|get in touch with|get back to)\s+you|(?:i|we)(?:['’]ve| have|['’]ll| will)(?:\s+(?:already|just|now))?\s+(?:asked|passed|sent|forwarded|escalated|referred|booked|arranged|requested|contacted|told|let|shared|raised|submitted|filed|logged))(?![\p{L}])/iu;
/** The customer asked to act somewhere in the clause before a channel: "you'll be able to unblock it through our line". */
const CUSTOMER_FRAME = /(?:^|[^\p{L}])(?:please|kindly|you (?:can|could|may|might|should|must)|you(?:['’]ll| will)(?: (?:be able|need|have|want))? to|you(?:['’]d| would) (?:need|have|want) to|you(?:['’]re| are) (?:welcome|able|free) to|feel free to|(?:we|i)(?:['’]d| would)? (?:recommend|suggest|advise))(?![\p{L}])/iu;
/** Channels where people answer (a line, a chat); forms, portals and sites count only after a reported problem. */
const PEOPLE_CHANNEL = /(?:line|helpline|hotline|number|chat|chat service)$/iu;

/** The agent or the team acting in the same sentence: "…, but I've already cancelled it", "before we can refund it". */
const AGENT_ACTING = /(?:^|[^\p{L}])(?:i|we)(?:['’]ve| have|['’]ll| will|['’]m| am|['’]re| are| can| could)(?![\p{L}])/iu;

/** How a helper with a determiner opens ("they", "our billing team", "live support"); anything else is a bare noun. */
const HELPER_LEAD = /^(?:they|our|the|your|their|one-on-one|1:1|live|phone|chat|technical|tech|friends|folks|colleagues|pals|who)(?![\p{L}])/iu;
/** Another company's helper: "Acme's |support can help|", "the store's customer |team will be able to…|". */
const POSSESSIVE_BEFORE = /(?:^|[^\p{L}\p{N}&'’-])(?!(?:it|that|what|here|there|let|who|he|she)['’]s)[\p{L}\p{N}&-]+['’]s\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** An outside party: "your bank will be able to help", "the seller should be able to assist" is a hand-off as it stands. */
const OUTSIDE_PARTY = /^(?:(?:your|the|their)\s+(?:[\p{L}-]+\s+)?(?:bank|card issuer|issuer|provider|carrier|isp|operator|courier|manufacturer|maker|seller|merchant|vendor|retailer|reseller|dealer|publisher|developer|insurer|airline|hotel|landlord|employer|school|store|pharmacy)|(?!(?:it|that|what|here|there|let|who|he|she)['’]s)[\p{L}\p{N}&-]+['’]s\s)/iu;
/** Before a passive hand-off's participle: "can only be", "must be", "needs to be"; "needs to" before "go"; "are (only)" before "done". */
const MODAL = "(?:can|may|must|should|needs? to|has to|have to|will need to|would need to|will have to|would have to|is to|are to)(?:\\s+(?:only|also|all|first|always))?";
const PASSIVE_BE = new RegExp(`(?:^|[^\\p{L}])${MODAL}\\s+be\\s+$`, 'iu');
const PASSIVE_GO = new RegExp(`(?:^|[^\\p{L}])${MODAL}\\s+$`, 'iu');
const PASSIVE_IS = /(?:^|[^\p{L}])(?:is|are)(?:\s+(?:only|all|usually|always))?\s+$/iu;
/** Whose the outside party is: "|your| IT admin", "|the| seller". */
const OUTSIDE_DET = /(?:^|[^\p{L}])(?:your|the)\s+(?:[\p{L}-]+\s+){0,2}$/iu;

/** What a passive hand-off moves: "refund requests can only be submitted via…", "any billing change needs to go through…". */
const REQUEST_NOUN = /(?:^|[^\p{L}])(?:requests?|claims?|complaints?|quer(?:y|ies)|questions?|enquir(?:y|ies)|inquir(?:y|ies)|disputes?|appeals?|changes?|applications?|reports?|cancell?ations?|amendments?|issues?|problems?|matters?|refunds?|returns?|exchanges?)(?![\p{L}])/iu;
/** Why a best route is taken: to reach someone or to get help (not "…is via the app: go to Settings > Statements"). */
const ROUTE_PURPOSE = /(?:^|[^\p{L}])(?:help|support|contact|chat|call|phone|agent|advisor|adviser|specialist|representative|team|developers|devs|engineers|feedback|report|ticket|claim|complaint|refund|dispute)(?![\p{L}])/iu;
/** A way of reaching someone named before "…is the fastest route": "a message to them", "a quick call". */
const CONTACT_NOUN = /(?:^|[^\p{L}])(?:message|call|e-?mail|contact|chat|ring|phone|ticket|request|dm|letter|form)(?![\p{L}])/iu;
/** Prompts that lead to the answer itself ("follow the prompts to set a new PIN"), not to a person. */
const PROMPTS_TO = /^\s*(?:\S+\s+){0,4}?to\s+(\p{L}+)/u;
const REACH_VERB = /^(?:chat|call|contact|connect|reach|speak|talk|message|get|request|submit|start|open|send|report|book|schedule)$/iu;
/** A number dialled to do the thing itself ("dial 121 … to set a new PIN"): self-service, for a customer who only asked how. */
const SELF_SERVICE_PURPOSE = /(?:^|[^\p{L}])to\s+(?:set|change|reset|check|activate|top up|update|unlock|hear|listen to|manage|record|turn|switch|block|register)(?![\p{L}])/iu;

/** "…if you have any other questions": an open door, not a hand-off. */
const OPEN_DOOR = /^[\s,]*(?:\S+\s+){0,6}?(?:if you (?:have|think of|need) (?:any|anything)(?: (?:other|more|further|additional|else))?|if (?:anything|something) (?:else )?(?:changes|comes up)|should you (?:have|need) (?:any|anything)|if there['’]s anything else|if there is anything else|for anything else|with any (?:other |further |more |additional )?questions)/iu;
/** "If you have any other questions, call us…": an open door before the phrase. */
const OPEN_DOOR_BEFORE = /(?:if you have any (?:other|more|further|additional|future) (?:questions|queries|concerns)|should you have any (?:other|more|further|additional|future) (?:questions|queries|concerns)|if (?:there['’]s|there is) anything else|for (?:any|all) (?:other|further|future) (?:questions|queries|inquiries|enquiries))[^.!?]{0,30}$/iu;
/** A sign-off line ("Kind regards,", "Thanks!"): what follows it is a signature block, not advice. */
const SIGN_OFF = /(?:^|\n)[ \t]*(?:(?:kind|best|warm|warmest|many)? ?regards|thanks(?: again)?|thank you|best(?: wishes)?|cheers|sincerely|all the best|take care|yours(?: truly| sincerely)?)[ \t]*[,.!]?[ \t]*\n/iu;
/** "I can't help with that here, but I've asked…" already hands over with ownership. */
const OWNED_AFTER = /(?:^|[^\p{L}])(?:but|however)(?![\p{L}])/iu;
/** Another agent's reply offers these anyway: a second "get back to you" would read twice. */
const ALREADY_PROMISED = /(?:^|[^\p{L}])(?:get back to you|get back in touch|be in touch|take it from (?:there|here)|update you|follow up with you|keep you (?:posted|updated))(?![\p{L}])/iu;

/** The customer asked for a way to reach someone; giving it is an answer (the guide's "Not: a channel the customer asked for"). */
const CUSTOMER_ASKED = new RegExp([
  "how (?:do|can|could|would|should|will|to) (?:i |we )?(?:contact|reach|call|phone|e-?mail|message|get (?:in touch|hold|ahold)|speak|talk|chat|report|submit|file|appeal|request|send)",
  "(?:what|which)(?:['’]s| is)? (?:the |your )?(?:best )?(?:way|number|e-?mail|address|phone number|link|site|website|place) (?:to|for|i can|can i|do i) (?:contact|reach|call|report|get help|talk|speak|send|submit|get in touch)",
  'where (?:do|can|should|could|would|will) (?:i|we) (?:go|report|send|submit|file|contact|call|find|get help|appeal|request)',
  'where (?:am i|are we) (?:supposed|meant) to',
  'who (?:do|should|can|could|would) (?:i|we) (?:contact|call|talk|speak|e-?mail|message|reach|ask)',
  '(?:phone|contact|customer (?:service|support|care)|support|help ?line|hotline) (?:number|line|e-?mail|address)',
  'do you (?:guys )?have (?:a |an |any )?(?:customer (?:service|support|care)|phone|support|help ?line|hotline|number|e-?mail|live chat|contact)',
  '(?:live|real) (?:person|agent|human)',
  '(?:speak|talk) (?:to|with) (?:a |an )?(?:someone|somebody|human|person|agent|representative|rep|manager|supervisor)',
  'is there (?:a|any) (?:way|number|e-?mail|phone|address) to (?:contact|reach|call|talk|speak)',
  // "can I pay my bill over the phone?", "could we do this by e-mail?": the channel is what they asked about
  '(?:can|could|do|should) (?:i|we) (?:\\p{L}+ ){1,4}(?:over|by|on|via|through|in) (?:the )?(?:phone|telephone|app|chat|website|web|online|branch|store|post|e-?mail)',
  // "I want to appeal my parking fine", "I'd like to make a formal complaint": the route is what they asked for
  "(?:want|wanna|would like|['’]d like|need|wish|trying) to (?:appeal|dispute|complain|make a (?:formal )?complaint|file a (?:claim|complaint)|raise a complaint|lodge a (?:claim|complaint)|report (?:a|this|the) (?:scam|fraud))",
].map((p) => `(?:^|[^\\p{L}])${p}(?![\\p{L}])`).join('|'), 'iu');
/** How much of the customer's thread is read for that question. */
const CUSTOMER_SCAN = 20_000;
/**
 * The answer per customer analysis: a live composer re-checks the draft on every keystroke against the same
 * message, and this unanchored Unicode scan of it cost more than the rest of the rule.
 */
const askedMemo = new WeakMap<object, { message: string; asked: boolean }>();

function customerAskedForRoute(context: RuleInput['context']): boolean {
  const message = context.customerMessage ?? '';
  const known = askedMemo.get(context.analysis);
  if (known && known.message === message) return known.asked;
  const asked = CUSTOMER_ASKED.test(message.slice(0, CUSTOMER_SCAN));
  askedMemo.set(context.analysis, { message, asked });
  return asked;
}

// ---------------------------------------------------------------------------------------------------------
// The kinds of hand-off in the table, and what each needs
// ---------------------------------------------------------------------------------------------------------

interface HandOff {
  m: PhraseMatch;
  kind: string;
  input: RuleInput;
  sentence: Range;
  /** From the match's end to the sentence's end (at most REACH), then the next sentence (a link often follows). */
  tail: string;
  /** From the sentence's start to the match (at most REACH). */
  before: string;
  /** Set by `fits` when the place is a forum or feedback board: no channel wording fits it. */
  noFix?: boolean;
}

const REACH = 240;

/** Kinds that name their own subject ("let me transfer you", "they'll be able to help"); no lead is checked. */
const SUBJECT_INCLUDED = new Set(['transfer', 'transferNoParty', 'route', 'canHelp', 'elsewhere', 'cantHelp', 'passive', 'bestRoute', 'outside', 'handledBy']);
/** Kinds that move the customer to this company's other channels; on a public review that is the right move (P20). */
const OWN_CHANNEL = new Set(['us', 'phone', 'address', 'ui', 'site', 'form', 'feedback', 'forum', 'appeal']);
/** Which wording replaces each kind; kinds not listed get no fix. */
const FIX_OF: Record<string, keyof typeof OWN_INSTEAD> = {
  contact: 'contact', contactName: 'contact', refund: 'contact', transfer: 'transfer', transferNoParty: 'elsewhere',
  us: 'channel', phone: 'channel', address: 'channel', ui: 'channel', site: 'channel', form: 'channel',
  elsewhere: 'elsewhere', cantHelp: 'cantHelp',
};

/** Does the context around the phrase make it a hand-off of its kind? */
function fits(h: HandOff): boolean {
  const { m, kind, tail, before } = h;
  const sentenceText = before + m.text + tail;
  switch (kind) {
    case 'contact':
      // "please contact our support team via DM" keeps the case with this team
      return !(DIRECT_MESSAGE.test(sentenceText) && /^(?:our|the support|support)\b/iu.test(partyOf(h)));
    case 'contactName': {
      // A capitalized name or a handle: "contact AT&T", "reach out to @AcmeHelp"; never "contact someone".
      const name = /\S+$/u.exec(m.text)?.[0] ?? '';
      return /^(?:@|\p{Lu})/u.test(name);
    }
    case 'us': {
      if (DIRECT_MESSAGE.test(sentenceText) || IF_PREFERRED.test(sentenceText)) return false;
      if (VOICE_VERB.test(m.text)) return true;
      const rest = tail.replace(US_FILLER, '');
      if (US_CHANNEL_PREP.test(rest)) {
        const window = rest.slice(0, 100);
        return URL.test(window) || PHONE.test(window) || EMAIL.test(window) || CHANNEL_WORD.test(window);
      }
      return /^\s+here\s*[:(]?\s*(?:https?:\/\/|www\.|[\p{L}\p{N}-]+\.[\p{L}]{2,}\/)/iu.test(tail);
    }
    case 'phone':
      // "Dial 121, then follow the prompts to set a new PIN" answers a customer who only asked how
      if (SELF_SERVICE_PURPOSE.test(tail) && h.input.context.customerMessage && !customerReportsProblem(h.input.context)) return false;
      return !DIRECT_MESSAGE.test(sentenceText) && !IF_PREFERRED.test(sentenceText);
    case 'address':
      return !DIRECT_MESSAGE.test(sentenceText) && !IF_PREFERRED.test(sentenceText);
    case 'ui': {
      if (!/prompts/iu.test(m.text)) return true;
      const purpose = PROMPTS_TO.exec(tail);
      if (purpose && !REACH_VERB.test(purpose[1])) return false;
      return REACH_WORD.test(before) || REACH_WORD.test(tail.slice(0, REACH)) || REACH_WORD.test(m.text.replace(/follow(?:ing)? the prompts/iu, ''));
    }
    case 'passive': {
      // "…requests can only be |submitted via…|", "…change needs to |go through them|", "…amendments are |done through…|"
      const lead = /^(?:done|handled|processed|dealt|managed)/iu.test(m.text) ? PASSIVE_IS : /^go(?![\p{L}])/iu.test(m.text) ? PASSIVE_GO : PASSIVE_BE;
      return lead.test(before.slice(-60)) && REQUEST_NOUN.test(before.slice(-100)) && !THEY_ACT.test(sentenceText) && !DIRECT_MESSAGE.test(sentenceText);
    }
    case 'outside':
      // "|your| IT |admin will need to|…"; "your bank will need to release it, but I've already cancelled it" explains,
      // the agent is still acting
      return OUTSIDE_DET.test(before.slice(-40)) && !THEY_ACT.test(sentenceText) && !AGENT_ACTING.test(sentenceText);
    case 'channelVia':
      if (DIRECT_MESSAGE.test(sentenceText) || IF_PREFERRED.test(sentenceText) || THEY_ACT.test(sentenceText)) return false;
      return PEOPLE_CHANNEL.test(m.text.trim()) || customerReportsProblem(h.input.context);
    case 'bestRoute':
      if (DIRECT_MESSAGE.test(sentenceText)) return false;
      // "…is via the app: tap Help" names its purpose after; "a message to them via the Help Center is the fastest
      // route" before, with a way to reach someone
      return /(?:via|through|using|on|in|with|by)$/iu.test(m.text) ? ROUTE_PURPOSE.test(m.text + tail) : ROUTE_PURPOSE.test(before.slice(-100)) && CONTACT_NOUN.test(before.slice(-100));
    case 'handledBy':
      return PASSIVE_IS.test(before.slice(-40)) && REQUEST_NOUN.test(before.slice(-100)) && !THEY_ACT.test(sentenceText) && !DIRECT_MESSAGE.test(sentenceText) &&
        (URL.test(sentenceText) || PHONE.test(sentenceText) || EMAIL.test(sentenceText) || VIA_CHANNEL.test(tail));
    case 'site': {
      if (HAND_OFF_PLACE.test(tail)) return (h.noFix = true);
      if (CONTACT_LINK.test(tail)) return true;
      const prefix = HELP_PREFIX.exec(before);
      if (prefix && !INFO_WORDS.test(prefix[0])) return true;
      return HELP_SUFFIX.test(tail);
    }
    case 'feedback': {
      if (/report|feature request|as an? /iu.test(m.text)) return true;
      if (TO_THIS_TEAM.test(tail) && !URL.test(tail)) return false;
      if (DIRECT_MESSAGE.test(sentenceText)) return false;
      return FEEDBACK_PLACE.test(m.text) || FEEDBACK_PLACE.test(tail) || URL.test(tail);
    }
    case 'canHelp': {
      if (DIRECT_MESSAGE.test(sentenceText) || THEY_ACT.test(sentenceText)) return false;
      // a bare noun ("support can help") names a helper only after a possessive: "Acme's support can help"
      if (!HELPER_LEAD.test(m.text)) return POSSESSIVE_BEFORE.test(before.slice(-60));
      // "Our billing team will be able to help: <link>", "…can assist you via live chat"; without a place to go it
      // may be the agent's own team at work.
      return URL.test(sentenceText) || PHONE.test(sentenceText) || EMAIL.test(sentenceText) || /(?:^|\s)@[\p{L}\p{N}_]+/u.test(m.text) || VIA_CHANNEL.test(tail) || OUTSIDE_PARTY.test(m.text) || /(?:call|chat|message|text|click|tap) away$/iu.test(m.text);
    }
    case 'cantHelp':
      return !OWNED_AFTER.test(tail);
    default:
      return true;
  }
}

/**
 * Is the customer the one asked to act? A lead before the verb says so ("please", "you'll need to", "we
 * recommend"); without one, the verb must open its clause as an imperative. Returns where the finding starts
 * (the lead's start), or -1. Negation is checked here, before the lead: "don't hesitate to contact…" is a
 * hand-off, "you don't need to contact…" is not.
 */
function askedStart(h: HandOff, clauseStart: number, sentenceStart: number): number {
  const { m, input, kind } = h;
  const { text } = input;
  if (kind === 'channelVia') {
    const frame = CUSTOMER_FRAME.exec(text.slice(clauseStart, m.range[0]));
    if (!frame || isNegated(text, sentenceStart, clauseStart + frame.index)) return -1;
    return clauseStart + frame.index + frame[0].search(/\p{L}/u);
  }
  if (SUBJECT_INCLUDED.has(kind) || OWN_ASKER.test(m.text)) return isNegated(text, sentenceStart, m.range[0]) && !SUBJECT_INCLUDED.has(kind) ? -1 : m.range[0];
  const windowStart = Math.max(sentenceStart, m.range[0] - LEAD_REACH);
  const before = text.slice(windowStart, m.range[0]);
  const lead = (GERUND.test(m.text) ? LEAD_BEFORE_GERUND : LEAD_BEFORE_VERB).exec(before);
  if (lead) {
    const leadStart = windowStart + lead.index + lead[0].length - lead[1].length;
    if (isNegated(text, sentenceStart, leadStart)) return -1;
    if (!AGENTLESS_LEAD.test(lead[1])) return leadStart;
    // "by contacting us" stays a hand-off when the sentence is about the customer ("you can…", "…can be found…")
    const prior = text.slice(windowStart, leadStart);
    if (/^by /iu.test(lead[1])) return /(?:^|[^\p{L}])(?:you|can be|is available|are available)(?![\p{L}])/iu.test(prior) || !AGENT_BEFORE.test(prior) ? leadStart : -1;
    return AGENT_BEFORE.test(prior) ? -1 : leadStart;
  }
  if (GERUND.test(m.text) || LEAD_ONLY.has(kind)) return -1;
  if (isNegated(text, sentenceStart, m.range[0])) return -1;
  const prefix = text.slice(clauseStart, m.range[0]).replace(LEADING_HANDLES, '');
  return IMPERATIVE_LEAD.test(prefix) ? m.range[0] : -1;
}

// ---------------------------------------------------------------------------------------------------------
// The span a fix replaces
// ---------------------------------------------------------------------------------------------------------

/** What a link, an address or a number can start with: a letter or digit, "+" or "(". */
const ATOM_START = /[\p{L}\p{N}+(]/u;
/** A link, an address or a number at `i`: a clause runs on through it ("call us here: 1-888-…"). */
const ATOM_AT = /^(?:(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}.]+|\+?\(?\d[\d ().-]{6,}\d)/iu;

/** A comma, semicolon (not an HTML entity's, "&amp;"), dash, spaced hyphen, colon before a space, or an opening parenthesis. */
function breaksClause(text: string, i: number): boolean {
  const c = text[i];
  if (c === ',' || c === '–' || c === '—' || c === '(') return true;
  if (c === ';') return !/&[a-z]{2,6}$|&#\d{1,5}$/iu.test(text.slice(Math.max(0, i - 8), i));
  if (c === ':') return /\s/u.test(text[i + 1] ?? '');
  return c === '-' && text[i - 1] === ' ' && text[i + 1] === ' ';
}

/**
 * The clause around a hand-off, treating links, addresses and phone numbers as words (a link's "https:" is not a
 * clause break) and taking in a parenthesis that follows ("(follow the prompts…)").
 */
function handOffClause(input: RuleInput, range: Range, sentence: Range): Range {
  const { text } = input;
  const from = Math.max(sentence[0], range[0] - REACH);
  let start = from;
  for (let i = from; i < range[0]; i++) {
    if (breaksClause(text, i)) start = i + 1;
    else if ((text[i] === '.' || text[i] === '?' || text[i] === '!') && /\s/u.test(text[i + 1] ?? '')) start = i + 1;
    else if (text[i] === 'b' && /^but\s/iu.test(text.slice(i, i + 4)) && !/[\p{L}]/u.test(text[i - 1] ?? '')) start = i + 4;
  }
  while (start < range[0] && /\s/u.test(text[start])) start++;
  const handles = LEADING_HANDLES.exec(text.slice(start, range[0]) + ' ');
  if (handles) start = Math.min(range[0], start + handles[0].length);
  const limit = Math.min(sentence[1], range[1] + REACH);
  let end = range[1];
  while (end < limit) {
    const atom = (end === range[1] || /\s/u.test(text[end - 1])) && ATOM_START.test(text[end]) ? ATOM_AT.exec(text.slice(end, Math.min(limit, end + 200))) : null;
    if (atom) {
      end += atom[0].replace(/[.,;:!?)]+$/u, '').length;
      continue;
    }
    const c = text[end];
    if (c === '(') {
      const close = text.indexOf(')', end);
      if (close > 0 && close < limit) {
        end = close + 1;
        continue;
      }
    }
    if (c === '\n' || (c !== '(' && breaksClause(text, end) && !/^:\s*(?:https?:\/\/|www\.|\+?\(?\d)/iu.test(text.slice(end, end + 12)))) break;
    if ('.!?…'.includes(c) && (end + 1 >= text.length || /\s/u.test(text[end + 1]))) break;
    end++;
  }
  while (end > range[1] && /\s/u.test(text[end - 1])) end--;
  const signOff = SIGNATURE_AT_END.exec(text.slice(range[1], end));
  if (signOff) end -= signOff[0].length;
  return [start, end];
}

/** A sign-off closing a tweet ("… ^KL", "… -Sam") is not part of the clause before it. */
const SIGNATURE_AT_END = /\s+(?:[\^~]\s*[\p{L}.]{1,20}|[-–—]\s?\p{Lu}[\p{L}.]{0,19})$/u;
/** After the clause, only its closing punctuation and a sign-off ("^JS", "-Sam") may stand. */
const CLEAN_AFTER = /^\s*(?:[.!?…]+["'”’)]*)?\s*(?:[\^~–—-]\s*[\p{L}.]{1,20})?\s*$/u;

function fixFor(h: HandOff, clause: Range, promised: { done: boolean }): RawFinding['suggestions'] {
  const key = h.noFix ? undefined : FIX_OF[h.kind];
  const wording = key && OWN_INSTEAD[key];
  if (!wording) return [];
  const { text } = h.input;
  // Only a clause the hand-off opens ("If that fails, |please call…|"), running to the end of its sentence, and
  // not a question: anything else would leave half a sentence around the new words.
  const statement = SUBJECT_INCLUDED.has(h.kind);
  if (!statement && !IMPERATIVE_LEAD.test(text.slice(clause[0], h.m.range[0]))) return [];
  // "…, so |please call us|": the connective stays, the hand-off goes
  if (!statement) clause = [h.m.range[0], clause[1]];
  const after = text.slice(clause[1], h.sentence[1]);
  if (!CLEAN_AFTER.test(after) || /^\s*\?/u.test(after)) return [];
  const original = text.slice(clause[0], clause[1]);
  const closing = /[.!?…]+["'”’)]*$/u.exec(original);
  if (closing && closing[0].includes('?')) return [];
  const elsewhere = text.slice(0, clause[0]) + ' ' + text.slice(clause[1]);
  const short = promised.done || ALREADY_PROMISED.test(elsewhere);
  promised.done = true;
  const who = key === 'contact' || key === 'transfer' ? partyOf(h) : '';
  const line = (short ? wording.short : wording.full).replace('{who}', who) + (closing ? '.' : '');
  return substitutions([line], clause, original, h.input);
}

/** The party a contact phrase names: the words after its last verb or preposition ("…get in touch with |our billing team|"). */
const PARTY_AFTER = /^.*(?:^|\s)(?:into|by|go to|contact|call|phone|ring|text|e-?mail|message|dm|tweet|at|ping|reach out to|reach|with|of|to|contacting|calling|phoning|ringing|texting|e-?mailing|messaging|pinging|reaching|visit|visiting|from|through|via)\s+(.+?)(?:\s+directly)?$/isu;

const GIVE_A_CALL = /^.*(?:^|\s)giv(?:e|ing)\s+(.+?)\s+a\s+(?:quick\s+)?(?:call|ring|buzz|shout|bell|tinkle|holler)$/isu;
/** "drop |our orders team| an e-mail", "send |them| a message". */
const DROP_A_LINE = /^.*(?:^|\s)(?:drop|send|shoot)(?:ping|ing)?\s+(.+?)\s+(?:a|an)\s+(?:quick\s+|short\s+)?(?:message|line|note|e-?mail|dm|text)$/isu;
/** "a colleague", "an agent": one person, who stays "a"; "a courier" becomes "the courier". */
const ONE_PERSON = /^(?:a|an)\s+(?:colleague|member|agent|advisor|adviser|specialist|representative|rep|technician|expert|manager|supervisor)(?![\p{L}])/iu;

function partyOf(h: HandOff): string {
  const who = GIVE_A_CALL.exec(h.m.text)?.[1] ?? DROP_A_LINE.exec(h.m.text)?.[1] ?? PARTY_AFTER.exec(h.m.text)?.[1] ?? 'them';
  // "whoever you bought it from" is the seller to the agent
  if (/^(?:whoever|whichever \S+) you\s/iu.test(who)) return 'the seller';
  return ONE_PERSON.test(who) ? who : who.replace(/^(?:a|an) /iu, 'the ');
}

/** "please call 1-800-…": the finding covers the whole number, not its first digit. */
function extendNumber(text: string, range: Range): Range {
  const rest = /^[\d ().-]*\d/u.exec(text.slice(range[1], range[1] + 30));
  return rest ? [range[0], range[1] + rest[0].length] : range;
}

/** "contact YT Premium": the name runs on over the capitalized words that follow. */
function extendName(text: string, range: Range): Range {
  if (!/\p{Lu}[\p{L}\p{N}+&;'’-]*$/u.test(text.slice(range[0], range[1]))) return range;
  const after = /^(?:\s+\p{Lu}[\p{L}\p{N}+&;'’-]*){1,3}/u.exec(text.slice(range[1], range[1] + 60));
  return after ? [range[0], range[1] + after[0].length] : range;
}

export default defineRule({
  meta: {
    id: 'no-transfer',
    principle: 'P10',
    severity: 'error',
    description: 'Flags transferring the customer: "not my department", "you\'ll need to contact…", "please call our billing team".',
    messages: {
      transfer: 'Transfer: "{{phrase}}". Do the footwork yourself and get back to the customer.',
    },
    note: 'Customers should not be bounced from department to department; take the details, handle the footwork internally and get back with results (P10).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    const matches = findHandOffs(text, sentences);
    if (matches.length === 0) return [];
    let asked: boolean | undefined;
    const customerAsked = () => (asked ??= customerAskedForRoute(input.context));
    const review = input.context.channel === 'public-review';
    const out: RawFinding[] = [];
    let coveredUntil = -1;
    const promised = { done: false };
    for (const { m: raw } of matches) {
      if (out.length >= MAX_FINDINGS_PER_RULE) break;
      const kind = raw.entry.tag ?? 'contact';
      const verbRange: Range = kind === 'contactName' || kind === 'refund' ? extendName(text, raw.range) : kind === 'phone' ? extendNumber(text, raw.range) : raw.range;
      if (verbRange[0] < coveredUntil) continue;
      const s = sentenceOf(sentences, verbRange[0]);
      const sentence: Range = s ? [s.range[0], s.range[1]] : [0, text.length];
      const verb: PhraseMatch = { ...raw, range: verbRange, text: text.slice(verbRange[0], verbRange[1]) };
      const probe: HandOff = { m: verb, kind, input, sentence, tail: '', before: '' };
      const verbClause = handOffClause(input, verbRange, sentence);
      const start = askedStart(probe, verbClause[0], sentence[0]);
      if (start < 0 || start < coveredUntil) continue;
      const m: PhraseMatch = start === verbRange[0] ? verb : { ...verb, range: [start, verbRange[1]], text: text.slice(start, verbRange[1]) };
      if (isReportedSpeech(text, sentence[0], m.range[0])) continue;
      const tailEnd = Math.min(text.length, m.range[1] + REACH);
      const nextSentence = s ? sentenceOf(sentences, sentence[1] + 1) : undefined;
      const tail = text.slice(m.range[1], Math.min(tailEnd, nextSentence ? nextSentence.range[1] : sentence[1]));
      const h: HandOff = { m, kind, input, sentence, tail, before: text.slice(Math.max(sentence[0], m.range[0] - REACH), m.range[0]) };
      const clause = handOffClause(input, m.range, sentence);
      if (!fits(h)) continue;
      if (kind !== 'cantHelp' && kind !== 'elsewhere' && OPEN_DOOR.test(text.slice(m.range[1], sentence[1]).slice(0, REACH))) continue;
      if (OWN_CHANNEL.has(kind) && SIGN_OFF.test(text.slice(Math.max(0, m.range[0] - 2000), m.range[0]))) continue;
      if (kind !== 'cantHelp' && kind !== 'elsewhere' && OPEN_DOOR_BEFORE.test(h.before)) continue;
      if (review && (OWN_CHANNEL.has(kind) || (kind === 'contact' && /^(?:our|us)\b/iu.test(partyOf(h))))) continue;
      if (kind !== 'cantHelp' && kind !== 'elsewhere' && customerAsked()) continue;
      coveredUntil = Math.max(m.range[1], clause[1]);
      out.push({
        messageId: 'transfer',
        range: m.range,
        data: { phrase: m.text },
        note: m.entry.note,
        suggestions: fixFor(h, clause, promised),
      });
    }
    return out;
  },
});
