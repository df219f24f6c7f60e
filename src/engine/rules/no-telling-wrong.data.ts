import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Ways of telling the customer they are wrong or at fault. Verb lists are closed on purpose: "you must have
 * been so frustrated" is a good reply and must not match. Alternatives replace the whole clause ("You're
 * wrong about the fee" → "I can see why it looked that way").
 *
 * Two kinds depend on what the customer said (the rule checks, `tag`):
 * - `contradicts`: fine as information, wrong as an answer to someone who reported a problem ("we should be
 *   up and running", "that doesn't sound like a bug", "it's normal for views to freeze");
 * - `receipt`: "you should have received an e-mail" contradicts a customer who said they got nothing, and
 *   is plain information otherwise.
 */
export const TELLING_WRONG: PhraseEntry[] = [
  // Flat correction
  {
    pattern: "you(?:'re| are) (?:simply |just |completely |totally |quite )?(?:wrong|mistaken|incorrect)",
    note: 'Telling a customer they are wrong puts them on the defensive and starts an argument you cannot win.',
    alternatives: ['I can see why it looked that way'],
  },
  {
    pattern: "you(?:'ve| have) (?:misunderstood|misread|got (?:it|this|that) wrong)|you (?:misunderstood|misread)",
    note: 'Saying they misunderstood makes the confusion their fault; explaining it again clearly does not.',
    alternatives: ['I may not have explained this clearly'],
  },
  {
    pattern: "you (?:clearly |obviously )?(?:don't|do not|didn't|did not) (?:seem to )?understand",
    note: 'Telling someone they do not understand is a put-down; explain it again instead.',
    alternatives: ['let me explain this better'],
  },
  // Hindsight: what the customer should have done
  {
    pattern: "you should(?:'ve| have) (?:read|checked|called|contacted|told|asked|known|noticed|looked|followed|kept|ordered|done|cancel+ed|returned|reported|waited|taken|clicked|updated|selected|chosen|entered|double-checked)",
    note: '"You should have…" tells the customer the problem is their fault; the playbook fixes the problem, not the customer.',
  },
  {
    pattern: "you (?:must|might|may) have (?:misread|misunderstood|missed|forgotten|entered|typed|clicked|selected|chosen|made a mistake|done something wrong|deleted|ignored|overlooked|skipped|mistyped)",
    note: 'Guessing at the customer\'s mistake reads as an accusation.',
  },
  {
    pattern: "you (?:didn't|did not|failed to|neglected to|forgot to) (?:read|check|follow|notice|look at)",
    note: 'Pointing out what the customer failed to read or check blames them for the problem.',
  },
  {
    pattern: "(?:as|like) you (?:should|ought to) (?:know|have known|be aware)",
    note: 'Implies the customer ought to have known better.',
  },
  // Fault
  {
    pattern: "(?:that|this|it)(?:'s| is| was) (?:entirely |completely |all |totally )?your (?:own )?(?:fault|mistake|error)|(?:that|this|it)(?:'s| is| was) on you",
    note: 'Assigning fault to the customer never calms them down; the playbook apologizes even when they are at fault (P4, P7).',
    alternatives: ["let's get this sorted out together"],
  },
  {
    pattern: 'you made (?:a|an|the) (?:mistake|error)',
    note: 'Naming the customer\'s mistake assigns fault; focus on what happens next.',
    alternatives: ['something went wrong'],
  },
  // Blaming the customer for the cause (the labelling guide counts this as telling them they are at fault)
  {
    pattern: "user error|(?:problem|issue|error|fault)(?:'s| is| lies| seems to be| appears to be) (?:on|at|with) your (?:end|side)|because (?:you|of your) (?:didn't|did not|don't|do not|haven't|have not|failed to|forgot to|entered|typed|selected|chose|clicked|ignored|missed|own (?:mistake|error))|(?:caused|due) (?:by|to) your (?:own )?(?:error|mistake|settings|device|network|negligence|misuse)",
    note: 'Even when the customer caused it, telling them so turns a fixable problem into a fight; apologize and fix it (P4, P7).',
    alternatives: ["let's get this working for you"],
  },
  // Implied misuse: "third-party chargers void the warranty"
  {
    pattern: "(?:third[- ]party|unauthori[sz]ed|non-?genuine|unofficial|aftermarket|counterfeit) (?:[\\p{L}-]+ ){0,2}(?:voids?|will void|may void|can void|invalidates?|(?:is|are)(?:n't| not) covered)|(?:liquid|water|physical|accidental|drop) damage (?:(?:is|are)(?:n't| not) covered|voids?)|voids? (?:the|your) warranty",
    note: 'Pointing at misuse implies the customer broke it; say what you can do about the device instead.',
  },
  // Scolding: "please delete this tweet with your e-mail", "please do not post your account number"
  {
    pattern: "(?:please|kindly|we(?:'d| would)? (?:strongly )?(?:suggest|recommend|advise|ask)(?: that)?(?: you)?|you (?:should|need to|must)) (?:delete|remove|take down|edit out) (?:this|that|the|your) (?:tweet|post|comment|message|reply|photo|picture|image|screenshot)",
    note: 'Telling the customer to take their post down scolds them in public; DM them and explain why privately, or just thank them and move it to a private channel.',
  },
  {
    pattern: "please (?:do not|don't|never|avoid|refrain from) (?:post|posting|share|sharing|tweet|tweeting|include|including|publish|publishing) (?:your|any|personal|private|sensitive|account|card|such)",
    note: '"Please do not post your account number" scolds the customer in front of everyone; invite a private message instead.',
    alternatives: ['to keep your details safe, you can send them to us by private message'],
  },
  // Contradicting the customer's report (only when they reported a problem)
  {
    pattern: "(?:we|it|everything|things|the (?:service|app|site|website|server|servers|system|platform))(?:'s|'re| is| are| should be| seems to be| appears to be| looks to be) (?:all )?(?:up (?:and|&|&amp;) running|working (?:fine|normally|properly|correctly|as expected|as intended|now)|fine on our (?:end|side)|operating normally)(?! again)",
    tag: 'contradicts',
    note: '"It\'s working fine on our side" tells the customer their problem is not real; start from what they see.',
  },
  {
    pattern: "(?:we(?:'re| are)|i(?:'m| am)) not (?:seeing|aware of) any (?:issues?|problems?|outages?|errors?)|there (?:are|is) no (?:known )?(?:issues?|outages?|problems?) (?:on our (?:end|side)|at (?:this|the) (?:time|moment))|(?:your|the) (?:order|package|parcel|item|delivery|payment|refund) (?:shows|is showing|was marked|is marked|has been marked|shows up)(?: as)? (?:delivered|completed|processed|sent|successful)",
    tag: 'contradicts',
    note: 'Answering a reported problem with what your records say tells the customer they are mistaken; look into it with them.',
  },
  {
    pattern: "(?:that|this|it) (?:doesn't|does not) (?:sound|look|seem) like (?:a|an) (?:bug|issue|problem|error|fault|glitch)|(?:that|this|it)(?:'s| is)(?:n't| not) (?:a|an) (?:bug|glitch|fault|error on our (?:end|side))",
    tag: 'contradicts',
    note: '"That doesn\'t sound like a bug" argues with the customer\'s report before helping with it.',
  },
  {
    pattern: "(?:it|this|that)(?:'s| is) (?:completely |perfectly |totally |quite )?normal (?:for|to see|to notice|to experience|to get)|(?:this|that|it)(?:'s| is) (?:completely |perfectly )?(?:normal|expected) behaviou?r|(?:is|are|it's|that's)(?: currently)? working as (?:intended|designed|expected)",
    tag: 'contradicts',
    note: 'Calling the reported problem normal or intended dismisses what the customer sees as broken.',
  },
  {
    pattern: "you should(?:'ve| have)(?: already)? (?:received|gotten|got|seen|been sent|been notified|been emailed)",
    tag: 'receipt',
    note: '"You should have received an e-mail" contradicts a customer who just said they got nothing; offer to resend it.',
  },
];
