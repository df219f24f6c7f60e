import { checkReply, type CheckOptions } from './check.ts';
import { applyFixes } from './fix.ts';
import { orderFindings } from './suggest.ts';
import type { Finding, ReplyContext } from './types.ts';

/** Fixes applied per draft at most: each one is followed by a full check, and a reply needs a handful. */
export const MAX_FIX_STEPS = 24;

/**
 * Applies every offered fix to a draft and checks it again, until nothing is left to fix. By default each round
 * applies the first suggestion of every finding at once (checkReply offers only first suggestions that compose:
 * see suggest.ts), so a reply takes two or three rounds. With `pick`, one finding's fix is applied per round, the
 * one `pick` chooses: the tests pass several orders to show the result does not depend on it.
 *
 * @example
 * fixDraft("I'm sorry.", { issue: 'the delay' }).output // 'I apologize for the delay.'
 */
export function fixDraft(
  draft: string,
  context: ReplyContext = {},
  options: CheckOptions & { pick?: (fixable: Finding[]) => Finding } = {},
): { output: string; applied: number } {
  let output = draft;
  let applied = 0;
  const seen = new Set<string>([draft]);
  for (let step = 0; step < MAX_FIX_STEPS; step++) {
    const fixable = orderFindings(checkReply(output, context, options).findings.filter((f) => f.suggestions.length > 0));
    if (fixable.length === 0) break;
    // Rewrites in place go first, insertions the round after: an insertion is placed by the moves around it
    // ("after the acknowledgement"), which a rewrite in the same round may be creating.
    const all = fixable.map((f) => f.suggestions[0].fix);
    const inPlace = all.filter((f) => f.range[1] > f.range[0]);
    const fixes = options.pick ? [options.pick(fixable).suggestions[0].fix] : inPlace.length ? inPlace : all;
    const next = applyFixes(output, fixes).output;
    // a fix that brings back an earlier text would loop: stop there
    if (seen.has(next)) break;
    seen.add(next);
    output = next;
    applied += fixes.length;
  }
  return { output, applied };
}
