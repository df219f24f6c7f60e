import type { PhraseEntry } from '../text/matcher.ts';

const OWN_IT = "this isn't how we want things to go, and I apologize that this was your experience";

/**
 * Defensive statements: denying it could happen, defending the company's record, disowning fault.
 * Alternatives replace the whole clause with the playbook's wording (004 #4). "We will never share your
 * data" is a promise, not a defence, so only "would never" counts, and not before a wish ("we would never
 * want you to feel ignored").
 */
export const DEFENSIVE: PhraseEntry[] = [
  // "We would never…"
  {
    pattern: "(?:(?:we|i|our (?:staff|team|agents|employees|company)) (?:would|'d) never|(?:we|i) never would)(?! (?:want|wish|expect|like|leave|stop))",
    note: '"We would never…" defends the company instead of hearing what happened to the customer.',
    alternatives: [OWN_IT],
  },
  // Denying it could happen. "That can't be right" often sides with the customer, so it is not listed.
  {
    pattern: "(?:that|this) (?:can(?:not|'t)|could(?:n't| not)) (?:have happened|happen)",
    note: 'Saying it cannot have happened tells the customer they are lying or confused.',
    alternatives: [OWN_IT],
  },
  // "That's not possible" is only defensive when the company's reliability follows ("…, our system checks
  // every order"); on its own it is a refusal, which no-policy-wall handles.
  {
    pattern: "(?:that|this)(?:'s| is) (?:just |simply )?(?:not possible|impossible)",
    tag: 'possible',
    note: 'Saying it is impossible because the company does not make mistakes tells the customer they are lying or confused.',
    alternatives: [OWN_IT],
  },
  // Defending the record
  {
    pattern: "(?:our|the) (?:system|systems|software|staff|team|agents|process|warehouse|drivers?) (?:doesn't|does not|don't|do not|never|would never|cannot|can't) (?:make (?:a )?(?:mistakes?|errors?)|get (?:it|this|orders) wrong|lie|do that)|(?:we|i) (?:don't|do not|never) make (?:mistakes|errors)",
    note: 'Claiming the company does not make mistakes is defensive and, to a customer with a problem, visibly untrue.',
    alternatives: [OWN_IT],
  },
  {
    pattern: "(?:we|i)(?:'ve| have) never had (?:this|that|a|any) (?:problem|issue|complaint)|(?:no one|nobody|no other customer) (?:else )?has (?:ever )?(?:complained|had (?:this|that) (?:problem|issue)|reported)|you(?:'re| are) the (?:only|first) (?:one|customer|person) (?:to|who|that)",
    note: 'Saying nobody else has complained makes the customer the problem.',
    alternatives: [OWN_IT],
  },
  {
    pattern: "(?:we|i) did(?:n't| not) do anything wrong|(?:we|i) did nothing wrong|(?:we|i) did everything (?:right|correctly|by the book)|(?:it|this|that)(?:'s| is| was)(?:n't| not) (?:our|my) fault",
    note: 'Defending your innocence is not what the customer asked for; they want the problem solved.',
    alternatives: [OWN_IT],
  },
  // Defending the company with its obligations: "we're required to comply with regulations"
  {
    pattern: "(?:we(?:'re| are)|we have been|i(?:'m| am)|our (?:team|company) is) (?:legally )?(?:required|obligated|obliged|bound) (?:by (?:law|regulations?) )?to (?:comply|follow|adhere|abide|enforce)",
    note: 'Citing what the company is obliged to do defends the company; the customer asked about their problem.',
  },
  // Explaining a reported problem away (only after the customer reported one, `tag: 'complaint'`):
  // "it's very difficult to fully stop spam", "deals depend on the day, time and other factors"
  {
    pattern: "(?:it(?:'s| is)|this is|that(?:'s| is)) (?:very |extremely |incredibly |really |quite )?(?:difficult|hard|tricky|not (?:always )?possible) to (?:fully |completely |entirely |always |totally |100% )?(?:stop|prevent|block|eliminate|avoid|guarantee|control|catch|filter)",
    tag: 'complaint',
    note: 'Explaining why the problem is hard to prevent defends the company; say what you can do about this one.',
  },
  {
    pattern: "(?:depends?|vary|varies|change|changes) (?:on|by|based on|according to) (?:[\\p{L}\\p{N},]+ ){0,5}?(?:other|many|several|various|different|multiple|a (?:number|variety) of) factors|(?:are|is) (?:always|constantly) changing",
    tag: 'complaint',
    note: '"It depends on many factors" explains the complaint away; acknowledge what the customer found and look into it.',
  },
];
