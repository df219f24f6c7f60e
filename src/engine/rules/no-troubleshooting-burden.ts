import { compileTable, findPhrases, type PhraseMatch } from '../text/matcher.ts';
import { customerReportsProblem } from './customer-problem.ts';
import { defineRule, MAX_FINDINGS_PER_RULE, type RawFinding, type RuleInput } from './define.ts';
import { clauseAt, isReportedSpeech, sentenceOf, sentenceTail } from './kinds.ts';
import { TROUBLESHOOTING } from './no-troubleshooting-burden.data.ts';

const table = compileTable(TROUBLESHOOTING);

/**
 * What opens a clause that puts an action to the customer: a softener ("please", "just"), a request
 * ("try…", "you can…", "could you…", "we recommend…", "let's…") or an imperative verb that leads into the
 * action ("start your console in safe mode").
 */
const REQUEST_FRAME = new RegExp(
  '^(?:(?:just|simply|also|then|and|so|now|first)\\s+)?(?:please|kindly)(?![\\p{L}])|^(?:(?:just|simply|also|then|first|next|now|so|and|or|go ahead and|in the meantime|meanwhile|if you haven[\'’]t already|otherwise|it (?:looks|sounds|seems) like|(?:looks|sounds|seems) like)\\s*)*' +
    // "the best next step is to…", "your best bet is to…", "it's worth…", "it may be best to…"
    '(?:(?:the|your) (?:best|next|quickest|first|easiest)(?: next)? (?:bet|step|option|thing to (?:do|try)|fix) (?:is|would be|will be)(?: to)?\\s*|it(?:[\'’]s| is|[\'’]d be| would be| may be| might be| could be) (?:well )?(?:worth|best|a good idea|helpful)(?: to)?\\s*|it (?:may|might|could|should|would|will|can) (?:also )?help(?: to)?\\s*)?' +
    "(?:$|try|trying|you (?:can|could|may|might|should|will|['’]ll|want to|may want to|might want to|need to|will need to|['’]ll need to|['’]ll want to|have to)|you['’]d (?:want|need) to|(?:could|can|would) you|would you mind|mind|(?:we|i)(?:['’]d| would)? (?:also )?(?:recommend|suggest|advise)|let['’]s|make sure (?:to|you)|be sure to|remember to|don['’]t forget to|are you able to|(?:can|could|may|might) be (?:solved|fixed|resolved) by|by|after|" +
    '(?:start|open|go|turn|hold|press|tap|select|navigate|head|boot|put|use|choose|launch|visit|delete|remove|disable|enable|switch|unplug|connect|activate|sign|log|restore|update|check|reset|close|quit|wait|ensure|make sure|double[- ]check|move|add|plug|replace|clean|clear|change|set|toggle|reconnect|reinstall|restart|reboot|give|grab|free|uninstall)(?![\\p{L}]))',
  'iu',
);
/** The agent as the subject: "I've cleared the cache", "we'll restart the sync", "let me check". */
const FIRST_PERSON = /(?:^|[^\p{L}'’])(?:i|we|let me|let us|our team)(?:['’](?:ve|ll|m|re|d))?(?![\p{L}])/iu;
/** …unless the agent is recommending it to the customer. */
const RECOMMENDING = /(?:^|[^\p{L}'’])(?:i|we)(?:['’]d| would)? (?:also )?(?:recommend|suggest|advise)/iu;
/** Right before a step or a question: "we've gone through the steps", "I have followed…". */
const AGENT_BEFORE = /(?:^|[^\p{L}'’])(?:i|we)(?:['’](?:ve|ll|d))?(?: (?:have|had|will|already|just|also|then|can|could))*\s*$/iu;
/**
 * A hand-off's own steps ("send us a feedback report using these steps", "request a refund from the store
 * using the steps here") belong to the transfer, which `no-transfer` judges; they are not counted again.
 */
