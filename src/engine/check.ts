import { analyzeMessage } from './analyze/message.ts';
import { detectMoves, moveSet, playbookSteps, type MoveFinding } from './moves.ts';
import { MAX_FINDINGS_PER_RULE, toFinding, type Rule, type RuleInput } from './rules/define.ts';
import { RULES } from './rules/index.ts';
import { checkSuggestions } from './suggest.ts';
import { splitSentences } from './text/sentences.ts';
import { PRINCIPLES, type Finding, type Move, type PrincipleId, type ReplyContext, type ResolvedContext, type Severity } from './types.ts';

/** Per-rule overrides from a config file: a severity, or 'off'. */
export type RuleSettings = Record<string, Severity | 'off'>;

export interface CheckOptions {
  rules?: RuleSettings;
  /** Use these rules instead of the registry (tests, plugins). */
  ruleList?: readonly Rule[];
  /**
   * `false` skips checking suggestions (see suggest.ts) and returns the rules' raw candidates: for callers that
   * only count findings or score drafts in bulk and never offer a fix. Default: every suggestion is checked.
   */
  checkFixes?: boolean;
}

export interface CheckResult {
  findings: Finding[];
  moves: MoveFinding[];
  /** 0..100 per principle that any active rule covers, and overall. */
  scores: { overall: number; byPrinciple: Partial<Record<PrincipleId, number>> };
  /** The move the playbook says comes next, with a short why. */
  nextMove?: { move: Move; reason: string };
}

/**
 * Resolves what rules need from a reply context: analyses the customer's message once, picks the name.
 *
 * @example
 * resolveContext({ customerMessage: 'I was charged twice! - Ana' }).name // 'Ana'
 */
export function resolveContext(context: ReplyContext = {}): ResolvedContext {
  const analysis = context.analysis ?? analyzeMessage(context.customerMessage ?? '', { customerName: context.customerName, upsetThreshold: context.upsetThreshold });
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
 * position (each suggestion checked by re-running the rules on the fixed draft: see suggest.ts), the moves the draft makes, playbook scores and the next best move. Never throws on any string.
 *
 * @example
 * checkReply("I'm sorry.", { customerMessage: 'My order is two weeks late!' }).findings[0].ruleId
 * // 'no-bare-sorry'
 */
export function checkReply(draft: string, context: ReplyContext = {}, options: CheckOptions = {}): CheckResult {
  const text = typeof draft === 'string' ? draft : '';
  const resolved = resolveContext(context);
  const base = runRules(text, resolved, options);
  // nothing to check when no finding has a candidate, and none could get a sentence rewrite (an error or warning)
  const candidates = base.findings.some((f) => f.suggestions.length > 0 || (f.severity !== 'suggestion' && !/^missing[A-Z]/.test(f.messageId)));
  const findings = options.checkFixes === false || !candidates
    ? base.findings
    : checkSuggestions(text, base.findings, base, resolved, (t) => runRules(t, resolved, options));
  return { findings, moves: base.moves, scores: scoreFindings(findings, base.active, resolved), nextMove: nextMove(moveSet(base.moves), resolved) };
}

/** Runs every active rule once over a draft: findings by position (suggestions unchecked), moves, active rules. */
function runRules(text: string, resolved: ResolvedContext, options: CheckOptions): { findings: Finding[]; moves: MoveFinding[]; active: Rule[] } {
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
    const raws = rule.check(input);
    for (let k = 0; k < raws.length && k < MAX_FINDINGS_PER_RULE; k++) findings.push(toFinding(rule, raws[k], setting));
  }
  const sorted = dedupe(findings).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId));
  return { findings: sorted, moves, active };
}

/**
 * Two rules flagging the same span for the same principle keep only the more severe finding. Findings
 * about a missing move (message id `missing…`) are exempt: their span is the empty point where the move
 * would go, so two of them sharing it are two different gaps (no apology, issue not named).
 */
function dedupe(findings: Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = /^missing[A-Z]/.test(f.messageId)
      ? `${f.ruleId}:${f.messageId}:${f.range[0]}:${f.range[1]}`
      : `${f.principle}:${f.range[0]}:${f.range[1]}`;
    const prev = best.get(key);
    if (!prev || rank[f.severity] < rank[prev.severity]) best.set(key, f);
  }
  return [...best.values()];
}

