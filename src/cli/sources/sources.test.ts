// The readers that turn reply files into engine text must map every character back to its file offset.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsv } from './csv.ts';
import { htmlToMapped } from './html.ts';
import { readReplies, SourceError } from './index.ts';
import { parseJsonWithPositions } from './json.ts';
import { markdownToMapped, splitMarkdown, splitPlainText } from './markdown.ts';

/** For every unit, the source slice under each word of its text spells that word (modulo escapes). */
function sliceOf(src: string, unitText: string, word: string, toSource: (r: [number, number]) => readonly [number, number]): string {
  const at = unitText.indexOf(word);
  assert.ok(at >= 0, `${word} in ${JSON.stringify(unitText)}`);
  const [s, e] = toSource([at, at + word.length]);
  return src.slice(s, e);
}

describe('plain text', () => {
  it('is one reply per file; blank lines do not split it, a --- line does', () => {
    assert.equal(splitPlainText('Hi Ana,\n\nThanks for waiting.\n\nSam\n').length, 1);
    const parts = splitPlainText('First reply.\n---\nSecond reply.\n\n----\n\nThird.');
    assert.deepEqual(parts.map((p) => p.title), ['#1', '#2', '#3']);
    const src = 'First reply.\n---\nSecond reply.\n\n----\n\nThird.';
    assert.deepEqual(readReplies(src, 'text').map((u) => u.map.text), ['First reply.', 'Second reply.', 'Third.']);
    assert.equal(sliceOf(src, 'Second reply.', 'reply', readReplies(src, 'text')[1].map.toSource.bind(readReplies(src, 'text')[1].map)), 'reply');
  });
});

describe('Markdown', () => {
  it('splits on ATX and setext headings and skips front matter and fenced code', () => {
    const src = '---\ntitle: macros\n---\n# Late order\nI apologize.\n\nSetext title\n------------\nBody two.\n```\n# not a heading\n```\n';
    assert.deepEqual(splitMarkdown(src).map((s) => s.title), ['Late order', 'Setext title']);
    const units = readReplies(src, 'markdown');
    assert.equal(units[1].map.text.includes('not a heading'), false);
  });

  it('drops emphasis, bullets, quotes and link targets but keeps offsets', () => {
    const src = "> I'm **so** sorry about [your order](https://x.test/o/1).\n- Step _one_";
    const m = markdownToMapped(src, 0, src.length);
    assert.equal(m.text, "I'm so sorry about your order.\nStep one");
    assert.equal(sliceOf(src, m.text, 'your order', (r) => m.toSource(r)), 'your order');
    assert.equal(m.isClean([m.text.indexOf('sorry'), m.text.indexOf('sorry') + 5]), true);
    // "so sorry" crosses the closing ** : a fix there would delete markup.
    assert.equal(m.isClean([m.text.indexOf('so sorry'), m.text.indexOf('so sorry') + 8]), false);
  });
});

describe('JSON', () => {
  it('maps decoded characters back through escapes', () => {
    const src = '{"body": "Hi\\nAna \\u2019x\\"y"}';
    const node = parseJsonWithPositions(src);
    assert.equal(node.kind, 'object');
    const body = node.kind === 'object' ? node.entries[0][1] : undefined;
    assert.ok(body?.kind === 'string');
    assert.equal(body.value, 'Hi\nAna \u2019x"y');
    assert.equal(sliceOf(src, body.value, 'Ana', (r) => body.map.toSource(r)), 'Ana');
    assert.equal(sliceOf(src, body.value, '\u2019x"', (r) => body.map.toSource(r)), '\\u2019x\\"');
  });

  it('reports the offset of a syntax error', () => {
    assert.throws(() => parseJsonWithPositions('[1, 2,, 3]'), (err: SourceError) => err instanceof SourceError && err.at === 6);
    assert.throws(() => parseJsonWithPositions('{"a": "unterminated'), /unterminated string/);
  });

  it('understands Zendesk, Freshdesk, plain arrays and title→text objects', () => {
    const zendesk = readReplies(JSON.stringify({ macros: [{ title: 'Z', actions: [{ field: 'status', value: 'solved' }, { field: 'comment_value', value: ['channel:all', 'Old format body.'] }] }] }), 'json');
    assert.deepEqual(zendesk.map((u) => [u.title, u.map.text]), [['Z', 'Old format body.']]);
    const fresh = readReplies(JSON.stringify([{ id: 9, title: 'F', content: 'Plain copy.', content_html: '<div>Plain&nbsp;copy.</div>' }]), 'json');
    assert.equal(fresh[0].map.text.trim(), 'Plain copy.');
    assert.match(fresh[0].fixBlocked ?? '', /plain-text copy/);
    const plain = readReplies(JSON.stringify([{ name: 'P', text: 'Hello.' }, 'Bare string reply.']), 'json');
    assert.deepEqual(plain.map((u) => u.map.text), ['Hello.', 'Bare string reply.']);
    const object = readReplies(JSON.stringify({ 'Late order': 'We are on it.' }), 'json');
    assert.deepEqual(object.map((u) => [u.title, u.map.text]), [['Late order', 'We are on it.']]);
    assert.throws(() => readReplies(JSON.stringify([{ foo: 1 }]), 'json'), /none of the 1 entries has reply text/);
  });
});

describe('HTML', () => {
  it('turns block tags into line breaks, decodes entities and maps back', () => {
    const html = '<p>Hi&nbsp;Ana,</p><p>I&rsquo;m on it &amp; will call.</p>';
    const m = htmlToMapped(html);
    assert.equal(m.text, 'Hi Ana,\nI\u2019m on it & will call.\n');
    assert.equal(sliceOf(html, m.text, 'I\u2019m', (r) => m.toSource(r)), 'I&rsquo;m');
    assert.equal(m.isClean([0, 7]), true);
    assert.equal(m.isClean([0, 9]), false, 'spans the synthetic break standing for </p><p>');
  });
});

describe('CSV', () => {
  it('keeps per-field positions across quoted multi-line fields and doubled quotes', () => {
    const src = 'title,body\r\nA,"Line one\r\nsays ""hi"""\r\nB,plain\r\n';
    const rows = readCsv(src);
    assert.equal(rows.length, 3);
    const f = rows[1][1];
    assert.equal(f.value, 'Line one\r\nsays "hi"');
    assert.equal(sliceOf(src, f.value, '"hi"', (r) => f.map.toSource(r)), '""hi""');
    assert.throws(() => readCsv('a,b\n"x"y,z'), /text after a closing quote/);
  });

  it('needs a reply column and falls back to plain text per row', () => {
    assert.throws(() => readReplies('a,b\n1,2\n', 'csv'), /no reply column/);
    const units = readReplies('name,body_html,body\nA,,Plain only.\nB,<p>Html.</p>,Html.\n', 'csv');
    assert.deepEqual(units.map((u) => [u.title, u.map.text.trim(), Boolean(u.fixBlocked)]), [['A', 'Plain only.', false], ['B', 'Html.', true]]);
  });
});
