import type { ConversationAnalysis, ConversationContext, ReplyEffect, Turn } from '../engine/conversation/types.ts';
import type { PrincipleId, Severity } from '../engine/types.ts';

/** The engine's conversation analysis, injected so QA runs with whichever implementation is given. */
export type AnalyzeConversation = (turns: Turn[], context?: ConversationContext) => ConversationAnalysis;

/**
 * Where worker threads load the analyzer from: a module URL or path and the export name. Functions
 * cannot cross a thread boundary, so workers import it themselves.
 */
export interface AnalyzerSpec {
  module: string;
  exportName: string;
}

/** One coaching finding on one agent reply of an archived conversation. */
export interface QaFinding {
  /** Index of the agent turn in the conversation. */
  turn: number;
  agent?: string;
  at?: string;
  ruleId: string;
  principle: PrincipleId;
  severity: Severity;
  message: string;
  /** `[start, end)` in the turn's text. */
  range: [number, number];
  /** The flagged words. */
  excerpt: string;
  /** The first suggested fix: its label and replacement text. */
  suggestion?: { message: string; text: string };
}

/** What QA keeps of one analysed conversation: enough for the tables, charts and per-finding rows. */
export interface QaResult {
  id: string;
  source: string;
  file: string;
  line: number;
  subject?: string;
  customer?: string;
  createdAt?: string;
  agents: string[];
  customerTurns: number;
  agentTurns: number;
  /** 0..100, the engine's conversation score. */
  score: number;
  transfers: number;
  angerTrajectory: number[];
  /** True when any customer turn read as upset. */
  upset: boolean;
  firstAcknowledgementTurn?: number;
  /** Minutes from the customer's first message to the first acknowledging reply, when both have times. */
  minutesToAcknowledge?: number;
  /** Minutes from the customer's first message to the first agent reply. */
  minutesToFirstReply?: number;
  /** Per agent reply: who, its reply score, the customer's anger before and at their next turn. */
  replies: { turn: number; agent: string; score: number; effect: ReplyEffect; angerBefore?: number; angerAfter?: number; transfer?: boolean }[];
  /** How the customer's anger moved from their first turn to their last, when the analysis says. */
  trend?: 'calming' | 'escalating' | 'steady';
  findings: QaFinding[];
  nextMove?: string;
  /** Playbook moves any agent reply made (acknowledge, apologize, name, ask, offer, summarize…). */
  steps: string[];
  excluded: { internalNotes: number; emptyAfterCleaning: number };
}
