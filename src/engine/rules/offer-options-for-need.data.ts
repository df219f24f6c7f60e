import type { PhraseEntry } from '../text/matcher.ts';

/** Needs this rule tailors options to; the others (information, acknowledgement, escalation) are not remedies. */
export type RemedyNeed = 'timing' | 'financial' | 'replacement';

/**
 * Wording that shows a reply offers something for each need. Negated mentions ("we can't refund") do not
 * count; the matcher skips them.
 */
export const NEED_REMEDIES: Record<RemedyNeed, PhraseEntry[]> = {
  // Timing: get it there sooner or by their date
  timing: [
    { pattern: '(?:express|expedited|overnight|next[- ]day|same[- ]day|priority|faster|quicker|upgraded?|tracked|special) (?:shipping|delivery|courier|post)' },
    { pattern: '(?:ship|send|courier|deliver|dispatch)(?:ed)? (?:it |them |this |a replacement |your order |the replacement )?(?:today|tomorrow|overnight|first thing|by courier|express|right away)' },
    { pattern: '(?:arrives?|get to you|reach you|be with you|in your hands|delivered) (?:by|before|on|in time for|tomorrow)' },
    // Speed itself serves a timing need when it is not about shipping ("I've marked this urgent", "right away")
    { pattern: '(?:as |marked (?:it |this )?(?:as )?)?(?:urgent|a priority|priority)|right away|straight away|immediately|within (?:the )?(?:hour|\\d+ (?:minutes|hours))|today' },
    { pattern: 'in time for|(?:collect|pick)(?:ion)?[- ]?(?:it )?(?:up )?(?:from|in|at) (?:the |our |your )?(?:store|shop|branch|depot)' },
  ],
  // Money: refund, discount, credit
  financial: [
    { pattern: '(?:full |partial )?refund(?:ed|ing)?|reimburs\\w*|money back|compensat\\w*' },
    { pattern: '(?:a |an )?(?:\\d+ ?% |\\d+ ?(?:dollars?|euros?|pounds?) )?(?:discount|credit|voucher|coupon|gift card|off (?:your|the) (?:next|original))' },
    { pattern: '(?:waive|cancel|remove|reverse)(?:d)? (?:the |your |that )?(?:fee|charge|cost|late fee)' },
    { pattern: 'price match|free of charge|at no (?:extra )?cost|on us' },
  ],
  // A working product: replacement or repair
  replacement: [
    // For software and devices, a working fix is the repair: troubleshooting steps, a reset, an update
    { pattern: '(?:try|follow|following|these|the) (?:the )?(?:steps|troubleshooting|recommendations|instructions)|(?:restart|reset|reinstall|update|re-?sync|force (?:it )?to restart)(?:ing)? (?:it|your|the)|here(?:\'s| is) how|this (?:guide|article) (?:will|should|may|can) help' },
    { pattern: 'replac(?:e|ed|ing|ement)|(?:a )?new one|exchange|swap|repair(?:ed)?|fix(?:ed)? (?:it|your)|send (?:you )?another' },
  ],
};
