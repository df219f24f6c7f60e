import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Cues that a sentence moves to the fix: instructions, steps, and remedies already done or promised. Requests
 * for details ("please send your order number") come from no-asking-too-much's table, so both rules agree
 * on what counts as asking the customer to do something.
 */
export const SOLUTION_CUES: PhraseEntry[] = [
  // Instructions
  { pattern: "here(?:'s| is) (?:how|what to do)|to (?:fix|solve|resolve) (?:this|it|that)|(?:the )?(?:fix|solution|workaround) (?:is|for this)|follow (?:these|the) steps" },
  { pattern: "(?:you can|you could|you should|you just need to|you need to|simply|just) (?:try|restart|reset|reboot|clear|update|reinstall|log ?in|sign ?in|go to|click|tap|open|select|use|check|enter|turn|unplug|change|delete|contact|call|send|visit|follow)" },
  { pattern: '(?:try|have you tried) (?:\\p{L}+ing)' },
  // Remedies done or promised
  { pattern: "(?:i|we)(?:'ve| have) (?:just |already )?(?:refunded|issued|sent|credited|processed|reset|cancell?ed|replaced|arranged|fixed|updated|reshipped|resent|applied|added|escalated)" },
  { pattern: "(?:a |the |your )?(?:refund|replacement|credit|new one) (?:has been|will be|is being|was) (?:issued|sent|processed|applied|shipped|arranged)" },
  { pattern: "(?:i|we) can (?:offer|send|refund|replace|credit|issue|reset|fix|arrange)|(?:i|we)(?:'ll| will) (?:send|refund|replace|credit|issue|reset|fix|arrange|ship)" },
];

/**
 * Emotion-first wording that the shared move cues may not catch ("This is never the way we want you to
 * feel", "Yikes!"). Any of these before the fix counts as handling the emotion first; being generous here
 * only makes the rule quieter.
 */
export const EMOTION_FIRST_CUES: PhraseEntry[] = [
  { pattern: 'apologi[sz]e|apologies|sorry|regret' },
  { pattern: '(?:frustrat|upsett|annoy|disappoint|infuriat|stressful)\\p{L}*' },
  { pattern: "(?:never|not) (?:the way|how|what) (?:we|i) (?:want|wanted|would want)|not the experience|(?:i|we) hear you|oh no|yikes|ugh|that(?:'s| is) not (?:ok|okay|good|right|acceptable|fair)" },
];
