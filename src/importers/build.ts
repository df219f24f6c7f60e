/** Shared pieces of the vendor importers: the session interface and a conversation builder. */
import type { Turn } from '../engine/conversation/types.ts';
import { cleanMessage } from './clean.ts';
import type { Format, ImportEvent, ImportedConversation, RawRecord } from './types.ts';

/**
 * One import run of one vendor format. The driver feeds records in file order; the session answers with
 * finished conversations and problems. Vendors whose exports split a conversation over several files
 * (ticket pages + comment pages) keep what they need until `finish`.
 */
export interface ImportSession {
  onRecord(record: RawRecord): ImportEvent[];
  onFileEnd?(file: string): ImportEvent[];
  finish?(): ImportEvent[];
}

export interface Importer {
  format: Format;
  /** Human description for `--help` and docs. */
  description: string;
  /** True when the head of a file (its first ~64 KiB) looks like this vendor's export. */
  detect(head: string): boolean;
  createSession(): ImportSession;
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

interface PendingTurn extends Turn {
  order: number;
}

/** Collects turns for one conversation, cleaning each body and counting what it leaves out. */
export class ConversationBuilder {
  private readonly turns: PendingTurn[] = [];
  readonly conversation: Omit<ImportedConversation, 'turns'>;

  constructor(base: Omit<ImportedConversation, 'turns' | 'excluded'>) {
    this.conversation = { ...base, excluded: { internalNotes: 0, emptyAfterCleaning: 0 } };
  }

  /** Adds a message; the body is cleaned, and a body with nothing left is counted, not kept. */
  add(role: Turn['role'], body: unknown, meta: { author?: string; at?: string; html?: boolean } = {}): void {
    const raw = typeof body === 'string' ? body : '';
    const { text } = cleanMessage(raw, { html: meta.html });
    if (!text) {
      this.conversation.excluded.emptyAfterCleaning++;
      return;
    }
    const turn: PendingTurn = { role, text, order: this.turns.length };
    if (meta.author) turn.author = meta.author;
    if (meta.at) turn.at = meta.at;
    this.turns.push(turn);
  }

  note(): void {
    this.conversation.excluded.internalNotes++;
  }

  /**
   * Finishes the conversation with turns in time order (ties keep export order), or returns a problem
   * event when no message has any text.
   */
  build(sortByTime = true): ImportEvent {
    const c = this.conversation;
    if (this.turns.length === 0) {
      const left = c.excluded.internalNotes + c.excluded.emptyAfterCleaning;
      return {
        kind: 'problem',
        problem: { file: c.file, line: c.line, conversationId: c.id, reason: left ? `conversation ${c.id} has no customer or agent message text (only notes or empty bodies)` : `conversation ${c.id} has no messages` },
      };
    }
    const turns = sortByTime
      ? [...this.turns].sort((a, b) => (a.at && b.at ? Date.parse(a.at) - Date.parse(b.at) : 0) || a.order - b.order)
      : this.turns;
    return { kind: 'conversation', conversation: { ...c, turns: turns.map(({ order: _o, ...t }) => t) } };
  }
}

export function problem(record: RawRecord, reason: string, conversationId?: string): ImportEvent {
  return { kind: 'problem', problem: { file: record.file, line: record.line, reason, conversationId } };
}

/**
 * Last run of digits in a file name or its folder.
 *
 * @example
 * idFromPath('export/tickets/123/comments.json') // '123'
 */
export function idFromPath(file: string): string | undefined {
  const parts = file.split(/[\\/]/).slice(-2).reverse();
  for (const part of parts) {
    const m = part.match(/(\d+)(?!.*\d)/);
    if (m) return m[1];
  }
  return undefined;
}
