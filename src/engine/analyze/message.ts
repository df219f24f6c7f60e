import { compileTable, findPhrases } from '../text/matcher.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Evidence, MessageAnalysis, MessageContext, Sentence, SentenceAnalysis, SentenceRole, Signal, SignalKind } from '../types.ts';
import { extractCues } from './cues.ts';
import type { Cue, CueKind } from './evidence.ts';
import { issueHeads, learnedIssue } from './issue-model.ts';
import { findIssues, type WeightedIssue } from './issues.ts';
import { findName } from './name.ts';
import { scoreMessage } from './scoring.ts';
import { IMPERATIVE_VERBS, ISSUE_FACTS, REQUEST } from './signals.data.ts';
import { findNeeds, findSignals } from './signals.ts';
import { sentenceIndexAt } from './spans.ts';

const REQUESTS = compileTable(REQUEST);
const FACTS = compileTable(ISSUE_FACTS);

/** Cue kinds whose spans explain an anger score. */
const HEATED: ReadonlySet<CueKind> = new Set(['anger', 'profanity', 'sarcasm', 'negated-positive', 'caps', 'exclaim']);
const THREATS: ReadonlySet<SignalKind> = new Set(['churn', 'review', 'legal']);
const HEATED_SIGNALS: ReadonlySet<SignalKind> = new Set(['abuse', 'legal', 'review', 'churn', 'repeat-contact', 'transferred']);
const MAX_EVIDENCE = 200;
/** Role cues read per message; a message longer than any real one gets roles for its first few thousand. */
const ROLE_MATCH_LIMIT = 5000;

/**
 * Reads a customer's message: how angry (0..1) and whether upset, sentiment, what each sentence does
 * (venting, issue, request, threat), the issues with their key phrases, the needs, the signals (churn,
 * review, legal, repeat contact, transfers, loyalty, deadline, abuse) and the customer's name. Every
 * claim carries `[start, end)` evidence into `text`. Linear time; never throws on any string.
 *
 * @example
 * const a = analyzeMessage("Third time I'm writing: I was charged twice and nobody answers. Thanks, Maria");
 * a.upset                         // true
 * a.issues.map((i) => i.label)    // ['the double charge', 'not getting an answer']
 * a.signals.map((s) => s.kind)    // ['repeat-contact']
 * a.name?.value                   // 'Maria'
 */
export function analyzeMessage(text: string, context: MessageContext = {}): MessageAnalysis {
  const safe = typeof text === 'string' ? text : '';
  const sentences = splitSentences(safe);
  const cues = extractCues(safe, sentences);
  const issues = findIssues(safe, sentences);
  const signals = findSignals(safe, sentences);
  const needs = findNeeds(safe, sentences, issues);

  // An issue is itself a complaint: "charged twice" upsets whatever the tone.
  const scoringCues: Cue[] = [...cues, ...issues.map((i) => issueCue(safe, i, sentences))].sort((a, b) => a.range[0] - b.range[0]);
  // When no phrase names the issue, the issue model reads the message in the emotion model's one pass. What it
  // finds is not a complaint cue: it says what the problem is about, not how much it upsets.
  const scores = scoreMessage(safe, { sentences, cues: scoringCues, signals }, { extraHeads: issues.length === 0 ? issueHeads() : undefined, upsetThreshold: context.upsetThreshold });
  if (scores.extraLogits && HAS_WORDS.test(safe)) {
    const learned = learnedIssue(safe, sentences, scores.extraLogits);
    if (learned) issues.push(learned);
  }

  const own = findName(safe);
  const name: MessageAnalysis['name'] = own
    ? { value: own.value, range: own.range, source: 'message' }
    : context.customerName
      ? { value: context.customerName, source: 'context' }
      : undefined;

  return {
    anger: scores.anger,
    upset: scores.upset,
    upsetScore: scores.upsetProbability,
    sentiment: scores.sentiment,
    angerEvidence: evidence(cues.filter((c) => HEATED.has(c.kind)), signals.filter((s) => HEATED_SIGNALS.has(s.kind))),
    upsetEvidence: evidence(scoringCues.filter((c) => c.kind === 'complaint' || c.kind === 'negated-positive' || c.kind === 'sarcasm'), signals.filter((s) => HEATED_SIGNALS.has(s.kind))),
    sentences: sentenceRoles(safe, sentences, cues, issues, signals, scores.sentenceAnger),
    issues: issues.map(({ category, phrase, range, label }) => ({ category, phrase, range, label })),
    needs: needs.concat(impliedNeeds(issues, needs)),
    signals,
    name,
    get emotions() {
      return scores.emotions;
    },
  };
}

/**
 * An issue as the complaint cue scoring reads: "charged twice" upsets whatever the tone, a hypothetical one much less.
 * Exported so training and evaluation build the same scoring input as the analyzer.
 */
export function issueCue(text: string, issue: WeightedIssue, sentences: Sentence[]): Cue {
  const sentence = sentenceIndexAt(sentences, issue.range[0]);
  // A problem asked about as a possibility ("what happens if the ATM gives me the wrong amount?") has not happened.
  const weight = hypothetical(text, sentence >= 0 ? sentences[sentence].range[0] : 0, issue.range[0]) ? issue.weight * HYPOTHETICAL_SHARE : issue.weight;
  return { kind: 'complaint', range: issue.range, text: issue.phrase, weight, sentence };
}

