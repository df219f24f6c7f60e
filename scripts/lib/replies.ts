// The hand-labelled real-reply set (data/labels/reply-turns.jsonl): its types, how its labels map onto the
// engine's rules and moves, and the naive baselines that `eval:replies` prints beside Defuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../../src/engine/check.ts';
import type { Move, Severity } from '../../src/engine/types.ts';

/** The violation labels of shared/labels/REPLY-LABELS.md (`arguing` and `defensive` are one label here). */
export const REPLY_VIOLATION_LABELS = [
  'bare_sorry', 'generic_apology', 'transfer', 'customer_burden', 'policy_wall', 'you_wrong', 'blame',
  'scripted_empathy', 'corporate_jargon', 'dismissive', 'arguing_defensive',
] as const;
export const REPLY_MOVE_LABELS = [
  'apologize', 'acknowledge', 'name', 'ask', 'ask_details', 'own', 'offer', 'reassure', 'summarize', 'follow_up',
] as const;
export type ViolationLabel = (typeof REPLY_VIOLATION_LABELS)[number];
export type MoveLabel = (typeof REPLY_MOVE_LABELS)[number];

export interface ReplyLabel {
  label: string;
  span: [number, number];
  text: string;
}

/** One reading pass over one reply, as the labeller wrote it: the exact words that carry each label. */
export interface ReplyPass {
  id: string;
  violations: { label: string; evidence: string }[];
  moves: { label: string; evidence: string }[];
  note?: string;
}

export interface LabelledReply {
  id: string;
  company: string;
  split: 'fit' | 'heldout';
  fold: number;
  /** Every turn before the reply, oldest first. */
  context: { role: 'customer' | 'agent'; text: string }[];
  text: string;
  violations: ReplyLabel[];
  moves: ReplyLabel[];
  note?: string;
  /** The blind second pass, on the replies it covered. */
  second?: { violations: ReplyLabel[]; moves: ReplyLabel[] };
}

export function readReplySet(root: string): LabelledReply[] {
  const file = join(root, 'data', 'labels', 'reply-turns.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledReply);
}

/**
 * One snippet of the variant set (data/labels/reply-variants.jsonl): a reply WRITTEN BY THE TEAM, not a real
 * one, in the wording support teams of many industries and channels use for hand-offs, troubleshooting and
 * their clean counterparts, with the customer's message before it and its violations under REPLY-LABELS.md
 * (`evidence` = the words that carry each label; moves are not labelled). It checks that the phrase tables
 * follow the definitions rather than the fit brands' wording.
 */
export interface VariantReply extends LabelledReply {
  industry: string;
  channel: 'chat' | 'email' | 'social';
  /** What the snippet exercises: "hand-off: …", "burden: …", "clean: …". */
  covers: string;
}

/**
 * Reads the variant set as labelled replies (split `fit`: it is tuned on, like the fit brands), with each
 * label's span found from its evidence. Throws on evidence that is not in the reply (a data bug).
 */
export function readVariantSet(root: string): VariantReply[] {
  const file = join(root, 'data', 'labels', 'reply-variants.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => {
    const v = JSON.parse(l) as { id: string; industry: string; channel: VariantReply['channel']; covers: string; context: string; text: string; violations: { label: string; evidence: string }[] };
    const violations = v.violations.map(({ label, evidence }) => {
      const start = v.text.indexOf(evidence);
      if (start < 0) throw new Error(`${v.id}: evidence not in the reply: ${evidence}`);
      return { label, span: [start, start + evidence.length] as [number, number], text: evidence };
    });
    return {
      id: v.id, company: `variant:${v.industry}`, split: 'fit', fold: -1, industry: v.industry, channel: v.channel, covers: v.covers,
      context: [{ role: 'customer', text: v.context }], text: v.text, violations, moves: [],
    };
  });
}

/** The customer's side of the thread before a reply: what `--context` gets. */
export function customerContext(reply: Pick<LabelledReply, 'context'>): string {
  return reply.context.filter((t) => t.role === 'customer').map((t) => t.text).join('\n');
}

/** Which rules measure which violation label. */
export const RULES_FOR: Record<ViolationLabel, string[]> = {
  bare_sorry: ['no-bare-sorry'],
  generic_apology: ['no-generic-apology'],
  transfer: ['no-transfer'],
  customer_burden: ['no-asking-too-much', 'no-troubleshooting-burden'],
  policy_wall: ['no-policy-wall'],
  you_wrong: ['no-telling-wrong'],
  blame: ['no-blame'],
  scripted_empathy: ['no-scripted-empathy'],
  corporate_jargon: ['no-corporate-jargon'],
  dismissive: ['no-dismissing-emotion'],
  arguing_defensive: ['no-arguing', 'no-defensive', 'no-know-it-all'],
};

