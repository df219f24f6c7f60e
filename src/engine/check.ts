import { analyzeMessage } from './analyze/message.ts';
import { detectMoves, moveSet, type MoveFinding } from './moves.ts';
import { toFinding, type Rule, type RuleInput } from './rules/define.ts';
import { RULES } from './rules/index.ts';
import { splitSentences } from './text/sentences.ts';
import { PRINCIPLES, type Finding, type Move, type PrincipleId, type ReplyContext, type ResolvedContext, type Severity } from './types.ts';

/** Per-rule overrides from a config file: a severity, or 'off'. */
export type RuleSettings = Record<string, Severity | 'off'>;

export interface CheckOptions {
  rules?: RuleSettings;
  /** Use these rules instead of the registry (tests, plugins). */
  ruleList?: readonly Rule[];
}

export interface CheckResult {
  findings: Finding[];
  moves: MoveFinding[];
  /** 0..100 per principle that any active rule covers, and overall. */
  scores: { overall: number; byPrinciple: Partial<Record<PrincipleId, number>> };
  /** The move the playbook says comes next, with a short why. */
  nextMove?: { move: Move; reason: string };
}

const PENALTY: Record<Severity, number> = { error: 40, warning: 20, suggestion: 10 };

/**
 * Resolves what rules need from a reply context: analyses the customer's message once, picks the name.
 *
 * @example
 * resolveContext({ customerMessage: 'I was charged twice! - Ana' }).name // 'Ana'
 */
export function resolveContext(context: ReplyContext = {}): ResolvedContext {
  const analysis = context.analysis ?? analyzeMessage(context.customerMessage ?? '', { customerName: context.customerName });
  const hasCustomer = Boolean(context.analysis || context.customerMessage);
  return {
    ...context,
    analysis,
    anger: hasCustomer ? analysis.anger : 0,
    upset: hasCustomer ? analysis.upset : false,
    name: context.customerName ?? analysis.name?.value,
    channel: context.channel ?? 'private',
  };
}

/**
 * Coaches a draft reply: runs every active rule once over the draft and returns findings sorted by
 * position, the moves the draft makes, playbook scores and the next best move. Never throws on any string.
 *
 * @example
 * checkReply("I'm sorry.", { customerMessage: 'My order is two weeks late!' }).findings[0].ruleId
 * // 'no-bare-sorry'
 */
export function checkReply(draft: string, context: ReplyContext = {}, options: CheckOptions = {}): CheckResult {
  const text = typeof draft === 'string' ? draft : '';
  const resolved = resolveContext(context);
  const sentences = splitSentences(text);
  const moves = detectMoves(text, resolved, sentences);
  const input: RuleInput = { text, sentences, context: resolved, moves };
  const findings: Finding[] = [];
  const active: Rule[] = [];
  for (const rule of options.ruleList ?? RULES) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    const set = rule.meta.ruleSet;
    if (set !== 'all' && (set === 'review') !== (resolved.channel === 'public-review')) continue;
    active.push(rule);
    for (const raw of rule.check(input)) findings.push(toFinding(rule, raw, setting ?? rule.meta.severity));
  }
  const sorted = dedupe(findings).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
  return { findings: sorted, moves, scores: score(sorted, active), nextMove: nextMove(moveSet(moves), resolved) };
}

/** Two rules flagging the same span for the same principle keep only the more severe finding. */
function dedupe(findings: Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.principle}:${f.range[0]}:${f.range[1]}`;
    const prev = best.get(key);
    if (!prev || rank[f.severity] < rank[prev.severity]) best.set(key, f);
  }
  return [...best.values()];
}

function score(findings: Finding[], active: Rule[]): CheckResult['scores'] {
  const byPrinciple: Partial<Record<PrincipleId, number>> = {};
  for (const rule of active) byPrinciple[rule.meta.principle] = 100;
  let overall = 100;
  for (const f of findings) {
    byPrinciple[f.principle] = Math.max(0, (byPrinciple[f.principle] ?? 100) - PENALTY[f.severity]);
    overall -= PENALTY[f.severity] / 2;
  }
  return { overall: Math.max(0, Math.round(overall)), byPrinciple };
}

/** Playbook order for an upset customer; the first move not yet made is next. */
const ORDER: { move: Move; principle: PrincipleId; when: (c: ResolvedContext) => boolean }[] = [
  { move: 'acknowledge', principle: 'P2', when: (c) => c.upset },
  { move: 'apologize', principle: 'P4', when: (c) => c.upset },
  { move: 'ask', principle: 'P12', when: (c) => c.upset && !c.options?.length && c.analysis.needs.length === 0 },
  { move: 'offer', principle: 'P13', when: (c) => c.upset && (Boolean(c.options?.length) || c.analysis.needs.length > 0) },
  { move: 'summarize', principle: 'P16', when: (c) => c.phase === 'summarize' || c.phase === 'agree' },
  { move: 'follow-up', principle: 'P17', when: (c) => c.phase === 'summarize' || c.phase === 'agree' || c.phase === 'follow-up' },
];

function nextMove(made: Move[], context: ResolvedContext): CheckResult['nextMove'] {
  for (const step of ORDER) {
    if (step.when(context) && !made.includes(step.move)) {
      return { move: step.move, reason: `${PRINCIPLES[step.principle]} (${step.principle})` };
    }
  }
  return undefined;
}
