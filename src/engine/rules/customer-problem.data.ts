import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Words by which a customer reports that something is broken, failed, lost or wrong, as opposed to asking
 * how to do something (REPLY-LABELS.md: "if the customer reports something broken, lost, failed or charged
 * wrongly, troubleshooting steps are a burden; if they only ask how to do something, the steps are an
 * answer"). Rules that judge a reply by what the customer went through read this, through
 * `customerReportsProblem`. Grouped by what went wrong; negation ("nothing is broken") is skipped by the
 * matcher.
 */
export const PROBLEM_REPORT: PhraseEntry[] = [
  // It does not work
  { pattern: "(?:not|isn'?t|aren'?t|wasn'?t|weren'?t|doesn'?t|don'?t|didn'?t|won'?t|wont|can'?t|cannot|couldn'?t) (?:work(?:ing)?|load(?:ing)?|open(?:ing)?|start(?:ing)?|play(?:ing)?|connect(?:ing)?|respond(?:ing)?|launch(?:ing)?|sync(?:ing)?|updat(?:e|ing)|download(?:ing)?|install(?:ing)?|show(?:ing)? up|go(?:ing)? through|let me|allow me)" },
  { pattern: "(?:stopped|stops|keeps?|kept) (?:working|crashing|freezing|failing|closing|logging me out|kicking me|disconnecting|buffering|deleting)" },
  { pattern: 'crash(?:es|ed|ing)?|froze|freez(?:es|ing)|frozen|glitch(?:es|ed|y)?|bug(?:s|gy|ged)?|broke|broken|fault(?:y)?|error(?:s)?|fail(?:s|ed|ing|ure)?|corrupt(?:ed)?|lag(?:gy|ging)?|buffering|black screen|blue screen' },
  // Locked out, lost access
  { pattern: "(?:can'?t|cannot|couldn'?t|unable to|not able to) (?:log ?in|login|sign ?in|access|get (?:in|into|back)|reset|recover|verify|use|find|see|receive|make|buy|purchase|pay|redeem|cancel|change|add|remove|link|watch|stream|upload|hear|join|send)" },
  { pattern: '(?:got |been |was |were |is |has been |have been )?(?:hacked|compromised|locked(?: out)?|suspended|banned|terminated|disabled|blocked|deactivated|deleted|removed|stolen)' },
  // Lost or missing
  { pattern: "(?:lost|missing|disappeared|gone|vanished|wiped)|(?:never|didn'?t|haven'?t|hasn'?t|have not|has not|did not) (?:arrived?|received?|got(?:ten)?|come|came|been (?:credited|refunded|delivered|fixed|resolved))|(?:still|yet to) (?:waiting|pending|not|no|nothing|haven'?t|hasn'?t)" },
  // Charged or treated wrongly
  { pattern: '(?:over|double|wrongly|incorrectly|twice) ?charged|charged (?:me )?(?:twice|again|wrongly|for something)|unauthori[sz]ed|scam(?:med)?|fraud(?:ulent)?|refund' },
  // Naming it a problem
  { pattern: "(?:a |an |this |the |same |having |have |had |got |getting )(?:problem|issue|trouble)s?|not fixed|doesn'?t make sense|ridiculous|unacceptable|terrible|horrible|worst|useless|help me|please help" },
];
