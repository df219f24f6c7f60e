import { MappedText } from '../mapped-text.ts';
import { encodeCsv, readCsv, type CsvField } from './csv.ts';
import { SourceError } from './errors.ts';
import { escapeHtml, htmlToMapped, looksLikeHtml } from './html.ts';
import { escapeJsonString, get, parseJsonWithPositions, type JsonNode } from './json.ts';
import { markdownToMapped, splitMarkdown, splitPlainText } from './markdown.ts';

export { SourceError } from './errors.ts';

export type InputFormat = 'text' | 'markdown' | 'json' | 'csv';
export const INPUT_FORMATS: readonly InputFormat[] = ['text', 'markdown', 'json', 'csv'];

/** One reply or macro found in a file. */
export interface ReplyUnit {
  /** Macro title, Markdown heading, or `#n` when a text file holds several replies. */
  title?: string;
  /** The text the engine checks, and where each character came from. */
  map: MappedText;
  /** Encodes fix text for the source (JSON/HTML/CSV escaping); undefined when the source cannot hold it. */
  encode(text: string): string | undefined;
  /** Set when no fix may be written to this unit, with the reason. */
  fixBlocked?: string;
}

/**
 * Picks the reader from a file name; anything unknown is plain text.
 *
 * @example
 * formatFromPath('macros.json') // 'json'
 */
export function formatFromPath(path: string): InputFormat {
  const lower = path.toLowerCase();
  if (/\.(?:md|markdown|mdx)$/.test(lower)) return 'markdown';
  if (/\.json$/.test(lower)) return 'json';
  if (/\.(?:csv|tsv)$/.test(lower)) return 'csv';
  return 'text';
}

/**
 * Splits a file into the replies to check.
 *
 * @example
 * readReplies('{"macros":[{"title":"Late","actions":[{"field":"comment_value","value":"Sorry."}]}]}', 'json')[0].map.text // 'Sorry.'
 */
export function readReplies(src: string, format: InputFormat): ReplyUnit[] {
  switch (format) {
    case 'text':
      return splitPlainText(src).map((s) => ({ title: s.title, map: MappedText.identity(src.slice(s.start, s.end), s.start), encode: (t) => t }));
    case 'markdown':
      return splitMarkdown(src).map((s) => ({ title: s.title, map: markdownToMapped(src, s.start, s.end), encode: (t) => t }));
    case 'json':
      return fromJson(parseJsonWithPositions(src));
    case 'csv':
      return fromCsv(readCsv(src));
  }
}

// Field names seen in macro and canned-reply exports, most specific first. Plain before HTML: when an
// export carries both (Freshdesk `content` + `content_html`) the HTML one is what the help desk edits, so
// that is checked and the plain twin blocks --fix, which could not keep the two in step.
const TITLE_KEYS = ['title', 'name', 'subject', 'label', 'shortcut', 'raw_title', 'id'];
const HTML_KEYS = ['content_html', 'body_html', 'html_body', 'html', 'comment_value_html'];
const TEXT_KEYS = ['body', 'content', 'text', 'message', 'reply', 'response', 'template', 'body_text', 'content_text', 'comment', 'value', 'comment_value'];
const LIST_KEYS = ['macros', 'canned_responses', 'responses', 'saved_replies', 'templates', 'snippets', 'items', 'data', 'results', 'records'];

function isString(n: JsonNode | undefined): n is Extract<JsonNode, { kind: 'string' }> {
  return n?.kind === 'string';
}

interface Body {
  node: Extract<JsonNode, { kind: 'string' }>;
  html: boolean;
  twin: boolean;
}

