/**
 * Streaming reader for big JSON exports.
 *
 * Helpdesk exports are either a top-level array (`[{…},{…}]`), an API page (`{"tickets":[…],"next_page":…}`)
 * or a HAL page (`{"_embedded":{"conversations":[…]}}`). This scanner walks the bytes once, finds those
 * collection arrays and hands each element's raw text to `JSON.parse`, so memory stays at one element and
 * a malformed element is reported with its line while the rest of the file still imports.
 *
 * Why not stream-json (BSD-3-Clause, considered): its token stream carries no line numbers, which the
 * bad-input report needs, and assembling objects from tokens in JS is several times slower than the
 * native `JSON.parse` on each element's slice.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { RawRecord } from './types.ts';

export interface JsonScanProblem {
  line: number;
  reason: string;
}

export type JsonScanItem = { kind: 'record'; record: RawRecord } | { kind: 'problem'; problem: JsonScanProblem };

const OPEN_OBJ = 0x7b; // {
const CLOSE_OBJ = 0x7d; // }
const OPEN_ARR = 0x5b; // [
const CLOSE_ARR = 0x5d; // ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

/** Arrays nested deeper than this inside plain objects are element content, not collections. */
const MAX_COLLECTION_DEPTH = 3;
/** Capture key of values we only step over. */
const SKIP = '\0skip';

/**
 * Yields every element of the collection arrays of a JSON file, with the collection's key and the
 * element's starting line. Elements that are not valid JSON are yielded as problems; scanning goes on.
 *
 * @example
 * for await (const item of scanJsonCollections('tickets.json')) {
 *   if (item.kind === 'record') console.log(item.record.key, item.record.line); // 'tickets' 3
 * }
 */
export async function* scanJsonCollections(
  file: string,
  onBytes?: (bytes: number) => void,
  /** Read size; tests make it tiny so every token straddles a chunk boundary somewhere. */
  chunkSize = 64 * 1024,
): AsyncGenerator<JsonScanItem> {
  const decoder = new StringDecoder('utf8');
  // Container stack outside captured elements: '{' or '['; `collection` marks arrays whose elements we emit.
  const stack: { type: number; key: string; collection: boolean }[] = [];
  let line = 1;
  let inString = false;
  let escaped = false;
  // Key tracking in shallow objects: the last string read where a key is expected.
  let expectKey = false;
  let stringStart = -1;
  let pendingKey = '';
  let keyBuf = '';
  let lastKey = '';
  // Element capture.
  let capturing = false;
  let captureDepth = 0;
  let captureParts: string[] = [];
  let captureStart = 0;
  let captureLine = 0;
  let captureKey = '';
  let captureIsPrimitive = false;
  let sawContent = false;
  let bytes = 0;
  let emitted = 0;
  let sawCollection = false;

  const out: JsonScanItem[] = [];
  const finishCapture = (text: string): void => {
    capturing = false;
    captureParts = [];
    if (captureKey === SKIP) return;
    const trimmed = text.trim();
    if (captureIsPrimitive) {
      out.push({ kind: 'problem', problem: { line: captureLine, reason: `expected an object in "${captureKey || 'array'}", found ${trimmed.slice(0, 40)}` } });
      return;
    }
    try {
      out.push({ kind: 'record', record: { file, line: captureLine, key: captureKey, value: JSON.parse(trimmed) } });
    } catch (err) {
      out.push({ kind: 'problem', problem: { line: captureLine, reason: `invalid JSON: ${(err as Error).message}` } });
    }
  };

  for await (const chunk of createReadStream(file, { highWaterMark: chunkSize })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    onBytes?.(bytes);
    const text = decoder.write(buf);
    captureStart = 0;
    if (stringStart >= 0) stringStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (!capturing && stringStart >= 0) {
            keyBuf += text.slice(stringStart, i);
            stringStart = -1;
            pendingKey = keyBuf;
            keyBuf = '';
          }
        }
        continue;
      }
      if (capturing) {
        if (c === QUOTE) inString = true;
        else if (c === OPEN_OBJ || c === OPEN_ARR) captureDepth++;
        else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
          if (captureDepth === 0) {
            // A primitive element ended by its array's close bracket.
            captureParts.push(text.slice(captureStart, i));
            finishCapture(captureParts.join(''));
            i--; // let the outer state see the bracket
            continue;
          }
          captureDepth--;
          if (captureDepth === 0 && !captureIsPrimitive) {
            captureParts.push(text.slice(captureStart, i + 1));
            finishCapture(captureParts.join(''));
          }
        } else if (c === COMMA && captureDepth === 0) {
          captureParts.push(text.slice(captureStart, i));
          finishCapture(captureParts.join(''));
        }
        continue;
      }
      if (c <= 0x20) continue;
      sawContent = true;
      const top = stack[stack.length - 1];
      if (top?.collection && c !== COMMA && c !== CLOSE_ARR) {
        capturing = true;
        captureIsPrimitive = c !== OPEN_OBJ && c !== OPEN_ARR;
        captureDepth = captureIsPrimitive ? 0 : 1;
        captureStart = i;
        captureLine = line;
        captureKey = top.key;
        captureParts = [];
        if (c === QUOTE) inString = true;
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        stringStart = expectKey ? i + 1 : -1;
        keyBuf = '';
        continue;
      }
      if (c === COLON) {
        lastKey = pendingKey;
        expectKey = false;
        continue;
      }
      if (c === COMMA) {
        expectKey = top?.type === OPEN_OBJ;
        continue;
      }
      if (c === OPEN_OBJ || c === OPEN_ARR) {
        const parentIsObjectOrRoot = !top || top.type === OPEN_OBJ;
        const key = top ? lastKey : '';
        // Collections: a top-level array, or an array reached only through objects, near the top.
        const collection = c === OPEN_ARR && parentIsObjectOrRoot && stack.length < MAX_COLLECTION_DEPTH && stack.every((s) => s.type === OPEN_OBJ);
        if (!collection && stack.length >= 1 && !(c === OPEN_OBJ && parentIsObjectOrRoot && stack.length < MAX_COLLECTION_DEPTH - 1)) {
          // A value we do not need (e.g. `"page": {…}` deep, or an array of arrays): skip it as a capture
          // that is discarded, so its strings don't confuse key tracking.
          capturing = true;
          captureIsPrimitive = false;
          captureDepth = 1;
          captureStart = i;
          captureLine = line;
          captureKey = SKIP;
          continue;
        }
        sawCollection ||= collection;
        stack.push({ type: c, key, collection });
        expectKey = c === OPEN_OBJ;
        continue;
      }
      if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        stack.pop();
        expectKey = false;
        continue;
      }
      // Primitive values outside collections (next_page, count…) are ignored.
    }
    if (capturing) captureParts.push(text.slice(captureStart));
    if (inString && !capturing && stringStart >= 0) keyBuf += text.slice(stringStart);
    emitted += out.length;
    yield* out;
    out.length = 0;
  }
  const rest = decoder.end();
  if (rest) captureParts.push(rest);
  if (capturing || stack.length > 0 || inString) {
    yield { kind: 'problem', problem: { line: capturing ? captureLine : line, reason: 'file ends inside a JSON value (truncated export?)' } };
  } else if (!sawContent) {
    yield { kind: 'problem', problem: { line: 0, reason: 'file is empty' } };
  } else if (emitted === 0 && !sawCollection) {
    yield { kind: 'problem', problem: { line: 0, reason: 'no records found: expected an array, an API page such as {"tickets": […]}, or one object per line' } };
  }
}
