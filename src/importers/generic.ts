/**
 * Generic exports for any helpdesk or chat tool: one row per message, as CSV with a header row or as
 * JSONL, with the columns
 *
 * | column | also accepted as |
 * |---|---|
 * | `conversation_id` | `conversation`, `ticket_id`, `thread_id`, `case_id`, `chat_id` |
 * | `timestamp` | `created_at`, `at`, `time`, `date`, `sent_at` |
 * | `role` | `author_role`, `author_type`, `sender_type`, `sender_role`, `direction` |
 * | `author` | `author_name`, `sender`, `sender_name`, `name`, `agent` |
 * | `text` | `body`, `message`, `content`, `html` |
 *
 * plus optional `subject`, `customer_name`, `customer_email`. Roles: customer/user/end-user/requester/
 * contact/client/visitor/lead/inbound are the customer; agent/admin/staff/support/operator/bot/rep/
 * outbound are the company; note/internal/private rows are internal notes (left out). The rows of one
 * conversation must be contiguous (sorted by conversation, then time).
 *
 * JSONL may also hold one whole conversation per line: `{"id","subject","customer":{…},"turns":[{role,author,at,text}]}`.
 */
import { ConversationBuilder, isObj, problem, str, type Importer, type ImportSession, type Obj } from './build.ts';
import { toIso } from './clean.ts';
import type { Format, ImportEvent, RawRecord } from './types.ts';

const COLUMNS = {
  id: ['conversation_id', 'conversation', 'ticket_id', 'thread_id', 'case_id', 'chat_id', 'conversationid', 'ticketid'],
  at: ['timestamp', 'created_at', 'at', 'time', 'date', 'sent_at', 'createdat'],
  role: ['role', 'author_role', 'author_type', 'sender_type', 'sender_role', 'direction'],
  author: ['author', 'author_name', 'sender', 'sender_name', 'name', 'agent'],
  text: ['text', 'body', 'message', 'content', 'html'],
} as const;

const CUSTOMER_ROLES = new Set(['customer', 'user', 'end-user', 'enduser', 'end_user', 'requester', 'contact', 'client', 'visitor', 'lead', 'inbound', 'incoming', 'guest', 'consumer']);
const AGENT_ROLES = new Set(['agent', 'admin', 'staff', 'support', 'operator', 'bot', 'rep', 'representative', 'outbound', 'outgoing', 'company', 'brand', 'employee', 'assistant']);
const NOTE_ROLES = new Set(['note', 'internal', 'private', 'internal_note', 'private_note', 'system']);

function pick(row: Obj, names: readonly string[]): unknown {
  for (const n of names) if (row[n] !== undefined && row[n] !== null && row[n] !== '') return row[n];
  return undefined;
}

/**
 * Classifies a role cell, or undefined when unknown.
 *
 * @example
 * roleOf('End-User') // 'customer'
 */
export function roleOf(value: unknown): 'customer' | 'agent' | 'note' | undefined {
  const v = str(value)?.trim().toLowerCase();
  if (!v) return undefined;
  if (CUSTOMER_ROLES.has(v)) return 'customer';
  if (AGENT_ROLES.has(v)) return 'agent';
  if (NOTE_ROLES.has(v)) return 'note';
  return undefined;
}

