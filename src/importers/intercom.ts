/**
 * Intercom conversations (REST API 2.x shapes).
 *
 * A conversation (`GET /conversations/{id}`, or the items of a `conversation.list` page / search result)
 * opens with `source` (the first message: `author`, HTML `body`, `subject`) and continues in
 * `conversation_parts.conversation_parts`. Times are Unix seconds.
 *
 * `author.type`: `user`, `lead` and `contact` are the customer; `admin`, `bot` and `team` speak for the
 * company. `part_type: "note"` is an internal note (left out). Assignment, open and close parts count
 * only when the agent wrote something with them; other parts are events, not messages.
 */
import { ConversationBuilder, isObj, problem, str, type Importer, type ImportSession, type Obj } from './build.ts';
import { toIso } from './clean.ts';
import type { ImportEvent, RawRecord } from './types.ts';

const CUSTOMER_TYPES = new Set(['user', 'lead', 'contact']);
const MESSAGE_PARTS = new Set(['comment', 'assignment', 'open', 'close', 'away_mode_assignment', 'snoozed', 'quick_reply']);

export const intercom: Importer = {
  format: 'intercom',
  description: 'Intercom conversations + conversation_parts (REST API JSON)',
  detect(head) {
    return /"conversation_parts"\s*:/.test(head) || /"type"\s*:\s*"conversation(?:\.list)?"/.test(head);
  },
  createSession(): ImportSession {
    return {
      onRecord(record) {
        const v = record.value;
        if (!isObj(v)) return [problem(record, 'expected a JSON object')];
        if (!str(v.id)) return [problem(record, 'conversation without an id')];
        if (!isObj(v.source) && !isObj(v.conversation_parts) && !isObj(v.conversation_message)) {
          return [problem(record, 'not an Intercom conversation (no source or conversation_parts)', str(v.id))];
        }
        return [build(record, v)];
      },
    };
  },
};

function authorName(author: unknown): { customer: boolean; name?: string; email?: string } {
  if (!isObj(author)) return { customer: false };
  const type = str(author.type) ?? '';
  const name = str(author.name)?.trim() || undefined;
  const email = str(author.email)?.trim() || undefined;
  const label = type === 'bot' && name ? `${name} (bot)` : name;
  return { customer: CUSTOMER_TYPES.has(type), name: label, email };
}

function build(record: RawRecord, c: Obj): ImportEvent {
  // API 1.x named the opening message `conversation_message`.
  const source = isObj(c.source) ? c.source : isObj(c.conversation_message) ? c.conversation_message : {};
  const opener = authorName(source.author);
  const firstContact = isObj(c.contacts) && Array.isArray(c.contacts.contacts) && isObj(c.contacts.contacts[0]) ? c.contacts.contacts[0] : undefined;
  const customer = opener.customer ? { name: opener.name, email: opener.email } : { name: str(firstContact?.name), email: str(firstContact?.email) };
  const builder = new ConversationBuilder({
    id: str(c.id) as string,
    source: 'intercom',
    file: record.file,
    line: record.line,
    subject: (str(c.title) || str(source.subject) || '').replace(/<[^>]+>/g, '').trim() || undefined,
    customer,
    createdAt: toIso(c.created_at),
  });
  if (source.body !== undefined) {
    builder.add(opener.customer ? 'customer' : 'agent', source.body, { author: opener.name ?? opener.email, at: toIso(c.created_at), html: true });
  }
  const parts = isObj(c.conversation_parts) && Array.isArray(c.conversation_parts.conversation_parts) ? c.conversation_parts.conversation_parts : [];
  for (const p of parts) {
    if (!isObj(p)) continue;
    const type = str(p.part_type) ?? '';
    if (type === 'note' || type === 'note_and_reopen') {
      builder.note();
      continue;
    }
    const body = str(p.body);
    if (!MESSAGE_PARTS.has(type) || !body) continue;
    const who = authorName(p.author);
    builder.add(who.customer ? 'customer' : 'agent', body, { author: who.name ?? who.email, at: toIso(p.created_at), html: true });
  }
  return builder.build();
}
