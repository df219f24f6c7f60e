/** Scores one imported conversation with the engine and keeps what QA reports need. */
import type { ImportedConversation } from '../importers/types.ts';
import type { AnalyzeConversation, QaFinding, QaResult } from './types.ts';

/** Agent label for a reply without a known author, so by-agent tables still count it. */
export const UNKNOWN_AGENT = '(unknown agent)';

/** Anger values from the analysis, or undefined when it gave none (NaN included) so totals stay numeric. */
const finite = (x: number | undefined): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

function minutesBetween(a?: string, b?: string): number | undefined {
  if (!a || !b) return undefined;
  const d = (Date.parse(b) - Date.parse(a)) / 60000;
  return Number.isFinite(d) && d >= 0 ? Math.round(d * 10) / 10 : undefined;
}

/**
 * Runs the conversation analysis on one conversation and flattens it into a {@link QaResult}.
 *
 * @example
 * const result = scoreConversation(conversation, analyzeConversation);
 * result.score; result.findings[0]?.ruleId;
 */
export function scoreConversation(conversation: ImportedConversation, analyze: AnalyzeConversation): QaResult {
  const turns = conversation.turns;
  const analysis = analyze(turns, conversation.customer.name ? { customerName: conversation.customer.name } : {});
  const byIndex = new Map(analysis.turns.map((t) => [t.index, t]));
  const findings: QaFinding[] = [];
  const replies: QaResult['replies'] = [];
  const agents = new Set<string>();
  let lastAnger: number | undefined;
  let upset = false;
  const firstCustomer = turns.find((t) => t.role === 'customer');
  let firstReply: string | undefined;

  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i];
    const ta = byIndex.get(i);
    if (turn.role === 'customer') {
      if (ta?.analysis) {
        lastAnger = finite(ta.analysis.anger);
        upset ||= ta.analysis.upset;
      }
      continue;
    }
    const agent = turn.author ?? UNKNOWN_AGENT;
    agents.add(agent);
    firstReply ??= turn.at;
    const check = ta?.check;
    let angerAfter: number | undefined;
    for (let j = i + 1; j < turns.length; j++) {
      if (turns[j].role === 'customer') {
        angerAfter = finite(byIndex.get(j)?.analysis?.anger);
        break;
      }
    }
    replies.push({ turn: i, agent, score: finite(check?.scores.overall) ?? 100, effect: ta?.effect ?? 'unknown', angerBefore: lastAnger, angerAfter, transfer: ta?.transfer });
    for (const f of check?.findings ?? []) {
      const s = f.suggestions[0];
      const start = Math.max(0, Math.min(f.range[0], turn.text.length));
      const end = Math.max(start, Math.min(f.range[1], turn.text.length));
      findings.push({
        turn: i,
        agent,
        at: turn.at,
        ruleId: f.ruleId,
        principle: f.principle,
        severity: f.severity,
        message: f.message,
        range: [start, end],
        excerpt: turn.text.slice(start, end),
        suggestion: s ? { message: s.message, text: s.fix.text } : undefined,
      });
    }
  }
  if (!Number.isFinite(analysis.score)) throw new Error(`the analysis gave no numeric score (${String(analysis.score)})`);
  const ackTurn = analysis.firstAcknowledgementTurn;
  return {
    id: conversation.id,
    source: conversation.source,
    file: conversation.file,
    line: conversation.line,
    subject: conversation.subject,
    customer: conversation.customer.name ?? conversation.customer.email,
    createdAt: conversation.createdAt ?? firstCustomer?.at,
    agents: [...agents],
    customerTurns: turns.filter((t) => t.role === 'customer').length,
    agentTurns: replies.length,
    score: Math.round(analysis.score),
    transfers: analysis.transfers,
    angerTrajectory: analysis.angerTrajectory.filter((a) => Number.isFinite(a)).map((a) => Math.round(a * 1000) / 1000),
    upset,
    firstAcknowledgementTurn: ackTurn,
    minutesToAcknowledge: ackTurn !== undefined ? minutesBetween(firstCustomer?.at, turns[ackTurn]?.at) : undefined,
    minutesToFirstReply: minutesBetween(firstCustomer?.at, firstReply),
    replies,
    findings,
    nextMove: analysis.nextMove?.move,
    trend: analysis.trend,
    steps: Object.entries(analysis.steps ?? {}).filter(([, made]) => made).map(([move]) => move),
    excluded: conversation.excluded,
  };
}
