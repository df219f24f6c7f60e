import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Words by which a customer reports that something is broken, failed, lost or wrong, as opposed to asking
 * how to do something (REPLY-LABELS.md: "if the customer reports something broken, lost, failed or charged
 * wrongly, troubleshooting steps are a burden; if they only ask how to do something, the steps are an
 * answer"). Rules that judge a reply by what the customer went through read this, through
 * `customerReportsProblem`. Grouped by what went wrong; negation ("nothing is broken") is skipped by the
 * matcher. The matcher reads `'` as either apostrophe.
 */

/** What a customer says does not work: "won't load", "can't log in", "hasn't been syncing". */
const FAILS =
  '(?:work|load|open|start|play|connect|respond|launch|sync|updat|download|install|upload|show|appear|arriv|recogni[sz]|accept|sav|export|import|print|unlock|charg|pair|stream|sign|log|turn on|boot|go through|send|receiv|verif|activat|ring|pay|chang)';

export const PROBLEM_REPORT: PhraseEntry[] = [
  // It does not work
  { pattern: `(?:not|isn't|isnt|aren't|arent|wasn't|weren't|doesn't|doesnt|don't|dont|didn't|didnt|won't|wont|hasn't|haven't|has not|have not)(?: (?:been|even|be|ever))? ${FAILS}(?:e|ed|es|s|ing)?(?: (?:up|through|in|out))?` },
  { pattern: `(?:why|how come) (?:isn't|isnt|aren't|arent|doesn't|doesnt|don't|dont|won't|wont|can't|cant|didn't|hasn't|haven't) (?:\\p{L}+ ){0,3}${FAILS}(?:e|ed|es|s|ing)?` },
  { pattern: "(?:not|isn't|aren't|wasn't|doesn't|don't|didn't|won't|wont)(?: even)? (?:tryna |trying to |going to )?(?:let|letting|allow|allowing) (?:me|us|him|her|them)" },
  // "keeps crashing", "keeps pausing", "kept charging me": a repeated gerund is a complaint
  { pattern: "(?:stopped|stops) (?:working|loading|playing|syncing|responding|charging|connecting)|(?:keeps?|kept) (?:on )?(?!(?:in|up|going|coming|improving|getting better)(?![\\p{L}]))\\p{L}{2,}ing" },
  { pattern: 'crash(?:es|ed|ing)?|froze|freez(?:es|ing)|frozen|glitch(?:es|ed|y)?|bug(?:s|gy|ged)?|broke|broken|fault(?:y)?|error(?:s)?|fail(?:s|ed|ing|ure)?|corrupt(?:ed)?|lag(?:gy|ging)?|buffering|black screen|blue screen|interrupt(?:ions?|ed|s)|disconnect(?:s|ed|ing)|stuck' },
  { pattern: '(?:getting|gets|got|runs?|running|so|very|too|really|extremely) slow(?:er)?|slow(?:ed|ing) down|(?:takes?|taking|eats?|eating|uses?|using|hogs?|hogging|drains?|draining) (?:up )?(?:\\d{1,3}% (?:of )?)?(?:(?:the|my|all) )?(?:cpu|memory|ram|battery)' },
  { pattern: "(?:is|are|was|went|goes|been) down(?! (?:the|to|by|for|with|here|there))|outage|no (?:service|signal|internet|connection|sound|audio|picture|video|data)(?![\\p{L}])|(?:was|were|got|been|has been|have been|keeps? getting) (?:cancell?ed|delayed|rejected|declined|reversed|bounced)|(?:card|payment|transfer|transaction|order) (?:was |got |keeps getting |is being )?(?:declined|rejected|reversed|blocked|held)" },
  { pattern: "(?:still|keep|keeps|kept) (?:getting|seeing|receiving|having|showing|saying)|(?:what's|what is|whats) (?:going on|wrong|happening) with|why (?:does|is|do) (?:this|it) (?:keep )?happen(?:ing)?|how many times|(?:randomly|at random|for no reason|out of nowhere|all of a sudden|suddenly)" },
  { pattern: "wrong|incorrect(?:ly)?|(?:a|my|your|some) mistake|mix(?:ed)?[- ]?up|what (?:happened|went wrong|is happening|'s happening)|taking (?:so|too|this) long|take so long" },
  // Locked out, lost access
  { pattern: "(?:can't|cant|cannot|can not|couldn't|can no longer|could no longer|unable to|not able to|n't been able to|not been able to|never been able to)(?: (?:i|we|you|even|seem to|still|ever))? (?!(?:wait|believe|thank|stand|imagine|tell|say|decide|figure|help|recommend|stress|express|emphasi[sz]e|describe|explain|understand)(?![\\p{L}]))\\p{L}{2,}" },
  { pattern: "(?:got |been |was |were |is |are |has been |have been |gets |getting |get |keeps? getting )?(?:hacked|compromised|locked(?: out)?|suspended|banned|terminated|disabled|blocked|deactivated|stolen|denied|kicked out|logged out|signed out)|(?:got |been |was |were |has been |have been |is being )(?:deleted|removed)|lock(?:s|ing)? (?:me |us |users? |people )?out|suspend(?:s|ed|ing)? (?:the|my|our|his|her|their) (?:account|channel)|wrongful(?:ly)?" },
  { pattern: "(?:forgot(?:ten)?|can't remember|don't remember|do not remember|lost) (?:my |the |his |her |our )?(?:old |new )?(?:password|e-?mail|username|user name|login|pin|code|key|phone|number|account)" },
  { pattern: "(?:don't|do not|no longer|doesn't|does not) (?:have|has) (?:any )?access|(?:lost|losing|no) access|get (?:back )?into (?:my|his|her|our) (?:\\p{L}+ ){0,2}(?:account|e-?mail)|getting into (?:my|his|her|our)|get (?:my|his|her|our|an|the) (?:\\p{L}+ )?(?:account|e-?mail|money) back|want (?:my|our) (?:\\p{L}+ )?(?:account|e-?mail|money) back" },
  { pattern: '(?:someone|somebody|hackers?|a stranger|strangers|people) (?:\\p{L}+ ){0,3}(?:trying to|tried to|keeps? trying to|signed|logged|got into|changed|accessed|hacked|broke into)|(?:keeps?|kept) trying to (?:sign|log|get|break) ?in(?:to)?' },
  { pattern: "(?:tried|tried out|tried doing|tried all|done|followed) (?:everything|all (?:the |of the )?(?:ways|steps|options|suggestions|usual|things|solutions|troubleshooting))|tried all the usual" },
  // Lost or missing
  { pattern: "(?:lost|losing|missing(?! (?:something|anything|out))|disappeared|gone|vanished|wiped)|(?:never|didn't|haven't|hasn't|have not|has not|did not) (?:arrived?|received?|got(?:ten)?|come|came|appeared|shown up|been (?:credited|refunded|delivered|fixed|resolved|added|applied|processed))|(?:still|yet to) (?:waiting|pending|not|no|nothing|haven't|hasn't)|(?:been|keep|keeps|kept) waiting|(?:to )?no avail|nothing (?:works|worked|happens|happened|helps|helped)" },
  // Money or items that did not turn up, or turned up wrong: "only got $20", "the funds aren't there"
  { pattern: "(?:only|just) (?:got|gave|received|given|paid|dispensed)|(?:less|more) than (?:what )?(?:i|we) (?:asked|requested|expected|ordered|paid|thought|wanted)|(?:isn't|aren't|is not|are not|wasn't|weren't|not) (?:there|in my account|available|on my (?:account|statement|balance))|(?:don't|do not|didn't|can't|cannot) see (?:it|them|my|the|any|a|this|that)" },
  // Charged or treated wrongly
  { pattern: "(?:didn't|did not|never|haven't|have not) (?:make|made|authori[sz]e|authori[sz]ed|recogni[sz]e|recall|do|perform|order|ordered|buy|bought|purchase|withdraw|request|requested)(?![\\p{L}])|without my (?:permission|knowledge|consent|authori[sz]ation)|(?:suspicious|fishy|strange|unknown|odd|weird|random|duplicate) (?:charge|payment|transaction|withdrawal|debit|fee|login|activity)s?|(?:declin|revert)(?:ed|es|ing)|deny(?:ing)? my|swallowed|ate my|mugged|robbed" },
  { pattern: "(?:over|double|wrongly|incorrectly|twice) ?charged|charged (?:me )?(?:twice|again|wrongly|for something|without|even though|after)|(?:got|been|was|were|being|just got) (?:billed|charged)|unauthori[sz]ed|scam(?:med)?|fraud(?:ulent)?|refund" },
  // Naming it a problem
  { pattern: "how (?:do|can|could|should) (?:i|we|you) (?:fix|solve|resolve|repair|stop|get rid of)|(?:anyone|anybody|someone) else (?:getting|having|experiencing|seeing|facing)|(?:is|are) acting(?: (?:up|weird|strange|funny))?|(?:idk|don't know|do not know|dunno) what (?:to do|else to (?:do|try))" },
  { pattern: "(?:a |an |this |the |same |having |have |had |got |getting )(?:problem|issue|trouble)s?|troubles? (?:with|\\p{L}+ing)|struggl(?:e|es|ed|ing) (?:to|with)|not fixed|doesn't make sense|ridiculous|unacceptable|terrible|horrible|worst|useless|tired of|fed up|sick of" },
];

/**
 * A customer only asking how to do something: "how do I change my e-mail?", "I need help changing my
 * password", "is there a way to…". Read only when no problem phrase matched and the customer is not angry:
 * a plea for help with a how-to is not a report that something broke.
 */
export const HOW_TO: PhraseEntry[] = [
  { pattern: "how (?:do|can|could|would|should|does) (?:i|we|you|one|my|someone)|how to|is (?:there|it) (?:a|any)(?: \\p{L}+)? ?way|(?:can|could|may) (?:i|we)|where (?:can|do|should) (?:i|we)|what (?:email|e-mail|address|number|link|website|page) (?:do|should|can) (?:i|we)" },
  { pattern: '(?:need|want|would like|like) (?:some )?help (?:with )?(?:\\p{L}+ing|to)|help (?:me|us) (?:to )?(?!(?:with|please|pls|plz|out|now|asap|here|guys|urgently|immediately)(?![\\p{L}]))\\p{L}+' },
];
