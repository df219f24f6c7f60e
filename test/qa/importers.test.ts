import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cleanMessage } from '../../src/importers/clean.ts';
import { detectFormat, importFiles } from '../../src/importers/index.ts';
import type { Format, ImportedConversation, ImportProblem } from '../../src/importers/types.ts';

const FIX = new URL('../fixtures/exports/', import.meta.url).pathname;
const f = (p: string): string => join(FIX, p);

async function collect(files: string[], format?: Format): Promise<{ conversations: ImportedConversation[]; problems: ImportProblem[] }> {
  const conversations: ImportedConversation[] = [];
  const problems: ImportProblem[] = [];
  for await (const ev of importFiles(files, { format })) {
    if (ev.kind === 'conversation') conversations.push(ev.conversation);
    else problems.push(ev.problem);
  }
  return { conversations, problems };
}

const roles = (c: ImportedConversation): string => c.turns.map((t) => t.role[0]).join('');

describe('cleanMessage', () => {
  it('converts HTML to text and drops Gmail quote blocks', () => {
    const r = cleanMessage('<div><p>Still <b>broken</b> &amp; late.</p><div class="gmail_quote">On Mon, Ana wrote:<blockquote>old text</blockquote></div></div>');
    assert.equal(r.text, 'Still broken & late.');
  });
  it('cuts plain-text quoted history: attribution lines, > lines, Outlook headers, Original Message', () => {
    assert.equal(cleanMessage('New answer.\n\nOn Tue, 4 Jun 2024 at 10:02, Acme <help@acme.example> wrote:\n> old\n> older').text, 'New answer.');
    assert.equal(cleanMessage('New answer.\n\nOn Tue, 4 Jun 2024 at 10:02, Acme Support <help@acme.example>\nwrote:\n> old').text, 'New answer.');
    assert.equal(cleanMessage('Fine now.\n\nFrom: Acme Support <help@acme.example>\nSent: Monday, June 3, 2024 9:00 AM\nTo: me@example.org\nSubject: Re: order\n\nWe are sorry').text, 'Fine now.');
    assert.equal(cleanMessage('Thanks.\n-----Original Message-----\nFrom: x').text, 'Thanks.');
    assert.equal(cleanMessage('Top line\n> quoted\nBottom line').text, 'Top line\nBottom line');
  });
  it('keeps signatures out: "-- " delimiter, mobile footers, sign-off blocks', () => {
    const a = cleanMessage('Where is my parcel?\n\n-- \nJo Park\nCEO, Park Ltd');
    assert.equal(a.text, 'Where is my parcel?');
    assert.match(a.signature ?? '', /Jo Park/);
    assert.equal(cleanMessage('It arrived, thanks!\n\nSent from my iPhone').text, 'It arrived, thanks!');
    assert.equal(cleanMessage('I refunded the charge today.\n\nBest regards,\nSam\nAcme Support\n+1 555 010 0200').text, 'I refunded the charge today.');
  });
  it('leaves a message alone when the sign-off is its content or sentences follow it', () => {
    assert.equal(cleanMessage('Thanks!').text, 'Thanks!');
    assert.equal(cleanMessage('Got it.\nThanks,\nbut the second parcel is still missing and I need it before Friday.').text, 'Got it.\nThanks,\nbut the second parcel is still missing and I need it before Friday.');
    assert.equal(cleanMessage('a < b but 3 > 2').text, 'a < b but 3 > 2');
  });
});

describe('format detection', () => {
  const cases: [string, string][] = [
    ['zendesk/api/tickets.json', 'zendesk'],
    ['zendesk/api/comments/101.json', 'zendesk'],
    ['zendesk/export.json', 'zendesk'],
    ['freshdesk/tickets.json', 'freshdesk'],
    ['freshdesk/conversations-302.json', 'freshdesk'],
    ['freshdesk/agents.json', 'freshdesk'],
    ['helpscout/conversations.json', 'helpscout'],
    ['intercom/conversations.json', 'intercom'],
    ['generic/messages.csv', 'csv'],
    ['generic/messages.jsonl', 'jsonl'],
  ];
  for (const [file, format] of cases) it(`${file} → ${format}`, async () => assert.equal(await detectFormat(f(file)), format));

  it('reports a file it cannot place, naming --format, and goes on with the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-detect-'));
    writeFileSync(join(dir, 'mystery.json'), '[{"foo": 1}]');
    const { conversations, problems } = await collect([join(dir, 'mystery.json'), f('intercom/conversations.json')]);
    assert.equal(conversations.length, 1);
    assert.equal(problems.length, 1);
    assert.match(problems[0].reason, /unrecognised export format.*--format/);
  });
});

