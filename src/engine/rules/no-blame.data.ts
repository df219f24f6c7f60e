import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Passing the blame, by party. Stating a fact ("the courier lost your parcel") is not blame; the entries
 * need an explicit fault word ("the courier's fault", "the courier is to blame", "on the courier's end")
 * so an honest explanation followed by ownership is left alone. `tag` names the party; `messageId`
 * picks the message. Alternatives replace the clause with ownership of the same problem.
 */

const COURIER = "(?:the |our |a )?(?:courier|carrier|delivery (?:company|partner|driver|service|firm)|shipping (?:company|partner|carrier)|postal service|post office|postman|driver|usps|ups|fedex|dhl|royal mail|evri|hermes|dpd|parcelforce|canada post|australia post)";
const SUPPLIER = "(?:the |our |a )?(?:supplier|manufacturer|vendor|factory|distributor|brand|third[- ]party (?:seller|supplier|vendor)|seller|merchant|partner)";
const DEPARTMENT = "(?:the |our |another |a different |that )?(?:billing|shipping|warehouse|sales|tech(?:nical)? support|it|accounts?|returns|finance|fulfil?ment|logistics|other|back[- ]office|dispatch) (?:team|department|dept)|another (?:team|department)|(?:a |the )?(?:different|other) (?:team|department)|(?:my|our|a) (?:colleague|coworker|co-worker|manager)";
const SYSTEM = "(?:the |our |a )?(?:system|computer|software|website|site|app|server|algorithm|bot)";

/** Other parties whose decisions a reply may point at: creators, sellers, rights holders, banks, platforms. */
const OTHER_PARTY = "(?:copyright (?:owner|holder)s?|rights? (?:owner|holder)s?|content owners?|creators?|channel owners?|uploaders?|sellers?|merchants?|app developers?|developers?|publishers?|network|networks|studios?|bank|banks|card issuers?|financial institutions?|third[- ]part(?:y|ies)|app stores?|platform)";
const BANK = "(?:bank|card issuer|financial institution|credit card company|payment provider)";
/** Equipment and third-party software a reply may name as the cause. */
const THIRD_PARTY_THING = "(?:gpu|graphics(?: card| driver)?|driver|hardware|router|modem|isp|internet provider|network|wi-?fi|antivirus|firewall|vpn|browser(?: extension)?|extension|plug-?in|third[- ]party(?: app| software| plugin| service)?|operating system|os|windows|mac ?os|device)";
const FAULT = "(?:fault|mistake|error|problem|doing|responsibility)";
const IS = "(?:'s| is| was| were| are)";

