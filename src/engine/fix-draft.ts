import { checkReply, type CheckOptions } from './check.ts';
import { applyFixes } from './fix.ts';
import { orderFindings } from './suggest.ts';
import type { Finding, ReplyContext } from './types.ts';

/** Fixes applied per draft at most: each one is followed by a full check, and a reply needs a handful. */
export const MAX_FIX_STEPS = 24;

/**
 * Applies every offered fix to a draft, one at a time, checking the draft again after each so the next fix is
 * worked out on the text as it now reads (an apology inserted after an acknowledgement that is already there,
 * not before it). `pick` chooses which finding's fix goes next, default the first in `orderFindings` order;
 * the corpus test passes other orders to show the result does not depend on it.
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
    const chosen = options.pick ? options.pick(fixable) : fixable[0];
    const next = applyFixes(output, [chosen.suggestions[0].fix]).output;
    // a fix that brings back an earlier text would loop: stop there
    if (seen.has(next)) break;
    seen.add(next);
    output = next;
    applied++;
  }
  return { output, applied };
}
