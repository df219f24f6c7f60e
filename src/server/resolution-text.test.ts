// The resolution e-mail used to say "you will receive refund of the duplicate charge", promise "a short summary
// by e-mail later today" inside that very summary, and recap an agreement on a brand-new case. These tests
// render every option kind's sentence, the summary and the e-mail from an agreement, and hold them to reading
// as English a customer would be glad to read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFromEnv, parseEnv } from './config.ts';
import { agreementItems, asSentence, checkSummary, draftSummary, OFFER_KINDS, offerSentence, resolutionEmail, spokenDay, taskSentence, textToHtml, type AgreedOffer } from './services/resolution-text.ts';

/** Joins that read as a template filled in by a machine. */
const UNGRAMMATICAL = [
  /\breceive (?!a |an |the |your )\w/i, // "you will receive refund of…", "receive reship…"
  /\b(a|an) \$?\d*%? ?(on|of|to)\b\s*[.,]/i,
  /\{amount\}|undefined|null|NaN/,
  /\s[.,;:]/, // a space before punctuation: an empty slot
  /\.\./,
  /\b(\w+) \1\b/i, // a doubled word
  /summary by e-?mail|send you a (short )?summary|confirmation e-?mail/i,
];

const CATALOGUE: AgreedOffer[] = [
  { id: 1, kind: 'expedited_shipping', label: 'Expedited shipping at no cost', unit: null, amount: null },
  { id: 2, kind: 'replacement', label: 'Priority replacement', unit: null, amount: null },
  { id: 3, kind: 'discount_pct', label: 'Discount on the next order', unit: '%', amount: 10 },
  { id: 4, kind: 'credit', label: 'Account credit', unit: 'USD', amount: 25 },
  { id: 5, kind: 'refund', label: 'Refund', unit: 'USD', amount: 49.5 },
  { id: 6, kind: 'return_window_exception', label: 'Return-window exception', unit: 'days', amount: 30 },
  { id: 7, kind: 'callback', label: 'Personal call-back from the same agent', unit: null, amount: null },
  { id: 8, kind: 'status_updates', label: 'Proactive status updates', unit: null, amount: null },
  { id: 9, kind: 'lead_callback', label: 'Call from a team lead', unit: null, amount: null },
];

function assertSentence(s: string, what: string): void {
  assert.match(s, /^[A-Z]/, `${what}: starts with a capital: ${s}`);
  assert.match(s, /[.!?]$/, `${what}: ends with a full stop: ${s}`);
  for (const bad of UNGRAMMATICAL) assert.doesNotMatch(s, bad, `${what}: ${s}`);
}

test('every option kind of the catalogue has its own sentence, and each reads as one', () => {
  assert.deepEqual(CATALOGUE.map((o) => o.kind).sort(), [...OFFER_KINDS].sort(), 'the test renders every kind with a template');
  const expected: Record<string, string> = {
    expedited_shipping: 'We will send your order by express delivery, at no cost to you.',
    replacement: 'We will send you a replacement straight away, before you return the faulty one.',
    discount_pct: 'You will get a 10% discount on your next order.',
    credit: 'We will add a credit of $25 to your account.',
    refund: 'We will refund $49.50 to you.',
    return_window_exception: 'We will accept your return up to 30 days past the usual return window.',
    callback: 'I will call you myself to make sure this is sorted.',
    status_updates: 'I will update you at each step until this is done.',
    lead_callback: 'My team lead will call you, with me on the line.',
  };
  for (const o of CATALOGUE) {
    const s = offerSentence(o);
    assert.equal(s, expected[o.kind], o.kind);
    assertSentence(s, o.kind);
  }
  assert.equal(offerSentence({ ...CATALOGUE[5], amount: 1 }), 'We will accept your return up to 1 day past the usual return window.');
});

test('a kind an admin added later reads from its catalogue phrase, with the amount filled in', () => {
  assert.equal(offerSentence({ id: 1, kind: 'gift_wrap', label: 'Gift wrap', unit: null, amount: null, phrase: 'free gift wrapping on your next order' }), 'We agreed on free gift wrapping on your next order.');
  assert.equal(offerSentence({ id: 1, kind: 'voucher', label: 'Voucher', unit: 'USD', amount: 15, phrase: 'a voucher worth ${amount}' }), 'We agreed on a voucher worth $15.');
  assert.equal(offerSentence({ id: 1, kind: 'loaner', label: 'Loaner device', unit: 'days', amount: 7, phrase: '' }), 'We agreed on loaner device (7 days).');
});

test('done tasks and typed lines become sentences; typed bullets lose their marker', () => {
  assert.equal(taskSentence({ id: 1, team: 'Billing', what: 'refund the second charge', result: 'the second charge of $49 is refunded' }), 'Billing: the second charge of $49 is refunded.');
  assert.equal(taskSentence({ id: 1, team: 'Warehouse', what: 'reship the parcel by express', result: null }), 'Warehouse: reship the parcel by express.');
  const items = agreementItems({ offers: [CATALOGUE[2]], tasks: [], typed: '- reship the parcel by express\n\n  we waive the return fee!  ' });
  assert.deepEqual(items.map((i) => [i.source, i.text]), [
    ['offer', 'You will get a 10% discount on your next order.'],
    ['agent', 'Reship the parcel by express.'],
    ['agent', 'We waive the return fee!'],
  ]);
  assert.equal(asSentence('  '), '');
});

