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
  '(?:follow(?:ing)?|try(?:ing)?|complet(?:e|ing)|go(?:ing)? through|work(?:ing)? through|walk(?:ing)? through|run(?:ning)? through|step(?:ping)? through|check(?:ing)?(?: out)?|take a look at|have a look at|look(?:ing)? (?:at|through)|refer(?:ring)? to|use|using|start with|find|see|read|review|watch)';
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
  { pattern: '(?:follow(?:ing)?|complet(?:e|ing)|work(?:ing)? through|walk(?:ing)? through|run(?:ning)? through|go(?:ing)? through) (?:the |this |our |these )?(?:following )?(?:help |support |troubleshooting )?articles?', tag: 'steps' },
  { pattern: '(?:take|have) a look at (?:the |this |our )?(?:following )?(?:help |support |troubleshooting )?articles?', tag: 'steps' },
  // "check out this article", "have a read of this help article", "give this article a read"
  { pattern: '(?:check(?:ing)? out|have a read (?:of|through)|read(?:ing)? through|see) (?:the |this |our )?(?:following )?(?:help |support |troubleshooting )?articles?|give (?:this|the|our) (?:help |support )?article a (?:read|look)', tag: 'steps' },
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
  // "Our help article covers the most common fixes", "this page walks you through it", "the help centre has a
  // step-by-step guide for fixing buffering" (the material does the talking; "the update includes fixes" is news)
  { pattern: '(?:covers?|lists?|explains?|outlines?|walks? you through|takes? you through) (?:the |some |a few |all (?:the )?)?(?:most |more )?(?:common |usual |possible |known |basic |recommended |quick )*(?:fixes|solutions|workarounds|troubleshooting(?: steps| tips)?)', tag: 'steps' },
  { pattern: '(?:help cent(?:re|er)|help (?:site|page|article)|support (?:site|page|article)|faq|knowledge base|community) (?:has|have|offers?) (?:a |an |some )?(?:step[- ]by[- ]step |detailed |quick |handy |full )?(?:guide|steps|tips|instructions|walkthrough|troubleshooter)', tag: 'steps' },
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
    pattern: `(?:have|did) you (?:already |also |yet |ever )?(?:(?:tried|try)(?! ${HAND_OFF_VERB})|attempted|attempt|followed|follow|completed|complete|gone through|go through|worked through|checked if|check if|checked whether|cleared|restarted|rebooted|reinstalled|power cycled|(?:had|get|got) (?:a|the) (?:chance|opportunity) to (?:try|follow|go through|complete|work through|run|restart|reinstall|update|clear|reset|check))`,
    tag: 'tried',
  },

  // Concrete troubleshooting actions
  // …cache, cookies, app data
  { pattern: "(?:clear|clean|reset|delete|empty|wipe|flush)(?:ing)? (?:out )?(?:your |the |its |their |all |all of your |all the )?(?:\\p{L}+(?:'s)? ){0,2}(?:cache|caches|cookies|browsing data|browsing history|app data|app storage)|(?:clear|delete|wipe|reset)(?:ing)? (?:the |your )?(?:app|application|game|browser|player|console)'s (?:data|storage)", tag: 'action' },
  // …restart, reboot, power cycle, reinstall, update
  { pattern: '(?:force(?: it to| a)? )?(?:re-?start|reboot|power[- ]?cycle|hard reset|soft reset)(?:ing)?', tag: 'action' },
  { pattern: '(?:toggl(?:e|ing)|turn(?:ing)? (?:on|off)) (?:\\p{L}+ )?(?:airplane|aeroplane|flight) mode|power(?:ing)? (?:it |them |your \\p{L}+ |the \\p{L}+ )?(?:off|down) and (?:back )?on', tag: 'action' },
  { pattern: 'force (?:it|your \\p{L}+|the \\p{L}+) to restart|force (?:quit|close|stop)(?:ting|ping)?|turn(?:ing)? (?:it |them |that |your \\p{L}+ |the \\p{L}+ )?off and (?:back )?on|unplug(?:ging)?|plug(?:ging)? (?:it|them) back in|hold (?:down )?the (?:power|home|reset|pairing) button', tag: 'action' },
  { pattern: '(?:(?:uninstall|delete|remove)(?:ing)? and )?re-?install(?:ing)?|(?:advanced|clean) reinstall|uninstall(?:ing)? (?:the|your) (?:app|application|software|program|game)|re-?download(?:ing)?|offload(?:ing)? (?:the|your) app', tag: 'action' },
  { pattern: `(?:make sure|ensure|check) (?:that )?(?:your |the |it |it's |its )?${SOME_WORDS}(?:is |are |'s )?(?:updated|up to date|up-to-date|on the latest)`, tag: 'action' },
  { pattern: `(?:make sure|ensure)(?: that)? (?:your |the )${SOME_WORDS}(?:is|are) (?:firmly |securely |properly |fully |correctly |still )?(?:connected|enabled|turned on|switched on|charged|plugged in|selected|toggled on|set to|compatible|supported)`, tag: 'action' },
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

  // Widened from the team's variant set (data/labels/reply-variants.jsonl): the same kinds of step in the
  // wording of telcos, banks, utilities, retail and smart-home support.
  // …switching it off and on, taking the SIM out, recalibrating, re-linking
  { pattern: '(?:switch|turn|power)(?:ing)? (?:it|them|everything|your (?:\\p{L}+ ){1,2}|the (?:\\p{L}+ ){1,2})(?:off|down)(?: (?:at the (?:wall|mains|plug|socket)|completely|fully))?', tag: 'action' },
  { pattern: '(?:remov(?:e|ing)|tak(?:e|ing) out|re-?insert(?:ing)?|re-?seat(?:ing)?) (?:the |your )?sim(?: card)?', tag: 'action' },
  { pattern: '(?:re-?)?calibrat(?:e|ing) (?:the |your )(?:\\p{L}+ )?(?:controller|screen|sensor|device|printer|scale|joystick|stick|touchpad)', tag: 'action' },
  { pattern: 're-?enabl(?:e|ing)|re-?activat(?:e|ing)|re-?link(?:ing)?|re-?connect(?:ing)?|re-pair(?:ing)?|re-?sync(?:ing)?|re-?add(?:ing)? (?:it|them|the|your)', tag: 'action' },
  { pattern: '(?:connect|link|pair|add|enable|install)(?:ing)? (?:it|them|your account|the (?:\\p{L}+ )?(?:device|account|integration|app|card)) (?:again|back)', tag: 'action' },
  { pattern: 'forget(?:ting)? (?:the |this |that |your )?(?:\\p{L}+ ){0,2}(?:device|network|wi-?fi|connection|headphones|earbuds|speaker|printer|accessory|watch)', tag: 'action' },
  // …asking for a new code or link
  { pattern: '(?:request|get|generate)(?:ing)? (?:a |another |the )?(?:new|fresh|another) (?:verification |security |reset |login |sign-in )?(?:code|link|otp|pin|one-time (?:code|password)|e-?mail)|resend(?:ing)? (?:the |a |another )?(?:code|link|verification|e-?mail)', tag: 'action' },
  // …running a test, checking the version, the connection, the supply
  { pattern: 'run(?:ning)? (?:a |the )?(?:speed|line|network|connection|broadband|diagnostic|signal|sound|mic|microphone|audio|video) (?:test|check)', tag: 'action' },
  { pattern: "(?:double[- ]check|check|confirm|verify|can you check|could you check)(?: that| if| whether)? you(?:'re| are) (?:on|using|running|updated to) (?:the )?(?:latest|newest|most recent|current)", tag: 'action' },
  { pattern: "(?:make sure|ensure|check|confirm)(?: that)? you(?:'re| are) (?:on|using|connected to) (?:a |an |the )?(?:stable|strong|good|reliable|different|private|home|secure|wired) (?:wi-?fi|internet|network|connection|signal|browser|device)", tag: 'action' },
  { pattern: '(?:clos(?:e|ing)|quit(?:ting)?) (?:all |any )?(?:other |background |open )?(?:apps|applications|programs|tabs|windows)', tag: 'action' },
  { pattern: 'check(?:ing)? (?:that |whether |if )?(?:the|your) (?:gas|power|electricity|water|supply|meter|fuse|fuse box|breaker|trip switch|plug|socket|batter(?:y|ies)|cables?|leads?|wiring|stopcock)s? (?:is|are|has|have|hasn\'t|isn\'t|aren\'t)', tag: 'action' },
  { pattern: "(?:double[- ]check|check|make sure|ensure)(?: that)? there (?:are|is|aren't|isn't) (?:no |any )?(?:spaces|typos|extra spaces|errors|mistakes)", tag: 'action' },
  // …another socket, cable, card or number; copying a link by hand
  { pattern: '(?:on|in|with|use|using|from|try|test(?:ing)? it on) (?:a |an )?(?:different|another|new|separate) (?:socket|outlet|power outlet|plug|cable|charger|charging cable|port|usb port|card|payment method|number|phone number|sim|email address)', tag: 'action' },
  { pattern: 'copy(?:ing)? (?:and past(?:e|ing) )?(?:the |your |this )?(?:\\p{L}+ ){0,2}(?:link|url|number|code|address) (?:and past(?:e|ing)|in)(?:to)?', tag: 'action' },
  // …logging out everywhere, moving the router, an extender, new batteries
  { pattern: '(?:sign(?:ing)?|log(?:ging)?) (?:out|off) (?:of|from) (?:all|every|your|the) (?:\\p{L}+ )?(?:devices?|sessions?|accounts?|apps?)|(?:sign(?:ing)?|log(?:ging)?) back in(?:to)?', tag: 'action' },
  { pattern: '(?:mov(?:e|ing)|bring(?:ing)?|plac(?:e|ing)) (?:the |your )(?:router|modem|hub|base station|device|console|speaker|camera|extender|bridge)(?: \\p{L}+)? (?:closer|nearer)|(?:add(?:ing)?|us(?:e|ing)|install(?:ing)?) (?:a |an )(?:wi-?fi |signal |range )?(?:extender|booster|repeater|mesh)', tag: 'action' },
  { pattern: '(?:replac(?:e|ing)|chang(?:e|ing)|charg(?:e|ing)) (?:the |your )?(?:\\p{L}+ )?batter(?:y|ies)', tag: 'action' },
  // …a setting only the customer sees: "check your NAT type in the network settings", "enable it under Settings"
  { pattern: '(?:in|under|from|via) (?:your|the) (?:[\\p{L}-]+ ){0,2}settings', tag: 'action' },
  // …give it a reboot, toggle it off and on, uninstall other apps, free up space, grab the latest version
  { pattern: 'giv(?:e|ing) (?:it|them|(?:the|your) (?:\\p{L}+ ){1,2})a (?:quick |full |proper |hard |soft )?(?:reboot|restart|reset|power cycle|refresh|clean|update|go)', tag: 'action' },
  { pattern: '(?:switch|turn|toggle|power)(?:ing)? (?:\\p{L}+ ){1,3}?(?:off|on) (?:and|then) (?:back )?(?:on|off)(?: again)?', tag: 'action' },
  { pattern: '(?:uninstall|disable|remove|delete|turn off|close|pause)(?:ing)? (?:any|all|other) (?:\\p{L}+[ -]){0,3}(?:apps|applications|programs|extensions|add-?ons|software|vpns?|overlays|background apps)', tag: 'action' },
  { pattern: "free(?:ing)? up (?:some )?(?:space|storage|memory|room)|(?:enough|at least [\\d.]+ ?(?:gb|mb|tb)|[\\d.]+ ?(?:gb|mb|tb)) (?:of )?(?:free )?(?:space|storage|room|free)", tag: 'action' },
  { pattern: '(?:grab|get|download|install|update to)(?:bing|ting|ing)? the (?:latest|newest|most recent) (?:version|update|release|build|app)', tag: 'action' },
  // …diagnostics only the customer can gather: a HAR file, logs, a screen recording while reproducing it
  { pattern: '(?:grab|get|capture|record|collect|export|pull|generate|send)(?:bing|ting|ing)? (?:a |an |the |your |some )?(?:har file|log files?|logs|crash (?:logs|reports?|dumps?)|screen recording|diagnostics?(?: report| logs?)?|dxdiag|sysdiagnose|network trace|console logs?|traceroute|trace route)|reproduc(?:e|ing) the (?:error|issue|problem|bug|crash)', tag: 'action' },
  // …updating payment details the customer reported failing
  { pattern: '(?:updat(?:e|ing)|re-?enter(?:ing)?|re-?add(?:ing)?) (?:your |the )(?:card|payment|billing|bank) (?:details|method)', tag: 'action' },
];