/** Which engine moves measure which move label. */
export const MOVES_FOR: Record<MoveLabel, Move[]> = {
  apologize: ['apologize'],
  acknowledge: ['acknowledge', 'empathize'],
  name: ['name'],
  ask: ['ask'],
  ask_details: ['ask-details' as Move],
  own: ['own'],
  offer: ['offer'],
  reassure: ['reassure'],
  summarize: ['summarize'],
  follow_up: ['follow-up'],
};

/** Rows the evaluation adds over the labels: the issue's `ask` ∪ `ask_details` target. */
const UNIONS: Record<string, { labels: MoveLabel[]; moves: Move[] }> = {
  'ask+ask_details': { labels: ['ask', 'ask_details'], moves: ['ask', 'ask-details' as Move] },
};

const SEVERE: ReadonlySet<Severity> = new Set(['error', 'warning']);

/** What Defuse says of one reply, per label: fired or not, and where. */
export function predictedLabels(result: CheckResult): { violations: Map<string, [number, number][]>; moves: Map<string, [number, number][]>; severe: boolean; severeLabelled: boolean } {
  const violations = new Map<string, [number, number][]>();
  const labelledRules = new Set(Object.values(RULES_FOR).flat());
  for (const [label, rules] of Object.entries(RULES_FOR)) {
    const hits = result.findings.filter((f) => rules.includes(f.ruleId)).map((f) => [f.range[0], f.range[1]] as [number, number]);
    if (hits.length) violations.set(label, hits);
  }
  const moves = new Map<string, [number, number][]>();
  for (const [label, wanted] of [...Object.entries(MOVES_FOR), ...Object.entries(UNIONS).map(([k, u]) => [k, u.moves] as const)]) {
    const hits = result.moves.filter((m) => wanted.includes(m.move)).map((m) => [m.range[0], m.range[1]] as [number, number]);
    if (hits.length) moves.set(label, hits);
  }
  return {
    violations,
    moves,
    severe: result.findings.some((f) => SEVERE.has(f.severity)),
    severeLabelled: result.findings.some((f) => SEVERE.has(f.severity) && labelledRules.has(f.ruleId)),
  };
}

/**
 * The naive baselines: one keyword regex per label, the obvious words a person would grep for first, and a
 * `?` for questions. They show what the phrase tables add over a grep.
 */
export const KEYWORD_BASELINE: Record<ViolationLabel | MoveLabel, RegExp> = {
  bare_sorry: /\bsorry\b/i,
  generic_apology: /\b(?:inconvenience|any trouble|the trouble|confusion)\b/i,
  transfer: /\b(?:contact|call|reach out to|visit)\b/i,
  customer_burden: /\b(?:try|clear|reinstall|restart|steps?)\b/i,
  policy_wall: /\b(?:policy|unable|can't|cannot|not possible)\b/i,
  you_wrong: /\b(?:actually|incorrect|your fault|shows as)\b/i,
  blame: /\b(?:courier|third[- ]party|carrier|manufacturer)\b/i,
  scripted_empathy: /\bunderstand\b/i,
  corporate_jargon: /\b(?:kindly|please note|be advised|greetings|valued customer|request you)\b/i,
  dismissive: /\b(?:calm down|relax)\b/i,
  arguing_defensive: /\b(?:actually|we would never|no mistake)\b/i,
  apologize: /\b(?:sorry|apologi[sz]e|apologies)\b/i,
  acknowledge: /\b(?:frustrat\w*|understand|upsetting|annoying)\b/i,
  name: /^(?:@\w+\s+)*(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks),? [A-Z][a-z]+/,
  ask: /\bwhat would\b/i,
  ask_details: /\?/,
  own: /\b(?:look into|check|investigat\w*|escalat\w*)\b/i,
  offer: /\b(?:refund|credit|replace\w*|discount)\b/i,
  reassure: /\b(?:happy to help|glad to help|here to help|rest assured)\b/i,
  summarize: /\b(?:to summari[sz]e|to recap|to confirm)\b/i,
  follow_up: /\b(?:follow up|get back to you|check back)\b/i,
};

export interface Counts { tp: number; fp: number; fn: number; tn: number }
export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
export function add(c: Counts, predicted: boolean, actual: boolean): void {
  if (predicted && actual) c.tp++;
  else if (predicted) c.fp++;
  else if (actual) c.fn++;
  else c.tn++;
}
export function prf(c: Counts): { p: number; r: number; f1: number; support: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : NaN;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : NaN;
  const f1 = c.tp ? (2 * p * r) / (p + r) : c.tp + c.fp + c.fn ? 0 : NaN;
  return { p, r, f1, support: c.tp + c.fn };
}

/** Cohen's κ of two yes/no raters over the same items. */
export function cohenKappa(a: readonly boolean[], b: readonly boolean[]): number {
  const n = a.length;
  if (n === 0) return NaN;
  let agree = 0;
  let ya = 0;
  let yb = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    if (a[i]) ya++;
    if (b[i]) yb++;
  }
  const po = agree / n;
  const pe = (ya / n) * (yb / n) + (1 - ya / n) * (1 - yb / n);
  return pe === 1 ? (po === 1 ? 1 : 0) : (po - pe) / (1 - pe);
}

