import { loadEmotionModel, sigmoid, type EmotionModel, type PackedHeads } from '../model/emotion.ts';
import { CUSTOMER_STAGE } from '../../../models/customer-stage.model.ts';
import type { EmotionScores, Sentence, Signal, SignalKind } from '../types.ts';
import type { Cue, CueKind, ScoringInput } from './evidence.ts';
import { sentenceIndexAt } from './spans.ts';

/**
 * Turns a customer message into `anger`, `upset`, `sentiment` and emotion scores.
 *
 * Two sources of evidence, combined by a small second-stage model rather than by special cases:
 * 1. the trained emotion model (`src/engine/model/`, GoEmotions): what a reader feels in the wording,
 *    including wording no lexicon lists;
 * 2. the customer-service cues found by `cues.ts` and the signals (waiting, nobody answers, refunds,
 *    sarcasm, caps, threats to leave…): what Reddit-trained emotion models under-weigh.
 * The second stage (`models/customer-stage.model.ts`) is a logistic model for `upset` and an ordinal
 * (cumulative-logit) model for anger 0–3 over {@link STAGE_FEATURES}, fitted by `npm run train` on the
 * hand-labelled customer turns (`data/labels/`), regularization chosen by cross-validation. Everything that
 * *finds* cues lives elsewhere; the shape of {@link ScoreResult} is the contract with the analyzer.
 */
export interface ScoreResult {
  /**
   * 0 calm … 1 irate, an intensity: the expected reader rating on the 0–3 scale of `data/labels/GUIDE.md`,
   * divided by 3.
   */
  anger: number;
  /** Dissatisfied enough to need de-escalation, even when polite. */
  upset: boolean;
  /** Probability behind `upset`, for ranking a queue. */
  upsetProbability: number;
  /** -1 … 1. */
  sentiment: number;
  emotions: EmotionScores;
  /** Anger of each sentence, same scale as `anger`, index-aligned with `input.sentences`. */
  sentenceAnger: number[];
  /** Logits of `options.extraHeads` for the whole text, read from the same feature pass. */
  extraLogits?: Float64Array;
}

/**
 * How much each cue kind counts towards cue anger (multiplied by the cue's own weight). Complaint cues count
 * a little: "still waiting" is mostly dissatisfaction, not heat.
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

/** Signals that carry heat by themselves: threats and being ignored or bounced around. */
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

/** Saturation rate of cue sums: 1 − e^(−k·Σweights); one "furious" (0.7) ≈ 0.54. */
const K = 1.1;
/** Repeats of one cue text add less and less: the fifth "ridiculous" says little the first did not. */
const REPEAT_DECAY = 0.5;
/** Cap on what shouting and "!!!" can add, so a megabyte of "!" is not infinitely angry. */
const TYPO_CAP = 0.6;
/** Model logits are clipped so one extreme head cannot dominate the second stage. */
const LOGIT_CLIP = 8;

/**
 * Second-stage inputs, in the order of the weights in `models/customer-stage.model.ts`.
 * - `negative`, `anger`, `annoyance`, `joy`, `sadness`: emotion-model logits of the whole text (any negative
 *   emotion, the 28-label anger and annoyance heads, the Ekman joy and sadness groups);
 * - `maxNegative`, `maxAnger`, `maxAnnoyance`: the largest of those logits over the sentences;
 * - `cueAnger`, `cueComplaint`, `cuePositive`: saturated sums of the analyzer's cues;
 * - `signal`: 1 when a churn/legal/review/repeat-contact/transfer/abuse signal is present;
 * - `question`: the share of sentences that ask something ("How do I…?", "Why was my card declined?"). The
 *   labelling guide reads a problem put as a plain question as not upset unless something else says so.
 */
export const STAGE_FEATURES = [
  'negative', 'anger', 'annoyance', 'joy', 'sadness', 'maxNegative', 'maxAnger', 'maxAnnoyance',
  'cueAnger', 'cueComplaint', 'cuePositive', 'signal', 'question',
] as const;

