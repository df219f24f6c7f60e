/**
 * A small conversation analysis over the engine's own `analyzeMessage` and `checkReply`, used by the QA
 * tests only while `src/engine/conversation/analyze.ts` does not exist yet. It implements the same
 * interface (`conversation/types.ts`), so the pipeline under test is unchanged when the real one lands.
 */
import type { ConversationAnalysis, ConversationContext, ReplyEffect, Turn, TurnAnalysis } from '../../../src/engine/conversation/types.ts';
import { analyzeMessage, checkReply, type MessageAnalysis, type Move } from '../../../src/engine/index.ts';

export function analyzeConversation(turns: Turn[], context: ConversationContext = {}): ConversationAnalysis {
  const out: TurnAnalysis[] = [];
  const angerTrajectory: number[] = [];
  const steps: Partial<Record<Move, boolean>> = {};
  let last: MessageAnalysis | undefined;
  let transfers = 0;
  let firstAcknowledgementTurn: number | undefined;
  const scores: number[] = [];
  turns.forEach((turn, index) => {
    if (turn.role === 'customer') {
      last = analyzeMessage(turn.text, { customerName: context.customerName });
      angerTrajectory.push(last.anger);
      out.push({ index, role: 'customer', analysis: last });
      return;
    }
    const check = checkReply(turn.text, { ...context, analysis: last });
    for (const m of check.moves) {
      steps[m.move] = true;
      if (m.move === 'acknowledge' && firstAcknowledgementTurn === undefined) firstAcknowledgementTurn = index;
    }
    if (check.findings.some((f) => f.ruleId === 'no-transfer')) transfers++;
    scores.push(check.scores.overall);
    out.push({ index, role: 'agent', check });
  });
  for (const t of out) {
    if (t.role !== 'agent') continue;
    const before = [...out].reverse().find((x) => x.index < t.index && x.analysis)?.analysis;
    const after = out.find((x) => x.index > t.index && x.analysis)?.analysis;
    let effect: ReplyEffect = 'unknown';
    if (before && after) effect = after.anger < before.anger - 0.05 ? 'calmed' : after.anger > before.anger + 0.05 ? 'inflamed' : 'neutral';
    t.effect = effect;
  }
  const score = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : 100;
  return { turns: out, angerTrajectory, steps, transfers, phase: 'listen', score, firstAcknowledgementTurn };
}
