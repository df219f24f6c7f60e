import { ISSUE_MODEL } from '../../../models/issue.model.ts';
import { createFeatureBuffer, extractFeatures } from '../model/features.ts';
import { decodeBase64Int8, foldedLogits, sigmoid, type PackedHeads } from '../model/emotion.ts';
import type { IssueCategory, Sentence } from '../types.ts';
import type { IssueEntry } from './issues.data.ts';
import { issueLabel, namedObject, type WeightedIssue } from './issues.ts';

/**
 * The learned part of issue detection: for the many ways customers report a problem that no phrase in
 * `issues.data.ts` lists, one logistic head per category over the emotion model's hashed features (trained by
 * `npm run train`, `scripts/lib/issue-model.ts`, on BANKING77 and GoEmotions). The analyzer asks it only when no
 * phrase matched, and reads it in the same feature pass as the emotion model (`EmotionModel.logitsOf`'s `extra`).
 * A learned issue still gets a phrase (the sentence that reads most like the issue) and a label a reply can use.
 */
export interface IssueModelData {
  version: string;
  trainedAt: string;
  /** Buckets of the heads: 2^bits; each feature's bucket is folded to them. */
  bits: number;
  /** The features read: the emotion model's options. */
  featureBits: number;
  charWeight: number;
  /** Head order. */
  categories: IssueCategory[];
  bias: number[];
  scale: number[];
  /** A head at or above this probability names the issue (chosen by cross-validation). */
  threshold: number;
  /** Base64 of an Int8Array, bucket-major: `w[bucket * categories.length + head]`. */
  weights: string;
  metrics?: Record<string, number>;
}

let heads: PackedHeads | undefined;

/** The shipped issue heads, decoded on first use. */
export function issueHeads(): PackedHeads {
  heads ??= {
    bits: ISSUE_MODEL.bits,
    featureBits: ISSUE_MODEL.featureBits,
    charWeight: ISSUE_MODEL.charWeight,
    heads: ISSUE_MODEL.categories.length,
    weights: decodeBase64Int8(ISSUE_MODEL.weights),
    bias: ISSUE_MODEL.bias,
    scale: ISSUE_MODEL.scale,
  };
  return heads;
}

/**
 * How a reply names an issue the model found: `$OBJ` is the first thing the sentence names ("card",
 * "transfer"); `plain` is the label when it names nothing the analyzer knows.
 */
const LABELS: Record<IssueCategory, { label: IssueEntry['label']; plain: string }> = {
  delivery: { label: 'the $OBJ you are waiting for', plain: 'the delivery you are waiting for' },
  billing: { label: 'the $OBJ you were charged', plain: 'the charge on your account' },
  refund: { label: 'your refund', plain: 'your refund' },
  defect: { label: 'the trouble with your $OBJ', plain: 'the trouble you have been having' },
  account: { label: 'the trouble with your $OBJ', plain: 'the trouble with your account' },
  service: { label: 'the service you received', plain: 'the service you received' },
  transfer: { label: 'not getting an answer', plain: 'not getting an answer' },
  policy: { label: 'the policy', plain: 'the policy' },
};

const buffer = createFeatureBuffer();

/** The issue heads' logits of one text, from its own feature pass (used per sentence, to find the phrase). */
function logitsOf(text: string, h: PackedHeads, out: Float64Array): Float64Array {
  const features = { bits: h.featureBits, charWeight: h.charWeight };
  return foldedLogits(h, features, buffer.idx, buffer.val, extractFeatures(text, buffer, features), out);
}

/** Longest sentence scored on its own to find the phrase; a longer one is taken whole. */
const MAX_SENTENCE = 2000;

/**
 * The issue the model reads in a message, given its heads' logits for the whole text; undefined when no head
 * reaches the threshold. The phrase is the sentence whose own logit for that category is highest.
 *
 * @example
 * learnedIssue('My money vanished after the top-up.', sentences, logits)?.category // 'defect'
 */
export function learnedIssue(text: string, sentences: readonly Sentence[], logits: ArrayLike<number>): WeightedIssue | undefined {
  let best = -1;
  let top = ISSUE_MODEL.threshold;
  for (let i = 0; i < ISSUE_MODEL.categories.length; i++) {
    const p = sigmoid(logits[i]);
    if (p >= top) {
      top = p;
      best = i;
    }
  }
  if (best < 0) return undefined;
  const category = ISSUE_MODEL.categories[best];
  const range = phraseRange(text, sentences, best);
  if (!range) return undefined;
  const phrase = text.slice(range[0], range[1]);
  const { label: template, plain } = LABELS[category];
  const named = namedObject(phrase.toLowerCase().replace(/’/g, "'").split(/\s+/));
  const label = named ? issueLabel({ pattern: '', category, weight: 0, label: template }, phrase) : plain;
  return { category, phrase, range, label, weight: 0 };
}

function phraseRange(text: string, sentences: readonly Sentence[], head: number): [number, number] | undefined {
  const candidates = sentences.filter((s) => /\p{L}/u.test(s.text));
  let chosen: Sentence | undefined = candidates[0];
  if (candidates.length > 1) {
    const h = issueHeads();
    const out = new Float64Array(h.heads);
    let top = -Infinity;
    for (const s of candidates.slice(0, 50)) {
      const z = s.text.length > MAX_SENTENCE ? -Infinity : logitsOf(s.text, h, out)[head];
      if (z > top) {
        top = z;
        chosen = s;
      }
    }
  }
  if (!chosen) return undefined;
  let [start, end] = chosen.range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s.!?…,;:]/.test(text[end - 1])) end--;
  return end > start ? [start, end] : undefined;
}