/** The fitted second stage, as written by `scripts/train.ts`. */
export interface CustomerStage {
  version: string;
  trainedAt: string;
  features: readonly string[];
  /** Standardization applied before the weights. */
  mean: number[];
  std: number[];
  /**
   * `threshold`: the default cut for `upset`, chosen on the labelled sets for balanced F1 (see
   * `scripts/lib/stage2.ts`); a team sets its own with `upsetThreshold`.
   */
  upset: { bias: number; weights: number[]; threshold: number };
  /** Cumulative logits: P(anger ≥ k) = σ(w·x − cuts[k−1]), k = 1..3. */
  anger: { weights: number[]; cuts: number[] };
  metrics?: Record<string, number>;
}

/** Cue evidence of a span of text, summarised. */
interface CueSums {
  anger: number;
  complaint: number;
  positive: number;
  negative: number;
  signal: number;
}

/** Indices of the model heads the stage reads, in {@link Picked} order, resolved once per model. */
const headCache = new WeakMap<EmotionModel, Int32Array>();
function heads(model: EmotionModel): Int32Array {
  let h = headCache.get(model);
  if (!h) {
    h = Int32Array.from(['negative', 'anger', 'annoyance', 'ekman:joy', 'ekman:sadness'], (name) => model.headIndex(name));
    headCache.set(model, h);
  }
  return h;
}

/** Options for tests and training: a freshly trained model or stage instead of the shipped ones. */
export interface ScoringOptions {
  model?: EmotionModel;
  stage?: CustomerStage;
  /** `upset` is `upsetProbability ≥ upsetThreshold`; default the stage's own threshold. */
  upsetThreshold?: number;
  /** Other heads on the emotion model's features (the issue model), scored on the message's one feature pass. */
  extraHeads?: PackedHeads;
}

/**
 * Scores a message from its text (through the emotion model) and its cues.
 *
 * @example
 * const sentences = splitSentences('I am absolutely furious!!!');
 * scoreMessage('I am absolutely furious!!!', { sentences, cues: extractCues(text, sentences), signals: [] }).anger
 * // ≈ 0.7
 */
export function scoreMessage(text: string, input: ScoringInput, options: ScoringOptions = {}): ScoreResult {
  const model = options.model ?? loadEmotionModel();
  const stage = options.stage ?? CUSTOMER_STAGE;
  const { sentences, cues, signals } = input;
  const { window, z, perSentence, x, asks, extra } = stageInputs(text, input, model, options.extraHeads);
  const upsetProbability = round(upsetOf(stage, x));
  const anger = round(angerOf(stage, x));

  // Sentence anger: the same stage on each sentence alone, with that sentence's cues.
  const sentenceAnger =
    sentences.length <= 1
      ? sentences.map(() => anger)
      : sentenceAngers(stage, perSentence, sumCuesBySentence(cues, signals, sentences), asks);

  // Sentiment: how positive the wording is, minus how dissatisfied the customer is. A thank-you note is
  // near +1, a polite complaint clearly negative, a plain question near 0.
  const joy = round(sigmoid(z[JOY]));
  const sentiment = round(Math.max(-1, Math.min(1, joy * (1 - upsetProbability) - upsetProbability)));

  // Nothing to read (empty, whitespace, punctuation only): the stage would return its base rate, which
  // describes an average customer message, not an absent one.
  const empty = !HAS_CONTENT.test(text);
  const emotions = lazyEmotions(model, window);
  return {
    anger: empty ? 0 : anger,
    upset: !empty && upsetProbability >= (options.upsetThreshold ?? stage.upset.threshold),
    upsetProbability: empty ? 0 : upsetProbability,
    sentiment: empty ? 0 : sentiment,
    get emotions() {
      return emotions();
    },
    sentenceAnger: empty ? sentences.map(() => 0) : sentenceAnger,
    ...(extra ? { extraLogits: extra } : {}),
  };
}

/**
 * The 28 label and 7 Ekman probabilities of a text, computed on first read and kept. Every head costs
 * the same arithmetic, and the stage reads five of the 36: live coaching and `defuse analyze` never read
 * the rest, so they pay for five; a caller that shows or serializes the emotions pays once for all.
 */
function lazyEmotions(model: EmotionModel, text: string): () => EmotionScores {
  let scores: EmotionScores | undefined;
  const rounded = (probabilities: Record<string, number>) => Object.fromEntries(Object.entries(probabilities).map(([k, p]) => [k, round(p)]));
  return () => {
    if (scores) return scores;
    const p = model.predict(text);
    scores = { labels: rounded(p.labels), ekman: rounded(p.ekman) };
    return scores;
  };
}

