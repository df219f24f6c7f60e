import { compileTable, hasPhrase } from '../text/matcher.ts';
import type { ResolvedContext } from '../types.ts';
import { HOW_TO, PROBLEM_REPORT } from './customer-problem.data.ts';

const table = compileTable(PROBLEM_REPORT);
const howTo = compileTable(HOW_TO);
/** How much of the customer's side is read: a problem is stated near the top, a pasted megabyte is not read to the end. */
const PROBLEM_SCAN = 20_000;
const memo = new WeakMap<object, boolean>();

/**
 * Whether the customer reported something concrete that went wrong (broken, failed, lost, locked out,
 * charged wrongly), rather than only asking how to do something. Several reply checks depend on it: a
 * vague "sorry for the inconvenience" is generic only after a concrete problem, and troubleshooting steps
 * are a burden only when something is broken. False when the reply has no customer context at all: a
 * macro linted on its own gets the benefit of the doubt. Memoized per analysis, so a live composer pays once.
 *
 * @example
 * customerReportsProblem(resolveContext({ customerMessage: 'The app keeps crashing since the update' })) // true
 * customerReportsProblem(resolveContext({ customerMessage: 'How do I change my e-mail address?' }))     // false
 */
export function customerReportsProblem(context: ResolvedContext): boolean {
  if (context.issue?.trim()) return true;
  const { analysis } = context;
  const known = memo.get(analysis);
  if (known !== undefined) return known;
  const text = (context.customerMessage ?? analysis.sentences.map((s) => s.text).join(' ')).slice(0, PROBLEM_SCAN);
  let answer = text.length > 0 && hasPhrase(text, table);
  // Without a problem phrase, the analyzer's issues and upset decide; but its upset reads a plea for help
  // ("I need help changing my password") as upset, and a how-to question is not a report of a failure.
  if (!answer) answer = (analysis.issues.length > 0 || analysis.upset) && !hasPhrase(text, howTo);
  memo.set(analysis, answer);
  return answer;
}
