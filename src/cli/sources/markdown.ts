import { MappedText } from '../mapped-text.ts';

/** A span of the source to read as one reply, with its title (heading) when it has one. */
export interface Section {
  title?: string;
  start: number;
  end: number;
}

const SEPARATOR = /^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;

interface Line {
  text: string;
  start: number;
  /** Offset just past the line's text (before its line break). */
  end: number;
}

function lines(src: string, from = 0, to = src.length): Line[] {
  const out: Line[] = [];
  let i = from;
  while (i <= to) {
    let j = src.indexOf('\n', i);
    if (j < 0 || j > to) j = to;
    const end = j > i && src[j - 1] === '\r' ? j - 1 : j;
    out.push({ text: src.slice(i, end), start: i, end });
    if (j >= to) break;
    i = j + 1;
  }
  return out;
}

/** Trims whitespace off a span; undefined when nothing is left. */
function trimSpan(src: string, start: number, end: number, title?: string): Section | undefined {
  while (start < end && /\s/.test(src[start])) start++;
  while (end > start && /\s/.test(src[end - 1])) end--;
  return end > start ? { title, start, end } : undefined;
}

/**
 * Plain text: the whole file is one reply (greeting, body and sign-off belong together, so blank lines do
 * not split it); a line of three or more dashes separates replies when a file holds several.
 *
 * @example
 * splitPlainText('Hi Ana,\n\nThanks.\n---\nHello Bo.').length // 2
 */
export function splitPlainText(src: string): Section[] {
  const out: Section[] = [];
  let start = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const line of lines(src, start)) {
    if (SEPARATOR.test(line.text)) {
      const s = trimSpan(src, start, line.start);
      if (s) out.push(s);
      start = line.end;
    }
  }
  const s = trimSpan(src, start, src.length);
  if (s) out.push(s);
  return out.length > 1 ? out.map((x, k) => ({ ...x, title: `#${k + 1}` })) : out;
}

/**
 * Markdown macro library: each heading (ATX `## Title` or setext) starts a macro titled by the heading and
 * running to the next heading; a thematic break (`---`) also ends one. Text before the first heading is a
 * reply too. Front matter and fenced code are skipped.
 *
 * @example
 * splitMarkdown('## Late order\nHi, I apologize.\n## Refund\nDone.').map((s) => s.title) // ['Late order', 'Refund']
 */
export function splitMarkdown(src: string): Section[] {
  const all = lines(src, src.charCodeAt(0) === 0xfeff ? 1 : 0);
  let k = 0;
  if (all[0] && /^---\s*$/.test(all[0].text)) {
    const close = all.findIndex((l, idx) => idx > 0 && /^(?:---|\.\.\.)\s*$/.test(l.text));
    if (close > 0) k = close + 1;
  }
  const out: Section[] = [];
  let title: string | undefined;
  let start = all[k]?.start ?? src.length;
  let fence: string | undefined;
  const close = (end: number, nextTitle: string | undefined, nextStart: number) => {
    const s = trimSpan(src, start, end, title);
    if (s) out.push(s);
    title = nextTitle;
    start = nextStart;
  };
  for (; k < all.length; k++) {
    const line = all[k];
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line.text);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line.text)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line.text);
    if (atx) {
      close(line.start, (atx[2] ?? '').trim() || undefined, line.end);
      continue;
    }
    const prev = all[k - 1];
    if (/^ {0,3}(?:=+|-+)[ \t]*$/.test(line.text) && prev && prev.start >= start && prev.text.trim() !== '' && !SEPARATOR.test(prev.text) && !/^ {0,3}(?:[-*+]|\d+[.)])\s/.test(prev.text)) {
      // Setext heading: the previous line was its title.
      close(prev.start, prev.text.trim(), line.end);
      continue;
    }
    if (SEPARATOR.test(line.text)) close(line.start, undefined, line.end);
  }
  close(src.length, undefined, src.length);
  return out;
}

// Markup a reader never sees. Matches are dropped from the text; a tag or comment between two words
// leaves one synthetic space so "a<br>b" does not read as "ab".
const DROP: RegExp[] = [
  /^(?: {0,3}> ?)+/gm,
  /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm,
  /!\[[^\]\n]*\]\([^)\n]*\)/g,
  /\\(?=[\\`*_{}[\]()#+\-.!>|])/g,
  /\*+/g,
  /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu,
  /`+/g,
];
const SEPARATE: RegExp[] = [/<!--[\s\S]*?-->/g, /<\/?[a-zA-Z][^>\n]*>/g];
const LINK = /\[([^\]\n]*)\]\(([^)\n]*)\)/g;

/**
 * The reader's text of a Markdown span: fenced code, comments, emphasis markers, list bullets, quote
 * markers and link targets are left out (line breaks stay), and every remaining character keeps its file
 * offset, so findings land on the right column and `--fix` refuses fixes that would cross markup.
 *
 * @example
 * markdownToMapped('I **apologize**.', 0, 16).text // 'I apologize.'
 */
export function markdownToMapped(src: string, start: number, end: number): MappedText {
  const body = src.slice(start, end);
  // 0 keep, 1 drop, 2 drop but separate words.
  const masked = new Uint8Array(body.length);
  const mask = (a: number, b: number, kind = 1) => masked.fill(kind, a, b);
  let fence: string | undefined;
  for (const line of lines(body)) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line.text);
    if (fence || f) mask(line.start, line.end);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
    } else if (f) {
      fence = f[1];
    }
  }
  for (const re of DROP) for (const m of body.matchAll(re)) mask(m.index, m.index + m[0].length);
  for (const re of SEPARATE) for (const m of body.matchAll(re)) mask(m.index, m.index + m[0].length, 2);
  for (const m of body.matchAll(LINK)) {
    mask(m.index, m.index + 1);
    mask(m.index + 1 + m[1].length, m.index + m[0].length);
  }
  return MappedText.build((b) => {
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (!masked[i] || c === '\n' || c === '\r') {
        b.copy(c, start + i);
        continue;
      }
      let j = i;
      let separate = false;
      while (j < body.length && masked[j] && body[j] !== '\n' && body[j] !== '\r') {
        if (masked[j] === 2) separate = true;
        j++;
      }
      if (separate && b.length > 0 && /\S/.test(b.last()) && j < body.length && /\S/.test(body[j])) b.push(' ', start + i, start + j, true);
      i = j - 1;
    }
  }, end);
}
