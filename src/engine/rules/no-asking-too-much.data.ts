import type { PhraseEntry } from '../text/matcher.ts';

/** Things a reply asks the customer to do. */
const DO = "(?:send|provide|share|fill (?:out|in)|complete|call|phone|ring|visit|log ?in(?:to)?|sign ?in(?:to)?|go to|click|tap|check|confirm|reply|respond|e-?mail|dm|message|attach|upload|forward|include|update|reset|restart|reboot|try|enter|verify|submit|download|install|reinstall|follow|take|print|return|ship|bring|clear|delete|uninstall|open|select|contact|reach out|give|tell|resend|re-?enter|re-?submit|unplug|plug|turn|wait)";

/*
 * Request cues. Each match is one request; the rule counts distinct ones (verb plus the words after it) and
 * skips invitations ("please contact us if anything changes"). `tag: 'imperative'` entries count only at
 * the start of a clause, so "I'll check the order" is not read as "check the order".
 */
export const REQUESTS: PhraseEntry[] = [
  // "Please send…", "Could you send…"
  { pattern: `please ${DO}|(?:could|can|would) you (?:(?:please|kindly|just|also) )*${DO}|(?:would you mind|do you mind) \\p{L}+ing` },
  // "You'll need to…", "I need you to…"
  { pattern: `you(?:'ll| will|'d| would)? (?:need|have) to ${DO}|(?:i|we)(?:'ll| will|'d| would)? (?:need|like) you to ${DO}|make sure (?:you|to) ${DO}` },
  // "We'll need your order number"
  { pattern: "(?:i|we)(?:'ll| will|'d| would)? need (?:your|a copy of your|a|the|some) (?:\\p{L}+ )?(?:number|details|address|photo|picture|screenshot|receipt|invoice|id|name|information|info|proof|e-?mail)" },
  // "What's your order number?"
  { pattern: "what(?:'s| is| was) your (?:\\p{L}+ )?(?:number|address|e-?mail|name|id|username)" },
  // Bare imperatives at the start of a clause: "Send us…", "Restart the app."
  { pattern: `(?:${DO}) (?:us|me|your|the|a|an|it|this|that|our|them|again)`, tag: 'imperative' },
];

/**
 * Kinds of information a customer may already have given. `pattern` finds the item named in a reply's
 * request or in `alreadyProvided`; `tag` is the kind.
 */
export const ITEMS: PhraseEntry[] = [
  { pattern: "order (?:number|no\\.?|#|id|reference|ref|confirmation)|confirmation number|order", tag: 'order number' },
  { pattern: "tracking (?:number|code|id|no\\.?)", tag: 'tracking number' },
  { pattern: "e-?mail(?: address)?", tag: 'e-mail address' },
  { pattern: "(?:phone|mobile|cell|telephone|contact) number|phone", tag: 'phone number' },
  { pattern: "account (?:number|id|name)|username|user name|customer (?:number|id)", tag: 'account number' },
  { pattern: "serial number", tag: 'serial number' },
  { pattern: "(?:shipping |delivery |postal |home |billing )?address", tag: 'address' },
];
