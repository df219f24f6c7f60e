/**
 * `defuse import EXPORT…`: loads a helpdesk export into the desk as closed history, so archived
 * conversations show on customer cards and in the lead dashboard. Connects like the server and the other
 * desk commands: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR (joining a running desk).
 *
 * The mapping and streaming live in `src/importers/desk.ts`; the writing is the desk's own
 * `deskImportTarget`, which stores closed cases with their original times, sends nothing and is
 * idempotent by `<format>:<id>`, so running the same import twice adds nothing.
 */
import { resolve } from 'node:path';
import { importIntoDesk, type DeskImportSummary } from '../importers/desk.ts';
import type { Format } from '../importers/types.ts';
import { systemClock } from '../server/clock.ts';
import { configFromEnv, parseEnv } from '../server/config.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import { deskImportTarget } from '../server/services/history.ts';

/** Problems printed one per line; the rest are counted, so a huge broken export does not flood the terminal. */
const SHOWN_PROBLEMS = 50;

export interface ImportCommandIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * The end-of-import summary: what was created, what was already there, and every skipped or repaired row
 * with file, line and reason (the first {@link SHOWN_PROBLEMS}; all are counted).
 *
 * @example
 * formatImportSummary({ created: 3, alreadyImported: 0, problems: [] }) // 'Imported 3 conversations…'
 */
export function formatImportSummary(s: DeskImportSummary): string {
  // A problem marked `kept` (an unreadable time) did not stop its row: counting it as skipped would be untrue.
  const kept = s.problems.filter((p) => p.kept).length;
  const lines = [
    `Imported ${fmt(s.created)} conversation${s.created === 1 ? '' : 's'} into the desk as closed cases; ${fmt(s.alreadyImported)} already imported (left as they were); ${fmt(s.problems.length - kept)} rows skipped; ${fmt(kept)} imported with a detail ignored.`,
  ];
  for (const p of s.problems.slice(0, SHOWN_PROBLEMS)) lines.push(`  ${p.file}:${p.line}: ${p.reason}`);
  if (s.problems.length > SHOWN_PROBLEMS) lines.push(`  … and ${fmt(s.problems.length - SHOWN_PROBLEMS)} more problems`);
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `defuse import` on already-expanded export files. Resolves to the exit code: 0 when the import ran
 * (skipped rows are reported, not fatal, as with `defuse qa`), 2 when it could not run at all.
 *
 * @example
 * process.exitCode = await runImportCommand(['zendesk/tickets.json'], {}, { env: process.env, out: console.log, err: console.error });
 */
export async function runImportCommand(files: string[], opts: { format?: Format }, io: ImportCommandIo): Promise<number> {
  let opened: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const env = parseEnv(io.env);
    opened = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: resolve(env.DATA_DIR) });
    await migrate(opened.db);
    const target = deskImportTarget({ db: opened.db, clock: systemClock, config: configFromEnv(env) });
    const summary = await importIntoDesk(files, target, { format: opts.format });
    io.out(formatImportSummary(summary));
    return 0;
  } catch (err) {
    io.err(`defuse import: ${(err as Error).message}\n`);
    return 2;
  } finally {
    await opened?.close();
  }
}
