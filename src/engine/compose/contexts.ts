import type { IssueCategory, MessageAnalysis, Need, OptionOffer, Phase, ReplyChannel, ReplyContext, Signal, SignalKind } from '../types.ts';

/** A reply context for the composer; `seed` picks among phrasings (default: a hash of the context). */
export type ComposeContext = ReplyContext & { seed?: number };

/** What a hand-built analysis may say; everything else gets a neutral default. */
export interface AnalysisSketch {
  upset?: boolean;
  anger?: number;
  issues?: { category: IssueCategory; phrase: string; label?: string }[];
  needs?: Need[];
  signals?: { kind: SignalKind; text?: string; value?: number }[];
  name?: string;
}

/**
 * Builds a `MessageAnalysis` by hand, for callers that already know what the customer said (the desk's
 * case record, tests, the composer's property test) and must not depend on the analyzer's scoring.
 *
 * @example
 * makeAnalysis({ upset: true, needs: ['timing'] }).needs[0].need // 'timing'
 */
export function makeAnalysis(sketch: AnalysisSketch = {}): MessageAnalysis {
  const upset = sketch.upset ?? (sketch.anger ?? 0) > 0.3;
  const anger = sketch.anger ?? (upset ? 0.7 : 0);
  return {
    anger,
    upset,
    upsetScore: upset ? 1 : 0,
    sentiment: -anger,
    angerEvidence: [],
    sentences: [],
    issues: (sketch.issues ?? []).map((i) => ({ ...i, range: [0, 0] as const })),
    needs: (sketch.needs ?? []).map((need) => ({ need, evidence: [] })),
    signals: (sketch.signals ?? []).map((s): Signal => ({ kind: s.kind, evidence: { range: [0, 0], text: s.text ?? s.kind }, value: s.value })),
    name: sketch.name ? { value: sketch.name, source: 'message' } : undefined,
    emotions: {},
  };
}

/** A tiny deterministic PRNG (mulberry32), so generated contexts are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Ana', 'Priya Raman', 'Jonas', "Siobhán O'Neill", 'Kwame', 'Li Wei', 'Mariana', 'Tom', 'Fatima'];
const COMPANIES = ['Acme', 'Northwind Outdoor', 'Bluebird Telecom', 'Lumen Energy', 'Parcelo'];
const AGENTS = ['Sam', 'Rita', 'Jordan', 'Mei'];
// Labels as the analyzer gives them (issues.data.ts): how an agent names the issue back.
const ISSUES: { category: IssueCategory; phrase: string; label: string; issue?: string }[] = [
  { category: 'delivery', phrase: 'still not arrived', label: 'the late delivery', issue: 'the late delivery of your order' },
  { category: 'delivery', phrase: 'parcel lost', label: 'the lost parcel' },
  { category: 'defect', phrase: 'stopped working', label: 'the machine that stopped working', issue: 'the coffee machine that stopped working after a week' },
  { category: 'defect', phrase: 'arrived broken', label: 'the item that arrived broken' },
  { category: 'billing', phrase: 'charged twice', label: 'the double charge', issue: 'the double charge on your card' },
  { category: 'billing', phrase: 'wrong amount', label: 'the wrong amount charged' },
  { category: 'refund', phrase: 'refund never came', label: 'the refund that never came', issue: 'the refund that still has not reached you' },
  { category: 'account', phrase: 'locked out', label: 'being locked out of your account', issue: 'being locked out of your account' },
  { category: 'service', phrase: 'rude staff member', label: 'the rude treatment you received' },
  { category: 'transfer', phrase: 'bounced between departments', label: 'being bounced between departments', issue: 'being passed from one department to another' },
  { category: 'policy', phrase: 'return refused', label: 'the refused return', issue: 'the return we turned down' },
];
const OPTIONS: OptionOffer[] = [
  { id: 'express', label: 'Free express shipping', need: 'timing', phrase: 'free express shipping on a replacement' },
  { id: 'next-day', label: 'Next-day delivery', need: 'timing' },
  { id: 'credit', label: 'Account credit', need: 'financial', phrase: 'a credit of 20 dollars on your account' },
  { id: 'discount', label: '15% discount', need: 'financial', phrase: 'a 15% discount on your next order' },
  { id: 'replace', label: 'Replacement', need: 'replacement', phrase: 'a brand-new replacement' },
];
const NEEDS: Need[] = ['timing', 'financial', 'replacement', 'information', 'acknowledgement'];
const PHASES: (Phase | undefined)[] = [undefined, 'listen', 'acknowledge', 'apologize', 'ask', 'offer', 'agree', 'summarize', 'follow-up'];
const CHANNELS: ReplyChannel[] = ['private', 'private', 'private', 'public-review'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

/**
 * Generates varied reply contexts for property tests: names or none, issue categories with or without a
 * written issue, needs, phases, tenure, loyalty signals, refusals, options, private or public-review.
 *
 * @example
 * generateContexts(3, 1).length // 3
 */
export function generateContexts(count: number, seed = 1): ComposeContext[] {
  const rnd = seededRandom(seed);
  const out: ComposeContext[] = [];
  for (let i = 0; i < count; i++) {
    const upset = rnd() < 0.8;
    const issue = rnd() < 0.85 ? pick(rnd, ISSUES) : undefined;
    const needs = rnd() < 0.6 ? [...new Set([pick(rnd, NEEDS), ...(rnd() < 0.3 ? [pick(rnd, NEEDS)] : [])])] : [];
    const loyal = rnd() < 0.2;
    const nameInMessage = rnd() < 0.3 ? pick(rnd, NAMES) : undefined;
    const analysis = makeAnalysis({
      upset,
      issues: issue ? [{ category: issue.category, phrase: issue.phrase, label: issue.label }] : [],
      needs,
      signals: loyal ? [{ kind: 'loyalty', text: 'customer for 12 years', value: 12 }] : [],
      name: nameInMessage,
    });
    out.push({
      analysis,
      customerName: rnd() < 0.5 ? pick(rnd, NAMES) : undefined,
      companyName: rnd() < 0.8 ? pick(rnd, COMPANIES) : undefined,
      agentName: rnd() < 0.7 ? pick(rnd, AGENTS) : undefined,
      phase: pick(rnd, PHASES),
      issue: issue?.issue && rnd() < 0.7 ? issue.issue : undefined,
      options: rnd() < 0.6 ? OPTIONS.filter(() => rnd() < 0.6) : undefined,
      tenureYears: rnd() < 0.3 ? Math.floor(rnd() * 20) : undefined,
      highValue: rnd() < 0.15 ? true : undefined,
      channel: pick(rnd, CHANNELS),
      refusals: rnd() < 0.25 ? Math.floor(rnd() * 4) : undefined,
      seed: rnd() < 0.5 ? Math.floor(rnd() * 1000) : undefined,
    });
  }
  return out;
}
