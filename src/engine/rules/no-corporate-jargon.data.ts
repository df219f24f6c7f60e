import type { PhraseEntry } from '../text/matcher.ts';

/**
 * Cold corporate register: form-letter formulas, officialese, legalese and PR boilerplate, each with plain
 * words to say instead where a swap reads well. More specific entries come first: at one position the first
 * entry that matches wins ("kindly be advised" before "kindly"). Friendly openers and sign-offs ("Thanks for
 * reaching out", "Hope this helps!", "Thanks for your patience") are not jargon and are not listed.
 *
 * `tag: 'opener'` entries count only where they open their sentence ("Note that fair use…"), not inside one
 * ("make a note that…"); `tag: 'kindly'` is excused after "thank you" ("thank you kindly").
 */
export const CORPORATE_JARGON: PhraseEntry[] = [
  // Announcements: "please be advised", "please note", "we regret to inform you"
  {
    pattern: "(?:kindly|please) be (?:advised|informed|notified|aware|noted)(?: that)?|be (?:advised|informed)(?: that)?",
    note: '"Please be advised" is how a letter from a bank starts, not how a person talks.',
    alternatives: ['just so you know,'],
  },
  {
    pattern: '(?:please|kindly|do) (?:note|take note)(?: that| ?:)?|(?:it is|it\'s) (?:to be )?noted that',
    note: '"Please note that…" reads like small print; say it the way you would across a counter.',
    alternatives: ['just so you know,'],
  },
  {
    pattern: 'note that|note ?:',
    tag: 'opener',
    note: '"Note that…" opening a sentence reads like small print; say it the way you would across a counter.',
    alternatives: ['just so you know,'],
  },
  {
    pattern: 'we regret to inform you(?: that)?|(?:i|we) (?:am|are) sorry to inform you(?: that)?',
    note: '"We regret to inform you" is the classic form-letter line; say it plainly and own it.',
    alternatives: ['unfortunately,'],
  },
  {
    pattern: '(?:the )?inconvenience (?:caused )?is (?:deeply )?regretted|(?:we|i) (?:sincerely |deeply )?regret (?:any|the) inconvenience',
    note: '"The inconvenience caused is regretted" apologizes in the passive voice, as nobody in particular.',
  },
  {
    pattern: 'this is to (?:inform|notify|let) you(?: know)?(?: that)?|(?:i|we) (?:would like|wish|want) to (?:inform|notify|apprise) you(?: that)?',
    note: 'Announcing that you are informing them adds distance; just tell them.',
    alternatives: ['I wanted to let you know that'],
  },
  {
    pattern: '(?:i|we) would like to take this opportunity to|(?:i|we) take this opportunity to',
    note: '"Take this opportunity to" is speech-day wording; just say the thing.',
  },
  // Greetings and addressing the customer
  {
    pattern: 'greetings (?:for|of) the day|(?:warm|warmest|season\'s) greetings(?: (?:for|of) the day)?|greetings from (?:the )?\\p{L}+(?: \\p{L}+)?(?: (?:team|support|care))',
    note: '"Greetings for the day" is a memo opener; greet them the way you would in person.',
    alternatives: ['Hi $NAME'],
  },
  {
    pattern: 'dear (?:valued )?(?:customer|client|user|member|sir or madam|sir/madam|sir|madam)',
    note: 'A reply addressed to "Dear valued customer" tells them nobody read their name.',
    alternatives: ['Hi $NAME'],
  },
  {
    pattern: "(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)) (?:sir|madam|ma'am|sir/madam|sir/ma'am)",
    note: '"Hello Sir" is how a form addresses a stranger; use their name, or just "Hi".',
    alternatives: ['Hi $NAME'],
  },
  {
    pattern: 'valued (?:customer|client|member|user|guest|subscriber)s?',
    note: '"Valued customer" is what companies say when they do not know who you are.',
    alternatives: ['customer'],
  },
  // Requests in officialese: "I request you to", "kindly", "do the needful", "revert"
  {
    pattern: "(?:(?:i|we)(?: would| will|'d)?(?: like to)?(?: kindly| humbly)? )?request(?:ing)? you to(?: kindly| please)?|(?:i|we)(?: would| will|'d)?(?: like to)?(?: kindly| humbly)? request you(?: kindly| please)|you are (?:kindly )?requested to",
    note: '"I request you to…" is the register of an official notice; "please…" or "could you…" is how people ask.',
    alternatives: ['please'],
  },
  {
    pattern: 'do the needful',
    note: '"Do the needful" is opaque to most readers.',
    alternatives: ['take care of this'],
  },
  {
    pattern: 'at your (?:earliest|soonest) (?:convenience|possible convenience)|at the earliest(?: possible)?(?! (?:date|time|day|opportunity|delivery|slot))',
    note: '"At your earliest convenience" is stiff and, in a complaint, sounds like a demand.',
    alternatives: ['when you have a moment'],
  },
  {
    pattern: 'kindly',
    tag: 'kindly',
    note: '"Kindly" as a request word reads as officialese; "please" is warmer.',
    alternatives: ['please'],
  },
  {
    pattern: '(?:please )?revert(?: back)? to (?:us|me)',
    note: '"Revert" for "reply" confuses many readers.',
    alternatives: ['please reply'],
  },
  {
    pattern: "(?:i|we)(?:'ll| will| shall) revert(?: back)?(?: to you)?",
    note: '"Revert" for "reply" confuses many readers.',
    alternatives: ["I'll get back to you"],
  },
  {
    pattern: 'please find (?:attached|enclosed|below|the (?:attached|below))',
    note: 'Letter-writing formula; say what you did.',
    alternatives: ["here's"],
  },
  {
    pattern: "(?:look into|check|resolve|update you on|update you about|share|confirm|escalate|regarding|about|on) the same(?=\\s*[.!?,;]|\\s*$)",
    note: '"We will look into the same" is memo English; say what "the same" is.',
  },
  {
    pattern: 'on (?:a )?(?:top |high |highest )?priority(?: basis)?(?=\\s*[.!?,;]|\\s*$)|on (?:a )?(?:top |high |highest )?priority basis',
    note: '"On priority" is memo English; say when it will happen.',
  },
  {
    pattern: "for your (?:kind )?(?:reference|perusal|information|kind attention|records|kind information)|the concerned (?:team|department|authority|authorities)|(?:has|have) been (?:duly )?noted|(?:we|i)(?:'ve| have) (?:duly )?(?:noted|taken (?:a )?note of|made a note of) your|duly",
    note: 'Filing-cabinet phrasing that adds nothing.',
  },
  // Legalese: "as per", "per our terms", "pursuant to", "due to contractual agreements"
  {
    pattern: 'as per your (?:request|instructions?|email|e-mail|message)',
    note: '"As per" is legal-letter English.',
    alternatives: ['as you asked'],
  },
  {
    pattern: '(?:as )?per our records|according to our records',
    note: '"Per our records" is how an invoice talks; "I can see…" is how a person does.',
    alternatives: ['in our records'],
  },
  {
    pattern: '(?:as per|per|in accordance with|pursuant to) our(?= (?:polic|terms|guideline|rules|agreement|contract|conditions|process|procedure|regulation))',
    note: '"As per our terms" makes the company sound like a contract, not a person.',
    alternatives: ['under our'],
  },
  {
    pattern: '(?:as per|per|in accordance with|pursuant to) the(?= (?:polic|terms|guideline|rules|agreement|contract|conditions|process|procedure|regulation))',
    note: '"As per the terms" makes the company sound like a contract, not a person.',
    alternatives: ['under the'],
  },
  {
    pattern: 'as per|pursuant to|in accordance with',
    note: '"As per" is legal-letter English; "following" or "under" says the same in plain words.',
    alternatives: ['following'],
  },
  {
    pattern: '(?:due to|owing to|because of) (?:(?:contractual|legal|regulatory|licensing|compliance) (?:agreements?|obligations?|reasons|requirements|restrictions)|(?:certain|various) (?:policies|restrictions|reasons))',
    note: '"Due to contractual agreements" hides the reason behind the contract; say what it means for them.',
  },
  {
    pattern: '(?:the )?information (?:previously|already|earlier) (?:provided|shared|given|sent)(?: to you)?|as (?:previously|already|earlier) (?:informed|advised|communicated|notified)',
    note: 'Pointing back at "the information previously provided" sounds like a file note, and scolds a little.',
  },
  {
    pattern: 'the aforementioned|aforesaid|herewith|hereby|the undersigned|hereunder|heretofore',
    note: 'Legalese has no place in a support reply.',
  },
  {
    pattern: '(?:our|the) (?:policy|policies|guidelines|terms(?: of (?:service|use))?|rules) (?:strictly )?(?:prohibits?|forbids?)',
    note: '"Our policy prohibits…" reads like a sign on a wall; say what you do and why in your own words.',
  },
  // PR boilerplate: priorities, commitments, strivings
  {
    pattern: '(?:is|are|remains|remain) (?:very |extremely |incredibly |really |so |always )?important to us|(?:is|are|remains|remain) (?:our|a) (?:top|highest|number one|number-one|first|utmost|key|main) priorit(?:y|ies)|(?:is|are) of (?:the )?(?:utmost|paramount|great) importance(?: to us)?',
    note: 'PR boilerplate ("…is important to us", "…is our top priority"): show it by what you do instead.',
  },
  {
    pattern: '(?:we|i) take (?:this|these|that|your|the|all|such|our customers\'?) (?:\\p{L}+ )?(?:matters?|concerns?|privacy|security|safety|issues?|reports?|feedback|complaints?|allegations|claims)? ?(?:very |extremely |incredibly |really )?seriously',
    note: '"We take this very seriously" is the press-release line everybody has learned to distrust.',
  },
  {
    pattern: '(?:we|i|our (?:\\p{L}+ )?teams?) (?:continually |constantly |continuously |always )?(?:strive|striving|strives)|(?:continually|constantly|continuously) (?:working|work|looking|look|improving|improve|evolving)|work(?:ing)? tirelessly|tireless(?:ly)? (?:work|efforts?)',
    note: '"We continually strive to improve" is annual-report wording; say what is being done about their problem.',
  },
  {
    pattern: '(?:we(?:\'re| are)|i(?:\'m| am)) (?:fully |deeply |truly )?(?:committed|dedicated) to (?:providing|delivering|ensuring|offering|giving|making|improving|keeping|protecting|the (?:best|highest))',
    note: '"We are committed to providing the best service" is a mission statement, not a reply.',
  },
  {
    pattern: '(?:we(?:\'re| are)|i(?:\'m| am)) always (?:interested in|open to|looking for|keen to hear|eager to hear|happy to receive|grateful for) (?:\\p{L}+\'? ){0,3}?(?:feedback|ideas|suggestions|input)|we value (?:your|all|our (?:customers\'?|users\'?|members\'?)) (?:feedback|input|business|opinions?|loyalty|suggestions)',
    note: '"We\'re always interested in your feedback" is what a form says; a person says what they will do with it.',
  },
  {
    pattern: '(?:the|your) (?:health|safety|security|privacy|well-?being|satisfaction|trust)(?: (?:and|&) (?:health|safety|security|privacy|well-?being|satisfaction|trust))? of (?:our|all our) (?:customers|users|members|community|employees|guests|players|clients|passengers)',
    note: '"The safety of our customers…" is a press statement; talk about this customer.',
  },
  {
    pattern: "your (?:call|business|custom|feedback|patience|satisfaction|loyalty|privacy|security) is (?:very |extremely )?(?:important|valuable|valued) to us",
    note: 'Hold-music wording; show it instead of saying it.',
    alternatives: ["I'm glad you told us"],
  },
  {
    pattern: 'we appreciate your (?:interest|continued support|valued feedback|business)|(?:we |i )?appreciate your (?:kind )?(?:patience and |patience & )?(?:understanding|cooperation|co-operation)|thank you for your (?:kind )?(?:patience and |patience & )?(?:understanding|cooperation|co-operation)|thanks for your (?:kind )?(?:cooperation|co-operation)',
    note: '"We appreciate your understanding" closes a refusal like a notice on a door; say what happens next instead.',
  },
  {
    pattern: '(?:improve|enhance|expand)(?: and (?:add|improve|enhance|expand))? (?:new )?features|(?:improve|enhance) (?:our|the) (?:products?|services?|offerings?|overall experience|user experience)',
    note: 'Product-roadmap PR ("we will improve and add new features") promises nothing to this customer.',
  },
  {
    pattern: '(?:seamless|hassle-free|best-in-class|world-class|best possible|unparalleled|superior) (?:customer )?(?:experience|service)|(?:look forward to|hope to|continue to|strive to) (?:serve|serving) you(?: (?:better|again|in the future))?|serve you better|your valuable (?:feedback|time|suggestions?|input|business)',
    note: 'Brochure wording ("a seamless experience", "to serve you better") talks to a market, not to this customer.',
  },
  // Form-letter sign-offs
  {
    pattern: "(?:please )?(?:do not|don't) hesitate to (?:contact|reach out to|get in touch with|write to|call) (?:us|me)",
    note: 'A stock sign-off; an invitation in your own words sounds like you mean it.',
    alternatives: ['just reply here if you need anything'],
  },
  {
    pattern: 'should you (?:have|require|need) any (?:further |other |additional )?(?:questions|queries|assistance|clarification|help)',
    note: '"Should you require any further assistance" is form-letter English.',
    alternatives: ['if you have any questions'],
  },
];
