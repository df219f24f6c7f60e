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
  // The customer
  {
    pattern: "user error|(?:problem|issue|error|fault)(?:'s| is| lies| seems to be| appears to be) (?:on|at|with) your (?:end|side)|because (?:you|of your) (?:didn't|did not|failed to|forgot to|entered|typed|selected|chose|clicked|ignored|missed|own (?:mistake|error))|(?:caused|due) (?:by|to) your (?:own )?(?:error|mistake|settings|device|network|negligence)",
    messageId: 'blameCustomer',
    tag: 'customer',
    note: 'Even when the customer caused it, blaming them turns a fixable problem into a fight; apologize and fix it (P4, P9).',
    alternatives: ["let's get this working for you"],
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