/** The reply text of one macro object, if it has one. */
function bodyOf(item: JsonNode): Body | undefined {
  const html = HTML_KEYS.map((k) => get(item, k)).find(isString);
  const text = TEXT_KEYS.map((k) => get(item, k)).find(isString);
  if (html && html.value.trim()) return { node: html, html: true, twin: Boolean(text?.value.trim()) };
  if (text && text.value.trim()) return { node: text, html: looksLikeHtml(text.value), twin: false };
  // Zendesk: actions [{ field: 'comment_value' | 'comment_value_html', value }], where value may also be
  // the older [channel, text] pair. Gorgias: actions [{ name: 'setResponseText', arguments: { body_text, body_html } }].
  const actions = get(item, 'actions');
  if (actions?.kind === 'array') {
    for (const action of actions.items) {
      const field = get(action, 'field');
      if (isString(field) && /^comment_value(?:_html)?$/.test(field.value)) {
        let value = get(action, 'value');
        if (value?.kind === 'array') value = [...value.items].reverse().find(isString);
        if (isString(value) && value.value.trim()) return { node: value, html: field.value.endsWith('_html') || looksLikeHtml(value.value), twin: false };
      }
      const args = get(action, 'arguments');
      if (args) {
        const found = bodyOf(args);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function titleOf(item: JsonNode): string | undefined {
  for (const k of TITLE_KEYS) {
    const v = get(item, k);
    if (isString(v) && v.value.trim()) return v.value.trim();
    if (v?.kind === 'scalar' && typeof v.value === 'number') return String(v.value);
  }
  return undefined;
}

function unitFromString(node: Extract<JsonNode, { kind: 'string' }>, html: boolean, title: string | undefined, twin = false): ReplyUnit {
  const map = html ? htmlToMapped(node.value).within(node.map) : node.map;
  return {
    title,
    map,
    encode: (t) => escapeJsonString(html ? escapeHtml(t) : t),
    fixBlocked: twin ? 'this entry also has a plain-text copy of the reply; --fix would leave the two out of step' : undefined,
  };
}

function fromJson(root: JsonNode): ReplyUnit[] {
  let list: JsonNode[] | undefined;
  if (root.kind === 'array') list = root.items;
  else if (root.kind === 'object') {
    const single = get(root, 'macro') ?? get(root, 'canned_response');
    if (single) list = [single];
    for (const k of LIST_KEYS) {
      const v = get(root, k);
      if (!list && v?.kind === 'array') list = v.items;
    }
    if (!list && bodyOf(root)) list = [root];
    if (!list) {
      // Some other wrapper, e.g. { "export": [ … ] }: take its only array of objects.
      const arrays = root.entries.filter(([, v]) => v.kind === 'array' && v.items.some((x) => x.kind === 'object'));
      if (arrays.length === 1) list = (arrays[0][1] as Extract<JsonNode, { kind: 'array' }>).items;
    }
    if (!list && root.entries.length > 0 && root.entries.every(([, v]) => v.kind === 'string')) {
      // { "Late delivery": "Hi, …", … }: title → reply.
      return root.entries.map(([k, v]) => unitFromString(v as Extract<JsonNode, { kind: 'string' }>, looksLikeHtml((v as { value: string }).value), k));
    }
  }
  if (!list) throw new SourceError('no macros found: expected an array of {title, body} objects, a Zendesk {"macros": […]} export or a Freshdesk canned-response list', root.start);
  const units: ReplyUnit[] = [];
  for (const item of list) {
    if (isString(item)) {
      units.push(unitFromString(item, looksLikeHtml(item.value), undefined));
      continue;
    }
    const body = bodyOf(item);
    if (body) units.push(unitFromString(body.node, body.html, titleOf(item), body.twin));
  }
  if (units.length === 0 && list.length > 0) {
    throw new SourceError(`none of the ${list.length} entries has reply text (looked for ${[...TEXT_KEYS, ...HTML_KEYS].join(', ')}, or Zendesk comment_value actions)`, root.start);
  }
  return units;
}

function fromCsv(rows: CsvField[][]): ReplyUnit[] {
  if (rows.length === 0) return [];
  const header = rows[0].map((f) => f.value.trim().toLowerCase());
  const find = (keys: string[]) => keys.map((k) => header.indexOf(k)).find((i) => i >= 0);
  const htmlCol = find(HTML_KEYS);
  const textCol = find(TEXT_KEYS);
  if (htmlCol === undefined && textCol === undefined) {
    throw new SourceError(`CSV has no reply column: expected a header named one of ${[...TEXT_KEYS, ...HTML_KEYS].join(', ')}`, rows[0][0]?.map.toSource([0, 0])[0] ?? 0);
  }
  const titleCol = find(TITLE_KEYS);
  const units: ReplyUnit[] = [];
  for (const row of rows.slice(1)) {
    // Per row: the HTML copy when it has one, else the plain text (exports often fill only one).
    const htmlField = htmlCol !== undefined && row[htmlCol]?.value.trim() ? row[htmlCol] : undefined;
    const textField = textCol !== undefined && row[textCol]?.value.trim() ? row[textCol] : undefined;
    const field = htmlField ?? textField;
    if (!field) continue;
    const html = field === htmlField || looksLikeHtml(field.value);
    const twin = field === htmlField && textField !== undefined;
    units.push({
      title: titleCol !== undefined ? row[titleCol]?.value.trim() || undefined : undefined,
      map: html ? htmlToMapped(field.value).within(field.map) : field.map,
      encode: (t) => encodeCsv(html ? escapeHtml(t) : t, field.quoted),
      fixBlocked: twin ? 'this row also has a plain-text copy of the reply; --fix would leave the two out of step' : undefined,
    });
  }
  return units;
}
