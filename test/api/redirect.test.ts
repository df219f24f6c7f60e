// After sign-in the page goes to `next` only when it is a page of this desk. Before, the check was
// `startsWith('/') && !startsWith('//')` on the raw value, and the browser strips tab and newline before it
// parses: `/login?next=%2F%09%2Fevil.example` (or %0A) landed on http://evil.example/. Node's URL is the same
// WHATWG parser the browser runs, so the function is tested here as the browser applies it, and the desk's
// own /login route is tested over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sameOriginPath } from '../../src/web/client/redirect.ts';
import { startDesk, type TestDesk } from '../support/desk.ts';

const ORIGIN = 'https://desk.example';

// Each is what URLSearchParams hands the page after decoding the query string.
const HOSTILE = [
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\/evil.example',
  '\\\\evil.example',
  '/\t\\evil.example/x',
  'https://evil.example/',
  'HTTPS://evil.example',
  'https:evil.example',
  '//evil.example@desk.example',
  'javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://desk.example', // the same host over another scheme is another origin
  'https://desk.example:444/',
];

describe('the page after sign-in', () => {
  test('hostile `next` values never leave the desk', () => {
    for (const next of HOSTILE) {
      const target = sameOriginPath(next, ORIGIN);
      assert.equal(new URL(target, ORIGIN).origin, ORIGIN, JSON.stringify(next));
      // A path of this desk ('https:evil.example' is the page /evil.example here), never one a browser reads as another host.
      assert.match(target, /^\/(?![/\\])/, JSON.stringify(next));
    }
  });

  test("the desk's own pages are kept, with their query and fragment", () => {
    for (const next of ['/', '/cases/12', '/cases/12?tab=tasks#t3', '/follow-ups', `${ORIGIN}/dashboard`]) {
      assert.equal(sameOriginPath(next, ORIGIN), next.replace(ORIGIN, ''));
    }
    assert.equal(sameOriginPath(null, ORIGIN), '/');
    assert.equal(sameOriginPath('', ORIGIN), '/');
  });

  describe("the desk's /login route", () => {
    let desk: TestDesk;
    before(async () => {
      desk = await startDesk({ web: true });
    });
    after(() => desk.stop());

    test('drops a `next` that leaves the desk before the page ever sees it', async () => {
      for (const raw of ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example', '%2F%0D%0A%2Fevil.example', '%2F%5Cevil.example', 'https%3A%2F%2Fevil.example']) {
        const res = await desk.app.request(`/login?next=${raw}`);
        assert.equal(res.status, 302, raw);
        assert.equal(res.headers.get('location'), '/login', raw);
      }
      const ok = await desk.app.request('/login?next=%2Fcases%2F12');
      assert.equal(ok.status, 200);
      assert.match(await ok.text(), /data-page="login"/);
    });
  });
});
