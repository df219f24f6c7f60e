/**
 * Freshdesk exports (API v2 shapes).
 *
 * - Tickets (`GET /api/v2/tickets`, an array) with the opening message in `description` (HTML) /
 *   `description_text`, the customer in `requester_id` or the embedded `requester` (`include=requester`),
 *   and optionally the replies in `conversations` (`include=conversations`).
 * - Conversation lists (`GET /api/v2/tickets/{id}/conversations`, an array of objects with `ticket_id`),
 *   joined to their tickets at the end of the import.
 * - Agents (`GET /api/v2/agents`: `{id, contact:{name,email}}`) and contacts, for author names.
 *
 * `private: true` is an internal note and is left out. `incoming: true` marks a message from outside
 * (the customer); other public messages are the agents'. `body` (HTML) is preferred over `body_text`
 * because its markup shows where the quoted history starts.
 */
import { ConversationBuilder, isObj, problem, str, type Importer, type ImportSession, type Obj } from './build.ts';
import { toIso } from './clean.ts';
import type { ImportEvent, RawRecord } from './types.ts';

interface Meta {
  record: RawRecord;
  ticket: Obj;
}

const PAGE_BUFFER = 1000;

export const freshdesk: Importer = {
  format: 'freshdesk',
  description: 'Freshdesk tickets + conversations (API v2 JSON)',
  detect(head) {
    return /"(?:description_text|body_text|fr_due_by|support_email|ticket_scope)"\s*:/.test(head) || (/"incoming"\s*:\s*(?:true|false)/.test(head) && /"private"\s*:/.test(head));
  },
  createSession(): ImportSession {
    const people = new Map<string, { name?: string; email?: string }>();
    const buffered: Meta[] = [];
    const tickets = new Map<string, Meta>();
    const replies = new Map<string, { record: RawRecord; reply: Obj }[]>();
    const flush = (): ImportEvent[] => buffered.splice(0).map((m) => build(m.record, m.ticket, m.ticket.conversations as unknown[], people));

    return {
      onRecord(record) {
        const v = record.value;
        if (!isObj(v)) return [problem(record, 'expected a JSON object')];
        if (isObj(v.contact) && v.ticket_scope !== undefined) {
          // An agent record.
          const id = str(v.id);
          if (id) people.set(id, { name: str(v.contact.name), email: str(v.contact.email) });
          return [];
        }
        if (v.ticket_id !== undefined && (v.body !== undefined || v.body_text !== undefined)) {
          const ticketId = str(v.ticket_id) as string;
          const list = replies.get(ticketId) ?? [];
          list.push({ record, reply: v });
          replies.set(ticketId, list);
          return [];
        }
        const id = str(v.id);
        if (id && v.description === undefined && v.description_text === undefined && v.subject === undefined && v.name !== undefined) {
          // A contact record.
          people.set(id, { name: str(v.name), email: str(v.email) });
          return [];
        }
        if (!id) return [problem(record, 'ticket without an id')];
        if (v.description === undefined && v.description_text === undefined && v.subject === undefined) {
          return [problem(record, 'not a Freshdesk ticket, conversation, contact or agent')];
        }
        if (Array.isArray(v.conversations)) {
          buffered.push({ record, ticket: v });
          return buffered.length >= PAGE_BUFFER ? flush() : [];
        }
        tickets.set(id, { record, ticket: v });
        return [];
      },
      onFileEnd: flush,
      finish() {
        const out = flush();
        for (const [id, meta] of tickets) {
          const list = replies.get(id) ?? [];
          replies.delete(id);
          out.push(build(meta.record, meta.ticket, list.map((r) => r.reply), people));
        }
        for (const [id, list] of replies) {
          out.push(build(list[0].record, { id }, list.map((r) => r.reply), people));
        }
        return out;
      },
    };
  },
};

function build(record: RawRecord, ticket: Obj, conversations: unknown[], people: Map<string, { name?: string; email?: string }>): ImportEvent {
  const id = str(ticket.id) ?? '?';
  const requesterId = str(ticket.requester_id);
  const embedded = isObj(ticket.requester) ? ticket.requester : undefined;
  const known = requesterId ? people.get(requesterId) : undefined;
  const customer = { name: str(embedded?.name) ?? known?.name, email: str(embedded?.email) ?? known?.email };
  const builder = new ConversationBuilder({
    id,
    source: 'freshdesk',
    file: record.file,
    line: record.line,
    subject: str(ticket.subject) || undefined,
    customer,
    createdAt: toIso(ticket.created_at),
  });
  const opening = str(ticket.description) ? ticket.description : ticket.description_text;
  if (opening !== undefined) builder.add('customer', opening, { author: customer.name ?? customer.email, at: toIso(ticket.created_at), html: str(ticket.description) !== undefined });
  for (const c of conversations) {
    if (!isObj(c)) continue;
    if (c.private === true) {
      builder.note();
      continue;
    }
    const userId = str(c.user_id);
    const fromCustomer = c.incoming === true || (userId !== undefined && userId === requesterId);
    const person = userId ? people.get(userId) : undefined;
    const author = fromCustomer
      ? (customer.name ?? str(c.from_email) ?? customer.email)
      : (person?.name ?? (userId ? `agent #${userId}` : undefined));
    const html = typeof c.body === 'string' && c.body.trim() !== '';
    builder.add(fromCustomer ? 'customer' : 'agent', html ? c.body : c.body_text, { author, at: toIso(c.created_at), html });
  }
  return builder.build();
}
