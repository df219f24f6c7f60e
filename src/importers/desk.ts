/**
 * Importing archived conversations into the desk, so their history shows on customer cards and in the
 * lead dashboard.
 *
 * This module maps imported conversations to historical cases and drives the import; the writing itself
 * is a {@link DeskImportTarget} the desk's service layer provides. Why not the existing `openCase` /
 * `addMessage` services: they create live, open cases (history would flood every queue), stamp "now"
 * unless the clock is swapped, attribute replies only to active desk users (imported agents would then
 * be picked as owners of new live cases), and resolving sends the customer an e-mail. A historical
 * import needs one service that stores a closed case with its original times, without mail or
 * notifications, idempotently by `externalRef`.
 */
import { importFiles, type ImportOptions } from './index.ts';
import type { ImportedConversation, ImportProblem } from './types.ts';

export interface HistoricalMessage {
  direction: 'inbound' | 'outbound';
  body: string;
  /** ISO time from the export. */
  at?: string;
  /** Agent name from the export, for outbound messages. */
  authorName?: string;
}

export interface HistoricalCase {
  /** `<format>:<vendor id>`, unique per source; importing the same export twice must not duplicate cases. */
  externalRef: string;
  customer: { name: string; email?: string };
  subject: string;
  createdAt?: string;
  messages: HistoricalMessage[];
}

/** What the desk's service layer must offer for `defuse import`. */
export interface DeskImportTarget {
  importHistoricalCase(input: HistoricalCase): Promise<{ caseId: number; created: boolean }>;
}

/**
 * Maps one imported conversation to a historical case: the first customer message opens it (agent
 * messages before it, such as outbound campaigns, are kept in order), and the customer gets a name even
 * when the export only had an e-mail.
 *
 * @example
 * toHistoricalCase(conversation).externalRef // 'zendesk:101'
 */
export function toHistoricalCase(c: ImportedConversation): HistoricalCase {
  const name = c.customer.name ?? c.customer.email ?? `${c.source} customer of ${c.id}`;
  const firstCustomer = c.turns.find((t) => t.role === 'customer');
  const subject = c.subject ?? (firstCustomer?.text ?? c.turns[0]?.text ?? '').replace(/\s+/g, ' ').slice(0, 80);
  return {
    externalRef: `${c.source}:${c.id}`,
    customer: { name, email: c.customer.email },
    subject: subject || '(no subject)',
    createdAt: c.createdAt ?? c.turns[0]?.at,
    messages: c.turns.map((t) => ({ direction: t.role === 'customer' ? 'inbound' : 'outbound', body: t.text, at: t.at, authorName: t.role === 'agent' ? t.author : undefined })),
  };
}

export interface DeskImportSummary {
  created: number;
  alreadyImported: number;
  problems: ImportProblem[];
}

/**
 * Streams export files into the desk through `target`, one case at a time. Import problems and cases the
 * target rejects are collected with file and line; the import goes on.
 *
 * @example
 * const summary = await importIntoDesk(['tickets.json'], target);
 * console.log(summary.created, summary.problems.length);
 */
export async function importIntoDesk(files: string[], target: DeskImportTarget, options: ImportOptions = {}): Promise<DeskImportSummary> {
  const summary: DeskImportSummary = { created: 0, alreadyImported: 0, problems: [] };
  for await (const ev of importFiles(files, options)) {
    if (ev.kind === 'problem') {
      summary.problems.push(ev.problem);
      continue;
    }
    const c = ev.conversation;
    try {
      const r = await target.importHistoricalCase(toHistoricalCase(c));
      if (r.created) summary.created++;
      else summary.alreadyImported++;
    } catch (err) {
      summary.problems.push({ file: c.file, line: c.line, conversationId: c.id, reason: `desk rejected the case: ${(err as Error).message}` });
    }
  }
  return summary;
}