export interface LabelMetrics {
  label: string;
  kind: 'violation' | 'move';
  defuse: Counts;
  baseline: Counts;
  /** Replies where Defuse and the label agree and a finding overlaps a labelled span. */
  spanHits: number;
  /** Labelled replies Defuse missed, and clean ones it flagged, for reading. */
  missed: { id: string; words: string[] }[];
  falseAlarms: { id: string; words: string[] }[];
}

export interface ReplyEvaluation {
  replies: number;
  labels: LabelMetrics[];
  /** Replies with no violation label. */
  clean: number;
  /** …of which flagged at warning/error by a rule that measures a violation label. */
  cleanFlaggedLabelled: number;
  /** …of which flagged at warning/error by any rule (the missing-move rules included). */
  cleanFlaggedAny: number;
}

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

/**
 * Scores `check` (Defuse's checkReply, or any function with its shape) against the labels of `rows`, per
 * label at reply level, with the keyword baseline in the same pass.
 */
export function evaluateReplies(rows: readonly LabelledReply[], check: (reply: LabelledReply) => CheckResult): ReplyEvaluation {
  const labels: LabelMetrics[] = [
    ...REPLY_VIOLATION_LABELS.map((label) => ({ label, kind: 'violation' as const })),
    ...REPLY_MOVE_LABELS.map((label) => ({ label, kind: 'move' as const })),
    ...Object.keys(UNIONS).map((label) => ({ label, kind: 'move' as const })),
  ].map(({ label, kind }) => ({ label, kind, defuse: emptyCounts(), baseline: emptyCounts(), spanHits: 0, missed: [], falseAlarms: [] }));
  let clean = 0;
  let cleanFlaggedLabelled = 0;
  let cleanFlaggedAny = 0;
  for (const row of rows) {
    const predicted = predictedLabels(check(row));
    if (row.violations.length === 0) {
      clean++;
      if (predicted.severeLabelled) cleanFlaggedLabelled++;
      if (predicted.severe) cleanFlaggedAny++;
    }
    for (const m of labels) {
      const wanted: string[] = UNIONS[m.label]?.labels ?? [m.label];
      const gold = (m.kind === 'violation' ? row.violations : row.moves).filter((l) => wanted.includes(l.label));
      const hits = (m.kind === 'violation' ? predicted.violations : predicted.moves).get(m.label) ?? [];
      add(m.defuse, hits.length > 0, gold.length > 0);
      add(m.baseline, (KEYWORD_BASELINE[m.label as ViolationLabel] ?? KEYWORD_BASELINE.ask_details).test(row.text), gold.length > 0);
      if (hits.length && gold.length && hits.some((h) => gold.some((g) => overlaps(h, g.span)))) m.spanHits++;
      if (!hits.length && gold.length) m.missed.push({ id: row.id, words: gold.map((g) => g.text) });
      if (hits.length && !gold.length) m.falseAlarms.push({ id: row.id, words: hits.map((h) => row.text.slice(h[0], h[1])) });
    }
  }
  return { replies: rows.length, labels, clean, cleanFlaggedLabelled, cleanFlaggedAny };
}

/**
 * One reply per brand template: replies whose text is the same once @handles, links, digits, signatures
 * ("^JS", "*MS") and punctuation are set aside count once (the first in file order). A brand that answers
 * forty customers with one template then weighs as one reply, not forty.
 */
export function distinctTemplates(rows: readonly LabelledReply[]): LabelledReply[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.company}\u0000${r.text.toLowerCase()
      .replace(/@\w+/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/[\^*]\s?\w{1,3}\s*$/u, ' ')
      .replace(/\d+/g, '0')
      .replace(/[^\p{L}0]+/gu, ' ')
      .trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
