import { applyFixes } from './fix.ts';
import { describeIssue, detectMoves, insertionPoint, type MoveFinding } from './moves.ts';
import { splitSentences } from './text/sentences.ts';
import type { Finding, Fix, Move, PrincipleId, Range, ResolvedContext, Sentence, Severity, Suggestion } from './types.ts';

/*
 * Every suggestion is checked before it is offered (issue 12). A rule proposes wording from what it sees in its
 * own corner of the draft; only here, with the whole draft and every other finding in view, can we tell whether
 * "I am looking into it now" + " today" reads "now today", or whether a second "I apologize" lands next to the
 * first. So each candidate fix is applied and the draft checked again, and the candidate is offered only when:
 *
 *   1. the finding it was built for is gone;
 *   2. no warning or error appears that was not there before;
 *   3. it repeats no sentence, no move that must be made once (a second apology, a second acknowledgement),
 *      and no stock phrase that reads badly twice ("get back to you");
 *   4. the sentences it touches read as sentences: a capital first, closing punctuation when the sentence had
 *      it, and none of the joins in BAD_JOINS ("now today", "Unfortunately let me");
 *   5. it names no issue but the customer's own (a category's stock wording such as "the delay with your
 *      delivery" is never offered: with no issue known, the wording must need none).
 *
 * Findings are visited in `orderFindings` order (errors first, then by the playbook's order), and a fix already
 * accepted for an earlier finding that also clears this one is offered for it too (same range, same text), so
 * "Calm down." rewritten into an acknowledgement is also the fix for "missing acknowledgement", and applying
 * every offered fix at once does not acknowledge twice. Before a fix is accepted it is also tried together with
 * the fixes accepted so far: one that only works alone is not offered now (it is offered again once the others
 * are applied), so the first suggestions of all findings always compose into one coherent draft.
 *
 * An error whose rule has no wording that passes gets a rewrite of its own sentence (REWRITES): "Calm down." →
 * an acknowledgement, "That's not our department, …" → owning it.
 */

/** Drafts longer than this get findings but no one-click fixes: every candidate costs a full re-check. */
export const MAX_CHECKED_FIX_CHARS = 8_000;
/** Re-checks per draft at most; findings beyond the budget are offered no fix rather than an unchecked one. */
const MAX_FIX_CHECKS = 48;
/** Candidates tried per finding (a jargon word may have five alternatives; three checked ones are plenty). */
const MAX_CANDIDATES = 3;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };
const principleNumber = (p: PrincipleId) => Number(p.slice(1));

/**
 * Orders findings for a reader: by severity (errors first), then in the playbook's order (P1 emotion first, P2
 * acknowledge, P3 stay calm, … P20), then by position in the draft, then by rule id. The desk's panel and
 * `defuse check`'s text output both show findings in this order.
 *
 * @example
 * orderFindings(checkReply('Calm down. Sorry.', { customerMessage: 'You charged me twice!' }).findings)[0].ruleId
 * // 'no-dismissing-emotion'
 */
export function orderFindings<T extends Pick<Finding, 'severity' | 'principle' | 'range' | 'ruleId'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    principleNumber(a.principle) - principleNumber(b.principle) ||
    a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
}

/**
 * Joins that do not read as English, each found in a fix Defuse once offered. A candidate that creates one of
 * these (more of them after the fix than before) is not offered. The corpus test keeps its own longer list.
 */
