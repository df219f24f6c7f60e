import { analyzeMessage } from '../analyze/message.ts';
import { checkReply, resolveContext, type CheckResult } from '../check.ts';
import { moveSet, playbookSteps } from '../moves.ts';
import { RULES } from '../rules/index.ts';
import { compileTable, hasPhrase } from '../text/matcher.ts';
import { splitSentences } from '../text/sentences.ts';
import { PRINCIPLES, type MessageAnalysis, type Move, type Phase, type PrincipleId, type ReplyContext, type SignalKind } from '../types.ts';
import { AGREEMENT, REFUSAL } from './analyze.data.ts';
import type { ConversationAnalysis, ConversationContext, ReplyEffect, Turn, TurnAnalysis } from './types.ts';

const AGREES = compileTable(AGREEMENT);
const REFUSES = compileTable(REFUSAL);

/** The playbook's phases in order; a conversation only moves forward, except when an agreement falls apart. */
const PHASES: readonly Phase[] = ['listen', 'acknowledge', 'apologize', 'ask', 'offer', 'agree', 'summarize', 'follow-up'];
const rank = (p: Phase) => PHASES.indexOf(p);

/**
 * How much the customer's anger must move, on the 0..1 scale, for a reply to count as having calmed or
 * inflamed them: about one step on a four-point anger scale divided by three, minus measurement noise.
 */
const EFFECT_THRESHOLD = 0.1;

/** Score adjustments for what happened in the conversation, on top of the mean reply score. */
const SCORE = { perTransfer: 15, perInflamed: 10, perCalmed: 5, lateAcknowledgement: 10, neverAcknowledged: 20 };

/** Signals that mark an escalation when they first appear after a reply. */
const ESCALATION: ReadonlySet<SignalKind> = new Set(['churn', 'review', 'legal', 'abuse']);

const ALL_MOVES: readonly Move[] = ['acknowledge', 'apologize', 'empathize', 'own', 'ask', 'offer', 'reassure', 'summarize', 'follow-up', 'name', 'loyalty', 'ask-details'];

