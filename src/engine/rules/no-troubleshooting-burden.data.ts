import type { PhraseEntry } from '../text/matcher.ts';

/*
 * Troubleshooting and self-service handed to a customer who reported that something is broken, failed, lost
 * or locked (REPLY-LABELS.md, customer_burden (a)). The rule reads these only after
 * `customerReportsProblem`: the same steps answering a neutral how-to question are an answer, not a burden.
 *
 * Tags say how the rule reads a match:
 * - `steps`: the reply hands over steps, tips, a guide or a help article to work through ("follow the steps
 *   here", "these tips may help"). Counted wherever it stands, unless the agent is the one doing it or the
 *   steps are a hand-off's own ("send us a feedback report using these steps", judged by no-transfer).
 * - `tried`: asks whether the customer already tried a fix ("have you tried resetting…?"), which both pushes
 *   the step and often makes them repeat what they did.
 * - `action`: one concrete troubleshooting action ("clear your cache", "reinstall the app"). Counted only
 *   when it is put to the customer: an imperative, "please…", "try…", "you can…", "we recommend…", or a
 *   gerund that "usually does the trick"; "I've cleared the cache on our side" is not.
 */

/** Verbs that hand self-help material over: "follow", "work through", "take a look at"… */
const WORK_THROUGH =
  '(?:follow(?:ing)?|try(?:ing)?|complet(?:e|ing)|go(?:ing)? through|work(?:ing)? through|run(?:ning)? through|step(?:ping)? through|check(?:ing)?(?: out)?|take a look at|have a look at|look(?:ing)? (?:at|through)|refer(?:ring)? to|use|using|start with|find|see|read|review|watch)';
/** What is handed over. An article alone counts only with a verb that makes it work ("follow this article"). */
const MATERIAL =
  '(?:(?:troubleshooting |basic |simple |quick |helpful |recommended |suggested |additional |more |other |same |\\p{L}+ )?(?:steps?|tips|instructions|troubleshooting(?: steps| tips| guide)?|troubleshooter|guide|solutions?|suggestions|fixes))';
const DETERMINER = '(?:the |these |those |this |our |some |a few |all (?:the |of the |these )?|both |any of (?:the |these )?)?(?:following |steps? |)';
/** Reaching someone else is a hand-off (`no-transfer`), not troubleshooting: "try contacting your bank". */
const HAND_OFF_VERB = '(?:contact|call|reach|e-?mail|messag|visit|speak|talk|chat|get(?:ting)? in touch|submit|fil|send(?:ing)? us|dm|writ|ask)';
/** Words a device, app or account part may be called between "your" and the state: "your YouTube app on your TV". */
const SOME_WORDS = '(?:\\p{L}+ ){0,6}';

