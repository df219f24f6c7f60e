/**
 * Importers for helpdesk exports: detect the format of each file, stream its records and turn them into
 * normalized conversations. Problems (malformed rows, records of an unknown shape) come out as events
 * with file, line and reason; the import never stops on one bad row.
 */
import { stat } from 'node:fs/promises';
import type { Importer, ImportSession } from './build.ts';
import { csv, jsonl } from './generic.ts';
import { freshdesk } from './freshdesk.ts';
import { helpscout } from './helpscout.ts';
import { intercom } from './intercom.ts';
import { readHead, readRecords, sniffLayout } from './records.ts';
import { FORMATS, type Format, type ImportEvent } from './types.ts';
import { zendesk } from './zendesk.ts';

export * from './types.ts';
export { cleanMessage } from './clean.ts';

/** Vendors first: their markers are specific. The generic layouts are the fallback. */
export const IMPORTERS: readonly Importer[] = [intercom, helpscout, freshdesk, zendesk, jsonl, csv];

/**
 * Detects the export format of a file from its first 64 KiB.
 *
 * @example
 * await detectFormat('tickets.json') // 'zendesk'
 */
export async function detectFormat(file: string): Promise<Format | undefined> {
  const head = await readHead(file);
  const layout = sniffLayout(head, file);
  for (const importer of IMPORTERS) {
    if (layout === 'csv' && importer.format !== 'csv') continue;
    if (layout !== 'csv' && importer.format === 'csv') continue;
    if (importer.detect(head)) return importer.format;
  }
  return undefined;
}

export function importerFor(format: Format): Importer {
  const found = IMPORTERS.find((i) => i.format === format);
  if (!found) throw new Error(`unknown format "${format}" (expected one of ${FORMATS.join(', ')})`);
  return found;
}

export interface ImportOptions {
  /** Skip detection and read every file as this format. */
  format?: Format;
  /** Called as bytes are read: total bytes read so far across all files. */
  onBytes?: (bytesRead: number) => void;
}

/**
 * Streams the conversations and problems of export files, in file order. Files that need one another
 * (Zendesk ticket pages and comment pages) share a session per format and are joined at the end.
 *
 * @example
 * for await (const ev of importFiles(['zendesk-export.json'])) {
 *   if (ev.kind === 'conversation') console.log(ev.conversation.id, ev.conversation.turns.length);
 *   else console.error(`${ev.problem.file}:${ev.problem.line}: ${ev.problem.reason}`);
 * }
 */
export async function* importFiles(files: readonly string[], options: ImportOptions = {}): AsyncGenerator<ImportEvent> {
  const sessions = new Map<Format, ImportSession>();
  let before = 0;
  for (const file of files) {
    let size = 0;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a regular file');
      size = info.size;
    } catch (err) {
      yield { kind: 'problem', problem: { file, line: 0, reason: `cannot read file: ${(err as Error).message}` } };
      continue;
    }
    const head = await readHead(file);
    const layout = sniffLayout(head, file);
    const format = options.format ?? (await detectFormat(file));
    if (!format) {
      yield { kind: 'problem', problem: { file, line: 0, reason: `unrecognised export format (${layout}); pass --format (${FORMATS.join(', ')})` } };
      before += size;
      options.onBytes?.(before);
      continue;
    }
    let session = sessions.get(format);
    if (!session) {
      session = importerFor(format).createSession();
      sessions.set(format, session);
    }
    // `--format csv` on a JSON file would mis-read it; the layout always follows the bytes, except that
    // the CSV importer only reads CSV.
    const readAs = format === 'csv' ? 'csv' : layout === 'csv' ? 'jsonl' : layout;
    const base = before;
    for await (const item of readRecords(file, readAs, (b) => options.onBytes?.(base + b))) {
      if (item.kind === 'problem') yield { kind: 'problem', problem: { file, line: item.line, reason: item.reason } };
      else yield* session.onRecord(item.record);
    }
    if (session.onFileEnd) yield* session.onFileEnd(file);
    before += size;
    options.onBytes?.(before);
  }
  for (const session of sessions.values()) if (session.finish) yield* session.finish();
}
