/**
 * Running totals over a QA run, in memory bounded by the number of agents and rules (not conversations),
 * and serializable as plain JSON so a checkpoint can carry them across an interruption.
 */
import type { Turn } from '../engine/conversation/types.ts';
import type { ImportProblem } from '../importers/types.ts';
import type { QaResult } from './types.ts';

export interface AgentStats {
  conversations: number;
  replies: number;
  scoreSum: number;
  findings: number;
  calmed: number;
  inflamed: number;
  neutral: number;
  transfers: number;
}

export interface WorstEntry {
  result: QaResult;
  turns: Turn[];
}

/** Buckets for time to first acknowledgement; the last two are for conversations that never got one. */
export const ACK_BUCKETS = ['< 15 min', '15–60 min', '1–4 h', '4–24 h', '> 1 day', 'never acknowledged', 'no timestamps'] as const;

export interface QaTotals {
  conversations: number;
  customerTurns: number;
  agentTurns: number;
  scoreSum: number;
  /** Count of conversations per integer score 0..100. */
  scoreHist: number[];
  upset: number;
  withFindings: number;
  findings: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, { count: number; principle: string; severity: string; message: string }>;
  byAgent: Record<string, AgentStats>;
  effects: Record<'calmed' | 'inflamed' | 'neutral' | 'unknown', number>;
  /** Agent replies with a customer turn before and after: sums of anger, and 5-bin histograms of each. */
  anger: { pairs: number; beforeSum: number; afterSum: number; beforeHist: number[]; afterHist: number[] };
  /** Conversations by number of transfers: 0, 1, 2, 3+. */
  transfersHist: number[];
  transfers: number;
  /** Counts per {@link ACK_BUCKETS} entry, over upset conversations. */
  ack: number[];
  sources: Record<string, number>;
  /** Upset conversations with at least one agent reply, and how many of them made each playbook move. */
  upsetReplied: number;
  stepsWhenUpset: Record<string, number>;
  excluded: { internalNotes: number; emptyAfterCleaning: number };
  problems: { skipped: number; kept: number; analysisErrors: number; byReason: Record<string, number>; sample: ImportProblem[] };
  worst: WorstEntry[];
  firstAt?: string;
  lastAt?: string;
}

const MAX_AGENTS = 5000;
const PROBLEM_SAMPLE = 200;
const MAX_REASONS = 500;

export function emptyTotals(): QaTotals {
  return {
    conversations: 0,
    customerTurns: 0,
    agentTurns: 0,
    scoreSum: 0,
    scoreHist: new Array<number>(101).fill(0),
    upset: 0,
    withFindings: 0,
    findings: 0,
    bySeverity: { error: 0, warning: 0, suggestion: 0 },
    byRule: {},
    byAgent: {},
    effects: { calmed: 0, inflamed: 0, neutral: 0, unknown: 0 },
    anger: { pairs: 0, beforeSum: 0, afterSum: 0, beforeHist: [0, 0, 0, 0, 0], afterHist: [0, 0, 0, 0, 0] },
    transfersHist: [0, 0, 0, 0],
    transfers: 0,
    ack: new Array<number>(ACK_BUCKETS.length).fill(0),
    sources: {},
    upsetReplied: 0,
    stepsWhenUpset: {},
    excluded: { internalNotes: 0, emptyAfterCleaning: 0 },
    problems: { skipped: 0, kept: 0, analysisErrors: 0, byReason: {}, sample: [] },
    worst: [],
  };
}

const angerBin = (a: number): number => Math.min(4, Math.max(0, Math.floor(a * 5)));

function ackBucket(r: QaResult): number {
  if (r.firstAcknowledgementTurn === undefined) return 5;
  const m = r.minutesToAcknowledge;
  if (m === undefined) return 6;
  if (m < 15) return 0;
  if (m < 60) return 1;
  if (m < 240) return 2;
  if (m < 1440) return 3;
  return 4;
}

/**
 * Groups problem reasons that differ only in ids, numbers or quoted values.
 *
 * @example
 * reasonKey('unknown author role "robot" on line 12') // 'unknown author role "…" on line N'
 */
export function reasonKey(reason: string): string {
  return reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 160);
}

/**
 * Adds one scored conversation to the totals; keeps it among the worst when it ranks there.
 *
 * @example
 * const totals = emptyTotals();
 * addResult(totals, result, conversation.turns, 20);
 */
