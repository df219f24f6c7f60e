import type { Finding, PrincipleId, Range, ResolvedContext, Sentence, Severity, Suggestion } from '../types.ts';
import type { MoveFinding } from '../moves.ts';

/** Which replies a rule applies to: ordinary private replies, public answers to reviews, or both. */
export type RuleSet = 'reply' | 'review' | 'all';

export interface RuleMeta {
  /** kebab-case; `no-` prefix for what the rule forbids. */
  id: string;
  principle: PrincipleId;
  severity: Severity;
  /** One line for the rules table. */
  description: string;
  /** Message templates keyed by message id; `{{key}}` is filled from the finding's data. */
  messages: Record<string, string>;
  /** Default reason shown with every finding (the finding may override). */
  note: string;
  fixable: boolean;
  ruleSet: RuleSet;
}

/** What a rule sees: the draft, its sentences, the resolved context and the moves the draft makes. */
export interface RuleInput {
  text: string;
  sentences: Sentence[];
  context: ResolvedContext;
  moves: MoveFinding[];
}

/**
 * The most findings one rule reports in one draft. A reply with a hundred of one mistake needs rewriting,
 * not a hundred underlines, and a pasted megabyte must not cost a second of building fixes nobody reads.
 */
export const MAX_FINDINGS_PER_RULE = 100;

/** What `check` returns; the engine adds rule id, severity and the rendered message. */
export interface RawFinding {
  messageId: string;
  range: Range;
  data?: Record<string, string>;
  note?: string;
  suggestions?: Suggestion[];
  /**
   * This finding's own severity, when it differs from the rule's default (no-bare-sorry: a bare "I'm sorry."
   * is a warning, "sorry for the delay" only a suggestion). A severity the user's config sets for the rule wins.
   */
  severity?: Severity;
}

export interface Rule {
  meta: RuleMeta;
  check(input: RuleInput): RawFinding[];
}

/**
 * Declares a rule. Keeps rule files to one shape: meta + a pure `check` that returns findings.
 *
 * @example
 * export default defineRule({ meta: { id: 'no-shouting', … }, check: ({ text }) => [] });
 */
export function defineRule(rule: Rule): Rule {
  for (const id of Object.keys(rule.meta.messages)) {
    if (!/^[a-z][a-zA-Z]*$/.test(id)) throw new Error(`${rule.meta.id}: message id must be camelCase: ${id}`);
  }
  if (!/^[a-z]+(?:-[a-z0-9]+)*$/.test(rule.meta.id)) throw new Error(`rule id must be kebab-case: ${rule.meta.id}`);
  return rule;
}

/** Renders `{{key}}` placeholders. Unknown keys stay visible so a missing datum is noticed in tests. */
export function renderMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? data[key] : whole));
}

/**
 * Turns a raw finding into the public shape. `severity` is the user's setting for the rule, when there is
 * one; without it the finding's own severity applies, then the rule's default.
 */
export function toFinding(rule: Rule, raw: RawFinding, severity: Severity = raw.severity ?? rule.meta.severity): Finding {
  const template = rule.meta.messages[raw.messageId];
  if (template === undefined) throw new Error(`${rule.meta.id}: unknown message id ${raw.messageId}`);
  return {
    ruleId: rule.meta.id,
    principle: rule.meta.principle,
    severity,
    messageId: raw.messageId,
    message: renderMessage(template, raw.data),
    note: raw.note ?? rule.meta.note,
    range: raw.range,
    suggestions: raw.suggestions ?? [],
  };
}