test('nothing agreed, no summary: the draft never invents an agreement', () => {
  assert.equal(draftSummary({ items: [], customerName: 'Maria Lopez', upset: true, followUpOn: '2026-11-19' }), '');
  assert.deepEqual(agreementItems({ offers: [], tasks: [], typed: ' \n ' }), []);
});

test('the summary lists what was agreed and never promises to send a summary', () => {
  const items = agreementItems({ offers: [CATALOGUE[2]], tasks: [{ id: 3, team: 'Billing', what: 'refund', result: 'the second charge is refunded' }], typed: 'reship the parcel by express' });
  const summary = draftSummary({ items, customerName: 'Maria Lopez', agentName: 'Ana Agent', companyName: 'Northwind Support', issue: 'the double charge', upset: true, loyaltyYears: 6, loyal: true, followUpOn: '2026-11-19' });
  assert.equal(summary, [
    'Hi Maria,',
    'That must have been really frustrating, and you deserved better from Northwind Support. I apologize for the double charge. Thank you for being with us for 6 years; your loyalty means a lot to us. Here is what we agreed:',
    '- You will get a 10% discount on your next order.\n- Billing: the second charge is refunded.\n- Reship the parcel by express.',
    'I will call you on Thursday 19 November to make sure everything is as we agreed.',
    'Kind regards,\nAna Agent, Northwind Support',
  ].join('\n\n'));
  for (const bad of UNGRAMMATICAL) assert.doesNotMatch(summary, bad);
  assert.equal(spokenDay('2026-11-23'), 'Monday 23 November');
});

test('the drafted summary of an upset customer passes the coaching it is checked with on resolve', () => {
  const message = "You charged me TWICE for the same order!! I want my money back. I've been a customer for 6 years.";
  const items = agreementItems({ offers: [CATALOGUE[4]], tasks: [], typed: '' });
  const summary = draftSummary({ items, customerName: 'Maria Lopez', agentName: 'Ana Agent', companyName: 'Northwind Support', issue: 'the double charge', upset: true, loyaltyYears: 6, loyal: true, followUpOn: '2026-11-19' });
  const check = checkSummary(summary, { customerMessage: message, customerName: 'Maria Lopez', agentName: 'Ana Agent', companyName: 'Northwind Support', issue: 'the double charge' });
  assert.deepEqual(check.findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  // The e-mail is the confirmation: the closing rule does not ask it to promise one.
  const bare = checkSummary('Hi Maria, we refund $49.50 to you. I will call you on Thursday to check it arrived.', { customerName: 'Maria Lopez' });
  assert.ok(!bare.findings.some((f) => f.messageId === 'missingEmailConfirmation'));
});

test('the e-mail: the summary as written, with the same words as HTML, escaped, and no styles', () => {
  const summary = 'Hi Ana,\n\nHere is what we agreed:\n\n- A <b>refund</b> of $40 & a note.\n- 10% off.\n\nKind regards,\nSam';
  const mail = resolutionEmail('Northwind Support', 42, 'double charge', `  ${summary}  `);
  assert.equal(mail.subject, 'Northwind Support: what we agreed about "double charge" (case #42)');
  assert.equal(mail.text, `${summary}\n\n--\nNorthwind Support · case #42\nIf anything here is not what we agreed, reply to this e-mail and keep "case #42" in the subject.\n`);
  assert.match(mail.html, /<ul>\n<li>A &lt;b&gt;refund&lt;\/b&gt; of \$40 &amp; a note\.<\/li>\n<li>10% off\.<\/li>\n<\/ul>/);
  assert.match(mail.html, /<p>Kind regards,<br>\nSam<\/p>/);
  assert.doesNotMatch(mail.html, /style|<script|<img/i);
  assert.equal(textToHtml('one\ntwo'), '<p>one<br>\ntwo</p>');
});

test('the sender the customer sees: MAIL_FROM as a name and an address, else the company name', () => {
  assert.equal(configFromEnv(parseEnv({})).mailFrom, 'Northwind Support <desk@defuse.localhost>');
  assert.equal(configFromEnv(parseEnv({ COMPANY_NAME: 'Smith, Jones & Co' })).mailFrom, '"Smith, Jones & Co" <desk@defuse.localhost>');
  assert.equal(configFromEnv(parseEnv({ MAIL_FROM: 'Northwind Care <care@northwind.example>' })).mailFrom, 'Northwind Care <care@northwind.example>');
  assert.equal(configFromEnv(parseEnv({ MAIL_FROM: 'care@northwind.example' })).mailFrom, 'care@northwind.example');
  for (const bad of ['Northwind', 'Northwind <care>', 'a@b.c, d@e.f']) assert.throws(() => parseEnv({ MAIL_FROM: bad }), /MAIL_FROM: must be an address/);
});
