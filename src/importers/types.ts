import type { Turn } from '../engine/conversation/types.ts';

/** Export formats the importers read. `csv` and `jsonl` are the generic one-row-per-message layouts. */
export const FORMATS = ['zendesk', 'freshdesk', 'helpscout', 'intercom', 'csv', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];

/** One support conversation, normalized from any vendor's export. Turn texts are cleaned for analysis. */
export interface ImportedConversation {
  /** The vendor's id (ticket id, conversation id…), as a string. */
  id: string;
  source: Format;
  /** File and 1-based line where the conversation starts, for reports and error messages. */
  file: string;
  line: number;
  subject?: string;
  customer: { name?: string; email?: string };
  /** Chronological customer and agent messages; internal notes are never here. */
  turns: Turn[];
  /** ISO time the conversation started, when known. */
  createdAt?: string;
  /** What the importer left out of `turns` on purpose, so nothing disappears unaccounted. */
  excluded: { internalNotes: number; emptyAfterCleaning: number };
}

/** A row or element that could not be imported, with where it is and why. */
export interface ImportProblem {
  file: string;
  /** 1-based line of the row or element; 0 when the problem concerns the whole file. */
  line: number;
  reason: string;
  conversationId?: string;
  /** True when the row was still imported and only a detail was ignored (e.g. an unreadable time). */
  kept?: boolean;
}

export type ImportEvent =
  | { kind: 'conversation'; conversation: ImportedConversation }
  | { kind: 'problem'; problem: ImportProblem };

/** A raw record read from an export file: one JSON element, JSONL line or CSV row. */
export interface RawRecord {
  file: string;
  line: number;
  /**
   * The collection the record came from: `tickets`, `comments`, `conversations`, `threads`, `users`…
   * Empty for top-level arrays, JSONL lines and CSV rows.
   */
  key: string;
  value: unknown;
}

/** Reports how far the reader got, for progress bars (bytes of the current file). */
export type ProgressCallback = (file: string, bytesRead: number) => void;
