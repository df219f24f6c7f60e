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
  { pattern: `(?:${DO}) (?:us|me|your|the|a|an|it|this|that|our|them|again|as much|any|all|more|some|details|information|info)`, tag: 'imperative' },
];

/**
 * Kinds of information a customer may already have given. `pattern` finds the item named in a reply's
 * request or in `alreadyProvided`; `tag` is the kind.
 */
export const ITEMS: PhraseEntry[] = [
  { pattern: "order (?:number|no\\.?|#|id|reference|ref|confirmation)|confirmation number|order", tag: 'order number' },
  { pattern: "(?:booking|reservation) (?:reference|ref|number|code|id)|confirmation code|pnr|reference number", tag: 'booking reference' },
  { pattern: "tracking (?:number|code|id|no\\.?)", tag: 'tracking number' },
  { pattern: "e-?mail(?: address)?", tag: 'e-mail address' },
  { pattern: "(?:phone|mobile|cell|telephone|contact) number|phone", tag: 'phone number' },
  { pattern: "account (?:number|id|name)|username|user name|customer (?:number|id)", tag: 'account number' },
  { pattern: "serial number", tag: 'serial number' },
  { pattern: "(?:shipping |delivery |postal |home |billing |service )?address", tag: 'address' },
  { pattern: "(?:(?:channel|video|profile|page|account|listing|product)(?:'s)? )?(?:url|link)", tag: 'link' },
  { pattern: "(?:transaction|payment|purchase|invoice|receipt|charge) (?:id|number|no\\.?|dates?)|purchase date|date of purchase|dates?(?: and (?:times?|amounts?))? of (?:the |both |each |all |your )?(?:charges?|payments?|transactions?|debits?)", tag: 'purchase details' },
  { pattern: "(?:full |first |last )?name", tag: 'name' },
  { pattern: "(?:zip|postal|post) ?code", tag: 'postal code' },
  { pattern: "(?:device|phone|console) (?:model|make|type)|make and model|model number", tag: 'device model' },
  { pattern: "date of birth|birth ?date|dob", tag: 'date of birth' },
  { pattern: "last (?:4|four) digits", tag: 'card digits' },
  { pattern: "gamer ?tag|psn id|player id|(?:in-?game|online|social club) (?:name|id)", tag: 'player id' },
  { pattern: "screen ?shots?|screen recording|photos?|pictures?", tag: 'screenshot' },
  { pattern: "(?:operating system|os|browser|app|software|firmware) version|version number", tag: 'version' },
];

/*
 * Asking the customer to look up what the agent could check (REPLY-LABELS.md customer_burden (d)): their
 * own flight, order or account status, or "the information" they asked for, sent back to them as a page
 * to read. Informational links ("learn more here") are not this.
 */
export const LOOK_UP: PhraseEntry[] = [
  // "You can check your flight status here", "keep up with your flight information"
  { pattern: "(?:check|find|see|view|track|look up|keep up with|confirm|verify|monitor|keep an eye on)(?: on)? your (?:\\p{L}+ ){0,2}(?:status|details|information|info|updates|history)" },
  // "You can find this information here", "You can check that by going here"
  { pattern: "(?:find|check|confirm|see|view|verify|look up|get) (?:this|that|the|all (?:the|of the)) (?:information|info|details|status)(?: you(?:'re| are) looking for| you need)? (?:here|on|at|in|using|by|via|through|online)" },
  { pattern: "you (?:can|could|may|will be able to|'ll be able to) (?:check|confirm|verify|see|find|look up) (?:this|that|it) (?:by|using|here|on|at|in|through|via|online)" },
  { pattern: "you (?:can|could|may) (?:check|confirm|verify) (?:your |the )?(?:\\p{L}+ )?(?:by visiting|by going|by checking|by logging|by signing)" },
  // "Track your order here", "check the status of your refund", "log in to your account to see…"
  { pattern: "track (?:your|the) (?:order|package|parcel|shipment|delivery|refund|claim|request)|(?:check|see|view|track|follow) the (?:status|progress) of your|(?:log|sign) ?in(?:to)? (?:to )?your account to (?:check|see|view|find|confirm|track)" },
  // "check your bank statement", "look through your order history", "keep an eye on your statement"
  { pattern: "(?:check|look (?:at|through)|go through|review|keep an eye on|keep checking|monitor|watch) (?:your|the) (?:bank |card |account |order |purchase |billing |transaction )?(?:statements?|transaction history|order history|purchase history|account history|billing history)" },
  // "You can view your orders anytime by logging into your account", "you can always see your bookings in the app"
  // (an offer of the page, not "you'll see the refund on your statement")
  { pattern: "you can (?:always |also |easily |now )?(?:view|see|check|track|find|look at|review|follow) (?:all )?your (?:recent |past |previous |current |latest )?(?:orders|order details|bookings|transactions|payments|bills|invoices|statements|reservations|account activity|tickets|claims)(?: (?:anytime|at any time|any time))? (?:by|in|on|at|via|through|here|online|from|under|using)" },
  // "just pop your tracking number in (on our website)"
  { pattern: "(?:pop|enter|put|type|plug|key)(?:ping|ing)? (?:in )?(?:your|the) (?:tracking|order|booking|reference|confirmation) (?:number|code|ref|reference) in(?:to)?" },
  // "You can check the latest on your flight at…"
  { pattern: "(?:check|see|find|get|view|follow) the latest (?:information |info |updates? |news |status )?(?:on|about|for) your" },
  // "Refund status can be checked at…", "the progress of your claim can be tracked in the app"
  { pattern: "(?:status|progress|updates?|tracking)(?: (?:of|on|for) (?:your|the) (?:\\p{L}+ ){1,2})? (?:can|may) (?:also )?be (?:checked|tracked|found|viewed|seen|followed|monitored) (?:at|on|in|here|via|through|online|using|by)" },
  // "For the latest information, go to…"; "…is in the confirmation e-mail you received"
  { pattern: "for the latest (?:information|info|updates?|status|details)(?: (?:on|about) (?:\\p{L}+ ){1,3})?,? (?:go|head|visit|check|see|please)" },
  { pattern: "(?:is|are|was|were|can be found) in (?:the|your) (?:\\p{L}+ )?e-?mail (?:you received|we sent|you got)" },
];