const HAS_CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/**
 * The second-stage feature vector of a text, in {@link STAGE_FEATURES} order. Exposed for training and
 * evaluation (`scripts/`), which fit and test the stage on hand-labelled customer turns.
 *
 * @example
 * scoringFeatures('Still waiting for my refund', input).length // STAGE_FEATURES.length
 */
export function scoringFeatures(text: string, input: ScoringInput, model: EmotionModel = loadEmotionModel()): number[] {
  return Array.from(stageInputs(text, input, model).x);
}

/**
 * What the stage reads of a text: the picked heads' logits of the whole message (`z`, not clipped)
 * and of each sentence, and the stage's feature vector `x`.
 */
function stageInputs(text: string, input: ScoringInput, model: EmotionModel, extraHeads?: PackedHeads) {
  const h = heads(model);
  const original = modelWindow(text);
  const { window, courtesy } = withoutCourtesy(original, input.sentences);
  // The issue heads, when asked for, are read in the same pass as the emotion heads.
  const extra = extraHeads ? new Float64Array(extraHeads.heads) : undefined;
  const z = model.logitsOf(window, h, new Float64Array(h.length), undefined, extra && extraHeads ? { heads: extraHeads, out: extra } : undefined);
  const whole = pick(z);
  // Sentence logits feed the sentence-max inputs and the sentence anger.
  const perSentence = sentenceLogits(model, input.sentences, h, whole, window, courtesy);
  const asks = input.sentences.map((s) => (isQuestion(s.text) ? 1 : 0));
  // The share of the sentences that say something (courtesy aside) that ask.
  const said = courtesy ? asks.filter((_, i) => !courtesy.has(i)) : asks;
  const x = stageFeatures(whole, maxOf(whole, perSentence), sumCues(input.cues, input.signals), share(said, input.sentences.length ? 0 : isQuestion(text) ? 1 : 0));
  return { window: original, z, perSentence, x, asks, extra };
}

/**
 * A sentence that is only a courtesy apology: "Sorry about that, Maria.", "Sorry to bother you.", "Apologies for
 * the delay.". The emotion model, trained on Reddit, reads an apology as remorse and remorse as a negative
 * feeling; the labelling guide reads courtesy as neither upset nor angry. (Thanks need no such care: the model
 * reads them as gratitude.)
 */
