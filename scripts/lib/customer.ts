// The hand-labelled customer messages (data/labels/customer-turns.jsonl: IBM Twitter turns;
// data/labels/banking-turns.jsonl: BANKING77 queries) and the engine's cue input for a text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractCues } from '../../src/engine/analyze/cues.ts';
import type { Cue, ScoringInput } from '../../src/engine/analyze/evidence.ts';
import { findIssues } from '../../src/engine/analyze/issues.ts';
import { findSignals } from '../../src/engine/analyze/signals.ts';
import { issueCue } from '../../src/engine/analyze/message.ts';
import { splitSentences } from '../../src/engine/text/sentences.ts';

export interface LabelledTurn {
  id: string;
  company: string;
  split: 'fit' | 'heldout';
  text: string;
  upset: boolean;
  anger: number;
  note?: string;
  /** Which labelled set: `ibm` (Twitter customer turns) or `banking` (BANKING77 queries). */
  source: 'ibm' | 'banking';
  /**
   * What cross-validation keeps together: the conversation of an IBM turn, the intent of a BANKING77 query
   * (its queries are paraphrases of each other, so a fold that saw one would flatter the next).
   */
  group: string;
}

function readLabels<T extends { text: string; upset: boolean; anger: number }>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const t = JSON.parse(l) as T;
      if (typeof t.text !== 'string' || typeof t.upset !== 'boolean' || ![0, 1, 2, 3].includes(t.anger)) {
        throw new Error(`${file}:${i + 1}: bad label row`);
      }
      return t;
    });
}

/** The IBM customer turns (625), split by conversation. */
export function readCustomerTurns(root: string): LabelledTurn[] {
  return readLabels<Omit<LabelledTurn, 'source' | 'group'>>(join(root, 'data', 'labels', 'customer-turns.jsonl')).map((t) => ({
    ...t,
    source: 'ibm' as const,
    group: `ibm:${conversationOf(t.id)}`,
  }));
}

/** The BANKING77 queries labelled for upset and anger (616), split by intent. */
export function readBankingTurns(root: string): LabelledTurn[] {
  type Row = { id: string; intent: string; split: 'fit' | 'heldout'; text: string; upset: boolean; anger: number; note?: string };
  return readLabels<Row>(join(root, 'data', 'labels', 'banking-turns.jsonl')).map((r) => ({
    id: r.id,
    company: 'banking77',
    split: r.split,
    text: r.text,
    upset: r.upset,
    anger: r.anger,
    ...(r.note ? { note: r.note } : {}),
    source: 'banking' as const,
    group: `b77:${r.intent}`,
  }));
}

/** Both labelled sets: what the second stage is fitted and cross-validated on. */
export function readLabelledCustomers(root: string): LabelledTurn[] {
  return [...readCustomerTurns(root), ...readBankingTurns(root)];
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
  const issueCues: Cue[] = findIssues(text, sentences).map((i) => issueCue(text, i, sentences));
  const cues = [...extractCues(text, sentences), ...issueCues].sort((a, b) => a.range[0] - b.range[0]);
  return { sentences, cues, signals: findSignals(text, sentences) };
}
