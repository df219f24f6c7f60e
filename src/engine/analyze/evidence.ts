import type { Range, Sentence, Signal } from '../types.ts';

/**
 * The contract between cue extraction (`cues.ts`, owned by the analyzer) and scoring (`scoring.ts`, which the
 * emotion model replaces). Cue extraction finds *what* the customer said; scoring decides *how much* it
 * weighs. Keeping this file types-only lets either side change without touching the other.
 */

/** Ekman's six basic emotions, the grouping GoEmotions reports. */
export type Emotion = 'anger' | 'disgust' | 'fear' | 'joy' | 'sadness' | 'surprise';

export type CueKind =
  /** Words of anger or frustration ("furious", "ridiculous", "fed up"). */
  | 'anger'
  /** Swearing not aimed at anyone ("wtf", "bloody"). */
  | 'profanity'
  /** Sarcastic praise ("great, another week without internet", "thanks for nothing"). */
  | 'sarcasm'
  /** A negated positive ("not happy at all", "not acceptable"). */
  | 'negated-positive'
  /** Dissatisfaction without heat: waiting, still, no answer, the issue itself. Drives `upset`, barely `anger`. */
  | 'complaint'
  /** Other negative words ("worried", "sad", "broken"): sentiment, a little emotion. */
  | 'negative'
  /** Positive words and thanks: sentiment. */
  | 'positive'
  /** Shouting: a run of capitalised words or a mostly-capitalised message. */
  | 'caps'
  /** Repeated "!" or "?!". */
  | 'exclaim';

/** One piece of evidence about the customer's feelings, with its span and a lexicon weight. */
export interface Cue {
  kind: CueKind;
  range: Range;
  text: string;
  /**
   * Lexicon strength, roughly "how much this alone says": 0.7 for "furious", 0.15 for "still waiting".
   * Already multiplied by any intensifier in front of it ("absolutely furious").
   */
  weight: number;
  emotion?: Emotion;
  /** Index into the sentences array. */
  sentence: number;
  /** Set when the cue says how the customer feels rather than what happened ("disappointed"). */
  feeling?: boolean;
}

/** Everything scoring may look at besides the raw text. */
export interface ScoringInput {
  sentences: Sentence[];
  /** In text order. */
  cues: Cue[];
  /** Churn, legal, review, repeat-contact… (see `signals.data.ts`). */
  signals: Signal[];
}