describe('Zendesk', () => {
  it('joins ticket pages, side-loaded users and per-ticket comment pages; drops private comments', async () => {
    const { conversations, problems } = await collect([f('zendesk/api/tickets.json'), f('zendesk/api/comments/101.json')]);
    assert.deepEqual(problems, []);
    const t101 = conversations.find((c) => c.id === '101') as ImportedConversation;
    assert.equal(t101.subject, 'Charged twice for order 5521');
    assert.deepEqual(t101.customer, { name: 'Maria Lopez', email: 'maria.lopez@example.org' });
    assert.equal(roles(t101), 'cac');
    assert.deepEqual(t101.turns.map((t) => t.author), ['Maria Lopez', 'Sam Agent', 'Maria Lopez']);
    assert.equal(t101.excluded.internalNotes, 1);
    assert.ok(!t101.turns.some((t) => /Stripe/.test(t.text)), 'internal note text must not be analysed');
    // Mobile footer, sign-off block and the quoted reply are gone.
    assert.equal(t101.turns[0].text, 'I was charged twice for order 5521. This is ridiculous.');
    assert.equal(t101.turns[1].text, 'Sorry. That is handled by our billing department, please contact them.');
    assert.equal(t101.turns[2].text, 'This is unacceptable. I want my money back today.');
    // A ticket whose comments were not exported still shows its opening message.
    const t102 = conversations.find((c) => c.id === '102') as ImportedConversation;
    assert.equal(roles(t102), 'c');
    assert.equal(t102.turns[0].text, 'My parcel is a week late.');
  });
  it('reads the JSON export (one ticket per line with comments) and strips the quoted reply', async () => {
    const { conversations } = await collect([f('zendesk/export.json')]);
    assert.equal(conversations.length, 1);
    const c = conversations[0];
    assert.equal(roles(c), 'cac');
    assert.equal(c.turns[2].text, 'Thank you, that was quick!');
    assert.ok(c.turns[1].text.startsWith('Hi Ana,'));
    assert.ok(!/Kind regards|Jo$/.test(c.turns[1].text), 'sign-off kept out');
  });
});

describe('Freshdesk', () => {
  it('uses the description as the first customer turn, incoming/private for roles, agents for names', async () => {
    const { conversations, problems } = await collect([f('freshdesk/agents.json'), f('freshdesk/tickets.json'), f('freshdesk/conversations-302.json')]);
    assert.deepEqual(problems, []);
    const t301 = conversations.find((c) => c.id === '301') as ImportedConversation;
    assert.equal(roles(t301), 'cac');
    assert.equal(t301.excluded.internalNotes, 1);
    assert.deepEqual(t301.turns.map((t) => t.author), ['Priya Nair', 'Dana Whit', 'Priya Nair']);
    assert.equal(t301.turns[0].text, "My order #8812 never arrived. It's been three weeks and nobody answers. This is the worst service ever.");
    assert.equal(t301.turns[1].text, 'Hi Priya,\nYou should have checked the tracking link. The courier lost it, not us.');
    assert.equal(t301.turns[2].text, "Are you serious? I'm furious.");
    const t302 = conversations.find((c) => c.id === '302') as ImportedConversation;
    assert.equal(roles(t302), 'ca');
    assert.equal(t302.turns[1].author, 'Kai Moss');
    assert.equal(t302.turns[1].text, "Of course, I've attached the April invoice. Anything else I can help with?");
  });
});

describe('Help Scout', () => {
  it('orders threads oldest first, maps customer/message, drops notes and line items', async () => {
    const { conversations, problems } = await collect([f('helpscout/conversations.json')]);
    assert.deepEqual(problems, []);
    const [c] = conversations;
    assert.equal(c.id, '4001');
    assert.deepEqual(c.customer, { name: 'Olu Adeyemi', email: 'olu@example.org' });
    assert.equal(roles(c), 'ca');
    // The note and the unsent draft reply (state "draft") are both left out; only published threads count.
    assert.equal(c.excluded.internalNotes, 2);
    assert.ok(!c.turns.some((t) => /Per our terms/.test(t.text)), 'a draft was never sent and must not be scored');
    assert.equal(c.turns[0].text, "You cancelled my subscription without any notice. I'm really annoyed.");
    assert.equal(c.turns[1].author, 'Rae Kim');
    assert.ok(c.turns[1].text.endsWith('Does that work for you?'));
  });
});

describe('Intercom', () => {
  it('opens with source, maps user/admin/bot authors, drops notes and empty assignment parts', async () => {
    const { conversations, problems } = await collect([f('intercom/conversations.json')]);
    assert.deepEqual(problems, []);
    const [c] = conversations;
    assert.equal(c.id, '147');
    assert.equal(roles(c), 'caac');
    assert.deepEqual(c.turns.map((t) => t.author), ['Jin Park', 'Operator (bot)', 'Noor Haddad', 'Jin Park']);
    assert.equal(c.turns[0].at, '2024-05-30T08:00:00.000Z');
    assert.equal(c.excluded.internalNotes, 1);
  });
});

