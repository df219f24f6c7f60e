import { MappedText } from '../mapped-text.ts';
import { SourceError } from './errors.ts';

/** A parsed JSON value that remembers where its strings were, so findings map back to file positions. */
export type JsonNode =
  | { kind: 'object'; entries: [string, JsonNode][]; start: number }
  | { kind: 'array'; items: JsonNode[]; start: number }
  | { kind: 'string'; value: string; map: MappedText; start: number }
  | { kind: 'scalar'; value: number | boolean | null; start: number };

/**
 * Parses JSON (RFC 8259) keeping, for every string, the source offset of each decoded character.
 * `JSON.parse` cannot say where a value was, and a macro body full of `\n` and `\u2019` escapes would
 * otherwise put every finding at the wrong column.
 *
 * @example
 * const node = parseJsonWithPositions('{"body":"Hi\\nAna"}');
 * node.kind === 'object' && node.entries[0][1].kind === 'string' && node.entries[0][1].map.toSource([3, 6]) // [13, 16]
 */
export function parseJsonWithPositions(src: string): JsonNode {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, at = i): never => {
    throw new SourceError(`invalid JSON: ${message}`, at);
  };
  const ws = () => {
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const parseString = (): JsonNode => {
    const start = i;
    i++; // opening quote
    const map = MappedText.build((b) => {
      for (;;) {
        if (i >= src.length) fail('unterminated string', start);
        const c = src[i];
        if (c === '"') break;
        if (c === '\\') {
          const e = src[i + 1];
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e !== undefined && e in simple) {
            b.push(simple[e], i, i + 2);
            i += 2;
          } else if (e === 'u') {
            const hex = src.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            b.push(String.fromCharCode(parseInt(hex, 16)), i, i + 6);
            i += 6;
          } else {
            fail('bad escape');
          }
          continue;
        }
        if (src.charCodeAt(i) < 0x20) fail('control character in string');
        b.copy(c, i);
        i++;
      }
    }, () => i);
    i++; // closing quote
    return { kind: 'string', value: map.text, map, start };
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > 512) fail('nested too deeply');
    ws();
    const start = i;
    const c = src[i];
    if (c === '{') {
      i++;
      const entries: [string, JsonNode][] = [];
      ws();
      if (src[i] === '}') {
        i++;
        return { kind: 'object', entries, start };
      }
      for (;;) {
        ws();
        if (src[i] !== '"') fail('expected a property name in double quotes');
        const key = parseString() as Extract<JsonNode, { kind: 'string' }>;
        ws();
        if (src[i] !== ':') fail("expected ':'");
        i++;
        entries.push([key.value, parseValue(depth + 1)]);
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === '}') {
          i++;
          return { kind: 'object', entries, start };
        }
        fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (src[i] === ']') {
        i++;
        return { kind: 'array', items, start };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        if (src[i] === ']') {
          i++;
          return { kind: 'array', items, start };
        }
        fail("expected ',' or ']'");
      }
    }
    if (c === '"') return parseString();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(src.slice(i, i + 400));
    if (!m) return fail(i >= src.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
    i += m[0].length;
    const value = m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
    return { kind: 'scalar', value, start };
  };

  const root = parseValue(0);
  ws();
  if (i < src.length) fail('unexpected data after the end of the document');
  return root;
}

/** The value of `key` in an object node, or undefined. */
export function get(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  const lower = key.toLowerCase();
  for (const [k, v] of node.entries) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Encodes fix text as the inside of a JSON string literal. */
export function escapeJsonString(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}
