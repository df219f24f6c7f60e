import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Private details that must not appear in a public reply. `tag` names the kind; `alternatives` are the
 * neutral wording the fix puts in their place. Patterns are bounded (no nested quantifiers), so a long
 * string of digits or dots costs linear time.
 */
export const PRIVATE_DETAILS: PhraseEntry[] = [
  // E-mail addresses (the company's own role addresses are let through by the rule)
  { pattern: '[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63}){1,4}', tag: 'email', alternatives: ['your e-mail address'] },
  // Order, booking, ticket, account and reference numbers: "order #48213", "booking ref AB12CD"
  { pattern: '(?:order|booking|reservation|ticket|case|invoice|account|reference|ref|tracking|membership|policy|customer)(?: (?:number|no\\.?|id|ref(?:erence)?))?(?: is)?:? ?#? ?[A-Z0-9][A-Z0-9-]{3,19}', tag: 'reference', alternatives: ['your order'] },
  { pattern: '#[0-9][0-9-]{3,19}', tag: 'reference', alternatives: ['your order'] },
  // Card and bank account digits
  { pattern: '(?:card|account)(?: number)? ending (?:in|with) \\d{2,4}', tag: 'payment', alternatives: ['card'] },
  // Phone numbers: 7+ digits with the usual separators
  { pattern: '\\+?\\(?\\d{1,4}\\)?(?:[ .-]?\\(?\\d{2,4}\\)?){2,4}', tag: 'phone', alternatives: ['your phone number'] },
  // Street addresses: "12 Elm Street"
  { pattern: '\\d{1,5} [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|drive|close|way|boulevard|blvd\\.?)', tag: 'address', alternatives: ['your address'] },
];

/** Local parts of addresses a company publishes for customers to write to; these may appear publicly. */
export const ROLE_MAILBOXES = new Set(['support', 'help', 'care', 'service', 'customerservice', 'customercare', 'hello', 'info', 'contact', 'team', 'feedback', 'reviews', 'complaints', 'enquiries', 'inquiries', 'social']);
