/**
 * Help Scout Mailbox API 2.0 exports.
 *
 * - Conversation pages `{"_embedded":{"conversations":[…]},"page":{…}}` (or a plain array), each
 *   conversation with `primaryCustomer` and, with `embed=threads`, its `_embedded.threads`.
 * - Thread pages `{"_embedded":{"threads":[…]}}` from `GET /v2/conversations/{id}/threads`, matched to
 *   their conversation by the number in the file name (`threads/123.json`) at the end of the import.
 *
 * Thread `type`: `customer` is the customer, `message` an agent reply, `note` an internal note (left out),
 * `chat`/`phone` are attributed by `createdBy.type` (`customer` or `user`); forwards, and threads whose
 * `state` is not `published` (unsent drafts, replies held for review, hidden threads), count as notes and
 * `lineitem` threads (status changes, assignments) are events, not messages. Help Scout lists threads
 * newest first, so turns are sorted by `createdAt`.
 */
import { ConversationBuilder, idFromPath, isObj, problem, str, type Importer, type ImportSession, type Obj } from './build.ts';
import { fullName, toIso } from './clean.ts';
import type { ImportEvent, RawRecord } from './types.ts';

export const helpscout: Importer = {
  format: 'helpscout',
  description: 'Help Scout conversations + threads (Mailbox API 2.0 JSON)',
  detect(head) {
    return /"primaryCustomer"\s*:/.test(head) || (/"_embedded"\s*:/.test(head) && /"threads"\s*:/.test(head)) || (/"createdBy"\s*:/.test(head) && /"type"\s*:\s*"(?:customer|message|note|lineitem)"/.test(head));
  },
  createSession(): ImportSession {
    const pending = new Map<string, { record: RawRecord; conversation: Obj }>();
    const threads = new Map<string, { record: RawRecord; threads: Obj[] }>();
    return {
      onRecord(record) {
        const v = record.value;
        if (!isObj(v)) return [problem(record, 'expected a JSON object')];
        if (record.key === 'threads' || (isObj(v.createdBy) && typeof v.type === 'string' && v.primaryCustomer === undefined && v.subject === undefined)) {
          const id = str(v.conversationId) ?? idFromPath(record.file);
          if (!id) return [problem(record, 'thread without a conversation: name the file after the conversation id')];
          const group = threads.get(id) ?? { record, threads: [] };
          group.threads.push(v);
          threads.set(id, group);
          return [];
        }
        const id = str(v.id);
        if (!id) return [problem(record, 'conversation without an id')];
        const embedded = isObj(v._embedded) && Array.isArray(v._embedded.threads) ? (v._embedded.threads as unknown[]) : undefined;
        if (embedded) return [build(record, v, embedded)];
        if (v.primaryCustomer === undefined && v.subject === undefined) return [problem(record, 'not a Help Scout conversation or thread')];
        pending.set(id, { record, conversation: v });
        return [];
      },
      finish() {
        const out: ImportEvent[] = [];
        for (const [id, { record, conversation }] of pending) {
          const group = threads.get(id);
          threads.delete(id);
          out.push(build(record, conversation, group?.threads ?? []));
        }
        for (const [id, group] of threads) out.push(build(group.record, { id }, group.threads));
        return out;
      },
    };
  },
};

function person(p: unknown): { name?: string; email?: string } {
  if (!isObj(p)) return {};
  return { name: fullName(p.first, p.last), email: str(p.email) };
}

function build(record: RawRecord, conversation: Obj, threads: unknown[]): ImportEvent {
  const customer = person(conversation.primaryCustomer ?? conversation.customer);
  const builder = new ConversationBuilder({
    id: str(conversation.id) ?? '?',
    source: 'helpscout',
    file: record.file,
    line: record.line,
    subject: str(conversation.subject) || undefined,
    customer,
    createdAt: toIso(conversation.createdAt),
  });
  for (const t of threads) {
    if (!isObj(t)) continue;
    const type = str(t.type) ?? '';
    if (type === 'lineitem') continue;
    // `state` is `published` for a thread that went out; a `draft` (or one held for review, or hidden)
    // never reached the customer, so scoring it as a reply would be wrong. Counted with the notes.
    const state = str(t.state);
    if (type === 'note' || type === 'forwardparent' || type === 'forwardchild' || (state !== undefined && state !== 'published')) {
      builder.note();
      continue;
    }
    const by = isObj(t.createdBy) ? t.createdBy : {};
    const byCustomer = type === 'customer' || (type !== 'message' && by.type === 'customer');
    const who = person(by);
    const author = who.name ?? who.email ?? (byCustomer ? (customer.name ?? customer.email) : undefined);
    builder.add(byCustomer ? 'customer' : 'agent', t.body, { author, at: toIso(t.createdAt) });
  }
  return builder.build();
}