/** What customers give that an agent must not ask for again (matched against their turns). */
const PROVIDED: [string, RegExp][] = [
  ['order number', /(?:order|booking|confirmation|reference|ref)(?: number| no\.?| #| id)?[\s:#]*[A-Z0-9][A-Z0-9-]{3,}|#\d{4,}/iu],
  ['e-mail address', /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,255}\.\p{L}{2,}/u],
  ['phone number', /\+?\d[\d\s().-]{7,}\d/u],
  ['tracking number', /tracking(?: number| no\.?| #| id)?[\s:#]*[A-Z0-9]{8,}/iu],
];

/**
 * Reads a whole conversation: the customer's anger turn by turn, whether each agent reply calmed or
 * inflamed them, each reply coached with `checkReply` against the customer turns it answers, which
 * playbook steps were taken, hand-offs, the phase reached, the next best move and a score.
 *
 * @example
 * const c = analyzeConversation([
 *   { role: 'customer', text: 'I was charged twice and nobody answers!!!' },
 *   { role: 'agent', text: "I'm sorry." },
 *   { role: 'customer', text: 'Sorry is not enough. This is ridiculous.' },
 * ]);
 * c.turns[1].effect   // 'inflamed' or 'neutral': the bare apology did not calm them
 * c.nextMove?.move    // 'acknowledge'
 */
export function analyzeConversation(turns: readonly Turn[], context: ConversationContext = {}): ConversationAnalysis {
  const list = Array.isArray(turns) ? turns.filter(isTurn) : [];
  const out: TurnAnalysis[] = [];
  const trajectory: number[] = [];
  const made = new Set<Move>();
  const transferTurns: number[] = [];
  let phase: Phase = 'listen';
  let pending: number[] = []; // customer turns since the last agent reply
  let lastAnswered: number[] = [];
  let refusals = 0;
  let firstAcknowledgementTurn: number | undefined;
  let lastCustomer: MessageAnalysis | undefined;
  let offered = false;
  const provided = new Set<string>();

  for (let i = 0; i < list.length; i++) {
    const turn = list[i];
    if (turn.role === 'customer') {
      const analysis = analyzeMessage(turn.text, { customerName: context.customerName, upsetThreshold: context.upsetThreshold });
      trajectory.push(analysis.anger);
      const agrees = offered && !analysis.upset && hasPhrase(turn.text, AGREES, splitSentences(turn.text));
      const entry: TurnAnalysis = { index: i, role: 'customer', analysis, phase };
      if (agrees) {
        entry.agrees = true;
        phase = maxPhase(phase, 'agree');
      } else if (analysis.upset && rank(phase) >= rank('agree')) {
        // the agreement fell apart: back to finding a solution
        phase = 'offer';
      }
      for (const [item, re] of PROVIDED) if (re.test(turn.text)) provided.add(item);
      out.push(entry);
      pending.push(i);
      lastCustomer = analysis;
      continue;
    }

    // Agent turn: coach it against everything the customer said since the previous reply.
    const answers = pending.length > 0 ? pending : lastAnswered;
    const customerText = answers.map((j) => list[j].text).join('\n');
    const analysis = answers.length === 1 ? out[answers[0]].analysis : customerText ? analyzeMessage(customerText, { customerName: context.customerName, upsetThreshold: context.upsetThreshold }) : undefined;
    const replyContext: ReplyContext = {
      ...context,
      ...(analysis ? { customerMessage: customerText, analysis } : {}),
      phase,
      refusals,
      alreadyProvided: [...new Set([...(context.alreadyProvided ?? []), ...provided])],
    };
    const check = checkReply(turn.text, replyContext);
    const moves = moveSet(check.moves);
    const entry: TurnAnalysis = { index: i, role: 'agent', check, answers: [...answers], phase };
    if (isTransfer(turn.text, replyContext, check)) {
      entry.transfer = true;
      transferTurns.push(i);
    }
    for (const m of moves) made.add(m);
    if (firstAcknowledgementTurn === undefined && moves.includes('acknowledge')) firstAcknowledgementTurn = i;
    if (moves.includes('offer')) offered = true;
    refusals += hasPhrase(turn.text, REFUSES, undefined, { skipNegated: false }) ? 1 : 0;
    phase = advance(phase, moves, analysis?.upset ?? false);
    out.push(entry);
    lastAnswered = answers;
    pending = [];
  }

  markEffects(out);

  const angerTrajectory = trajectory;
  const effects = out.filter((t) => t.role === 'agent').map((t) => t.effect);
  const steps: Partial<Record<Move, boolean>> = {};
  for (const m of ALL_MOVES) steps[m] = made.has(m);
  const last = list[list.length - 1];
  const result: ConversationAnalysis = {
    turns: out,
    angerTrajectory,
    steps,
    transfers: transferTurns.length,
    transferTurns,
    trend: trend(angerTrajectory),
    upset: lastCustomer?.upset ?? false,
    phase,
    nextMove: nextMove(out, list, { ...context, refusals, phase }, made, last),
    score: score(out, transferTurns.length, effects, firstAcknowledgementTurn),
  };
  if (firstAcknowledgementTurn !== undefined) result.firstAcknowledgementTurn = firstAcknowledgementTurn;
  return result;
}

function isTurn(t: unknown): t is Turn {
  return Boolean(t) && typeof t === 'object' && ((t as Turn).role === 'customer' || (t as Turn).role === 'agent') && typeof (t as Turn).text === 'string';
}

function maxPhase(a: Phase, b: Phase): Phase {
  return rank(a) >= rank(b) ? a : b;
}

/**
 * The phase after an agent reply. Acknowledging, apologizing, asking and offering move the conversation
 * forward; summarizing counts only once the customer agreed, and following up only after a summary.
 */
function advance(phase: Phase, moves: Move[], upset: boolean): Phase {
  let p = phase;
  if (upset && (moves.includes('acknowledge') || moves.includes('empathize'))) p = maxPhase(p, 'acknowledge');
  if (moves.includes('apologize')) p = maxPhase(p, 'apologize');
  if (moves.includes('ask')) p = maxPhase(p, 'ask');
  if (moves.includes('offer')) p = maxPhase(p, 'offer');
  if (moves.includes('summarize') && rank(p) >= rank('agree')) p = maxPhase(p, 'summarize');
  if (moves.includes('follow-up') && rank(p) >= rank('summarize')) p = maxPhase(p, 'follow-up');
  return p;
}

/**
 * Each agent reply's effect: the anger of the customer's next turn against the anger of the turn(s) it
 * answered (the highest of them: a reply answers the customer at their angriest). A reply that turns an
 * upset customer into a satisfied one calmed them even when the anger number barely moves.
 */
function markEffects(out: TurnAnalysis[]): void {
  for (let k = 0; k < out.length; k++) {
    const t = out[k];
    if (t.role !== 'agent') continue;
    const before = (t.answers ?? []).map((j) => out[j].analysis).filter((a): a is MessageAnalysis => Boolean(a));
    const next = out.slice(k + 1).find((u) => u.role === 'customer')?.analysis;
    if (before.length === 0 || !next) {
      t.effect = 'unknown';
      continue;
    }
    const prevAnger = Math.max(...before.map((a) => a.anger));
    const wasUpset = before.some((a) => a.upset);
    const change = Math.round((next.anger - prevAnger) * 1000) / 1000;
    t.angerChange = change;
    // A new threat (to leave, to review, to sue) or abuse is escalation even when the anger score, already
    // near the top of its scale, has little room left to rise.
    const threatsBefore = new Set(before.flatMap((b) => b.signals.filter((s) => ESCALATION.has(s.kind)).map((s) => s.kind)));
    const newThreat = next.signals.some((s) => ESCALATION.has(s.kind) && !threatsBefore.has(s.kind));
    let effect: ReplyEffect = 'neutral';
    if (change <= -EFFECT_THRESHOLD || (wasUpset && !next.upset)) effect = 'calmed';
    else if (change >= EFFECT_THRESHOLD || (!wasUpset && next.upset) || newThreat) effect = 'inflamed';
    t.effect = effect;
  }
}

function trend(trajectory: number[]): ConversationAnalysis['trend'] {
  if (trajectory.length < 2) return 'steady';
  const change = trajectory[trajectory.length - 1] - trajectory[0];
  if (change <= -EFFECT_THRESHOLD) return 'calming';
  if (change >= EFFECT_THRESHOLD) return 'escalating';
  return 'steady';
}

/**
 * A hand-off: the registry's no-transfer rule finds one in the reply. Run on its own so a configuration that
 * silences the rule in the coach still counts transfers for the conversation.
 */
function isTransfer(text: string, context: ReplyContext, check: CheckResult): boolean {
  if (check.findings.some((f) => f.ruleId === 'no-transfer')) return true;
  const rule = RULES.find((r) => r.meta.id === 'no-transfer');
  if (!rule) return false;
  return checkReply(text, context, { ruleList: [rule], checkFixes: false }).findings.length > 0;
}

/**
 * The next best move for the agent. After a customer turn: the first step the playbook expects for what
 * they said that no agent reply has made since the customer's anger last rose. After an agent turn: what
 * that reply still lacks, else the closing steps of the phase.
 */
function nextMove(
  out: TurnAnalysis[],
  list: readonly Turn[],
  context: ConversationContext & { refusals: number; phase: Phase },
  made: Set<Move>,
  last: Turn | undefined,
): ConversationAnalysis['nextMove'] {
  if (!last) return undefined;
  if (last.role === 'agent') {
    const lastAgent = out[out.length - 1];
    if (lastAgent.check?.nextMove) return lastAgent.check.nextMove;
    if (context.phase === 'agree' && !made.has('summarize')) return step('summarize', 'P16');
    if (context.phase === 'summarize' && !made.has('follow-up')) return step('follow-up', 'P17');
    return undefined;
  }
  // The customer spoke last: what should the reply to their pending turns do?
  const pending: number[] = [];
  for (let k = out.length - 1; k >= 0 && out[k].role === 'customer'; k--) pending.unshift(k);
  const text = pending.map((k) => list[k].text).join('\n');
  const resolved = resolveContext({ ...context, customerMessage: text });
  // Moves made since the customer's anger last rose still stand; older ones must be made again.
  const since = madeSinceAngerRose(out);
  if (context.refusals >= 2 && resolved.upset) return step('ask', 'P12', 'If you ran our business, what would you do? Ask it: two refusals have not settled this');
  for (const s of playbookSteps(resolved)) {
    if (since.has(s.move) && s.move !== 'offer') continue;
    return step(s.move, s.principle);
  }
  return undefined;
}

function madeSinceAngerRose(out: TurnAnalysis[]): Set<Move> {
  const made = new Set<Move>();
  let prevAnger: number | undefined;
  for (const t of out) {
    if (t.role === 'customer' && t.analysis) {
      if (prevAnger !== undefined && t.analysis.anger >= prevAnger + EFFECT_THRESHOLD) made.clear();
      prevAnger = t.analysis.anger;
    } else if (t.check) {
      for (const m of moveSet(t.check.moves)) made.add(m);
    }
  }
  return made;
}

function step(move: Move, principle: PrincipleId, why?: string): { move: Move; reason: string } {
  return { move, reason: `${why ?? PRINCIPLES[principle]} (${principle}).` };
}

/**
 * 0..100: the mean playbook score of the agent's replies, minus 15 per transfer and 10 per reply that
 * inflamed the customer, plus 5 per reply that calmed them; minus 10 when the first reply to an upset
 * customer did not acknowledge them, 20 when no reply ever did. A conversation without agent replies
 * scores 100 only if the customer needed nothing: otherwise it scores the never-acknowledged penalty.
 */
function score(out: TurnAnalysis[], transfers: number, effects: (ReplyEffect | undefined)[], firstAck: number | undefined): number {
  const agent = out.filter((t) => t.role === 'agent' && t.check);
  const upsetBefore = (t: TurnAnalysis) => (t.answers ?? []).some((j) => out[j].analysis?.upset);
  const firstToUpset = agent.find(upsetBefore);
  let s = agent.length ? agent.reduce((sum, t) => sum + (t.check?.scores.overall ?? 0), 0) / agent.length : 100;
  s -= SCORE.perTransfer * transfers;
  s -= SCORE.perInflamed * effects.filter((e) => e === 'inflamed').length;
  s += SCORE.perCalmed * effects.filter((e) => e === 'calmed').length;
  const customerUpset = out.some((t) => t.analysis?.upset);
  if (customerUpset && firstAck === undefined) s -= SCORE.neverAcknowledged;
  else if (firstToUpset && firstAck !== undefined && firstAck > firstToUpset.index) s -= SCORE.lateAcknowledgement;
  return Math.max(0, Math.min(100, Math.round(s)));
}
