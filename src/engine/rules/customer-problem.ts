import { compileTable, hasPhrase } from '../text/matcher.ts';
import type { ResolvedContext } from '../types.ts';
import { PROBLEM_REPORT } from './customer-problem.data.ts';

const table = compileTable(PROBLEM_REPORT);
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
  const text = context.customerMessage ?? analysis.sentences.map((s) => s.text).join(' ');
  const answer = analysis.issues.length > 0 || analysis.upset || (text.length > 0 && hasPhrase(text, table));
  memo.set(analysis, answer);
  return answer;
}
