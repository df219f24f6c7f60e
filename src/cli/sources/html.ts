import { convert } from 'html-to-text';
import { MappedText } from '../mapped-text.ts';

// Tags that break a line when rendered; their position becomes a synthetic "\n" so sentences don't run
// together ("Hi Ana,</p><p>I apologize" must not read as one sentence).
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'hr', 'section', 'article', 'header', 'footer', 'pre']);
const SKIP_CONTENT = new Set(['script', 'style', 'head', 'title']);
const HTML_HINT = /<\/?(?:p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|table|tr|td|blockquote|font)\b[^>]*>/i;

const entityCache = new Map<string, string>();

/** Decodes one entity with html-to-text (it knows the full HTML5 table); unknown ones stay literal. */
function decodeEntity(entity: string): string {
  let out = entityCache.get(entity);
  if (out === undefined) {
    out = convert(entity, { wordwrap: false });
    // A non-breaking space reads as a space; phrase tables match plain spaces (html-to-text may also trim it away).
    if (out === '' || out === '\u00a0') out = /^&(?:nbsp|#160|#xa0);$/i.test(entity) ? ' ' : out;
    entityCache.set(entity, out);
  }
  return out;
}

/** True when a string from a macro export is HTML rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return HTML_HINT.test(s);
}

/**
 * Renders HTML to the plain text an agent's customer would read, keeping where each character came from.
 * html-to-text renders better but cannot say where its output came from, so structure is handled here and
 * html-to-text only decodes entities.
 *
 * @example
 * htmlToMapped('<p>Hi&nbsp;Ana</p>').text // '\nHi Ana\n'
 */
export function htmlToMapped(html: string): MappedText {
  return MappedText.build((b) => {
    let i = 0;
    const n = html.length;
    while (i < n) {
      const c = html[i];
      if (c === '<') {
        if (html.startsWith('<!--', i)) {
          const end = html.indexOf('-->', i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        const m = /^<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/.exec(html.slice(i, i + 2000));
        if (!m) {
          b.copy(c, i);
          i++;
          continue;
        }
        const tag = m[1].toLowerCase();
        const end = i + m[0].length;
        if (SKIP_CONTENT.has(tag) && m[0][1] !== '/') {
          const close = html.toLowerCase().indexOf(`</${tag}`, end);
          const closeEnd = close < 0 ? n : html.indexOf('>', close) + 1 || n;
          i = closeEnd;
          continue;
        }
        if (BLOCK.has(tag) && b.length > 0 && (tag === 'br' || b.last() !== '\n')) b.push('\n', i, end, true);
        i = end;
        continue;
      }
      if (c === '&') {
        const m = /^&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/.exec(html.slice(i, i + 40));
        if (m) {
          const decoded = decodeEntity(m[0]);
          if (decoded !== m[0]) {
            b.push(decoded, i, i + m[0].length);
            i += m[0].length;
            continue;
          }
        }
        b.copy(c, i);
        i++;
        continue;
      }
      // Source line breaks and tabs are plain spaces once rendered.
      if (c === '\n' || c === '\r' || c === '\t') b.push(' ', i, i + 1);
      else b.copy(c, i);
      i++;
    }
  }, html.length);
}

/** Escapes fix text for insertion into HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
