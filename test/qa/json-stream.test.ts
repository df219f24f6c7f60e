import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanJsonCollections } from '../../src/importers/json-stream.ts';

/** Deterministic pseudo-random JSON values full of the characters a scanner can trip on. */
function* values(seed: number, count: number): Generator<unknown> {
  let x = seed;
  const rnd = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const tricky = ['a,b', '}{', '][', 'quote " inside', 'back\\slash', 'new\nline', 'émoji 😀 ü', '\\"', '"}]', 'tab\there'];
  const value = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.3) return tricky[Math.floor(rnd() * tricky.length)];
    if (r < 0.4) return Math.floor(rnd() * 1000) / 7;
    if (r < 0.45) return null;
    if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [`${tricky[i % tricky.length]}${i}`, value(depth + 1)]));
  };
  for (let i = 0; i < count; i++) yield { id: i, body: value(0), nested: { list: [value(1), { deeper: value(2) }] } };
}

describe('scanJsonCollections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-scan-'));
  const expected = [...values(7, 300)];

  const shapes: [string, (items: string) => string, string][] = [
    ['a top-level array', (items) => `[${items}]`, ''],
    ['an API page with siblings before and after', (items) => `{"count": 3, "next_page": "https://x/?a=[1]", "tickets": [${items}], "end_of_stream": true}`, 'tickets'],
    ['a HAL page', (items) => `{"_links": {"next": {"href": "x"}}, "_embedded": {"conversations": [${items}]}, "page": {"size": 25}}`, 'conversations'],
  ];
  for (const [name, wrap, key] of shapes) {
    for (const chunkSize of [1, 7, 64 * 1024]) {
      it(`${name}, read ${chunkSize} byte(s) at a time, yields every element intact with its key and line`, async () => {
        const file = join(dir, `${key || 'array'}-${chunkSize}.json`);
        const items = expected.map((v) => JSON.stringify(v, null, 1)).join(',\n');
        writeFileSync(file, wrap(items));
        const got: unknown[] = [];
        const lines: number[] = [];
        for await (const item of scanJsonCollections(file, undefined, chunkSize)) {
          assert.equal(item.kind, 'record', JSON.stringify(item));
          if (item.kind !== 'record') continue;
          assert.equal(item.record.key, key);
          got.push(item.record.value);
          lines.push(item.record.line);
        }
        assert.deepEqual(got, expected);
        // Element k starts on the line after the previous element's last line.
        let line = wrap('').split('\n').length - 1 + 1;
        for (let k = 0; k < expected.length; k++) {
          assert.equal(lines[k], line, `element ${k}`);
          line += JSON.stringify(expected[k], null, 1).split('\n').length;
        }
      });
    }
  }
});
