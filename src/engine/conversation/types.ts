import type { CheckResult } from '../check.ts';
import type { MessageAnalysis, Move, Phase, ReplyContext } from '../types.ts';

/** One turn of a conversation, as importers and the desk provide it. */
export interface Turn {
  role: 'customer' | 'agent';
  text: string;
  author?: string;
  /** ISO timestamp when known. */
  at?: string;
}

/** What happened to the customer's anger after an agent reply. */
export type ReplyEffect = 'calmed' | 'inflamed' | 'neutral' | 'unknown';

export interface TurnAnalysis {
  index: number;
  role: Turn['role'];
  /** Customer turns: the message analysis. */
  analysis?: MessageAnalysis;
  /** Agent turns: the coaching result against the preceding customer turn. */
  check?: CheckResult;
  /** Agent turns: the customer's anger change at their next turn. */
  effect?: ReplyEffect;
  /** Agent turns: next customer anger minus the anger the reply answered; absent when either is missing. */
  angerChange?: number;
  /** Agent turns: indices of the customer turns this reply answers (all since the previous agent turn). */
  answers?: number[];
  /** Agent turns: true when the reply hands the customer to someone else. */
  transfer?: boolean;
  /** Customer turns: true when the customer accepts what was offered ("that works, thanks"). */
  agrees?: boolean;
  /** The playbook phase the conversation was in when this turn was written. */
  phase?: Phase;
}

export interface ConversationAnalysis {
  turns: TurnAnalysis[];
  /** Customer anger at each customer turn, in order. */
  angerTrajectory: number[];
  /** Playbook moves made by any agent turn. */
  steps: Partial<Record<Move, boolean>>;
  /** Agent turns that hand the customer to someone else. */
  transfers: number;
  /** Indices of those turns. */
  transferTurns?: number[];
  /** How the customer's anger moved from their first turn to their last. */
  trend?: 'calming' | 'escalating' | 'steady';
  /** Whether the customer still reads as upset at their latest turn. */
  upset?: boolean;
  phase: Phase;
  nextMove?: { move: Move; reason: string };
  /** 0..100 for the whole conversation. */
  score: number;
  /** Index of the first agent turn that acknowledged the emotion, if any. */
  firstAcknowledgementTurn?: number;
}

export type ConversationContext = Omit<ReplyContext, 'customerMessage' | 'analysis'> & {
  /** Customer turns are upset when their upsetScore is at least this (see `MessageContext.upsetThreshold`). */
  upsetThreshold?: number;
};