describe('generic CSV and JSONL', () => {
  it('groups rows into conversations and reports bad rows with file, line and reason', async () => {
    const { conversations, problems } = await collect([f('generic/messages.csv')]);
    assert.deepEqual(conversations.map((c) => [c.id, roles(c)]), [['c-1', 'ca'], ['c-2', 'ca'], ['c-3', 'c']]);
    assert.equal(conversations[0].excluded.internalNotes, 1);
    assert.equal(conversations[1].line, 5, 'a multi-line quoted row starts on its first line');
    assert.equal(conversations[1].turns[0].text, 'Hi, can I change my delivery address?');
    const lines = problems.map((p) => [p.line, p.kept ?? false, p.reason.split(' ').slice(0, 2).join(' ')]);
    assert.deepEqual(lines, [
      [10, false, 'unknown author'],
      [11, true, 'unreadable timestamp'],
      [12, false, 'message has'],
      [13, false, 'malformed CSV'],
    ]);
    assert.ok(problems.every((p) => p.file.endsWith('messages.csv')));
  });
  it('reports an invalid JSONL line and keeps reading', async () => {
    const { conversations, problems } = await collect([f('generic/messages.jsonl')]);
    assert.deepEqual(conversations.map((c) => c.id), ['j-1', 'j-2']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].reason, /invalid JSON/);
    assert.equal(conversations[0].turns[1].text, "Ravi, I apologize for the charge after you cancelled. I've refunded it in full.");
  });
  it('reports rows of a conversation that reappear after others instead of merging them silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-generic-'));
    const file = join(dir, 'rows.csv');
    writeFileSync(file, 'conversation_id,role,text\na,customer,hi\nb,customer,hello\na,agent,late reply\n');
    const { conversations, problems } = await collect([file]);
    assert.deepEqual(conversations.map((c) => c.id), ['a', 'b']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 4);
    assert.match(problems[0].reason, /contiguous/);
  });
});

describe('streaming JSON arrays', () => {
  it('reports a malformed element with its line and imports the elements around it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-json-'));
    const file = join(dir, 'conversations.json');
    const good = (id: number): string => JSON.stringify({ type: 'conversation', id: String(id), created_at: 1717056000, source: { body: `<p>Message ${id}</p>`, author: { type: 'user', name: 'C' } }, conversation_parts: { conversation_parts: [] } }, null, 1);
    writeFileSync(file, `[\n${good(1)},\n{"type": "conversation", "id": "2", "source": {"body": oops}},\n${good(3)}\n]\n`);
    const { conversations, problems } = await collect([file], 'intercom');
    assert.deepEqual(conversations.map((c) => c.id), ['1', '3']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, good(1).split('\n').length + 2);
    assert.match(problems[0].reason, /invalid JSON/);
  });
  it('reports a truncated file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-json-'));
    const file = join(dir, 'cut.json');
    writeFileSync(file, '{"tickets": [{"id": 1, "requester_id": 5, "comments": [{"author_id": 5, "body": "hi", "public": true}]}, {"id": 2, "requ');
    const { conversations, problems } = await collect([file], 'zendesk');
    assert.deepEqual(conversations.map((c) => c.id), ['1']);
    assert.equal(problems.length, 1);
    assert.match(problems[0].reason, /truncated/);
  });
});

describe('desk import mapping', () => {
  it('maps a conversation to a historical case with a stable external reference and message directions', async () => {
    const { toHistoricalCase } = await import('../../src/importers/desk.ts');
    const { conversations } = await collect([f('zendesk/api/tickets.json'), f('zendesk/api/comments/101.json')]);
    const c = toHistoricalCase(conversations.find((x) => x.id === '101') as ImportedConversation);
    assert.equal(c.externalRef, 'zendesk:101');
    assert.deepEqual(c.customer, { name: 'Maria Lopez', email: 'maria.lopez@example.org' });
    assert.equal(c.createdAt, '2024-03-04T09:00:00.000Z');
    assert.deepEqual(c.messages.map((m) => [m.direction, m.authorName, m.at]), [
      ['inbound', undefined, '2024-03-04T09:00:00.000Z'],
      ['outbound', 'Sam Agent', '2024-03-04T10:00:00.000Z'],
      ['inbound', undefined, '2024-03-04T11:00:00.000Z'],
    ]);
  });
});