export const BLAME: PhraseEntry[] = [
  // Couriers and carriers
  {
    pattern: `(?:(?:it|that|this)${IS} )?${COURIER}(?:'s|s') ${FAULT}|${COURIER}${IS} (?:to blame|at fault|responsible for (?:this|that|the (?:delay|damage|loss)))|(?:blame|fault) (?:lies )?(?:with|on) ${COURIER}|(?:issue|problem|delay|error|fault)${IS} (?:on|with) ${COURIER}(?:'s)? (?:end|side)`,
    messageId: 'blameCourier',
    tag: 'courier',
    note: 'To the customer it does not matter that the courier failed; you sold the delivery, so it is yours to fix (P9).',
    alternatives: ["I'll take this up with the courier myself"],
  },
  // Suppliers and manufacturers
  {
    pattern: `(?:(?:it|that|this)${IS} )?${SUPPLIER}(?:'s|s') ${FAULT}|${SUPPLIER}${IS} (?:to blame|at fault|responsible for (?:this|that|the (?:defect|fault|problem)))|(?:blame|fault) (?:lies )?(?:with|on) ${SUPPLIER}|(?:issue|problem|defect|error|fault)${IS} (?:on|with) ${SUPPLIER}(?:'s)? (?:end|side)`,
    messageId: 'blameSupplier',
    tag: 'supplier',
    note: 'The customer bought from you, not from your supplier; pointing upstream passes the problem back to them (P9).',
    alternatives: ["I'll raise this with the manufacturer for you"],
  },
  // Other departments and colleagues
  {
    pattern: `(?:(?:it|that|this)${IS} )?(?:${DEPARTMENT})(?:'s|s') ${FAULT}|(?:${DEPARTMENT})${IS} (?:to blame|at fault)|(?:${DEPARTMENT}) (?:messed up|dropped the ball|screwed up|got it wrong|made (?:a|the|an) (?:mistake|error))|someone else's (?:fault|mistake|problem)`,
    messageId: 'blameDepartment',
    tag: 'department',
    note: 'One company, one face: blaming a colleague or another team tells the customer nobody owns their problem (P9).',
    alternatives: ["I'll sort this out with the team myself"],
  },
  // Systems and computers
  {
    pattern: `${SYSTEM}(?:'s) (?:fault|mistake|doing)|${SYSTEM}${IS} (?:to blame|at fault)|${SYSTEM} (?:messed up|screwed up|glitched|did it|did this)|blame (?:it on )?${SYSTEM}|(?:it|that|this)${IS} (?:just|only|simply) (?:a |the )?(?:system|computer|technical|website|software) (?:error|glitch|issue|problem)`,
    messageId: 'blameSystem',
    tag: 'system',
    note: 'Blaming the system sounds like an excuse; the customer wants to hear that a person is fixing it (P9).',
    alternatives: ["something went wrong on our side, and I'm fixing it"],
  },
  // Another company or party decides: "at the copyright owner's discretion", "according to your bank's policies"
  {
    pattern: `(?:(?:up to|at|within|in)|(?:it|that)(?:'s| is)(?: actually| entirely| solely| completely)?(?: up to)?) (?:the |your )?${OTHER_PARTY}(?:'s|s')? (?:discretion|decision|choice|call|control|hands)|(?:according to|depends on|subject to|up to) (?:the (?:policies|policy|rules|terms|timelines?|processing times?) of )?(?:the |your )?${BANK}(?:'s|s')?(?: (?:policies|policy|rules|terms|timelines?|processing(?: times?)?))?|(?:the |your )?${OTHER_PARTY} (?:has|have|had|may have|might have|probably|likely) (?:chosen|decided|opted|elected|set|configured) to`,
    messageId: 'blameOtherParty',
    tag: 'other-party',
    note: 'Pointing at another party\'s decision leaves the customer with nobody to ask; find out what can be done and tell them (P9).',
  },
  {
    pattern: "(?:is|are|was|were)(?:n't| not) (?:administered|managed|handled|controlled|processed|operated|owned|run|billed|sold|issued) by us",
    messageId: 'blameOtherParty',
    tag: 'other-party',
    note: '"Not handled by us" disowns the customer\'s problem; say who can fix it and how you will help them get there (P9).',
  },
  // A third party's product or the customer's equipment as the cause: "it sounds like a GPU error"
  {
    pattern: `(?:it|this|that)(?:'s| is)? (?:sounds?|looks?|seems?|appears?) (?:like|to be) (?:a|an) (?:${THIRD_PARTY_THING}) (?:error|issue|problem|fault|bug|conflict)|(?:caused|triggered) by (?:a |the |your )?(?:${THIRD_PARTY_THING})|(?:issue|problem|error|fault)(?:'s| is| lies| seems to be| appears to be| might be| may be| could be) (?:with|on|in) (?:the |your )?(?:${THIRD_PARTY_THING})(?:'s)?(?: (?:end|side))?`,
    messageId: 'blameOtherParty',
    tag: 'third-party',
    note: 'Naming a third party\'s product as the cause sounds like "not our problem"; help fix it whatever the cause (P9).',
  },
  // Circumstances
  {
    pattern: "(?:beyond|outside|out of) our control|out of our hands|nothing to do with us",
    messageId: 'blameCircumstances',
    tag: 'circumstances',
    note: '"Beyond our control" disowns the problem; say what you can control instead (P9).',
    alternatives: ["this isn't what should have happened, and here's what I'm doing about it"],
  },
];
