import { compileTable, findPhrases, type MatchOptions, type PhraseEntry } from '../text/matcher.ts';
import type { RawFinding, RuleInput } from './define.ts';
import type { Suggestion } from '../types.ts';

/**
 * The "existence" check kind: every phrase of the table found in the draft is a finding, with the
 * entry's alternatives as one-click fixes. Most prohibition rules are this kind plus a data table.
 *
 * @example
 * check: existence(NO_JARGON, { messageId: 'jargon' })
 */
export function existence(
  entries: readonly PhraseEntry[],
  opts: { messageId: string; match?: MatchOptions; when?: (input: RuleInput) => boolean },
): (input: RuleInput) => RawFinding[] {
  const table = compileTable(entries);
  return (input) => {
    if (opts.when && !opts.when(input)) return [];
    return findPhrases(input.text, table, input.sentences, opts.match).map((m) => ({
      messageId: m.entry.messageId ?? opts.messageId,
      range: m.range,
      data: { phrase: m.text },
      note: m.entry.note,
      suggestions: substitutions(m.entry.alternatives ?? [], m.range, m.text, input),
    }));
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
  const name = input.context.name;
  const issue = input.context.issue ?? input.context.analysis.issues[0]?.phrase;
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
