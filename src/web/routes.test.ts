// The UI sub-app without a browser: shells carry a strict CSP and no inline script, the client bundles at
// first request (engine included), assets are gzipped and cached by content hash.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { webRoutes } from './routes.ts';

describe('webRoutes', () => {
  const app = webRoutes();

  it('serves every page as a shell with a strict CSP and no inline script', async () => {
    for (const path of ['/', '/login', '/follow-ups', '/dashboard', '/admin', '/cases/new', '/cases/42']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /unsafe-inline/);
      assert.match(html, /<script type="module" src="\/assets\/app\.js"><\/script>/);
      assert.doesNotMatch(html, /<script>(?!<)/, 'no inline script');
    }
  });

  it('escapes the case id it puts in the shell', async () => {
    const html = await (await app.request('/cases/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E')).text();
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /data-case-id="&#34;&#62;&#60;script&#62;alert\(1\)&#60;\/script&#62;"/);
  });

  it('bundles the client with the engine, gzips it and lets browsers keep hashed chunks', async () => {
    const entry = await app.request('/assets/app.js', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('content-encoding'), 'gzip');
    assert.equal(entry.headers.get('cache-control'), 'no-cache');
    const js = gunzipSync(Buffer.from(await entry.arrayBuffer())).toString('utf8');
    const chunks = [...js.matchAll(/"\.\/(chunk-[\w-]+\.js)"/g)].map((m) => m[1]);
    assert.ok(chunks.length > 0, 'pages load their code as chunks');
    let all = js;
    const seen = new Set<string>();
    while (chunks.length) {
      const name = chunks.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const res = await app.request(`/assets/${name}`);
      assert.equal(res.status, 200, name);
      assert.match(res.headers.get('cache-control') ?? '', /immutable/);
      const body = await res.text();
      all += body;
      for (const m of body.matchAll(/"\.\/(chunk-[\w-]+\.js)"/g)) chunks.push(m[1]);
    }
    // The composer's coaching runs in the page: the engine's rule ids are in the bundle.
    assert.match(all, /no-bare-sorry/);
    assert.match(all, /no-transfer/);
    const again = await app.request('/assets/app.js', { headers: { 'if-none-match': entry.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  it('answers 404 for an unknown asset', async () => {
    assert.equal((await app.request('/assets/nope.js')).status, 404);
  });
});