/** What a hypothetical issue counts for as a complaint. */
const HYPOTHETICAL_SHARE = 0.25;
/** "if", "in case", "what happens when", "should it ever" shortly before the issue, in its sentence. */
const IF_CLAUSE = /(?:^|[^\p{L}])(?:if|in case|incase|what happens when|what if|whenever|supposing|suppose|should (?:it|my|the|a|i) ever|would (?:it|my|the|a))(?![\p{L}])[^.!?;]*$/iu;

function hypothetical(text: string, sentenceStart: number, at: number): boolean {
  return IF_CLAUSE.test(text.slice(Math.max(sentenceStart, at - 60), at));
}

function evidence(cues: Cue[], signals: Signal[]): Evidence[] {
  const all: Evidence[] = cues.map((c) => ({ range: c.range, text: c.text }));
  for (const s of signals) all.push(s.evidence);
  all.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  // A phrase that is both a cue and an issue ("keeps crashing") is shown once.
  const out = all.filter((e, i) => i === 0 || e.range[0] !== all[i - 1].range[0] || e.range[1] !== all[i - 1].range[1]);
  return out.slice(0, MAX_EVIDENCE);
}

/**
 * Needs that follow from the issues when the customer does not spell them out: a double charge needs the
 * money back, a late parcel needs a date. Evidence is the issue phrase.
 */
function impliedNeeds(issues: WeightedIssue[], stated: MessageAnalysis['needs']): MessageAnalysis['needs'] {
  const has = new Set(stated.map((n) => n.need));
  const out: MessageAnalysis['needs'] = [];
  const add = (need: MessageAnalysis['needs'][number]['need'], issue: WeightedIssue) => {
    if (has.has(need)) return;
    has.add(need);
    out.push({ need, evidence: [{ range: issue.range, text: issue.phrase }] });
  };
  for (const issue of issues) {
    if (issue.needs) for (const need of issue.needs) add(need, issue);
    else if (issue.category === 'billing' || issue.category === 'refund') add('financial', issue);
    else if (issue.category === 'delivery') add('timing', issue);
    else if (issue.category === 'defect') add('replacement', issue);
    else if (issue.category === 'transfer') add('acknowledgement', issue);
  }
  return out;
}

const LETTERS = /\p{L}+/u;
const HAS_WORDS = /\p{L}/u;

/** The sentence's first word, lower-cased, looked for in its first 64 characters ('' when none). */
function firstWord(sentence: string): string {
  const head = sentence.length > 64 ? sentence.slice(0, 64) : sentence;
  // Most sentences open with an ASCII letter: read it without a regex, since a message may hold thousands.
  let end = 0;
  while (end < head.length) {
    const c = head.charCodeAt(end) | 32;
    if (c < 97 || c > 122) break;
    end++;
  }
  if (end > 0 && (end === head.length || head.charCodeAt(end) < 128)) return head.slice(0, end).toLowerCase();
  return LETTERS.exec(head)?.[0].toLowerCase() ?? '';
}

/**
 * What each sentence does. Precedence: a threat (churn, review, legal) is a threat whatever else it says;
 * an explicit ask is a request; facts of what went wrong are the issue; feeling without facts is venting;
 * a plain question is a request for information.
 */
function sentenceRoles(
  text: string,
  sentences: Sentence[],
  cues: Cue[],
  issues: WeightedIssue[],
  signals: Signal[],
  sentenceAnger: number[],
): SentenceAnalysis[] {
  const n = sentences.length;
  const threat = new Uint8Array(n);
  const request = new Uint8Array(n);
  const issue = new Uint8Array(n);
  const heat = new Uint8Array(n);
  const mark = (flags: Uint8Array, offset: number) => {
    const i = sentenceIndexAt(sentences, offset);
    if (i >= 0) flags[i] = 1;
  };
  for (const s of signals) {
    if (THREATS.has(s.kind)) mark(threat, s.evidence.range[0]);
    else if (s.kind === 'abuse') mark(heat, s.evidence.range[0]);
    else if (s.kind === 'repeat-contact' || s.kind === 'transferred') mark(issue, s.evidence.range[0]);
  }
  for (const i of issues) mark(issue, i.range[0]);
  for (const c of cues) {
    if (c.kind === 'complaint' && c.feeling) mark(heat, c.range[0]);
    else if (c.kind === 'complaint') mark(issue, c.range[0]);
    else if (HEATED.has(c.kind) && c.kind !== 'exclaim' && c.weight >= 0.1) mark(heat, c.range[0]);
  }
  if (n > 0) {
    for (const m of findPhrases(text, REQUESTS, sentences, { limit: ROLE_MATCH_LIMIT })) mark(request, m.range[0]);
    for (const m of findPhrases(text, FACTS, sentences, { skipNegated: false, limit: ROLE_MATCH_LIMIT })) mark(issue, m.range[0]);
  }
  return sentences.map((s, i) => {
    let role: SentenceRole = 'other';
    const first = firstWord(s.text);
    const asks = request[i] === 1 || IMPERATIVE_VERBS.has(first);
    const question = s.text.endsWith('?') || /\?[\s!.]*$/.test(s.text.slice(-8));
    if (threat[i]) role = 'threat';
    else if (asks && !(heat[i] && !issue[i] && sentenceAnger[i] >= 0.4)) role = 'request';
    else if (issue[i]) role = 'issue';
    else if (heat[i] || sentenceAnger[i] >= 0.3) role = 'venting';
    else if (question) role = 'request';
    return { text: s.text, range: s.range, role, anger: sentenceAnger[i] ?? 0 };
  });
}