export const BAD_JOINS: readonly { name: string; re: RegExp }[] = [
  { name: 'now today', re: /\bnow today\b|\btoday today\b|\bnow now\b/giu },
  { name: 'Unfortunately + offer', re: /\bunfortunately,? (?:let me|let['’]s|I['’]ll|I will|I can|I['’]d|I am|I['’]m|I apologi[sz]e|please)\b/giu },
  { name: 'apologize + clause without that', re: /\bI apologi[sz]e (?:this|it|you)\b/giu },
  { name: 'apology then a consequence', re: /\b(?:apologi[sz]e|apologies|sorry)\b[^.!?\n]*,\s*(?:so|therefore|hence|which means)\b/giu },
  { name: 'apology then a contradiction', re: /\b(?:apologi[sz]e|apologies|sorry)\b[^.!?\n]*,\s*but (?:the|this|that|it|you|your)\b[^.!?\n]*\b(?:is|was|are|were) (?:correct|right|accurate|valid|fine|our policy)\b/giu },
  { name: 'doubled word', re: /\b(the|a|an|to|for|and|you|your|I|is|with|this|of)\s+\1\b/giu },
  { name: 'doubled punctuation', re: /[,;:]\s*[.!?]|(?<![.])\.\.(?![.])|[!?]\s*\.|\s[,.!?;:](?![\p{L}\p{N}])/gu },
  { name: 'lower-case sentence start', re: /[.!?]["'”’)]?\s+\p{Ll}/gu },
  { name: 'dangling conjunction', re: /\b(?:and|but|so|or|because)\s*[.!?]/giu },
  { name: 'comma splice of two promises', re: /\bget back to you, I['’]ll\b/giu },
  { name: 'number split by an insertion', re: /\p{L},\d{3}\b/gu },
];

/** Moves a reply makes once: a second one reads as a template. */
const ONCE: readonly Move[] = ['acknowledge', 'apologize', 'empathize', 'own', 'loyalty', 'summarize', 'follow-up'];
/** Stock phrases that read badly twice, whatever move they are part of. */
const ONCE_PHRASES = /\bget back to you\b|\bI want to help\b|\bdeserve better\b|\bfor you now\b|\bby the end of (?:today|the day)\b|\bloyalty means\b|\bI (?:can )?hear how\b|\bI apologi[sz]e\b|\bsorry\b|\bapologies\b|\btaking this on\b|\bmyself\b|\bfor you now\b/giu;

/** Stock wordings for an issue category; only the customer's own issue may be named in a fix. */
export const DEFAULT_ISSUE_WORDINGS: readonly string[] = [
  'the delay with your delivery', 'the fault with what you bought', 'the problem with your bill', 'the wait for your refund',
  'the trouble with your account', 'the way you were treated', 'being passed from person to person', 'the decision on your request',
];

interface Run {
  findings: Finding[];
  moves: MoveFinding[];
}

/** Re-runs the rules on a changed draft (without checking fixes again). */
export type Rechecker = (text: string) => Run;

const MISSING = /^missing[A-Z]/;

/** Identifies a finding across an edit: rule, message and the words it flags (a missing move has none). */
function keyOf(f: Finding, text: string): string {
  return `${f.ruleId}|${f.messageId}|${MISSING.test(f.messageId) ? '' : text.slice(f.range[0], f.range[1]).toLowerCase()}`;
}

function counts(keys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (const _ of text.matchAll(re)) n++;
  return n;
}

function normalizeSentence(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** What changed: the edit's span in the new text. */
function editedSpan(fix: Fix): Range {
  const lead = fix.text.length - fix.text.trimStart().length;
  const trail = fix.text.length - fix.text.trimEnd().length;
  return fix.text.trim() ? [fix.range[0] + lead, fix.range[0] + fix.text.length - trail] : [fix.range[0], fix.range[0]];
}

/**
 * Text-only problems a fix (or a set of fixes) brings into a draft: a repeated sentence, a move made twice, a
 * stock phrase twice, a bad join, a stock issue wording. Cheap: no rules run. `touched` limits the
 * sentence-shape check (capital, punctuation) to the sentences the edit wrote.
 */
export function textProblems(before: string, after: string, movesBefore: readonly MoveFinding[], movesAfter: readonly MoveFinding[], touched: readonly Range[], issue: string | undefined): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const s of splitSentences(before)) {
    const k = normalizeSentence(s.text);
    if (k.split(' ').length >= 3) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const afterSentences = splitSentences(after);
  const seenAfter = new Map<string, number>();
  for (const s of afterSentences) {
    const k = normalizeSentence(s.text);
    if (k.split(' ').length < 3) continue;
    seenAfter.set(k, (seenAfter.get(k) ?? 0) + 1);
    if ((seenAfter.get(k) ?? 0) > Math.max(1, seen.get(k) ?? 0)) problems.push(`repeats the sentence "${s.text}"`);
  }
  // counted in sentences: "Thank you for 8 years; your loyalty means a lot" is one thank-you with two cues
  const beforeSentences = splitSentences(before);
  for (const move of ONCE) {
    const b = sentencesMaking(beforeSentences, movesBefore, move);
    const a = sentencesMaking(afterSentences, movesAfter, move);
    if (a > b && a > 1) problems.push(`makes the ${move} move a second time`);
  }
  for (const m of after.matchAll(ONCE_PHRASES)) {
    const phrase = m[0].toLowerCase();
    const re = new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'giu');
    const a = countMatches(re, after);
    if (a > 1 && a > countMatches(re, before)) {
      problems.push(`says "${phrase}" twice`);
      break;
    }
  }
  // A join is bad when the fix adds one anywhere, or when a sentence the fix wrote into has one: the fix owns
  // how that sentence reads ("I apologize for the double charge, but the charge is correct!").
  const written = afterSentences.filter((s) => touched.some((t) => touches(s.range, t)));
  for (const { name, re } of BAD_JOINS) {
    if (countMatches(re, after) > countMatches(re, before) || written.some((s) => countMatches(re, s.text) > 0)) problems.push(`reads badly (${name})`);
  }
  if (issue && issue.length > 3) {
    const times = (t: string) => t.toLowerCase().split(issue.toLowerCase()).length - 1;
    if (times(after) > 1 && times(after) > times(before)) problems.push(`names "${issue}" twice`);
  }
  const lowerAfter = after.toLowerCase();
  const lowerBefore = before.toLowerCase();
  for (const w of DEFAULT_ISSUE_WORDINGS) {
    if (w !== issue && lowerAfter.includes(w) && !lowerBefore.includes(w)) problems.push(`names a stock issue ("${w}") instead of the customer's`);
  }
  problems.push(...shapeProblems(before, after, afterSentences, touched));
  return problems;
}

/** Whether a sentence holds part of an edit's text; a deletion touches the sentence it leaves behind. */
function touches(s: Range, [a, b]: Range): boolean {
  if (b > a) return s[0] < b && a < s[1];
  return s[0] <= a && a <= s[1];
}

function sentencesMaking(sentences: readonly Sentence[], moves: readonly MoveFinding[], move: Move): number {
  const found = new Set<number>();
  for (const m of moves) {
    if (m.move !== move) continue;
    const i = sentences.findIndex((x) => x.range[0] <= m.range[0] && m.range[0] < x.range[1]);
    found.add(i);
  }
  return found.size;
}

const END_PUNCT = /[.!?…:]["'”’)\]]*$/u;

/** The sentences an edit wrote must open with a capital and close with punctuation (when the old one did). */
function shapeProblems(before: string, after: string, sentences: readonly Sentence[], touched: readonly Range[]): string[] {
  const out: string[] = [];
  const beforeSentences = splitSentences(before);
  for (const [start, end] of touched) {
    for (const s of sentences) {
      if (!touches(s.range, [start, end])) continue;
      // a greeting on the same line ("Hi Ana, you deserve…") may carry on in lower case
      const from = s.range[0] + Math.max(0, insertionPoint(s.text));
      const first = /[\p{L}]/u.exec(after.slice(from, s.range[1]));
      if (first && from === s.range[0] && first.index === 0 && first[0] !== first[0].toUpperCase()) out.push(`"${s.text}" does not start with a capital`);
      if (!END_PUNCT.test(s.text)) {
        const old = beforeSentences.find((b) => b.range[0] <= start && start <= b.range[1]);
        if (!old || END_PUNCT.test(old.text)) out.push(`"${s.text}" has no closing punctuation`);
      }
    }
  }
  return out;
}

/**
 * Sentence rewrites for findings a rule cannot fix in place, by principle: a dismissal becomes an
 * acknowledgement, a hand-off becomes owning it, an argument becomes looking into it. Each list is tried in
 * order; the empty string deletes the sentence (when what it should say is already said elsewhere).
 */
function rewrites(principle: PrincipleId, sentence: string): string[] {
  switch (principle) {
    // None of these names the issue: the apology does, and an issue named three times reads as a template.
    case 'P3':
      return [
        'I can hear how frustrating this has been, and I want to help.',
        'I understand why you are upset.',
        '',
      ];
    case 'P10':
      // an idea or feedback sent to a form is passed on, not "sorted out"
      if (/\b(?:feature requests?|feedback|suggestions?|ideas?)\b/iu.test(sentence)) return ["I'll pass this on to the team myself and let you know what they say.", ''];
      return ["I'll sort this out for you myself and get back to you by the end of today.", "I'll sort this out for you myself.", ''];
    case 'P7': case 'P8': case 'P9':
      // an acknowledgement first: to an angry customer "let me look into it" alone is a fix before the feeling (P1)
      return ["I can see why you're upset, and I want to look into what happened.", 'Let me look into what happened for you today.', ''];
    case 'P4': case 'P20':
      return [''];
    default:
      return [];
  }
}

/** The span of the sentence holding `at`, without a greeting it shares a line with; for deletion, with the space after. */
function sentenceSpan(text: string, sentences: readonly Sentence[], at: number, forDeletion: boolean): Range | undefined {
  const s = sentences.find((x) => x.range[0] <= at && at < x.range[1]);
  if (!s) return undefined;
  let start = s.range[0];
  const greet = insertionPoint(s.text);
  if (greet > 0 && greet < s.text.length) start += greet;
  let end = s.range[1];
  if (forDeletion) {
    while (end < text.length && /[ \t]/.test(text[end])) end++;
    if (end === text.length || text[end] === '\n') {
      // the last sentence of its line: take the space before it instead
      end = s.range[1];
      while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
    }
  }
  return [start, end];
}

function rewriteSuggestions(f: Finding, text: string, sentences: readonly Sentence[]): Suggestion[] {
  const out: Suggestion[] = [];
  const at = sentences.find((x) => x.range[0] <= f.range[0] && f.range[0] < x.range[1]);
  for (const line of rewrites(f.principle, at?.text ?? '')) {
    const span = sentenceSpan(text, sentences, f.range[0], line === '');
    if (!span) continue;
    const old = text.slice(span[0], span[1]).trim();
    // deleting is for a short sentence whose point is said elsewhere ("Sorry."), never for a paragraph; a
    // hand-off sentence ("They are going to be the best team to help.") says nothing once the agent owns it
    if (line === '' && old.split(/\s+/).length > (f.principle === 'P10' ? 14 : 8)) continue;
    out.push(line === ''
      ? { message: `Remove “${old}”`, fix: { range: span, text: '' } }
      : { message: `Rewrite as “${line}”`, fix: { range: span, text: line } });
  }
  return out;
}

interface Accepted {
  fix: Fix;
  message: string;
  run: Run;
  after: string;
}

/**
 * Checks each finding's suggestions (see the comment at the top of this file) and returns the findings with
 * only the suggestions that pass, in the input order. `recheck` runs the rules without checking fixes.
 */
export function checkSuggestions(text: string, findings: readonly Finding[], base: Run, context: ResolvedContext, recheck: Rechecker): Finding[] {
  if (text.length > MAX_CHECKED_FIX_CHARS) return findings.map((f) => (f.suggestions.length ? { ...f, suggestions: [] } : f));
  const sentences = splitSentences(text);
  const issue = describeIssue(context);
  const beforeKeys = counts(base.findings.map((f) => keyOf(f, text)));
  let budget = MAX_FIX_CHECKS;
  const result = new Map<Finding, Suggestion[]>();
  const accepted: Accepted[] = [];

  const clears = (f: Finding, run: Run, after: string) => {
    const key = keyOf(f, text);
    const afterCount = run.findings.filter((x) => keyOf(x, after) === key).length;
    return afterCount < (beforeKeys.get(key) ?? 0);
  };
  const addsTrouble = (run: Run, after: string) => {
    const afterKeys = counts(run.findings.filter((x) => x.severity !== 'suggestion').map((x) => keyOf(x, after)));
    for (const [k, n] of afterKeys) if (n > (beforeKeys.get(k) ?? 0)) return true;
    return false;
  };
  const together = (fix: Fix) => {
    if (accepted.length === 0) return true;
    const fixes = [...accepted.map((a) => a.fix), fix];
    const { output, applied } = applyFixes(text, fixes);
    if (applied < distinct(fixes)) return true; // overlapping: they cannot be applied in one go anyway
    const touched = touchedSpans(fixes);
    return textProblems(text, output, base.moves, detectMoves(output, context), touched, issue).length === 0;
  };

  // In-place fixes first, insertions after: "Sorry." rewritten to name the issue is then also the apology the
  // missing-apology finding asks for, instead of a second one inserted at the top.
  // reference-issue last of all: the apology that names the issue clears it too.
  const late = (f: Finding) => (MISSING.test(f.messageId) ? 1 : 0) + (f.ruleId === 'reference-issue' ? 1 : 0);
  const visit = orderFindings(findings).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || late(a) - late(b));
  for (const f of visit) {
    const shared = accepted.find((a) => clears(f, a.run, a.after));
    if (shared) {
      result.set(f, [{ message: shared.message, fix: shared.fix }]);
      continue;
    }
    const own = f.suggestions.slice(0, MAX_CANDIDATES);
    const extra = f.severity === 'suggestion' || MISSING.test(f.messageId) ? [] : rewriteSuggestions(f, text, sentences);
    const kept: Suggestion[] = [];
    let firstRun: Accepted | undefined;
    for (const candidate of [...own, ...extra]) {
      if (budget <= 0) break;
      // a sentence rewrite is a fallback: offered only when none of the rule's own wordings passes
      if (kept.length > 0 && !own.includes(candidate)) break;
      budget--;
      const { output: after, applied } = applyFixes(text, [candidate.fix]);
      if (applied === 0 || after === text) continue;
      const run = recheck(after);
      if (!clears(f, run, after) || addsTrouble(run, after)) continue;
      if (textProblems(text, after, base.moves, run.moves, [editedSpan(candidate.fix)], issue).length > 0) continue;
      if (!firstRun && !together(candidate.fix)) continue;
      kept.push(candidate);
      firstRun ??= { fix: candidate.fix, message: candidate.message, run, after };
    }
    result.set(f, kept);
    if (firstRun) accepted.push(firstRun);
  }
  return findings.map((f) => ({ ...f, suggestions: result.get(f) ?? [] }));
}

function distinct(fixes: readonly Fix[]): number {
  return new Set(fixes.map((f) => `${f.range[0]}:${f.range[1]}:${f.text}`)).size;
}

/** Where each fix's text lands once all are applied (right to left, so earlier edits shift later ones). */
function touchedSpans(fixes: readonly Fix[]): Range[] {
  const unique = [...new Map(fixes.map((f) => [`${f.range[0]}:${f.range[1]}:${f.text}`, f])).values()].sort((a, b) => a.range[0] - b.range[0]);
  let shift = 0;
  return unique.map((f) => {
    const start = f.range[0] + shift;
    shift += f.text.length - (f.range[1] - f.range[0]);
    return editedSpan({ range: [start, start], text: f.text });
  });
}
