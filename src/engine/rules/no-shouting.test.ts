import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkReply } from '../check.ts';
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
  const evil = '?'.repeat(500_000) + 'A '.repeat(250_000);
  const t0 = performance.now();
  checkReply(evil, {}, { ruleList: [rule] });
  assert.ok(performance.now() - t0 < 1000);
});
