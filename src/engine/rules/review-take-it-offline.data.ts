import type { PhraseEntry } from '../text/matcher.ts';

/** Invitations to continue in a private channel, where details can be shared safely. */
export const DIRECT_CHANNEL: PhraseEntry[] = [
  // Messages
  { pattern: '(?:send|drop) (?:us|me) (?:a |an )?(?:direct|private|quick)? ?(?:message|dm|note|line|e-?mail)' },
  { pattern: 'dm (?:us|me)|(?:by|via|in a|over) (?:direct|private) message|(?:our|my) (?:dms|inbox)' },
  // Contacting us directly
  { pattern: "(?:contact|e-?mail|call|ring|message|reach|write to|get in touch with|reach out to|speak with|talk to|contact) (?:us|me|our team|my team) (?:directly|privately|personally|at|on|via|by)" },
  { pattern: "(?:i(?:'d| would)|we(?:'d| would)) (?:love|like) to (?:talk|speak|chat|connect) (?:with you )?(?:directly|privately|personally|one[- ]to[- ]one|in person|offline)" },
  { pattern: '(?:take|continue|move) (?:this|the conversation|our conversation) (?:offline|privately|to (?:dm|e-?mail|direct message|a private channel))' },
  { pattern: "(?:i(?:'ll| will)|we(?:'ll| will)|i(?:'ve| have)|we(?:'ve| have)) (?:reach out|be in touch|contact you|get in touch|sent you a (?:direct |private )?message) (?:directly|privately|personally|by e-?mail|by phone)" },
];
