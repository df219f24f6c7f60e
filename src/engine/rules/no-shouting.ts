import type { RawFinding } from './define.ts';
import { defineRule } from './define.ts';
import { ACRONYMS, SHORT_WORDS } from './no-shouting.data.ts';

/** Past this many findings of one kind a draft has one habit, not more faults; stop counting (and working). */
const MAX_FINDINGS = 50;
/** Runs of two or more marks; only those with a "!" ("!!", "?!", "!?!") shout, "??" does not. One pass, no backtracking. */
const MARK_RUN = /[!?]{2,}/g;
/**
 * A word written only in capitals. Neighbouring digits ("1Z999AA1", "SAVE20"), "&" ("AT&T"), "@handles" and
 * "#hashtags" make it a code or a name. Matching only capitals keeps the scan cheap on long lower-case text.
 */
const CAPS_WORD = /(?<![\p{L}\p{N}_@#&])\p{Lu}+(?:['’]\p{Lu}+)?(?![\p{L}\p{N}_&])/gu;
const URL = /(?:https?:\/\/|www\.)\S+/giu;

/** A capitals word that reads as shouting (see the data file for the reasoning). */
function isShouted(word: string): boolean {
  if (word.length < 2) return false;
  const key = word.replace(/’/g, "'");
  const bare = key.replace(/'S$/, '');
  if (ACRONYMS.has(key) || ACRONYMS.has(bare)) return false;
  return bare.length >= 5 || SHORT_WORDS.has(key);
}

/** Lower-cases the shouted words of a span, keeping a capital where a sentence starts. */
function calmed(text: string, range: readonly [number, number], words: readonly [number, number][], sentenceStarts: Set<number>): string {
  let out = '';
  let at = range[0];
  for (const [s, e] of words) {
    let w = text.slice(s, e).toLowerCase();
    if (sentenceStarts.has(s)) w = w[0].toUpperCase() + w.slice(1);
    out += text.slice(at, s) + w;
    at = e;
  }
  return out + text.slice(at, range[1]);
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
    const urls = [...text.matchAll(URL)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
    const inUrl = (at: number) => urls.some(([s, e]) => at >= s && at < e);
    // shouted words grouped by sentence, in one pass over the capitals only
    const bySentence = new Map<number, [number, number][]>();
    let si = 0;
    for (const m of text.matchAll(CAPS_WORD)) {
      const start = m.index ?? 0;
      if (!isShouted(m[0]) || inUrl(start)) continue;
      while (si < sentences.length - 1 && sentences[si].range[1] <= start) si++;
      const list = bySentence.get(si) ?? [];
      list.push([start, start + m[0].length]);
      bySentence.set(si, list);
    }
    const starts = new Set(sentences.map((s) => s.range[0]));
    for (const words of bySentence.values()) {
      if (words.length < 2) continue;
      if (out.length >= MAX_FINDINGS) break;
      const range: [number, number] = [words[0][0], words[words.length - 1][1]];
      const fixText = calmed(text, range, words, starts);
      out.push({
        messageId: 'capitals',
        range,
        data: { count: String(words.length) },
        suggestions: [{ message: `Replace with “${fixText}”`, fix: { range, text: fixText } }],
      });
    }
    let marks = 0;
    for (const m of text.matchAll(MARK_RUN)) {
      if (!m[0].includes('!')) continue;
      if (++marks > MAX_FINDINGS) break;
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
