/**
 * Reads any export file as a stream of raw records with their line numbers: JSON (arrays and API pages),
 * JSONL/NDJSON (one object per line, each possibly an API page) and CSV (header row + one row per message).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { scanJsonCollections } from './json-stream.ts';
import type { RawRecord } from './types.ts';

export type Layout = 'json' | 'jsonl' | 'csv';

export type RecordItem = { kind: 'record'; record: RawRecord } | { kind: 'problem'; line: number; reason: string };

/**
 * Reads the first bytes of a file as text, for layout and format detection.
 *
 * @example
 * sniffLayout(await readHead('export.json'))
 */
export async function readHead(file: string, bytes = 64 * 1024): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    // Cutting a multi-byte character at the end is harmless here: the head is only sniffed.
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

/**
 * Guesses the file layout from its first bytes. A file whose first line is a complete JSON object is
 * JSONL (a one-line API page is then a single JSONL record, which is read the same way); a file starting
 * with `[` or with a `{` that spans lines is JSON; anything else is CSV.
 *
 * @example
 * sniffLayout('{"id":1}\n{"id":2}\n') // 'jsonl'
 */
export function sniffLayout(head: string, file = ''): Layout {
  if (/\.(?:jsonl|ndjson)$/i.test(file)) return 'jsonl';
  const text = head.trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    // A malformed first row must not turn a JSONL file into one broken JSON document: any of the first
    // few lines being a complete object is enough.
    const lines = text.split('\n').slice(0, 5).map((l) => l.trim()).filter(Boolean);
    if (parsesAsObject(lines[0])) return 'jsonl';
    // Pretty-printed JSON opens a structure on its first line (`{`, `{"tickets": [`).
    if (/[{[,:]$/.test(lines[0])) return 'json';
    return lines.slice(1).some((l) => l.startsWith('{') && parsesAsObject(l)) ? 'jsonl' : 'json';
  }
  return 'csv';
}

function parsesAsObject(line: string): boolean {
  try {
    const v = JSON.parse(line) as unknown;
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/** Collections that hold the records, when a JSONL line or JSON element is itself an API page. */
const PAGE_KEYS = ['tickets', 'comments', 'conversations', 'threads', 'users', 'agents', 'contacts', 'ticket_events'];

/**
 * Splits an API page object into its collection records; any other object is a record by itself.
 *
 * @example
 * unwrapPage({ file, line: 1, key: '', value: { tickets: [t1, t2], next_page: null } }).length // 2
 */
export function unwrapPage(record: RawRecord): RawRecord[] {
  const value = record.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [record];
  const obj = value as Record<string, unknown>;
  // A HAL page has `_embedded` collections and no id of its own; a conversation's `_embedded.threads` is content.
  const embedded = obj.id === undefined && obj._embedded && typeof obj._embedded === 'object' ? (obj._embedded as Record<string, unknown>) : undefined;
  const out: RawRecord[] = [];
  let isPage = false;
  for (const holder of embedded ? [embedded, obj] : [obj]) {
    for (const key of PAGE_KEYS) {
      const items = holder[key];
      // Intercom's `conversation_parts` is nested inside a conversation, never a page key; only arrays count.
      if (Array.isArray(items) && (holder === embedded || isPageLike(obj, key))) {
        isPage = true;
        for (const item of items) out.push({ file: record.file, line: record.line, key, value: item });
      }
    }
  }
  return isPage ? out : [record];
}

/** A top-level `comments`/`conversations` array marks a page only when the object is not itself a ticket. */
function isPageLike(obj: Record<string, unknown>, key: string): boolean {
  if (key === 'comments' || key === 'conversations') {
    return !('subject' in obj) && !('requester_id' in obj) && !('description' in obj) && !('conversation_parts' in obj);
  }
  return true;
}

/**
 * Streams the records of one export file with 1-based line numbers. Malformed rows come out as problems
 * and reading goes on.
 *
 * @example
 * for await (const item of readRecords('export.jsonl')) if (item.kind === 'problem') console.error(item.line, item.reason);
 */
export async function* readRecords(file: string, layout: Layout, onBytes?: (bytes: number) => void): AsyncGenerator<RecordItem> {
  if (layout === 'json') {
    // An empty collection (`{"tickets": []}`) is a legitimate last page; the scanner says so only when
    // there was no collection at all.
    for await (const item of scanJsonCollections(file, onBytes)) {
      if (item.kind === 'problem') yield { kind: 'problem', line: item.problem.line, reason: item.problem.reason };
      else for (const record of unwrapPage(item.record)) yield { kind: 'record', record };
    }
    return;
  }
  if (layout === 'jsonl') {
    const stream = createReadStream(file, { encoding: 'utf8' });
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += Buffer.byteLength(chunk as string);
      onBytes?.(bytes);
    });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (!trimmed) continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (err) {
        yield { kind: 'problem', line, reason: `invalid JSON: ${(err as Error).message}` };
        continue;
      }
      for (const record of unwrapPage({ file, line, key: '', value })) yield { kind: 'record', record };
    }
    return;
  }
  yield* readCsv(file, csvDelimiter(await readHead(file, 8192)), onBytes);
}

/**
 * The delimiter of a CSV file from its header line: spreadsheets in many locales save with `;`, and
 * some tools export tab-separated text.
 *
 * @example
 * csvDelimiter('conversation_id;role;text\n') // ';'
 */
export function csvDelimiter(head: string): string {
  const header = head.split(/\r?\n/, 1)[0];
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

async function* readCsv(file: string, delimiter: string, onBytes?: (bytes: number) => void): AsyncGenerator<RecordItem> {
  const skipped: RecordItem[] = [];
  // csv-parse tells where a record ends; a quoted multi-line message starts one line after the previous one.
  let lastLine = 1;
  const parser = parseCsv({
    bom: true,
    delimiter,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    info: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      // csv-parse reports the physical line where the bad record ended.
      const e = err as Error & { lines?: number };
      skipped.push({ kind: 'problem', line: e.lines ?? 0, reason: `malformed CSV row: ${e.message.replace(/^Invalid Record Length: /, '')}` });
      lastLine = e.lines ?? lastLine;
      return undefined;
    },
  });
  const input = createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk) => {
    bytes += (chunk as Buffer).length;
    onBytes?.(bytes);
  });
  input.pipe(parser);
  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift() as RecordItem;
    const start = Math.min(lastLine + 1, row.info.lines);
    lastLine = row.info.lines;
    yield { kind: 'record', record: { file, line: start, key: '', value: row.record } };
  }
  while (skipped.length) yield skipped.shift() as RecordItem;
}
