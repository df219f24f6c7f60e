// The corpus side of issue 12: every offered fix applied to real replies (data/labels/reply-turns.jsonl, the
// agent turns of shared/data/ibm-customer-care with the customer's turns before them). Shared by the property
// test (test/eval/fixes-corpus.test.ts) and the review sample (`npm run fixes:sample` → docs/fixes-sample.md).
import { createHash } from 'node:crypto';
import { analyzeMessage } from '../../src/engine/analyze/message.ts';
import { checkReply } from '../../src/engine/check.ts';
import { fixDraft } from '../../src/engine/fix-draft.ts';
import { BAD_JOINS } from '../../src/engine/suggest.ts';
import { splitSentences } from '../../src/engine/text/sentences.ts';
import type { Finding, ReplyContext } from '../../src/engine/types.ts';
import { customerContext, type LabelledReply } from './replies.ts';

/**
 * How much longer fixing may make a reply, in characters: the opening moves an upset customer is owed
 * (acknowledge, apologize for the issue, side with them, own it with a time) are four sentences of at most
 * about 110 characters each, and the closing ones are not asked of these replies. 450 leaves room for a
 * rewritten hand-off; a reply that grows more is being rewritten, not fixed.
 */
export const MAX_GROWTH_CHARS = 450;

/** Joins the tests reject on top of the engine's BAD_JOINS: each is a way a fix once read badly. */
export const TEST_BAD_JOINS: readonly { name: string; re: RegExp }[] = [
  ...BAD_JOINS,
  { name: 'sentence glued to a link', re: /https?:\/\/\S*[a-z0-9]\.(?:I|We|You|Let)\b/gu },
  { name: 'two sign-offs', re: /(?:Kind regards|Best wishes|Warm regards)[^]*(?:Kind regards|Best wishes|Warm regards)/gu },
  { name: 'placeholder left in', re: /\$(?:NAME|ISSUE)|\{\{\w+\}\}|undefined|null\b/gu },
  { name: 'empty clause', re: /,\s*,|\(\s*\)/gu },
  { name: 'apology to nobody', re: /\bI apologi[sz]e for\s*[.!?,]/giu },
];

/** A stable pseudo-random order, so a sample is the same on every run and machine. */
function rank(id: string): string {
  return createHash('sha1').update(`fixes-sample:${id}`).digest('hex');
}

/** `n` replies spread over the set, chosen by a hash of their id (deterministic), in id order. */
export function sampleReplies<T extends { id: string }>(rows: readonly T[], n: number): T[] {
  return [...rows].sort((a, b) => rank(a.id).localeCompare(rank(b.id))).slice(0, n).sort((a, b) => a.id.localeCompare(b.id));
}

export interface FixedReply {
  id: string;
  customer: string;
  before: string;
  after: string;
  applied: number;
  /** Error and warning findings before and after. */
  severeBefore: string[];
  severeAfter: string[];
  /** Remaining error/warning findings that still offer a fix (fixDraft stopped early). */
  fixableLeft: string[];
  problems: string[];
}

const severe = (fs: readonly Finding[]) => fs.filter((f) => f.severity !== 'suggestion');
const name = (f: Finding) => `${f.ruleId}:${f.messageId}`;

/** Duplicate sentences (that the reply did not already repeat) and bad joins the fixes brought in. */
export function fixProblems(before: string, after: string): string[] {
  const out: string[] = [];
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const s of splitSentences(t)) {
      const k = norm(s.text);
      if (k.split(' ').length >= 3) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const was = count(before);
  for (const [k, n] of count(after)) if (n > 1 && n > (was.get(k) ?? 0)) out.push(`duplicate sentence: ${k}`);
  for (const { name: joinName, re } of TEST_BAD_JOINS) {
    const n = (t: string) => [...t.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
    if (n(after) > n(before)) out.push(`bad join: ${joinName}`);
  }
  if (after.length - before.length > MAX_GROWTH_CHARS) out.push(`grew by ${after.length - before.length} characters`);
  return out;
}

/** Applies every offered fix to one reply, against the customer's turns before it. */
export function fixReply(r: Pick<LabelledReply, 'id' | 'text' | 'context'>): FixedReply {
  const customer = customerContext(r);
  const context: ReplyContext = customer ? { customerMessage: customer, analysis: analyzeMessage(customer) } : {};
  const before = checkReply(r.text, context).findings;
  const { output, applied } = fixDraft(r.text, context);
  const after = checkReply(output, context).findings;
  return {
    id: r.id,
    customer,
    before: r.text,
    after: output,
    applied,
    severeBefore: severe(before).map(name),
    severeAfter: severe(after).map(name),
    fixableLeft: severe(after).filter((f) => f.suggestions.length > 0).map(name),
    problems: fixProblems(r.text, output),
  };
}
