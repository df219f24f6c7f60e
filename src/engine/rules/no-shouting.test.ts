import assert from 'node:assert/strict';
import { it } from 'node:test';
import { resolveContext } from '../check.ts';
import { splitSentences } from '../text/sentences.ts';
import { ruleTester } from '../test/rule-tester.ts';
import rule from './no-shouting.ts';

ruleTester(rule, {
  valid: [
    'Your UPS tracking ID is 1Z999AA10123456784.',
    'Use code SAVE20 at checkout, and the FAQ has the steps.',
    'We will NOT charge you again, I promise.',
    'Thanks so much for your patience!',
    'Did it arrive?? Let me know.',
    'Your IKEA order ships via DHL from the EU warehouse on Monday at 9 AM.',
    'Please DM us your PIN-free account ID and the RMA number.',
    'Hi @UPSHelp, thanks! #THANKYOU',
    'I checked with the IT team in the US office.',
    'Your account is run by AT&T. You can contact AT&T directly.',
    'See https://example.com/UPDATE-IMPORTANT-NOTICE for the COVID update.',
  ],
  invalid: [
    {
      text: 'PLEASE READ the instructions.',
      errors: [{ messageId: 'capitals', range: [0, 11] }],
      output: 'Please read the instructions.',
    },
    {
      text: 'Thanks. DO NOT reply to this UPS e-mail.',
      errors: [{ messageId: 'capitals', range: [8, 14] }],
      output: 'Thanks. Do not reply to this UPS e-mail.',
    },
    {
      text: 'It shipped yesterday!! Check your e-mail.',
      errors: [{ messageId: 'exclamations', range: [20, 22] }],
      output: 'It shipped yesterday! Check your e-mail.',
    },
    {
      text: 'You ordered the wrong size?! We told you NEVER EVER to do that!!!',
      errors: [
        { messageId: 'exclamations', range: [26, 28] },
        { messageId: 'capitals', range: [41, 51] },
        { messageId: 'exclamations', range: [62, 65] },
      ],
      output: 'You ordered the wrong size? We told you never ever to do that!',
    },
  ],
});

it('no-shouting stays linear on a megabyte of marks and capitals', () => {
  const evil = '?'.repeat(400_000) + '!! ' + 'A '.repeat(200_000) + 'NOT '.repeat(50_000);
  const input = { text: evil, sentences: splitSentences(evil), context: resolveContext({}), moves: [] };
  rule.check({ ...input, text: 'WARM UP!!', sentences: splitSentences('WARM UP!!') });
  const t0 = performance.now();
  const findings = rule.check(input);
  const ms = performance.now() - t0;
  // about 0.1 s alone; the bound leaves room for a loaded CI machine but not for quadratic behaviour
  assert.ok(ms < 1000, `one megabyte took ${Math.round(ms)} ms`);
  assert.equal(findings.length, 2);
});
