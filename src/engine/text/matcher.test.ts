// The matcher's fast path (a sticky regex tried only where a phrase can open) must find exactly what the
// plain scan finds, for every table the engine ships, on real customer and agent text and on hostile text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileTable, countCapturingGroups, findPhrases, findPhrasesByScan, hasPhrase, hasWordStart, isQuoted, isQuotedByScan, type CompiledTable, type PhraseEntry } from './matcher.ts';
import { splitSentences } from './sentences.ts';

const engine = join(dirname(fileURLToPath(import.meta.url)), '..');
const IBM = join(engine, '../../../shared/data/ibm-customer-care/dev.json');

function dataFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    if (statSync(full).isDirectory()) return dataFiles(full);
    return f.endsWith('.data.ts') ? [full] : [];
  });
}
function tablesIn(value: unknown, path: string): [string, PhraseEntry[]][] {
  if (Array.isArray(value) && value.length > 0 && value.every((e) => typeof (e as PhraseEntry)?.pattern === 'string')) return [[path, value as PhraseEntry[]]];
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => tablesIn(v, `${path}.${k}`));
  return [];
}

const HOSTILE = [
  '', ' ', 'a', "'", '"', '“calm down”', "'you are wrong' he said", 'CALM DOWN!!!', 'İstanbul: YOU ARE WRONG', 'ǅ sorry',
  'x\uD800sorry', '\uD835\uDC00calm down', '😡calm down', 'I\u00a0am sorry', 'sorry'.repeat(50), 'calm down, '.repeat(30),
  "you should have read it. 'Actually' that's not true!", 'Call 0800 123 456 or mail ana@example.com, order #12345.',
];

function realTexts(): string[] {
  if (!existsSync(IBM)) return [];
  const conversations = JSON.parse(readFileSync(IBM, 'utf8')) as { agentURL: { url_utterance: string }; dialogContent: { message: string }[] }[];
  return conversations.flatMap((c) => [c.agentURL.url_utterance, ...c.dialogContent.map((t) => t.message)]).filter(Boolean);
}

const key = (ms: ReturnType<typeof findPhrases>) => ms.map((m) => `${m.index}@${m.range[0]}-${m.range[1]}:${m.text}`);

describe('findPhrases fast path', async () => {
  const tables: [string, CompiledTable][] = [];
  for (const file of dataFiles(engine)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, entries] of tablesIn(mod, file.slice(engine.length + 1))) tables.push([name, compileTable(entries)]);
  }
  const texts = [...realTexts(), ...HOSTILE];

  it('reads the openings of every shipped table', () => {
    assert.ok(tables.length > 40);
    assert.deepEqual(tables.filter(([, t]) => !t.anchored).map(([n]) => n), []);
  });

  it('counts capturing groups as the regex engine does, for every shipped phrase and the tricky forms', () => {
    const byEngine = (src: string) => (new RegExp(`${src}|`, 'u').exec('') ?? []).length - 1;
    const sources = [
      ...tables.flatMap(([, t]) => t.entries.map((e) => e.pattern.replace(/'/g, "['’]"))),
      '(a)', '(?:a)', '(?<n>a)', '(?<=a)b', '(?<!a)b', '(?=a)', '(?!a)', '\\(a\\)', '[(]a', '[\\]]([a])', 'a(?:b(c))',
    ];
    for (const src of sources) assert.equal(countCapturingGroups(src), byEngine(src), src);
  });

  it('finds exactly what the plain scan finds, on real and hostile text', () => {
    let compared = 0;
    let found = 0;
    for (const text of texts) {
      const sentences = splitSentences(text);
      for (const [name, table] of tables) {
        for (const options of [{}, { skipNegated: false, skipQuoted: false }]) {
          const expected = findPhrasesByScan(text, table, sentences, options);
          assert.deepEqual(key(findPhrases(text, table, sentences, options)), key(expected), `${name} on ${JSON.stringify(text.slice(0, 60))}`);
          compared++;
          found += expected.length;
        }
      }
    }
    assert.ok(compared > 1000 && found > 0, `${compared} comparisons, ${found} matches`);
  });

  it('honours the match limit, and hasPhrase stops at the first match', () => {
    const table = compileTable([{ pattern: 'calm down' }]);
    const text = 'Calm down. '.repeat(10);
    assert.equal(findPhrases(text, table, undefined, { limit: 3 }).length, 3);
    assert.equal(findPhrases(text, table).length, 10);
    assert.equal(hasPhrase(text, table), true);
    assert.equal(hasPhrase('Please calm the dog down.', table), false);
  });

  it('falls back to the plain scan for a pattern whose openings it cannot read', () => {
    const table = compileTable([{ pattern: 'calm(?: |\\cI)down' }]); // \cI (a tab) is not read
    assert.equal(table.anchored, undefined);
    assert.deepEqual(findPhrases('OK, calm down now', table).map((m) => m.range), [[4, 13]]);
  });
});