export const TROUBLESHOOTING: PhraseEntry[] = [
  // Steps, tips and guides to work through
  { pattern: `${WORK_THROUGH} ${DETERMINER}${MATERIAL}`, tag: 'steps' },
  { pattern: '(?:follow(?:ing)?|complet(?:e|ing)|work(?:ing)? through|run(?:ning)? through|go(?:ing)? through) (?:the |this |our |these )?(?:following )?(?:help |support |troubleshooting )?articles?', tag: 'steps' },
  { pattern: '(?:take|have) a look at (?:the |this |our )?(?:following )?(?:help |support |troubleshooting )?articles?', tag: 'steps' },
  { pattern: 'refer to (?:the |this |our )?(?:following )?(?:help |support |troubleshooting )?articles?', tag: 'steps' },
  { pattern: "try(?:ing)? (?:working|running|going|stepping) through|try:|if (?:you(?:'ve|'re| have) )?(?:already )?(?:trying|tried):?", tag: 'steps' },
  { pattern: 'step[- ]by[- ]step (?:guide|instructions)|here (?:are )?the steps|(?:how|help you|to) troubleshoot|for (?:some )?troubleshooting(?: (?:steps|tips|help))?|(?:try|do|follow) the following(?: ?:)?', tag: 'steps' },
  // "Here's a community post with more on this, check it out": only after naming the material
  { pattern: '(?:link|post|thread|article|guide|video|page|resource)[^.!?\\n]{0,80}[.!?,]? check (?:it|this|that) out', tag: 'steps' },
  { pattern: '(?:steps|tips|things|solutions|fixes) (?:that )?you can (?:take|try|follow|do)|(?:resource|guide|article|tool|troubleshooter) (?:that )?you can use', tag: 'steps' },
  { pattern: '(?:may|might) find (?:this|these|the following|our) (?:\\p{L}+ )?(?:article|guide|steps|tips|link|page|resource|video)s? (?:helpful|useful)', tag: 'steps' },
  {
    pattern: '(?:article|guide|page|link|post|thread|video) (?:with|that has|that shares|that explains|that shows|that outlines|which outlines|which explains|explaining|outlining|showing) (?:some |more |the |a few |possible )?(?:tips|steps|suggestions|solutions|fixes|ways|how to|causes)',
    tag: 'steps',
  },
  // The material as the subject: "these tips may help", "this guide may also help"
  {
    pattern: `(?:these|the following|this|those|the|some|our) (?:(?:troubleshooting|helpful|quick|basic|simple|following)\\s+)*(?:steps?|tips|guide|troubleshooter|instructions|suggestions|solutions?|article|resource|help article)(?: (?:here|below|above|at|on this page|in this article))? (?:may|might|should|could|can|will|usually|often|would)(?: (?:also|really|probably|hopefully))? (?:help|fix|solve|resolve|sort|get|do the trick|work|assist)`,
    tag: 'steps',
  },
  { pattern: '(?:steps|instructions|tips) (?:here|below)', tag: 'steps' },
  { pattern: 'here (?:are|is) (?:some |a few |more |a couple of )?(?:more |other |additional |helpful |troubleshooting )?(?:steps|tips|suggestions|things (?:to|you can) try)', tag: 'steps' },
  { pattern: '(?:a|one|another) (?:great |helpful |useful )?(?:resource|guide|troubleshooter) that (?:may|might|can|should|will) help', tag: 'steps' },
  { pattern: '(?:options|steps|tips|solutions|instructions) (?:are|is) (?:explained|listed|outlined|described|covered)', tag: 'steps' },
  // "…and see if that helps", "give it a try": the reply hands over something to try
  { pattern: 'see if (?:that|this|it|those|these|doing so) (?:helps?|works?|fix(?:es)?|resolves?|solves?|makes? (?:a|any) difference|does the trick|changes anything|clears? (?:it|things) up)|give (?:it|that|this|these|them) a (?:try|go|shot)', tag: 'steps' },
  // "For help signing in, see…", "For additional support on how to…, check this link"; "for more help, visit
  // our help site" is a hand-off (no-transfer)
  {
    pattern: 'for (?:more (?:information|info|help) or )?(?:additional |more |further |any )?(?:help|support|assistance|issues|problems|trouble)(?: (?:with|on|verifying|signing in|logging in))?[^.,;!?\\n]{0,40}, (?:see|check|follow|refer to)(?! (?:our|the) (?:help|support) (?:site|centre|center|forum|community|team))',
    tag: 'steps',
  },
  // Self-service recovery
  { pattern: '(?:use|using|try) (?:our|the) (?:automated |online |self[- ]service )?(?:password |account )?(?:recovery|reset) (?:system|tool|page|form|process|options?|flow)', tag: 'steps' },
  // Which section of the help page applies is the customer's to work out
  { pattern: '(?:best|better) (?:fits?|describes?|matches?) your (?:case|issue|situation|problem)', tag: 'steps' },
  // "We suggest running through…", "For now we recommend: <link>"
  {
    pattern: "(?:we|i)(?:'d| would)? (?:(?:also|first|now|strongly) )?(?:recommend|suggest|advise|encourage you to)(?:ing)?(?: that you)?(?: (?:try(?:ing)?|attempt(?:ing)? to|running through|working through|going through|the steps|these steps|adding extra layers)|:)",
    tag: 'steps',
  },

  // "Have you tried…?", "Did you try resetting…?"
  {
    pattern: `(?:have|did) you (?:already |also |yet |ever )?(?:(?:tried|try)(?! ${HAND_OFF_VERB})|attempted|attempt|followed|follow|completed|complete|gone through|go through|worked through|checked if|check if|checked whether|cleared|restarted|rebooted|reinstalled|power cycled|had (?:a|the) (?:chance|opportunity) to (?:try|follow|go through|complete|work through))`,
    tag: 'tried',
  },

  // Concrete troubleshooting actions
  // …cache, cookies, app data
  { pattern: "(?:clear|clean|reset|delete|empty|wipe|flush)(?:ing)? (?:out )?(?:your |the |its |their |all |all of your |all the )?(?:\\p{L}+(?:'s)? ){0,2}(?:cache|caches|cookies|browsing data|browsing history|app data|app storage)", tag: 'action' },
  // …restart, reboot, power cycle, reinstall, update
  { pattern: '(?:force(?: it to| a)? )?(?:re-?start|reboot|power[- ]?cycle|hard reset|soft reset)(?:ing)?', tag: 'action' },
  { pattern: '(?:toggl(?:e|ing)|turn(?:ing)? (?:on|off)) (?:\\p{L}+ )?(?:airplane|aeroplane|flight) mode|power(?:ing)? (?:it |them |your \\p{L}+ |the \\p{L}+ )?(?:off|down) and (?:back )?on', tag: 'action' },
  { pattern: 'force (?:it|your \\p{L}+|the \\p{L}+) to restart|force (?:quit|close|stop)(?:ting|ping)?|turn(?:ing)? (?:it |them |that |your \\p{L}+ |the \\p{L}+ )?off and (?:back )?on|unplug(?:ging)?|plug(?:ging)? (?:it|them) back in|hold (?:down )?the (?:power|home|reset|pairing) button', tag: 'action' },
  { pattern: '(?:(?:uninstall|delete|remove)(?:ing)? and )?re-?install(?:ing)?|(?:advanced|clean) reinstall|uninstall(?:ing)? (?:the|your) (?:app|application|software|program|game)', tag: 'action' },
  { pattern: `(?:make sure|ensure|check) (?:that )?(?:your |the |it |it's |its )?${SOME_WORDS}(?:is |are |'s )?(?:updated|up to date|up-to-date|on the latest)`, tag: 'action' },
  { pattern: `(?:make sure|ensure)(?: that)? (?:your |the )${SOME_WORDS}(?:is|are) (?:connected|enabled|turned on|switched on|charged|plugged in|selected|toggled on|set to)`, tag: 'action' },
  { pattern: '(?:updat(?:e|ing)|upgrad(?:e|ing)) (?:your|the) (?:\\p{L}+ )?(?:app|application|browser|software|console|system software|device|os|ios|drivers?|firmware|game)|updat(?:e|ing) to the latest|(?:install|download|get|run)(?:ing)? the latest (?:update|version|patch|drivers?)|check(?:ing)? for (?:any )?(?:system |software |app |os )?updates', tag: 'action' },
  { pattern: 'verify(?:ing)? (?:the )?(?:integrity of )?(?:your |the )?(?:game )?files|run(?:ning)? (?:a |the )?(?:\\p{L}+ )?(?:troubleshooter|diagnostics?|scan|repair)', tag: 'action' },
  { pattern: '(?:disabl(?:e|ing)|turn(?:ing)? off|pausing|pause) (?:your |any |the )?(?:browser )?(?:antivirus|firewall|vpn|proxy|extensions?|add-?ons?|ad-?blockers?|ad blockers?)', tag: 'action' },
  { pattern: '(?:remov(?:e|ing)|delet(?:e|ing)|unpair(?:ing)?|unlink(?:ing)?|disconnect(?:ing)?) and (?:re-?add(?:ing)?|re-?pair(?:ing)?|re-?link(?:ing)?|re-?connect(?:ing)?|add(?:ing)? (?:it|them) back)', tag: 'action' },
  { pattern: 'reset(?:ting)? (?:your|the) (?:network settings|settings|router|modem|device|console|app|password|pin)', tag: 'action' },
  // …sign out and back in, another browser or device, safe mode
  { pattern: '(?:sign(?:ing)?|log(?:ging)?) (?:out|off) and (?:(?:sign(?:ing)?|log(?:ging)?) )?(?:back )?in(?:to)?', tag: 'action' },
  // "try using the backup codes"; "try contacting your bank" is a hand-off (no-transfer), not troubleshooting
  { pattern: `try (?!${HAND_OFF_VERB})(?:\\p{L}{2,}ing|to \\p{L}{3,})`, tag: 'action' },
  { pattern: '(?:private|incognito)(?: browsing)? (?:mode|window|tab)', tag: 'action' },
  { pattern: '(?:recover|regain|restore|unlock) (?:access to )?your (?:\\p{L}+ )?account', tag: 'action' },
  { pattern: '(?:on|in|with|use|using|from|try) (?:a |an )?(?:different|another|new|private|incognito|separate) (?:browser|device|tab|window|network|user account|computer|console|connection)', tag: 'action' },
  { pattern: 'safe mode|rebuild(?:ing)? (?:the |your )?database|restor(?:e|ing) (?:your )?licen[cs]es|(?:initiali[sz]e|factory reset)(?: (?:your|the) (?:console|system|device|phone))?', tag: 'action' },
  // "try again" is homework; "you can try again now, it's fixed" is news
  { pattern: 'repeated attempts|try(?:ing)? (?:it |that |this )?again(?! now)', tag: 'action' },
  // …settings and folders only the customer sees
  { pattern: "(?:make sure|ensure|check(?:ing)?|confirm)(?: that)? you(?:'re| are) (?:signed|logged) in(?:to)?(?: (?:to|with))? (?:the )?(?:correct|right|same|proper)", tag: 'action' },
  { pattern: 'test(?:ing)? your (?:internet |network |wi-?fi )?(?:connection|speed)|(?:double[- ])?check(?:ing)? (?:your |the )?(?:spam|junk)(?: folders?)?|(?:double[- ])?check(?:ing)? (?:your|the) (?:(?:filter|notification|privacy|account|e-?mail|comment|security|network|wi-?fi|router|app) (?:settings|permissions)|(?:spam|junk|trash)(?: folders?)?|(?:internet |network |wi-?fi )?connection|cables?|router|modem|signal)', tag: 'action' },
  { pattern: '(?:in|to) your (?:spam|junk|trash)(?:/(?:spam|junk|trash))?(?: folders?)?', tag: 'action' },
  { pattern: "(?:make sure|ensure)(?: that)? you(?:'re| are)? (?:on|using|running|have) the latest|(?:check|make sure|ensure|confirm|verify)(?: that)? your (?:payment|billing|card|contact) (?:details|info|information|method) (?:are|is) (?:correct|up to date|accurate|valid)", tag: 'action' },
  { pattern: "(?:make sure|ensure)(?: that)? (?:you(?:'ve| have)? turned on|there (?:isn't|is no) (?:any )?(?:debris|dust)|your account is linked)", tag: 'action' },
];