const HAND_OFF = /(?:^|[^\p{L}])(?:contact|reach out|get in touch|request (?:a |your )?refund|(?:send|submit|file)(?: us)? (?:a |your )?(?:feedback|report|ticket|request|appeal|claim)|appeal|chat with|call us)(?![\p{L}])/iu;
/** …or that lead into one: "follow the steps here to submit a request". */
const TO_HAND_OFF = /^\s*(?:\S+\s+){0,3}?to (?:contact|reach|submit|file|open a (?:ticket|case|request)|request|appeal|chat|call|send (?:us )?(?:a |your )?(?:feedback|report)|report)(?![\p{L}])/iu;
/** The steps of an alternative the agent offers ("if you'd rather not wait, you can…") are not homework. */
const ALTERNATIVE = /(?:^|[^\p{L}])(?:if you(?:['’]d| would) (?:rather|prefer)|if you prefer|alternatively|as an alternative|instead)(?![\p{L}])/iu;
/** The agent has just fixed something ("I've removed the block"): asking the customer to try again confirms the fix. */
const AGENT_FIXED = /(?:^|[^\p{L}])(?:i|we)(?:['’]ve| have)(?: (?:now|just|already|also))? (?:fixed|removed|reset|cleared|unlocked|lifted|restored|re-?enabled|resolved|corrected|refreshed|reactivated|unblocked|repaired|sorted|changed|updated)(?![\p{L}])/iu;
/** A retry: "try signing in again", "try it now". */
const RETRY = /^try(?:ing)?(?![\p{L}])/iu;

/** A gerund the reply says will fix it: "restarting your device usually does the trick". */
const HELPS_TAIL = /(?:can|may|might|should|will|usually|often|normally|generally)(?: (?:also|really|usually))? (?:help|fix|resolve|solve|sort|do(?:es)? the trick|work)/iu;


/** Whether an `action` match is put to the customer rather than done by the agent. */
function putToCustomer(input: RuleInput, m: PhraseMatch, clause: readonly [number, number]): boolean {
  // a tweet's leading @handles are not part of the request: "@dana Please restart…"
  const lead = input.text.slice(clause[0], m.range[0]).replace(/^(?:@\w+\s+)+/u, '');
  if (FIRST_PERSON.test(lead) && !RECOMMENDING.test(lead)) return false;
  return REQUEST_FRAME.test(lead.trim()) || HELPS_TAIL.test(sentenceTail(input, m.range));
}

export default defineRule({
  meta: {
    id: 'no-troubleshooting-burden',
    principle: 'P11',
    severity: 'warning',
    description: 'Flags troubleshooting pushed onto a customer who reported something broken: "clear your cache", "follow the steps here", "have you tried reinstalling?".',
    messages: {
      troubleshooting: 'Hands troubleshooting to a customer who reported a problem: "{{phrase}}". Check what you can on your side first.',
    },
    note: 'The customer came because something broke; a list of steps to work through, or "have you tried…", makes the fix their job. Keep it simple for them: check what you can yourself and ask only for what you cannot see (P11).',
    // The fix this rule once had ("If that doesn't sort it out, let me know…" after the steps) left the homework in
    // place, so it never cleared its own finding and suggestions are checked for that now (issue 12): no fix.
    fixable: false,
    ruleSet: 'all',
  },
  check(input) {
    const { text, sentences } = input;
    // Steps answering a neutral how-to question are the answer; and a draft with no customer at all gets
    // the benefit of the doubt.
    if (!customerReportsProblem(input.context)) return [];
    const out: RawFinding[] = [];
    let addressed: [number, number] | undefined;
    let lastSentence = -1;
    for (const m of findPhrases(text, table, sentences, { limit: MAX_FINDINGS_PER_RULE })) {
      const sStart = sentenceOf(sentences, m.range[0])?.range[0] ?? 0;
      // one finding a sentence: "restart the app and reinstall it" is one piece of homework
      if (sStart === lastSentence && m.entry.tag !== 'action') continue;
      if (isReportedSpeech(text, sStart, m.range[0])) continue;
      if (ALTERNATIVE.test(text.slice(Math.max(sStart, m.range[0] - 120), m.range[0]))) continue;
      if (m.entry.tag === 'action') {
        // "I've removed the block, so could you try signing in once more?" checks the agent's fix, not the customer's
        if (RETRY.test(m.text)) {
          const previous = sentenceOf(sentences, sStart - 1)?.range[0] ?? sStart;
          if (AGENT_FIXED.test(text.slice(Math.max(previous, m.range[0] - 300), m.range[0]))) continue;
        }
        const clause = clauseAt(input, m.range);
        // an action coordinated after one already put to the customer: "restart the app and reinstall it"
        const follows = addressed !== undefined && addressed[0] === clause[0];
        if (!follows && !putToCustomer(input, m, clause)) continue;
        addressed = clause;
      }
      if (m.entry.tag !== 'action') {
        const before = text.slice(Math.max(sStart, m.range[0] - 120), m.range[0]);
        if (AGENT_BEFORE.test(before.slice(-40)) || HAND_OFF.test(before) || TO_HAND_OFF.test(sentenceTail(input, m.range))) continue;
      }
      if (sStart === lastSentence) continue;
      lastSentence = sStart;
      out.push({ messageId: 'troubleshooting', range: m.range, data: { phrase: m.text } });
    }
    return out;
  },
});
