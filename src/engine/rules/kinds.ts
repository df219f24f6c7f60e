import { compileTable, findPhrases, type MatchOptions, type PhraseEntry, type PhraseMatch } from '../text/matcher.ts';
import { MAX_FINDINGS_PER_RULE, type RawFinding, type RuleInput } from './define.ts';
import { describeIssue } from '../moves.ts';
import type { Range, Sentence, Suggestion } from '../types.ts';

/**
 * The "existence" check kind: every phrase of the table found in the draft is a finding, with the
 * entry's alternatives as one-click fixes. Most prohibition rules are this kind plus a data table.
 *
 * @example
 * check: existence(NO_JARGON, { messageId: 'jargon' })
 */
export function existence(
  entries: readonly PhraseEntry[],
  opts: {
    messageId: string;
    match?: MatchOptions;
    when?: (input: RuleInput) => boolean;
    /** Drops one match (e.g. reported speech, or a tail that makes the phrase fine). */
    skip?: (m: PhraseMatch, input: RuleInput) => boolean;
    /** 'clause': alternatives replace the whole clause around the phrase, for phrases that are a clause's verb. */
    fixScope?: 'phrase' | 'clause';
  },
): (input: RuleInput) => RawFinding[] {
  const table = compileTable(entries);
  return (input) => {
    if (opts.when && !opts.when(input)) return [];
    return findPhrases(input.text, table, input.sentences, { limit: MAX_FINDINGS_PER_RULE, ...opts.match })
      .filter((m) => !opts.skip?.(m, input))
      .map((m) => {
        const fixRange = opts.fixScope === 'clause' ? clauseAt(input, m.range) : m.range;
        return {
          messageId: m.entry.messageId ?? opts.messageId,
          range: m.range,
          data: { phrase: m.text },
          note: m.entry.note,
          suggestions: substitutions(m.entry.alternatives ?? [], fixRange, input.text.slice(fixRange[0], fixRange[1]), input),
        };
      });
  };
}

/**
 * Builds replace-the-phrase suggestions, filling `$NAME` and `$ISSUE` from the context. An alternative
 * whose placeholder cannot be filled falls back to a neutral wording rather than printing the placeholder.
 */
export function substitutions(alternatives: readonly string[], range: readonly [number, number], original: string, input: RuleInput): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const alt of alternatives) {
    const text = matchCase(fillPlaceholders(alt, input), original);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ message: `Replace with “${text}”`, fix: { range: [range[0], range[1]], text } });
  }
  return out;
}

export function fillPlaceholders(template: string, input: RuleInput): string {
  // a first name: "I apologize for the double charge, Maria." (not "…, Maria Lopez.")
  const name = input.context.name?.trim().split(/\s+/)[0];
  // The label ("the double charge") reads inside a sentence; the customer's raw phrase ("charged twice") does not.
  const issue = describeIssue(input.context);
  return template
    .replace(/,? ?\$NAME/g, (m) => (name ? m.replace('$NAME', name) : ''))
    .replace(/\$ISSUE/g, issue ?? 'the trouble this has caused')
    .replace(/\s{2,}/g, ' ');
}

/** Keeps a sentence-initial capital when the replaced text had one. */
function matchCase(replacement: string, original: string): string {
  if (!replacement) return replacement;
  const first = original[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement[0].toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Words that introduce someone else's words: "the agent told you to …", "saying you're wrong". */
const REPORTING_VERB = '(?:told|tell|tells|telling|said|say|says|saying|implied|implying|suggested|suggesting|claimed|claiming|asked|asking|accused you of|feel like|felt like|made you feel)';
const REPORTING = new RegExp(`(?:^|[^\\p{L}])${REPORTING_VERB}(?: (?:you|me|us|them|him|her))?(?: that)?(?: to)?\\s*$`, 'iu');
/** A later clause of the same report: "told you to calm down and that it was your fault". */
const REPORTED_AND = new RegExp(`(?:^|[^\\p{L}])${REPORTING_VERB}(?: (?:you|me|us|them|him|her))? (?:that |to )?[^,.;:!?"“”]*? and (?:that |to )?$`, 'iu');

/**
 * True when the phrase at `start` is someone's words being reported rather than said to the customer:
 * "I'm sorry our agent told you to calm down". Only the few words right before the phrase count, so
 * "I said it before: you're wrong" is not excused.
 *
 * @example
 * isReportedSpeech('Sorry they told you to calm down.', 0, 20) // true
 */
export function isReportedSpeech(text: string, sentenceStart: number, start: number): boolean {
  const before = text.slice(Math.max(sentenceStart, start - 80), start);
  return REPORTING.test(before.slice(-40)) || REPORTED_AND.test(before);
}

/**
 * The sentence containing `offset`, by binary search (sentences are sorted and disjoint), so rules that look
 * up a sentence per match stay fast on drafts with thousands of sentences.
 *
 * @example
 * sentenceOf(splitSentences('Hi. Calm down.'), 5)?.text // 'Calm down.'
 */
export function sentenceOf(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const i = sentenceIndexOf(sentences, offset);
  return i < 0 ? undefined : sentences[i];
}

/** Index of the sentence containing `offset`, or -1; binary search. */
export function sentenceIndexOf(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = sentences[mid].range;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** How far helpers look around a phrase; caps the work per match so a huge unpunctuated text stays linear. */
const REACH = 240;

/** Text after the phrase up to the end of its sentence (at most REACH characters). */
export function sentenceTail(input: RuleInput, range: Range): string {
  const s = sentenceOf(input.sentences, range[0]);
  return input.text.slice(range[1], Math.min(s ? s.range[1] : input.text.length, range[1] + REACH));
}

const CLAUSE_BREAK_BEFORE = /[,;:–—]|\s-\s|\bbut\s/g;
const CLAUSE_BREAK_AFTER = /[,;:–—]|\s-\s|[.!?…]+["'”’)]*\s*$/;

/**
 * The clause around a phrase: from the last comma/semicolon/dash/"but" before it (or the sentence start)
 * to the next one after it (or the sentence's closing punctuation, which stays). Fixes that rewrite a
 * whole statement ("We would never do that") replace this span so the sentence still reads.
 *
 * @example
 * // text: 'Hi Ana, we would never do that.'
 * clauseAt(input, [8, 22]) // [8, 30]  → "we would never do that"
 */
export function clauseAt(input: RuleInput, range: Range): [number, number] {
  const { text } = input;
  const s = sentenceOf(input.sentences, range[0]);
  const sStart = s ? s.range[0] : 0;
  const sEnd = s ? s.range[1] : text.length;
  const from = Math.max(sStart, range[0] - REACH);
  let start = from;
  const before = text.slice(from, range[0]);
  for (const m of before.matchAll(CLAUSE_BREAK_BEFORE)) start = from + (m.index ?? 0) + m[0].length;
  while (start < range[0] && /\s/.test(text[start])) start++;
  const after = text.slice(range[1], Math.min(sEnd, range[1] + REACH));
  const cut = CLAUSE_BREAK_AFTER.exec(after);
  const end = cut ? range[1] + cut.index : Math.min(sEnd, range[1] + REACH);
  return [start, Math.max(end, range[1])];
}
