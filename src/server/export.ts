/**
 * `defuse export --out DIR`: the desk's cases, messages and coaching findings as JSONL, for moving to another
 * tool or for analysis. One record per line, read from PostgreSQL in pages by id, so memory stays flat on any
 * desk size. A backup is `pg_dump` (README, "Operate"); this is the portable view of the data.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from './db/db.ts';

const PAGE = 500;

export interface ExportCounts {
  cases: number;
  messages: number;
  findings: number;
}

function writer(path: string): { line(record: unknown): Promise<void>; close(): Promise<void> } {
  const stream: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  return {
    line(record) {
      // Respect back-pressure: a big desk must not pile up in memory while the disk catches up.
      return stream.write(JSON.stringify(record) + '\n') ? Promise.resolve() : new Promise((r) => stream.once('drain', () => r()));
    },
    close: () => new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve()))),
  };
}

/** Reads `sql` (which must take `$1` = the last id seen and return `id` ascending) page by page. */
async function* pages<R extends { id: number }>(db: Queryable, sql: string): AsyncGenerator<R> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<R>(`${sql} LIMIT ${PAGE}`, [after]);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

interface FindingRecord {
  ruleId?: string;
  severity?: string;
  principle?: string;
  message?: string;
  range?: [number, number];
}

/**
 * Writes `cases.jsonl`, `messages.jsonl` and `findings.jsonl` into `dir` and returns how many records each got.
 * Findings are the coaching findings stored with each sent reply, with the words they point at.
 *
 * @example
 * await exportDesk(db, 'export-2026-12-06'); // { cases: 80, messages: 412, findings: 95 }
 */
export async function exportDesk(db: Queryable, dir: string): Promise<ExportCounts> {
  mkdirSync(dir, { recursive: true });
  const counts: ExportCounts = { cases: 0, messages: 0, findings: 0 };
  const cases = writer(join(dir, 'cases.jsonl'));
  for await (const c of pages<{ id: number }>(
    db,
    `SELECT c.id, c.subject, c.status, c.phase, c.channel, c.issue_category AS "issueCategory", c.issue_phrase AS "issuePhrase", c.needs,
            c.transfer_count AS "transferCount", c.reopen_count AS "reopenCount", c.created_at AS "createdAt", c.resolved_at AS "resolvedAt",
            u.email AS "ownerEmail", json_build_object('id', cu.id, 'name', cu.name, 'email', cu.email) AS customer
       FROM cases c JOIN users u ON u.id = c.owner_id JOIN customers cu ON cu.id = c.customer_id
      WHERE c.id > $1 ORDER BY c.id`,
  )) {
    await cases.line(c);
    counts.cases++;
  }
  await cases.close();
  const messages = writer(join(dir, 'messages.jsonl'));
  const findings = writer(join(dir, 'findings.jsonl'));
  for await (const m of pages<{ id: number; caseId: number; body: string; checkResult: { findings?: FindingRecord[] } | null; createdAt: Date }>(
    db,
    `SELECT m.id, m.case_id AS "caseId", m.direction, coalesce(m.author_name, u.name) AS author, m.body, m.anger, m.score, m.analysis,
            m.check_result AS "checkResult", m.created_at AS "createdAt"
       FROM messages m LEFT JOIN users u ON u.id = m.author_id
      WHERE m.id > $1 ORDER BY m.id`,
  )) {
    const { checkResult, ...message } = m;
    await messages.line(message);
    counts.messages++;
    for (const f of checkResult?.findings ?? []) {
      await findings.line({
        caseId: m.caseId,
        messageId: m.id,
        ruleId: f.ruleId,
        severity: f.severity,
        principle: f.principle,
        message: f.message,
        range: f.range,
        text: f.range ? m.body.slice(f.range[0], f.range[1]) : undefined,
        createdAt: m.createdAt,
      });
      counts.findings++;
    }
  }
  await messages.close();
  await findings.close();
  return counts;
}
