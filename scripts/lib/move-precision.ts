// Precision of the missing-move rules (issue 12, item 5): on replies that already make a move, how often the rule
// that asks for that move fires anyway. Every such finding is a false alarm: the reply did what the rule asks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeMessage } from '../../src/engine/analyze/message.ts';
import { checkReply } from '../../src/engine/check.ts';
import type { Phase, ReplyContext } from '../../src/engine/types.ts';
import { customerContext, type LabelledReply } from './replies.ts';

/** The rules that ask for a move, the message ids that say the move is missing, and the labels of the move. */
export const MISSING_MOVE_RULES = {
  'take-ownership': { messages: ['missingOwnership'], realLabels: ['own'] },
  'require-acknowledgement': { messages: ['missingAcknowledgement'], realLabels: ['acknowledge'] },
  'side-with-customer': { messages: ['missingSiding'], realLabels: [] as string[] },
  'acknowledge-loyalty': { messages: ['missingLoyalty'], realLabels: [] as string[] },
  'summarize-when-closing': { messages: ['missingSummary', 'missingEmailConfirmation'], realLabels: [] as string[] },
} as const satisfies Record<string, { messages: readonly string[]; realLabels: readonly string[] }>;
export type MissingMoveRule = keyof typeof MISSING_MOVE_RULES;

/**
 * A good reply WRITTEN BY THE TEAM (data/labels/move-replies.jsonl), not a real one: it makes the move `rule`
 * asks for, in the wording agents use, with the customer's message and the situation the rule needs (an upset
 * customer; tenure for loyalty; the closing phase for a recap).
 */
export interface TeamMoveReply {
  id: string;
  rule: MissingMoveRule;
  writtenBy: 'team';
  customer: string;
  text: string;
  phase?: Phase;
  tenureYears?: number;
}

export function readTeamMoveReplies(root: string): TeamMoveReply[] {
  const file = join(root, 'data', 'labels', 'move-replies.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as TeamMoveReply);
}

/**
 * The customer as upset, whatever the analyzer makes of the message: every missing-move rule waits for an upset
 * customer, and a rule's precision is about what it asks of a reply once it runs, not about the upset gate.
 */
function upsetContext(customer: string, extra: Partial<ReplyContext> = {}): ReplyContext {
  const analysis = analyzeMessage(customer);
  return { customerMessage: customer, analysis: { ...analysis, upset: true, anger: Math.max(analysis.anger, 0.7) }, ...extra };
}

export interface MovePrecisionRow {
  rule: MissingMoveRule;
  /** Replies that make the move. */
  n: number;
  /** Of them, flagged for its absence. */
  flagged: number;
  /** The flagged ones: id and text, to read (fit and team replies only). */
  examples: { id: string; text: string }[];
}

function flags(rule: MissingMoveRule, text: string, context: ReplyContext): boolean {
  const { messages } = MISSING_MOVE_RULES[rule];
  return checkReply(text, context, { checkFixes: false }).findings.some((f) => f.ruleId === rule && (messages as readonly string[]).includes(f.messageId));
}

/** False alarms of each missing-move rule on real replies labelled with its move (customer forced upset). */
export function realMovePrecision(replies: readonly LabelledReply[]): MovePrecisionRow[] {
  return (Object.keys(MISSING_MOVE_RULES) as MissingMoveRule[]).flatMap((rule) => {
    const labels: readonly string[] = MISSING_MOVE_RULES[rule].realLabels;
    if (labels.length === 0) return [];
    const making = replies.filter((r) => r.moves.some((m) => labels.includes(m.label)));
    const flagged = making.filter((r) => flags(rule, r.text, upsetContext(customerContext(r))));
    return [{ rule, n: making.length, flagged: flagged.length, examples: flagged.map((r) => ({ id: r.id, text: r.text })) }];
  });
}

/** False alarms of each missing-move rule on the team's good replies of its kind. */
export function teamMovePrecision(replies: readonly TeamMoveReply[]): MovePrecisionRow[] {
  return (Object.keys(MISSING_MOVE_RULES) as MissingMoveRule[]).map((rule) => {
    const making = replies.filter((r) => r.rule === rule);
    const flagged = making.filter((r) => flags(rule, r.text, upsetContext(r.customer, { phase: r.phase, tenureYears: r.tenureYears })));
    return { rule, n: making.length, flagged: flagged.length, examples: flagged.map((r) => ({ id: r.id, text: r.text })) };
  });
}