/** 52-bit hash of an id, so a million seen ids cost numbers, not strings. Collisions: ~1e-4 at 1M ids. */
function idHash(id: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

function makeGeneric(format: Extract<Format, 'csv' | 'jsonl'>): Importer {
  return {
    format,
    description: format === 'csv' ? 'generic CSV, one row per message' : 'generic JSONL, one message (or one whole conversation) per line',
    detect(head) {
      if (format === 'csv') {
        const header = head.split(/\r?\n/, 1)[0].toLowerCase().split(/[,;\t]/).map((h) => h.trim().replace(/^"|"$/g, ''));
        return COLUMNS.id.some((c) => header.includes(c)) && COLUMNS.text.some((c) => header.includes(c));
      }
      // The first parseable of the first few lines decides, so one malformed first row does not hide the format.
      for (const line of head.split('\n').slice(0, 5)) {
        try {
          const row = JSON.parse(line) as unknown;
          return isObj(row) && ((pick(row, COLUMNS.id) !== undefined && pick(row, COLUMNS.text) !== undefined) || (Array.isArray(row.turns) && row.id !== undefined));
        } catch {
          // try the next line
        }
      }
      return false;
    },
    createSession(): ImportSession {
      let current: { id: string; builder: ConversationBuilder } | undefined;
      const seen = new Set<number>();
      // Ids that came back after other conversations: their later rows are reported, not merged.
      let straggler: { id: string; record: RawRecord; rows: number } | undefined;

      const close = (): ImportEvent[] => {
        const out: ImportEvent[] = [];
        if (current) out.push(current.builder.build(false));
        current = undefined;
        if (straggler) {
          out.push(problem(straggler.record, `${straggler.rows} row(s) of conversation ${straggler.id} come after other conversations; rows of one conversation must be contiguous (sort the export by conversation id)`, straggler.id));
          straggler = undefined;
        }
        return out;
      };

      return {
        onRecord(record) {
          const row = record.value;
          if (!isObj(row)) return [problem(record, 'expected an object per line')];
          if (Array.isArray(row.turns)) return [...close(), ...wholeConversation(format, record, row)];
          const id = str(pick(row, COLUMNS.id))?.trim();
          if (!id) return [problem(record, `no conversation id (column ${COLUMNS.id[0]})`)];
          const text = pick(row, COLUMNS.text);
          const role = roleOf(pick(row, COLUMNS.role));
          const rawRole = str(pick(row, COLUMNS.role));
          const out: ImportEvent[] = [];
          if (straggler && straggler.id === id) {
            straggler.rows++;
            return [];
          }
          if (!current || current.id !== id) {
            out.push(...close());
            const h = idHash(id);
            if (seen.has(h)) {
              straggler = { id, record, rows: 1 };
              return out;
            }
            seen.add(h);
            current = {
              id,
              builder: new ConversationBuilder({
                id,
                source: format,
                file: record.file,
                line: record.line,
                subject: str(row.subject) || undefined,
                customer: { name: str(row.customer_name) || undefined, email: str(row.customer_email) || undefined },
              }),
            };
          }
          if (role === undefined) {
            out.push(problem(record, rawRole ? `unknown author role "${rawRole}" (expected customer or agent)` : 'no author role (column role)', id));
            return out;
          }
          if (role === 'note') {
            current.builder.note();
            return out;
          }
          if (typeof text !== 'string' || !text.trim()) {
            out.push(problem(record, 'message has no text', id));
            return out;
          }
          const at = pick(row, COLUMNS.at);
          const iso = toIso(at);
          if (at !== undefined && !iso) out.push({ kind: 'problem', problem: { file: record.file, line: record.line, conversationId: id, reason: `unreadable timestamp "${String(at)}"; message kept without a time`, kept: true } });
          const author = str(pick(row, COLUMNS.author))?.trim() || undefined;
          if (role === 'customer' && author && !current.builder.conversation.customer.name) current.builder.conversation.customer.name = author;
          current.builder.add(role, text, { author, at: iso });
          return out;
        },
        finish: close,
      };
    },
  };
}

function wholeConversation(format: Format, record: RawRecord, row: Obj): ImportEvent[] {
  const id = str(row.id);
  if (!id) return [problem(record, 'conversation without an id')];
  const out: ImportEvent[] = [];
  const customer = isObj(row.customer) ? row.customer : {};
  const builder = new ConversationBuilder({
    id,
    source: format,
    file: record.file,
    line: record.line,
    subject: str(row.subject) || undefined,
    customer: { name: str(customer.name) || undefined, email: str(customer.email) || undefined },
    createdAt: toIso(row.createdAt ?? row.created_at),
  });
  for (const t of row.turns as unknown[]) {
    if (!isObj(t)) continue;
    const role = roleOf(t.role);
    if (role === 'note') builder.note();
    else if (role) builder.add(role, t.text, { author: str(t.author), at: toIso(t.at) });
    else out.push({ kind: 'problem', problem: { file: record.file, line: record.line, conversationId: id, reason: `turn with unknown role "${String(t.role)}" left out`, kept: true } });
  }
  return [...out, builder.build(false)];
}

export const csv = makeGeneric('csv');
export const jsonl = makeGeneric('jsonl');