describe('CSV dialects', () => {
  it('reads semicolon-separated exports with a byte-order mark, as spreadsheets save them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-csv-'));
    const file = join(dir, 'excel.csv');
    writeFileSync(file, '\uFEFFConversation_ID;Timestamp;Role;Author;Text\r\nk-1;2024-01-02T10:00:00Z;Customer;Ida;"Late again; really annoyed."\r\nk-1;2024-01-02T10:10:00Z;Agent;Max;Ida, I apologize for the delay.\r\n');
    assert.equal(await detectFormat(file), 'csv');
    const { conversations, problems } = await collect([file]);
    assert.deepEqual(problems, []);
    assert.equal(conversations.length, 1);
    assert.deepEqual(conversations[0].turns.map((t) => [t.role, t.author, t.text]), [
      ['customer', 'Ida', 'Late again; really annoyed.'],
      ['agent', 'Max', 'Ida, I apologize for the delay.'],
    ]);
  });
});

describe('Help Scout thread pages', () => {
  it('joins a conversation listed without threads to the thread page named after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-hs-'));
    writeFileSync(join(dir, 'conversations.json'), JSON.stringify({ _embedded: { conversations: [{ id: 4002, subject: 'Login loop', primaryCustomer: { first: 'Mo', last: 'Reyes', email: 'mo@example.org' }, createdAt: '2024-06-11T08:00:00Z' }] }, page: { number: 1 } }));
    const threads = join(dir, '4002.json');
    writeFileSync(threads, JSON.stringify({ _embedded: { threads: [
      { id: 2, type: 'message', body: '<p>Mo, sorry about the loop. I reset your session; please try again.</p>', createdBy: { type: 'user', first: 'Ty', last: 'Ng' }, createdAt: '2024-06-11T08:30:00Z' },
      { id: 1, type: 'customer', body: '<p>I keep getting logged out!</p>', createdBy: { type: 'customer', first: 'Mo', last: 'Reyes' }, createdAt: '2024-06-11T08:00:00Z' },
    ] } }));
    const { conversations, problems } = await collect([join(dir, 'conversations.json'), threads]);
    assert.deepEqual(problems, []);
    assert.equal(conversations.length, 1);
    assert.equal(conversations[0].subject, 'Login loop');
    assert.deepEqual(conversations[0].turns.map((t) => [t.role, t.author]), [['customer', 'Mo Reyes'], ['agent', 'Ty Ng']]);
  });
});

describe('a malformed first row', () => {
  it('still reads the file as JSONL, reports line 1 and imports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-first-'));
    const file = join(dir, 'export.txt');
    writeFileSync(file, '{"conversation_id": "a", "role": "customer", "text": "broken\n{"conversation_id":"b","role":"customer","text":"Where is my parcel?"}\n{"conversation_id":"b","role":"agent","text":"On its way today."}\n');
    assert.equal(await detectFormat(file), 'jsonl');
    const { conversations, problems } = await collect([file]);
    assert.deepEqual(conversations.map((c) => c.id), ['b']);
    assert.deepEqual(problems.map((p) => p.line), [1]);
  });
});

describe('layout sniffing', () => {
  it('tells JSONL from JSON whose elements sit one per line', async () => {
    const { sniffLayout } = await import('../../src/importers/records.ts');
    assert.equal(sniffLayout('{"tickets": [\n{"id":1},\n{"id":2}\n]}'), 'json');
    assert.equal(sniffLayout('{\n  "tickets": []\n}'), 'json');
    assert.equal(sniffLayout('{"id":1}\n{"id":2}'), 'jsonl');
    assert.equal(sniffLayout('{"id":1, "text": "cut\n{"id":2}'), 'jsonl');
    assert.equal(sniffLayout('[{"id":1}]'), 'json');
    assert.equal(sniffLayout('{"tickets": [{"id":1}]}', 'page.ndjson'), 'jsonl');
    assert.equal(sniffLayout('conversation_id,text\n'), 'csv');
  });
});

describe('files without records', () => {
  it('says so instead of importing nothing silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-empty-'));
    writeFileSync(join(dir, 'one.json'), '{\n  "ticket": {"id": 1, "subject": "x"}\n}\n');
    const { conversations, problems } = await collect([join(dir, 'one.json')], 'zendesk');
    assert.equal(conversations.length, 0);
    assert.equal(problems.length, 1);
    assert.match(problems[0].reason, /no records found/);
  });
});

describe('an empty last page', () => {
  it('is not a problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'defuse-lastpage-'));
    writeFileSync(join(dir, 'page9.json'), '{\n  "tickets": [],\n  "next_page": null\n}\n');
    const { conversations, problems } = await collect([join(dir, 'page9.json')], 'zendesk');
    assert.deepEqual([conversations.length, problems.length], [0, 0]);
  });
});
