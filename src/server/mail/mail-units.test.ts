import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnv } from '../config.ts';
import { replyHtml } from '../services/reply-mail.ts';
import { withDisplayName } from '../services/outbox.ts';
import { signatureHeader, verifySignature, webhookRetryDelayMs } from '../services/webhooks.ts';
import { parseImapUrl } from './imap-url.ts';
import { bareId, idList, parseInbound } from './inbound-formats.ts';

test('the mail variables are parsed once, with a message naming the bad one', () => {
  const env = parseEnv({ INBOUND_SECRETS: 'mailgun=0123456789abcdef, json = fedcba9876543210', IMAP_URL: 'imaps://desk%40x.com:p%3Ass@mail.x.com/Support' });
  assert.deepEqual(env.INBOUND_SECRETS, { mailgun: '0123456789abcdef', json: 'fedcba9876543210' });
  assert.deepEqual(env.IMAP_URL, { host: 'mail.x.com', port: 993, secure: true, user: 'desk@x.com', pass: 'p:ss', mailbox: 'Support' });
  assert.equal(parseEnv({}).IMAP_URL, undefined, 'no mailbox by default');
  assert.throws(() => parseEnv({ INBOUND_SECRETS: 'mailgun=short' }), /INBOUND_SECRETS: the secret for mailgun must be at least 16 characters/);
  assert.throws(() => parseEnv({ INBOUND_SECRETS: 'gmail=0123456789abcdef' }), /INBOUND_SECRETS: .*SOURCE one of json, mailgun, postmark, sendgrid/);
  assert.throws(() => parseEnv({ IMAP_URL: 'https://mail.x.com' }), /IMAP_URL: must be an imap:\/\/ or imaps:\/\/ URL/);
  assert.deepEqual(parseImapUrl('imap://u:p@127.0.0.1:1143'), { host: '127.0.0.1', port: 1143, secure: false, user: 'u', pass: 'p', mailbox: 'INBOX' });
});

test('Message-IDs and References are read with or without angle brackets', () => {
  assert.equal(bareId(' <a.b@c> '), 'a.b@c');
  assert.equal(bareId('a.b@c'), 'a.b@c');
  assert.equal(bareId('two words'), null);
  assert.deepEqual(idList('<a@x> <b@x>\r\n <c@x>'), ['a@x', 'b@x', 'c@x']);
  assert.deepEqual(idList(['a@x', '<b@x>']), ['a@x', 'b@x']);
});

test('a bounce report is told from a customer writing about a failed delivery', async () => {
  const dsn = await parseInbound('json', { from: 'MAILER-DAEMON@mx.example.com', subject: 'Undelivered Mail Returned to Sender', text: 'x' });
  assert.equal(dsn.bounce, true);
  const customer = await parseInbound('json', { from: 'ana@example.com', subject: 'Delivery failure!!', text: 'My parcel was undeliverable' });
  assert.equal(customer.bounce, false);
});

test('a reply as HTML is escaped, with paragraphs and line breaks kept', () => {
  assert.equal(replyHtml('Hi <b>Ana</b>,\n\nLine one\nline two & more'), '<p>Hi &#60;b&#62;Ana&#60;/b&#62;,</p>\n<p>Line one<br>\nline two &#38; more</p>');
  assert.equal(withDisplayName('Defuse desk <desk@x.com>', 'Ana "A" Agent\r\n(Northwind)'), '"Ana  A  Agent  (Northwind)" <desk@x.com>');
  assert.equal(withDisplayName('desk@x.com', 'Ana'), '"Ana" <desk@x.com>');
});

test('webhook signatures: HMAC-SHA256 over "<t>.<body>", checked in constant time within five minutes', () => {
  const h = signatureHeader('whsec_test', '{"a":1}', 1_763_460_000);
  assert.match(h, /^t=1763460000,v1=[0-9a-f]{64}$/);
  assert.ok(verifySignature('whsec_test', h, '{"a":1}', 1_763_460_100));
  assert.ok(!verifySignature('whsec_test', h, '{"a":2}', 1_763_460_100));
  assert.ok(!verifySignature('whsec_test', h, '{"a":1}', 1_763_460_000 + 301));
  assert.ok(!verifySignature('whsec_test', 'v1=abc', '{"a":1}', 1_763_460_000));
  assert.deepEqual([1, 2, 3, 10, 20].map(webhookRetryDelayMs), [10_000, 20_000, 40_000, 3_600_000, 3_600_000]);
});