describe('isQuoted', () => {
  it('sees a match inside double or single quotes, not after an apostrophe', () => {
    const t1 = 'Saying "calm down" never helps.';
    assert.equal(isQuoted(t1, 0, t1.indexOf('calm'), t1.length), true);
    const t2 = "Don't say 'calm down', ever.";
    assert.equal(isQuoted(t2, 0, t2.indexOf('calm'), t2.length), true);
    const t3 = "It's fine, calm down.";
    assert.equal(isQuoted(t3, 0, t3.indexOf('calm'), t3.length), false);
    const t4 = 'He said "hi". Calm down.';
    assert.equal(isQuoted(t4, 0, t4.indexOf('Calm'), t4.length), false);
  });

  it('answers from running counts exactly as a scan of the window would', () => {
    const text = `"a" 'b' “c” ${"'calm' down it's ".repeat(200)}`;
    const naive = (start: number, at: number, end: number) => isQuotedByScan(text, Math.max(start, at - 400), at, Math.min(end, at + 400));
    for (let at = 0; at < text.length; at += 7) assert.equal(isQuoted(text, 0, at, text.length), naive(0, at, text.length), `at ${at}`);
  });
});

describe('hasWordStart', () => {
  const terms = ['bill', 'deliver', 'not working', "can't", 'iphone1', 'ré', 'late'];
  const table = compileTable([{ pattern: `(?:${terms.join('|')})[\\p{L}]*` }], { openings: false });

  it('finds a term at a word start running on in letters, not inside or before a digit', () => {
    assert.equal(hasWordStart('Your billing is fixed.', terms), true);
    assert.equal(hasWordStart('We rebilled it.', terms), false);
    assert.equal(hasWordStart('Bill2 is a code.', terms), false);
    assert.equal(hasWordStart('It is still not working.', terms), true);
    assert.equal(hasWordStart('I can’t see it', terms), true);
    assert.equal(hasWordStart('He said "your bill" twice.', terms, splitSentences('He said "your bill" twice.')), false);
  });

  it('answers exactly as the regex table it replaces, on random and hostile text', () => {
    const pieces = ['bill', 'Bill', 'billing', 'bill2', 'rebill', 'bill_', 'deliver', 'delivered', 'DELIVERY', 'not working',
      'not  working', "can't", 'can’t', 'cant', 'iphone1', 'iphone12', 'iphone1s', 'ré', 'rés', 'ré9', 'late', 'later', 'plate',
      'é', '𝐀', '😡', 'İ', '_', '1', ' ', ' ', '\n', '. ', ', ', '"', '“', '”', "'", '‘', '’', '!', '?', 'x\uD800', '\uDC00'];
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const texts = [...HOSTILE];
    for (let i = 0; i < 3000; i++) {
      let t = '';
      const n = 1 + Math.floor(rand() * 12);
      for (let k = 0; k < n; k++) t += pieces[Math.floor(rand() * pieces.length)] + (rand() < 0.6 ? ' ' : '');
      texts.push(t);
    }
    for (const text of texts) {
      for (const sentences of [undefined, splitSentences(text)]) {
        const expected = hasPhrase(text, table, sentences, { skipNegated: false });
        assert.equal(hasWordStart(text, terms, sentences), expected, JSON.stringify(text));
      }
    }
  });
});
