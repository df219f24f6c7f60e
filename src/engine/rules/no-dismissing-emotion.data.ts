import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Dismissing the customer's feelings. "Calm down" and "relax" are also ordinary words ("once things calm
 * down", "sit back and relax"), so entries tagged `imperative` count only when said to the customer (the
 * rule checks the word before them). "No need to worry" is reassurance and is not listed.
 */
export const DISMISSING: PhraseEntry[] = [
  // Telling them how to feel
  {
    pattern: 'calm down|settle down|chill(?: out)?|cool (?:it|off|down)',
    tag: 'imperative',
    note: 'Nobody in the history of calming down has ever calmed down by being told to; it says their anger is the problem (P3).',
  },
  {
    pattern: 'relax',
    tag: 'imperative',
    note: '"Relax" tells the customer their reaction is the problem.',
  },
  {
    pattern: "(?:there(?:'s| is) )?no (?:need|reason) (?:for you )?to (?:get |be |feel )?(?:so )?(?:upset|angry|mad|worked up|emotional|rude|hostile|aggressive|dramatic|shout|yell)",
    note: 'Telling the customer there is no need to be upset denies the feeling they just told you about.',
  },
  {
    pattern: "(?:please )?(?:don't|do not) (?:be|get) (?:so )?(?:upset|angry|mad|worked up|emotional|dramatic|rude|hostile)",
    note: 'Instructing the customer not to be upset dismisses how they feel.',
  },
  // Judging the reaction
  {
    pattern: "you(?:'re| are) (?:over-?reacting|being (?:(?:a (?:bit|little) |too |very |so |quite )?(?:dramatic|emotional|unreasonable|hysterical|aggressive|rude|difficult|childish)))|you(?:'re| are) (?:too|so|very) (?:emotional|dramatic|sensitive)",
    note: 'Judging the customer\'s reaction escalates; acknowledge the feeling instead.',
  },
  {
    pattern: "(?:it's|it is|this is|that's|that is) not (?:a |that )?big (?:of a )?deal(?! (?:to|for (?:us|me))(?![\\p{L}]))|(?:it's|it is|this is) not the end of the world|get over it",
    // "It's no big deal to change the address" is about the agent's effort, so only the customer's problem counts
    note: 'Minimizing the problem tells the customer their frustration is out of proportion.',
  },
  {
    pattern: "(?:it(?:'s| is| was)|this is|that(?:'s| is)) (?:only|just|merely) (?:a )?(?:small|minor|little|tiny|slight|short|temporary) (?:issue|problem|delay|glitch|bug|hiccup|inconvenience|error|mistake|setback|thing)|(?:it(?:'s| is)|your (?:order|parcel|package|refund) is) (?:only|just) (?:a )?(?:few|couple of) (?:days|hours|minutes) late|(?:it's|it is|that's|that is|this is) not (?:that|so) bad|(?:look on|look at) the bright side|(?:it|this|that) could (?:have been|be) (?:a lot |much |far )?worse|take a deep breath",
    note: 'Minimizing the problem ("it\'s only a small delay", "it could be worse") tells the customer their feeling is out of proportion.',
  },
  {
    pattern: "(?:i )?(?:don't|do not) (?:see|understand) why you(?:'re| are) (?:so )?(?:upset|angry|mad|worked up)|why are you (?:so |getting )?(?:upset|angry|mad|worked up)",
    note: 'Questioning why they are upset dismisses the reason they just gave you.',
  },
];
