import { compileTable, findPhrases, hasPhrase } from '../text/matcher.ts';
import type { RawFinding, RuleInput } from './define.ts';
import type { Severity } from '../types.ts';
import { defineRule } from './define.ts';
import { insertSentence } from '../moves.ts';
import { clauseAt, sentenceTail } from './kinds.ts';
import { REQUESTS } from './no-asking-too-much.data.ts';
import { EMOTION_FIRST_CUES, SOLUTION_CUES } from './no-fix-before-acknowledge.data.ts';

const solutions = compileTable([...SOLUTION_CUES, ...REQUESTS.filter((e) => e.tag !== 'imperative')]);
const emotionFirst = compileTable(EMOTION_FIRST_CUES);
/** "Please call us if you need help" invites; it is not a fix pushed at the customer. */
const INVITATION = /^\s*(?:\S+\s+){0,4}?(?:if|should|whenever|any ?time|in case)(?![\p{L}])/iu;
/** Sentence-initial instructions ("Restart the router.", "Go to Settings") without a cue phrase. */
const IMPERATIVE_START = /^(?:(?:so|first|then|just|please|hi|hello|hey|ok|okay)[\s,]+)*(?:try|restart|reboot|reset|reinstall|clear|update|go to|click|tap|open|select|log ?in|sign ?in|turn (?:off|on)|unplug|check|send|dm|visit|call|contact|fill (?:out|in)|follow|delete|uninstall|enter|use)(?![\p{L}])/iu;
/** Moves that handle the emotion first (P1, P2). */
const EMOTION_FIRST = new Set(['acknowledge', 'apologize', 'empathize']);
/** Once the conversation is past acknowledging (asking, offering, agreeing…), the emotion was handled earlier. */
const LATER_PHASES = new Set(['ask', 'offer', 'agree', 'summarize', 'follow-up']);
/** Anger at or above this is unambiguous without looking at the evidence. */
export const ANGER_THRESHOLD = 0.5;

/**
 * The customer is angry: a high anger score, or upset with at least one span of anger evidence that has a
 * word in it (a lone "!" or "???" is too weak to call a customer angry).
 */
export function isAngry(context: RuleInput['context']): boolean {
  return context.anger >= ANGER_THRESHOLD || (context.upset && context.analysis.angerEvidence.some((e) => /\p{L}/u.test(e.text)));
}

/**
 * How strongly a missing playbook move is reported (require-acknowledgement, require-apology,
 * take-ownership). To an angry customer a reply without acknowledgement, apology or ownership is a fault
 * (warning): emotion comes first (P1, P2). To a customer who is only upset, a polite problem report or a
 * detail-gathering turn in a thread, the same gap is a nudge (suggestion): the reply is not wrong, it can
 * be better. On 151 real replies that readers found free of any violation, warnings for every upset
 * customer flagged 42% of them; a lead's report should not read like that.
 */
export function missingMoveSeverity(context: RuleInput['context']): Severity {
  return isAngry(context) ? 'warning' : 'suggestion';
}

/** The first sentence-level solution: its cue start and sentence. */
function firstSolution(input: RuleInput): { at: number; sentence: [number, number] } | undefined {
  const { text, sentences } = input;
  const cue = findPhrases(text, solutions, sentences).find((m) => !INVITATION.test(sentenceTail(input, m.range)));
  for (const s of sentences) {
    if (cue && cue.range[0] < s.range[1]) return { at: cue.range[0], sentence: [s.range[0], s.range[1]] };
    const clauseStart = s.text.search(/[^\s,]/);
    const lead = s.text.slice(clauseStart);
    const afterGreeting = lead.replace(/^(?:hi|hello|hey|dear)\s+[\p{Lu}][\p{L}'-]*[,!.]?\s*/u, '');
    if (IMPERATIVE_START.test(afterGreeting)) {
      return { at: s.range[0] + s.text.length - afterGreeting.length, sentence: [s.range[0], s.range[1]] };
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'no-fix-before-acknowledge',
    principle: 'P1',
    severity: 'warning',
    description: 'Flags a reply to an angry customer that jumps to a fix or instruction before acknowledging, apologizing or empathizing.',
    messages: {
      fixBeforeAcknowledge: 'The customer is angry: acknowledge how they feel before the fix.',
    },
    note: 'Handle the emotion first: the issue cannot be properly handled until the customer feels heard, so acknowledge their frustration before offering solutions (P1).',
    fixable: true,
    ruleSet: 'all',
  },
  check(input) {
    if (!isAngry(input.context) || LATER_PHASES.has(input.context.phase ?? 'listen')) return [];
    const found = firstSolution(input);
    if (!found) return [];
    if (input.moves.some((m) => EMOTION_FIRST.has(m.move) && m.range[0] < found.at)) return [];
    if (hasPhrase(input.text.slice(0, found.at), emotionFirst)) return [];
    const { text } = input;
    // The feeling, not the issue: the apology names the issue, and naming it in both reads as a template.
    const ack = 'I can hear how frustrating this has been, and I want to help.';
    const [clauseStart] = clauseAt(input, [found.at, found.at]);
    const at = clauseStart > found.sentence[0] ? clauseStart : found.sentence[0];
    // With no acknowledgement anywhere it goes first, after the greeting: the same fix require-acknowledgement
    // offers, so the two findings share it. Mid-sentence ("Hi Ana, please restart…") it becomes its own sentence.
    const fix = !input.moves.some((m) => m.move === 'acknowledge' || m.move === 'empathize')
      ? insertSentence(text, ack)
      : at === found.sentence[0]
        ? { range: [at, at] as const, text: `${ack} ` }
        : { range: [at, at + 1] as const, text: `${ack} ${text[at].toUpperCase()}` };
    const finding: RawFinding = {
      messageId: 'fixBeforeAcknowledge',
      range: found.sentence,
      suggestions: [{ message: 'Acknowledge their frustration first', fix }],
    };
    return [finding];
  },
});