/*
 * Scoring, in one place so a lead can check it by hand.
 *
 * Every finding costs points: its severity's base cost (error 12, warning 6, suggestion 2) times the
 * weight of its principle. The principles that decide whether an upset customer calms down (P1 emotion
 * first, P2 acknowledge, P3 stay calm, P4 apologize, P7 don't argue, P9 no blame, P10 own it) weigh 2 when
 * the customer is upset and 1 otherwise; every other principle weighs 1. So to an angry customer a missing
 * acknowledgement (warning, P2) costs 12 points while a jargon word (warning, P15) costs 6, and telling
 * them to call another department (error, P10) costs 24.
 *
 * A rule that fires again in the same draft costs less each time (1/2, 1/3, … of its first cost): ten
 * exclamation marks are one habit, not ten faults, and must not drown the other findings.
 *
 *   overall            = max(0, round(100 − Σ cost))
 *   byPrinciple[p]     = max(0, round(100 − 4 × Σ cost of p's findings with weight 1))
 *                        i.e. one warning leaves 76, one error 52, one suggestion 92;
 *                        principles that no active rule checks are absent, not 100.
 */
const BASE_COST: Record<Severity, number> = { error: 12, warning: 6, suggestion: 2 };
const ESSENTIAL_WHEN_UPSET = new Set<PrincipleId>(['P1', 'P2', 'P3', 'P4', 'P7', 'P9', 'P10']);

/**
 * Scores findings per principle and overall (0..100, higher is better); see the formula above.
 *
 * @example
 * scoreFindings([], [], { upset: true }).overall // 100
 */
export function scoreFindings(findings: readonly Finding[], active: readonly Rule[], context: Pick<ResolvedContext, 'upset'>): CheckResult['scores'] {
  const perPrinciple = new Map<PrincipleId, number>();
  for (const rule of active) perPrinciple.set(rule.meta.principle, 0);
  const seenPerRule = new Map<string, number>();
  let total = 0;
  for (const f of findings) {
    const nth = (seenPerRule.get(f.ruleId) ?? 0) + 1;
    seenPerRule.set(f.ruleId, nth);
    const base = BASE_COST[f.severity] / nth;
    const weight = context.upset && ESSENTIAL_WHEN_UPSET.has(f.principle) ? 2 : 1;
    total += base * weight;
    perPrinciple.set(f.principle, (perPrinciple.get(f.principle) ?? 0) + base);
  }
  const byPrinciple: Partial<Record<PrincipleId, number>> = {};
  for (const [p, cost] of [...perPrinciple].sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))) {
    byPrinciple[p] = Math.max(0, Math.round(100 - 4 * cost));
  }
  return { overall: Math.max(0, Math.round(100 - total)), byPrinciple };
}

const MOVE_REASON: Partial<Record<Move, string>> = {
  acknowledge: 'Name their frustration and say you want to help before anything else',
  apologize: 'Apologize for the actual issue, by name',
  empathize: 'Say what is fair in their complaint, so they know you are on their side',
  own: 'Take it on yourself: a concrete next step and when it will happen',
  ask: 'Ask what would make this right for them',
  offer: 'Offer options that fit what they need',
  loyalty: 'Thank them for their loyalty',
  summarize: 'Recap what was agreed and say it will be confirmed by e-mail',
  'follow-up': 'Say you will check back in a day or two',
};

/**
 * The first move the playbook expects in this context that the draft does not make yet, in playbook
 * order (see `playbookSteps`), with a short reason naming the principle.
 */
function nextMove(made: Move[], context: ResolvedContext): CheckResult['nextMove'] {
  for (const step of playbookSteps(context)) {
    if (made.includes(step.move)) continue;
    const why = MOVE_REASON[step.move] ?? PRINCIPLES[step.principle];
    return { move: step.move, reason: `${why} (${step.principle}: ${PRINCIPLES[step.principle]}).` };
  }
  return undefined;
}
