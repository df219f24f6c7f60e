import type { RawFinding } from './define.ts';
import { defineRule } from './define.ts';
import { tokenize } from '../text/sentences.ts';
import { ACRONYMS, SHORT_WORDS } from './no-shouting.data.ts';

/** Runs of two or more marks; only those with a "!" ("!!", "?!", "!?!") shout, "??" does not. One pass, no backtracking. */
const MARK_RUN = /[!?]{2,}/g;

/** A capitals word that reads as shouting (see the data file for the reasoning). */
function isShouted(word: string): boolean {
  if (word.length < 2 || /\d/.test(word)) return false;
  if (word !== word.toUpperCase() || word === word.toLowerCase()) return false;
  const key = word.replace(/’/g, "'");
  const bare = key.replace(/'S$/, '');
  if (ACRONYMS.has(key) || ACRONYMS.has(bare)) return false;
  return bare.length >= 5 || SHORT_WORDS.has(key);
}

/** Lower-cases shouted words in a span, keeping a capital where a sentence starts and "I" as it is. */
function calmed(text: string, start: number, end: number, sentenceStarts: Set<number>): string {
  let out = '';
  let at = start;
  for (const t of tokenize(text.slice(start, end), start)) {
    out += text.slice(at, t.range[0]);
    let w = isShouted(t.text) ? t.text.toLowerCase() : t.text;
    if (w !== t.text && sentenceStarts.has(t.range[0])) w = w[0].toUpperCase() + w.slice(1);
    out += w;
    at = t.range[1];
  }
  return out + text.slice(at, end);
}

export default defineRule({
  meta: {
    id: 'no-shouting',
    principle: 'P3',
    severity: 'warning',
    description: 'Flags shouting: words in capitals (acronyms and codes excepted), "!!" and "?!".',
    messages: {
      capitals: 'Shouting: {{count}} words in capitals.',
      exclamations: 'Shouting: "{{marks}}". One mark is enough.',
    },
    note: 'Capitals and stacked exclamation marks read as raised voices; staying calm in writing keeps the customer calm (P3).',
    fixable: true,
    ruleSet: 'all',
  },
  check({ text, sentences }) {
    const out: RawFinding[] = [];
    const starts = new Set(sentences.map((s) => s.range[0]));
    for (const s of sentences) {
      // @handles and #hashtags are names, not voices
      const shouted = tokenize(s.text, s.range[0]).filter((t) => !/[@#]/.test(text[t.range[0] - 1] ?? '') && isShouted(t.text));
      if (shouted.length < 2) continue;
      const range: [number, number] = [shouted[0].range[0], shouted[shouted.length - 1].range[1]];
      const fixText = calmed(text, range[0], range[1], starts);
      out.push({
        messageId: 'capitals',
        range,
        data: { count: String(shouted.length) },
        suggestions: [{ message: `Replace with “${fixText}”`, fix: { range, text: fixText } }],
      });
    }
    for (const m of text.matchAll(MARK_RUN)) {
      if (!m[0].includes('!')) continue;
      const start = m.index ?? 0;
      const range: [number, number] = [start, start + m[0].length];
      const one = m[0].includes('?') ? '?' : '!';
      out.push({
        messageId: 'exclamations',
        range,
        data: { marks: m[0] },
        suggestions: [{ message: `Replace with “${one}”`, fix: { range, text: one } }],
      });
    }
    return out.sort((a, b) => a.range[0] - b.range[0]);
  },
});
