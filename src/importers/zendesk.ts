/**
 * Zendesk Support exports.
 *
 * Reads the shapes Zendesk documents:
 * - tickets carrying their `comments` array (the account JSON export, one ticket per line, or any dump
 *   that embeds comments);
 * - API pages `{"tickets":[…],"users":[…],"next_page":…}` (list and incremental export, users side-loaded)
 *   together with per-ticket comment pages `{"comments":[…],"next_page":…}`; a comment page names its
 *   ticket by `ticket_id` on the comments or by the number in its file name (`comments/123.json`).
 *
 * A comment with `public: false` is an internal note and is left out. The author's role comes from the
 * side-loaded user (`role: "end-user"` is the customer), else from `author_id === requester_id`.
 */
import { ConversationBuilder, idFromPath, isObj, problem, str, type Importer, type ImportSession, type Obj } from './build.ts';
import { toIso } from './clean.ts';
import type { ImportEvent, RawRecord } from './types.ts';

interface User {
  name?: string;
  email?: string;
  role?: string;
}

interface TicketMeta {
  record: RawRecord;
  ticket: Obj;
}

/** Tickets with embedded comments are held this long so that users side-loaded after them on the page apply. */
const PAGE_BUFFER = 1000;

export const zendesk: Importer = {
  format: 'zendesk',
  description: 'Zendesk tickets + comments (JSON export, API/incremental export pages)',
  detect(head) {
    return /"(?:requester_id|author_id)"\s*:/.test(head) && (/"(?:html_body|plain_body|author_id|via)"\s*:/.test(head) || /"tickets"\s*:\s*\[/.test(head)) && !/"description_text"\s*:|"body_text"\s*:/.test(head);
  },
  createSession(): ImportSession {
    const users = new Map<string, User>();
    const buffered: TicketMeta[] = [];
    // Join mode: tickets without comments, and comment pages, matched at the end.
    const tickets = new Map<string, TicketMeta>();
    const comments = new Map<string, { record: RawRecord; comment: Obj }[]>();

    const flush = (): ImportEvent[] => buffered.splice(0).map((t) => build(t.record, t.ticket, t.ticket.comments as unknown[], users));

    return {
      onRecord(record) {
        const v = record.value;
        if (!isObj(v)) return [problem(record, 'expected a JSON object')];
        if (record.key === 'users' || (v.role !== undefined && v.name !== undefined && v.requester_id === undefined && v.author_id === undefined)) {
          const id = str(v.id);
          if (id) users.set(id, { name: str(v.name), email: str(v.email), role: str(v.role) });
          return [];
        }
        if (record.key === 'comments' || (v.author_id !== undefined && (v.body !== undefined || v.html_body !== undefined) && v.subject === undefined)) {
          const ticketId = str(v.ticket_id) ?? idFromPath(record.file);
          if (!ticketId) return [problem(record, 'comment without ticket_id, and the file name has no ticket number')];
          const list = comments.get(ticketId) ?? [];
          list.push({ record, comment: v });
          comments.set(ticketId, list);
          return [];
        }
        const id = str(v.id);
        if (!id) return [problem(record, 'ticket without an id')];
        if (Array.isArray(v.comments)) {
          buffered.push({ record, ticket: v });
          return buffered.length >= PAGE_BUFFER ? flush() : [];
        }
        if (v.requester_id === undefined && v.subject === undefined && v.description === undefined) {
          return [problem(record, 'not a Zendesk ticket, comment or user (no id/requester_id/comments)')];
        }
        tickets.set(id, { record, ticket: v });
        return [];
      },
      onFileEnd() {
        return flush();
      },
      finish() {
        const out = flush();
        for (const [id, meta] of tickets) {
          const list = comments.get(id);
          comments.delete(id);
          if (list) out.push(build(meta.record, meta.ticket, list.map((c) => c.comment), users));
          else {
            // Without its comments only the opening message (the ticket description) is known.
            out.push(build(meta.record, meta.ticket, [{ author_id: meta.ticket.requester_id, body: meta.ticket.description, public: true, created_at: meta.ticket.created_at }], users));
          }
        }
        for (const [id, list] of comments) {
          // Comments whose ticket page was not given: the first author opened the ticket.
          const first = list[0];
          out.push(build(first.record, { id, requester_id: first.comment.author_id }, list.map((c) => c.comment), users));
        }
        return out;
      },
    };
  },
};

function build(record: RawRecord, ticket: Obj, comments: unknown[], users: Map<string, User>): ImportEvent {
  const id = str(ticket.id) ?? '?';
  const requesterId = str(ticket.requester_id);
  const requester = requesterId ? users.get(requesterId) : undefined;
  const embedded = isObj(ticket.requester) ? ticket.requester : undefined;
  const via = isObj(ticket.via) && isObj(ticket.via.source) && isObj(ticket.via.source.from) ? ticket.via.source.from : undefined;
  const builder = new ConversationBuilder({
    id,
    source: 'zendesk',
    file: record.file,
    line: record.line,
    subject: str(ticket.subject) || str(ticket.raw_subject) || undefined,
    customer: {
      name: requester?.name ?? str(embedded?.name) ?? str(via?.name),
      email: requester?.email ?? str(embedded?.email) ?? str(via?.address),
    },
    createdAt: toIso(ticket.created_at),
  });
  for (const c of comments) {
    if (!isObj(c)) continue;
    if (c.public === false) {
      builder.note();
      continue;
    }
    const authorId = str(c.author_id);
    const user = authorId ? users.get(authorId) : undefined;
    const isCustomer = user?.role ? user.role === 'end-user' : authorId !== undefined && authorId === requesterId;
    const author = user?.name ?? (isCustomer ? builder.conversation.customer.name : undefined) ?? (authorId ? `${isCustomer ? 'user' : 'agent'} #${authorId}` : undefined);
    const html = typeof c.html_body === 'string' && c.html_body.trim() !== '';
    builder.add(isCustomer ? 'customer' : 'agent', html ? c.html_body : (c.plain_body ?? c.body), { author, at: toIso(c.created_at), html });
  }
  return builder.build();
}