export function addResult(t: QaTotals, r: QaResult, turns: Turn[], worstLimit: number): void {
  t.conversations++;
  t.customerTurns += r.customerTurns;
  t.agentTurns += r.agentTurns;
  const score = Math.max(0, Math.min(100, Math.round(r.score)));
  t.scoreSum += score;
  t.scoreHist[score]++;
  if (r.upset) t.upset++;
  if (r.findings.length) t.withFindings++;
  t.findings += r.findings.length;
  t.sources[r.source] = (t.sources[r.source] ?? 0) + 1;
  t.excluded.internalNotes += r.excluded.internalNotes;
  t.excluded.emptyAfterCleaning += r.excluded.emptyAfterCleaning;
  t.transfers += r.transfers;
  t.transfersHist[Math.min(3, r.transfers)]++;
  if (r.upset) t.ack[ackBucket(r)]++;
  if (r.upset && r.agentTurns > 0) {
    t.upsetReplied++;
    for (const step of r.steps) t.stepsWhenUpset[step] = (t.stepsWhenUpset[step] ?? 0) + 1;
  }
  if (r.createdAt) {
    if (!t.firstAt || r.createdAt < t.firstAt) t.firstAt = r.createdAt;
    if (!t.lastAt || r.createdAt > t.lastAt) t.lastAt = r.createdAt;
  }
  for (const f of r.findings) {
    t.bySeverity[f.severity] = (t.bySeverity[f.severity] ?? 0) + 1;
    const rule = (t.byRule[f.ruleId] ??= { count: 0, principle: f.principle, severity: f.severity, message: f.message });
    rule.count++;
  }
  const seen = new Set<string>();
  for (const reply of r.replies) {
    const agent = agentKey(t, reply.agent);
    const a = (t.byAgent[agent] ??= { conversations: 0, replies: 0, scoreSum: 0, findings: 0, calmed: 0, inflamed: 0, neutral: 0, transfers: 0 });
    if (!seen.has(agent)) {
      a.conversations++;
      seen.add(agent);
    }
    a.replies++;
    a.scoreSum += reply.score;
    if (reply.effect === 'calmed' || reply.effect === 'inflamed' || reply.effect === 'neutral') a[reply.effect]++;
    t.effects[reply.effect]++;
    if (reply.angerBefore !== undefined && reply.angerAfter !== undefined) {
      t.anger.pairs++;
      t.anger.beforeSum += reply.angerBefore;
      t.anger.afterSum += reply.angerAfter;
      t.anger.beforeHist[angerBin(reply.angerBefore)]++;
      t.anger.afterHist[angerBin(reply.angerAfter)]++;
    }
  }
  for (const f of r.findings) {
    const agent = agentKey(t, f.agent ?? '');
    if (t.byAgent[agent]) t.byAgent[agent].findings++;
  }
  if (r.replies.some((x) => x.transfer !== undefined)) {
    for (const reply of r.replies) if (reply.transfer) t.byAgent[agentKey(t, reply.agent)].transfers++;
  } else if (r.transfers > 0) {
    // An analysis that does not mark the transferring reply: charge the conversation's agents.
    for (const agent of seen) t.byAgent[agent].transfers += r.transfers;
  }
  considerWorst(t, r, turns, worstLimit);
}

function agentKey(t: QaTotals, agent: string): string {
  if (t.byAgent[agent] || Object.keys(t.byAgent).length < MAX_AGENTS) return agent;
  return '(other agents)';
}

/** Lowest score first; among equal scores, more severe findings first. */
export function compareWorst(a: QaResult, b: QaResult): number {
  const weight = (r: QaResult): number => r.findings.reduce((s, f) => s + (f.severity === 'error' ? 100 : f.severity === 'warning' ? 10 : 1), 0);
  return a.score - b.score || weight(b) - weight(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function considerWorst(t: QaTotals, r: QaResult, turns: Turn[], limit: number): void {
  if (limit <= 0 || r.findings.length === 0) return;
  if (t.worst.length >= limit && compareWorst(r, t.worst[t.worst.length - 1].result) >= 0) return;
  t.worst.push({ result: r, turns });
  t.worst.sort((a, b) => compareWorst(a.result, b.result));
  if (t.worst.length > limit) t.worst.length = limit;
}

/**
 * Counts a problem; the first few are kept verbatim for the report.
 *
 * @example
 * addProblem(totals, { file: 'a.csv', line: 3, reason: 'message has no text' });
 */
export function addProblem(t: QaTotals, p: ImportProblem, kind: 'import' | 'analysis' = 'import'): void {
  if (kind === 'analysis') t.problems.analysisErrors++;
  else if (p.kept) t.problems.kept++;
  else t.problems.skipped++;
  let key = reasonKey(p.reason);
  if (!(key in t.problems.byReason) && Object.keys(t.problems.byReason).length >= MAX_REASONS) key = '(other reasons)';
  t.problems.byReason[key] = (t.problems.byReason[key] ?? 0) + 1;
  if (t.problems.sample.length < PROBLEM_SAMPLE) t.problems.sample.push(p);
}

/**
 * Median of the score histogram.
 *
 * @example
 * medianScore(totals) // 71
 */
export function medianScore(t: QaTotals): number | undefined {
  if (t.conversations === 0) return undefined;
  const half = (t.conversations + 1) / 2;
  let seen = 0;
  for (let s = 0; s <= 100; s++) {
    seen += t.scoreHist[s];
    if (seen >= half) return s;
  }
  return 100;
}
