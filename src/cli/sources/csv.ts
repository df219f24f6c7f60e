import { MappedText } from '../mapped-text.ts';
import { SourceError } from './errors.ts';

export interface CsvField {
  value: string;
  map: MappedText;
  /** Quoted fields take any fix text (quotes doubled); unquoted ones only text without separators. */
  quoted: boolean;
}

/**
 * Reads RFC 4180 CSV keeping each field's source position. csv-parse reports positions per record, not per
 * field, and a multi-line quoted macro body needs per-character positions for file:line:col and `--fix`.
 * The delimiter is the most frequent of `,` `;` TAB in the header line.
 *
 * @example
 * readCsv('title,body\nLate,"Hi ""Ana"""')[1][1].value // 'Hi "Ana"'
 */
export function readCsv(src: string): CsvField[][] {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delimiter = detectDelimiter(src.slice(i, src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i)));
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  const n = src.length;
  if (i >= n) return rows;
  for (;;) {
    let field: CsvField;
    if (src[i] === '"') {
      const open = i;
      i++;
      const map = MappedText.build((b) => {
        for (;;) {
          if (i >= n) throw new SourceError('invalid CSV: unterminated quoted field', open);
          if (src[i] === '"') {
            if (src[i + 1] === '"') {
              b.push('"', i, i + 2);
              i += 2;
              continue;
            }
            break;
          }
          b.copy(src[i], i);
          i++;
        }
      }, () => i);
      i++; // closing quote
      field = { value: map.text, map, quoted: true };
      if (i < n && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') {
        throw new SourceError('invalid CSV: text after a closing quote (quotes inside a field must be doubled)', i);
      }
    } else {
      const start = i;
      while (i < n && src[i] !== delimiter && src[i] !== '\n' && src[i] !== '\r') i++;
      const text = src.slice(start, i);
      field = { value: text, map: MappedText.identity(text, start), quoted: false };
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (src[i] === delimiter) {
      i++;
      continue;
    }
    // End of record: \n, \r\n or \r.
    if (src[i] === '\r' && src[i + 1] === '\n') i += 2;
    else i++;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  // A trailing blank line is not a record.
  return rows.filter((r) => !(r.length === 1 && r[0].value === '' && !r[0].quoted));
}

function detectDelimiter(header: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Encodes fix text for a CSV field, or undefined when an unquoted field cannot hold it. */
export function encodeCsv(text: string, quoted: boolean): string | undefined {
  if (quoted) return text.replace(/"/g, '""');
  return /[",;\t\r\n]/.test(text) ? undefined : text;
}
