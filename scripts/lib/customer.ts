// The hand-labelled customer turns (data/labels/customer-turns.jsonl) and the engine's cue input for a text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCues } from '../../src/engine/analyze/cues.ts';
import type { Cue, ScoringInput } from '../../src/engine/analyze/evidence.ts';
import { findIssues } from '../../src/engine/analyze/issues.ts';
import { findSignals } from '../../src/engine/analyze/signals.ts';
import { sentenceIndexAt } from '../../src/engine/analyze/spans.ts';
import { splitSentences } from '../../src/engine/text/sentences.ts';

export interface LabelledTurn {
  id: string;
  company: string;
  split: 'fit' | 'heldout';
  text: string;
  upset: boolean;
  anger: number;
  note?: string;
}

export function readCustomerTurns(root: string): LabelledTurn[] {
  const file = join(root, 'data', 'labels', 'customer-turns.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const t = JSON.parse(l) as LabelledTurn;
      if (typeof t.text !== 'string' || typeof t.upset !== 'boolean' || ![0, 1, 2, 3].includes(t.anger)) {
        throw new Error(`${file}:${i + 1}: bad label row`);
      }
      return t;
    });
}

/** Conversation id of a turn id (`sessionID:turnIndex`), for grouped cross-validation. */
export function conversationOf(id: string): string {
  return id.slice(0, id.lastIndexOf(':'));
}

/**
 * What `analyzeMessage` hands to scoring for a text: sentences, cues, the issues as complaint cues, and the
 * signals. Mirrors `src/engine/analyze/message.ts`; keep the two in step.
 */
export function scoringInputFor(text: string): ScoringInput {
  const sentences = splitSentences(text);
  const issueCues: Cue[] = findIssues(text, sentences).map((i) => ({
    kind: 'complaint',
    range: i.range,
    text: i.phrase,
    weight: i.weight,
    sentence: sentenceIndexAt(sentences, i.range[0]),
  }));
  const cues = [...extractCues(text, sentences), ...issueCues].sort((a, b) => a.range[0] - b.range[0]);
  return { sentences, cues, signals: findSignals(text, sentences) };
}
