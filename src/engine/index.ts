/**
 * Defuse engine: pure functions, no I/O, runs unchanged in Node and in the browser.
 * @packageDocumentation
 */
export { analyzeMessage } from './analyze/message.ts';
export { labelIssue } from './analyze/issues.ts';
export { composeReply, type ComposeContext } from './compose/compose.ts';
export { checkReply, resolveContext, type CheckOptions, type CheckResult, type RuleSettings } from './check.ts';
export { analyzeConversation } from './conversation/analyze.ts';
export type { ConversationAnalysis, ConversationContext, ReplyEffect, Turn, TurnAnalysis } from './conversation/types.ts';
export { applyFixes } from './fix.ts';
export { BAD_JOINS, MAX_CHECKED_FIX_CHARS, orderFindings } from './suggest.ts';
export { fixDraft } from './fix-draft.ts';
export { detectMoves, type MoveFinding } from './moves.ts';
export { RULES } from './rules/index.ts';
export type { Rule, RuleMeta, RawFinding, RuleInput } from './rules/define.ts';
export { splitSentences } from './text/sentences.ts';
export * from './types.ts';
