import type { EmotionScores, SignalKind } from '../types.ts';
import type { CueKind, Emotion, ScoringInput } from './evidence.ts';
import { sentenceIndexAt } from './spans.ts';

/**
 * Turns the customer-service cues of a message into `anger`, `upset`, `sentiment` and emotion scores.
 *
 * This is the lexicon version. The trained emotion model (issue 3) replaces the inside of this module and
 * combines its probabilities with the same cues; everything that *finds* cues lives elsewhere (`cues.ts`,
 * `*.data.ts`), so the two can evolve separately. The shape of {@link ScoreResult} is the contract.
 */
export interface ScoreResult {
  /** 0 calm … 1 irate, an intensity: more and stronger cues give a higher value, saturating towards 1. */
  anger: number;
  /** Dissatisfied enough to need de-escalation, even when polite. */
  upset: boolean;
  /** -1 … 1. */
  sentiment: number;
  emotions: EmotionScores;
  /** Anger of each sentence, same scale as `anger`, index-aligned with `input.sentences`. */
  sentenceAnger: number[];
}

/**
 * How much each cue kind counts towards anger (multiplied by the cue's own weight). Complaint cues count a
 * little: "still waiting" is mostly dissatisfaction, not heat.
 */
const ANGER_SHARE: Record<CueKind, number> = {
  anger: 1,
  profanity: 1,
  sarcasm: 1,
  'negated-positive': 1,
  caps: 1,
  exclaim: 1,
  complaint: 0.35,
  negative: 0.25,
  positive: 0,
};

/** Signals that raise anger by themselves: threats and being ignored or bounced around are heated. */
const SIGNAL_ANGER: Partial<Record<SignalKind, number>> = {
  abuse: 0.55,
  legal: 0.35,
  review: 0.3,
  churn: 0.3,
  'repeat-contact': 0.25,
  transferred: 0.25,
};

/** Signals that make a message upset whatever its tone: a polite "third time I write" still needs care. */
const UPSET_SIGNALS: ReadonlySet<SignalKind> = new Set(['abuse', 'legal', 'review', 'churn', 'repeat-contact', 'transferred']);

/**
 * Saturation rate: anger = 1 − e^(−k·Σweights). With k = 1.1 one "furious" (0.7) reads ≈ 0.54, "furious!!!"
 * ≈ 0.65, a message with three strong cues ≈ 0.85; a lone "frustrating" (0.35) ≈ 0.32.
 */
const K = 1.1;
/** Repeats of one cue text add less and less: the fifth "ridiculous" says little the first did not. */
const REPEAT_DECAY = 0.5;
/** Cap on what shouting and "!!!" can add, so a megabyte of "!" is not infinitely angry. */
const TYPO_CAP = 0.6;
/** Upset when this much dissatisfaction (anger + complaint + signals) is present. */
const UPSET_THRESHOLD = 0.3;

/**
 * Scores a message from its cues.
 *
 * @example
 * // cues come from extractCues(); a single strong anger word:
 * scoreMessage(text, { sentences, cues: [{ kind: 'anger', weight: 0.7, range: [4, 11], text: 'furious', sentence: 0 }], signals: [] }).anger
 * // ≈ 0.54
 */
export function scoreMessage(_text: string, input: ScoringInput): ScoreResult {
  const { sentences, cues, signals } = input;
  const seen = new Map<string, number>();
  const perSentence = new Array<number>(sentences.length).fill(0);
  const emotionSum: Record<Emotion, number> = { anger: 0, disgust: 0, fear: 0, joy: 0, sadness: 0, surprise: 0 };
  let angerSum = 0;
  let typoSum = 0;
  let complaintSum = 0;
  let pos = 0;
  let neg = 0;

  for (const cue of cues) {
    const key = `${cue.kind}:${cue.text.toLowerCase()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const w = cue.weight * REPEAT_DECAY ** n;
    if (cue.kind === 'positive') {
      pos += w;
    } else {
      neg += w;
      let a = w * ANGER_SHARE[cue.kind];
      if (cue.kind === 'caps' || cue.kind === 'exclaim') {
        a = Math.max(0, Math.min(a, TYPO_CAP - typoSum));
        typoSum += a;
      }
      angerSum += a;
      if (cue.sentence >= 0 && cue.sentence < perSentence.length) perSentence[cue.sentence] += a;
      if (cue.kind === 'complaint' || cue.kind === 'negated-positive' || cue.kind === 'sarcasm') complaintSum += w;
    }
    if (cue.emotion) emotionSum[cue.emotion] += w;
  }

  let signalUpset = false;
  for (const s of signals) {
    const a = SIGNAL_ANGER[s.kind] ?? 0;
    const n = seen.get(`signal:${s.kind}`) ?? 0;
    seen.set(`signal:${s.kind}`, n + 1);
    const w = a * REPEAT_DECAY ** n;
    angerSum += w;
    neg += w;
    const i = sentenceIndexAt(sentences, s.evidence.range[0]);
    if (i >= 0) perSentence[i] += w;
    if (w > 0) emotionSum.anger += w;
    if (UPSET_SIGNALS.has(s.kind)) signalUpset = true;
  }

  const anger = saturate(angerSum);
  // Sentiment weighs positives against negatives; politeness ("thanks") alone lifts a neutral message.
  const sentiment = round(Math.tanh(1.2 * (pos - neg)));
  const upset = signalUpset || (anger + complaintSum >= UPSET_THRESHOLD && sentiment < 0.5);

  const ekman: Record<string, number> = {};
  let strongest = 0;
  for (const e of Object.keys(emotionSum) as Emotion[]) {
    ekman[e] = saturate(emotionSum[e]);
    strongest = Math.max(strongest, ekman[e]);
  }
  ekman.anger = Math.max(ekman.anger, anger);
  strongest = Math.max(strongest, ekman.anger);
  ekman.neutral = round(1 - strongest);

  return { anger, upset, sentiment, emotions: { ekman }, sentenceAnger: perSentence.map(saturate) };
}

function saturate(x: number): number {
  return round(1 - Math.exp(-K * Math.max(0, x)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