const COURTESY = /^\s*(?:(?:hi|hello|hey|dear)[\s,]+(?:[\p{L}'’-]+[\s,]+)?)?(?:(?:(?:i['’]?m|i am|we['’]?re|we are) )?(?:so |very |really |terribly |truly )?sorry(?: (?:about|for) (?:that|this|the (?:delay|inconvenience|trouble|confusion|wait|late reply|mix-?up|long message|hassle))| to (?:bother|trouble|disturb) you| to hear (?:that|this))?|(?:my |our )?apologies(?: for (?:the|any) (?:delay|inconvenience|trouble|confusion))?)[\s,]*(?:[\p{L}'’-]+(?: [\p{L}'’-]+)?)?[\s.!…]*$/iu;

/**
 * The model's window with courtesy-only sentences blanked out (spaces, so offsets stay), when the message says
 * something else too: "Sorry to bother you. Could you check my order?" is read as the question it is. A message
 * that is only courtesy keeps its words.
 */
function withoutCourtesy(window: string, sentences: readonly Sentence[]): { window: string; courtesy?: Set<number> } {
  if (sentences.length < 2) return { window };
  let out = window;
  let courtesy: Set<number> | undefined;
  let kept = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (s.range[0] >= window.length) break;
    if (s.text.length > 80 || !COURTESY.test(s.text)) {
      kept++;
      continue;
    }
    const end = Math.min(s.range[1], window.length);
    out = out.slice(0, s.range[0]) + ' '.repeat(end - s.range[0]) + out.slice(end);
    (courtesy ??= new Set()).add(i);
  }
  return courtesy === undefined || kept === 0 ? { window } : { window: out, courtesy };
}

/** The model logits the stage reads, clipped: negative, anger, annoyance, Ekman joy, Ekman sadness. */
type Picked = [negative: number, anger: number, annoyance: number, joy: number, sadness: number];

function clip(v: number): number {
  return Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, v));
}

/** Where Ekman joy sits among the picked heads (sentiment reads it unclipped). */
const JOY = 3;

/** The picked heads' logits (`logitsOf` output in {@link Picked} order), clipped. */
function pick(z: Float64Array): Picked {
  return [clip(z[0]), clip(z[1]), clip(z[2]), clip(z[3]), clip(z[4])];
}

/**
 * How much of a message the emotion model reads: 32k characters, several times the longest real customer
 * message. Past it, a pasted log or a megabyte of junk would only cost time (features count once per text,
 * so more of the same changes little); the cues still read everything.
 */
export const MODEL_WINDOW = 32_768;

function modelWindow(text: string): string {
  return text.length > MODEL_WINDOW ? text.slice(0, MODEL_WINDOW) : text;
}

/**
 * The stage's heads on each sentence (none when the text is one sentence: the whole text is that sentence).
 * A sentence repeated word for word is scored once; sentences past {@link MODEL_WINDOW} take the whole
 * message's logits, so the model's work stays bounded however long the text.
 */
function sentenceLogits(model: EmotionModel, sentences: readonly Sentence[], h: Int32Array, whole: Picked, window: string, courtesy?: Set<number>): Picked[] {
  if (sentences.length <= 1) return [];
  const out = new Float64Array(h.length);
  const memo = new Map<string, Picked>();
  // A courtesy-only sentence reads as no words at all (see `withoutCourtesy`).
  const blank = courtesy ? pick(model.logitsOf('', h, out)) : whole;
  return sentences.map((s, i) => {
    if (s.range[0] >= MODEL_WINDOW) return whole;
    if (courtesy?.has(i)) return blank;
    let picked = memo.get(s.text);
    if (!picked) {
      // The message was just scored: its words' n-grams are read from that pass (same features, less work).
      picked = pick(model.logitsOf(modelWindow(s.text), h, out, { text: window, offset: s.range[0] }));
      memo.set(s.text, picked);
    }
    return picked;
  });
}

/**
 * Largest sentence logit per head (the whole text's when there is one sentence): a long message that is
 * calm except for one furious sentence should not have its anger averaged away.
 */
function maxOf(whole: Picked, perSentence: Picked[]): Picked {
  if (perSentence.length === 0) return whole;
  const m = [...perSentence[0]] as Picked;
  for (const p of perSentence) for (let i = 0; i < m.length; i++) if (p[i] > m[i]) m[i] = p[i];
  return m;
}

/**
 * The stage's anger for each sentence alone. A sentence without cues whose logits are shared with another
 * (the same words, see `sentenceLogits`) gets the same anger, so it is computed once.
 */
function sentenceAngers(stage: CustomerStage, perSentence: Picked[], sums: CueSums[], asks: number[]): number[] {
  const plain = new Map<Picked, number>();
  return perSentence.map((l, i) => {
    const c = sums[i];
    const known = c === NO_CUES && asks[i] === 0 ? plain.get(l) : undefined;
    if (known !== undefined) return known;
    const a = round(angerOf(stage, stageFeatures(l, l, c, asks[i])));
    if (c === NO_CUES && asks[i] === 0) plain.set(l, a);
    return a;
  });
}

function stageFeatures(l: Picked, max: Picked, c: CueSums, question: number): Float64Array {
  return Float64Array.of(l[0], l[1], l[2], l[3], l[4], max[0], max[1], max[2], saturate(c.anger), saturate(c.complaint), saturate(c.positive), c.signal, question);
}

function share(flags: number[], empty: number): number {
  if (flags.length === 0) return empty;
  let n = 0;
  for (const f of flags) n += f;
  return n / flags.length;
}

/** Words that open a question when they open a sentence ("Can I…", "Why was…"). */
const QUESTION_OPENERS = new Set([
  'how', 'what', 'why', 'when', 'where', 'which', 'who', 'whom', 'whose', 'can', 'could', 'is', 'are', 'do', 'does',
  'did', 'will', 'would', 'should', 'may', 'has', 'have', 'am', 'was', 'were', "what's", "where's", "how's", "why's",
  "isn't", "can't", "won't", "doesn't", "didn't",
]);

/**
 * A sentence that asks something: it ends with "?" (before closing quotes, brackets or emoji), or opens with a
 * question word and has no "!" ("how do I reset my passcode"). A sentence ending in "?!" asks too, but the
 * exclamation cue says how.
 */
export function isQuestion(sentence: string): boolean {
  let end = sentence.length - 1;
  while (end >= 0 && /[\s"')\]’”»]/.test(sentence[end])) end--;
  const tail = sentence.slice(Math.max(0, end - 3), end + 1);
  if (tail.includes('?')) return true;
  if (sentence.includes('!')) return false;
  const first = /[\p{L}'’]+/u.exec(sentence.length > 40 ? sentence.slice(0, 40) : sentence)?.[0].toLowerCase().replace(/’/g, "'");
  return first !== undefined && QUESTION_OPENERS.has(first);
}

function linear(stage: CustomerStage, w: number[], x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (w[i] * (x[i] - stage.mean[i])) / stage.std[i];
  return s;
}

function upsetOf(stage: CustomerStage, x: Float64Array): number {
  return sigmoid(stage.upset.bias + linear(stage, stage.upset.weights, x));
}

/** Expected anger level / 3 under the cumulative-logit model. */
function angerOf(stage: CustomerStage, x: Float64Array): number {
  const s = linear(stage, stage.anger.weights, x);
  let e = 0;
  for (const cut of stage.anger.cuts) e += sigmoid(s - cut);
  return e / stage.anger.cuts.length;
}

/**
 * The cue sums of each sentence on its own, in one pass over the cues and signals (not one per sentence:
 * a message of many short sentences and many cues would be quadratic).
 */
function sumCuesBySentence(cues: readonly Cue[], signals: readonly Signal[], sentences: readonly Sentence[]): CueSums[] {
  const cuesOf = new Map<number, Cue[]>();
  const signalsOf = new Map<number, Signal[]>();
  const add = <T>(m: Map<number, T[]>, i: number, x: T) => {
    const list = m.get(i);
    if (list) list.push(x);
    else m.set(i, [x]);
  };
  for (const c of cues) add(cuesOf, c.sentence, c);
  for (const s of signals) add(signalsOf, sentenceIndexAt(sentences, s.evidence.range[0]), s);
  return sentences.map((_, i) => (cuesOf.has(i) || signalsOf.has(i) ? sumCues(cuesOf.get(i) ?? [], signalsOf.get(i) ?? []) : NO_CUES));
}

/** The sums of a sentence with no cue or signal; shared, never mutated. */
const NO_CUES: Readonly<CueSums> = Object.freeze({ anger: 0, complaint: 0, positive: 0, negative: 0, signal: 0 });

/** Sums the cue weights of a text. Repeats of the same cue text decay; shouting and "!" are capped. */
function sumCues(cues: readonly Cue[], signals: readonly Signal[]): CueSums {
  const seen = new Map<string, number>();
  const out: CueSums = { anger: 0, complaint: 0, positive: 0, negative: 0, signal: 0 };
  let typo = 0;
  for (const cue of cues) {
    const key = `${cue.kind}:${cue.text.toLowerCase()}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const w = cue.weight * REPEAT_DECAY ** n;
    if (cue.kind === 'positive') {
      out.positive += w;
      continue;
    }
    out.negative += w;
    let a = w * ANGER_SHARE[cue.kind];
    if (cue.kind === 'caps' || cue.kind === 'exclaim') {
      a = Math.max(0, Math.min(a, TYPO_CAP - typo));
      typo += a;
    }
    out.anger += a;
    if (cue.kind === 'complaint' || cue.kind === 'negated-positive' || cue.kind === 'sarcasm') out.complaint += w;
  }
  for (const s of signals) {
    const key = `signal:${s.kind}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.anger += (SIGNAL_ANGER[s.kind] ?? 0) * REPEAT_DECAY ** n;
    if (UPSET_SIGNALS.has(s.kind)) out.signal = 1;
  }
  return out;
}

function saturate(x: number): number {
  return 1 - Math.exp(-K * Math.max(0, x));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
