// Every phrase table in the engine (*.data.ts) compiles, captures nothing, and has no duplicate patterns.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileTable, type PhraseEntry } from './text/matcher.ts';

const here = dirname(fileURLToPath(import.meta.url));
function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return dataFiles(full);
    return f.endsWith('.data.ts') ? [full] : [];
  });
}
function isTable(v: unknown): v is PhraseEntry[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => e && typeof e === 'object' && typeof (e as PhraseEntry).pattern === 'string');
}
function tablesIn(value: unknown, path: string): [string, PhraseEntry[]][] {
  if (isTable(value)) return [[path, value]];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => tablesIn(v, `${path}.${k}`));
  }
  return [];
}

describe('phrase tables', async () => {
  const files = dataFiles(here);
  it('found some tables', () => assert.ok(files.length > 0));
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, table] of tablesIn(mod, file.slice(here.length + 1))) {
      it(`${name} compiles without duplicates`, () => {
        assert.doesNotThrow(() => compileTable(table));
        const patterns = table.map((e) => e.pattern.toLowerCase());
        const dupes = patterns.filter((p, i) => patterns.indexOf(p) !== i);
        assert.deepEqual(dupes, []);
      });
    }
  }
});
