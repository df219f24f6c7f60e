import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { API_ROUTES } from '../../src/server/app.ts';
import { startDesk, type TestDesk } from '../support/desk.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  let desk: TestDesk;
  let doc: Json;
  before(async () => {
    desk = await startDesk();
    const res = await desk.app.request('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    doc = JSON.parse(await res.text());
  });
  after(() => desk.stop());

  test('is OpenAPI 3.1 JSON, served without a login, with every route the issue asks for', () => {
    assert.equal(doc.openapi, '3.1.0');
    const required: [string, string][] = [
      ['get', '/healthz'], ['post', '/api/session'], ['delete', '/api/session'], ['get', '/api/me'], ['get', '/api/queue'],
      ['post', '/api/cases'], ['get', '/api/cases/{id}'], ['post', '/api/cases/{id}/messages'], ['post', '/api/check'],
      ['post', '/api/cases/{id}/tasks'], ['patch', '/api/tasks/{id}'], ['get', '/api/options'], ['post', '/api/cases/{id}/offers'],
      ['post', '/api/cases/{id}/resolve'], ['get', '/api/follow-ups'], ['post', '/api/follow-ups/{id}/outcome'],
      ['post', '/api/cases/{id}/reassign'], ['post', '/api/cases/{id}/gaps'], ['get', '/api/reports/anger-over-time'],
      ['get', '/api/reports/playbook-by-agent'], ['get', '/api/reports/playbook-by-rule'], ['get', '/api/reports/transfers'],
      ['get', '/api/reports/follow-ups'], ['get', '/api/reports/process-gaps'], ['post', '/api/admin/users'], ['post', '/api/admin/tokens'],
    ];
    for (const [method, path] of required) assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
  });

  test('documents exactly the routes the app serves, each with a unique operationId and its access rule', () => {
    const served = new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`));
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as Json).map((m) => `${m} ${p}`));
    for (const s of served) assert.ok(documented.includes(s), `${s} is documented`);
    const ids = documented.map((d) => { const [m, p] = d.split(' '); return doc.paths[p][m].operationId; });
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(doc.paths['/api/cases/{id}/reassign'].post['x-access'], 'lead');
  });

  test('every $ref resolves and request schemas come from the validating zod schemas', () => {
    for (const ref of refs(doc)) {
      const name = ref.replace('#/components/schemas/', '');
      assert.ok(doc.components.schemas[name], `${ref} resolves`);
    }
    const ref: string = doc.paths['/api/cases/{id}/messages'].post.requestBody.content['application/json'].schema.$ref;
    const body = doc.components.schemas[ref.split('/').pop()!];
    assert.deepEqual(body.properties.direction.enum, ['inbound', 'outbound']);
    assert.equal(body.properties.body.maxLength, 20_000);
    const param = doc.paths['/api/cases/{id}'].get.parameters[0];
    assert.equal(param.in, 'path');
    // Path ids are documented as what the route accepts: decimal digits, nothing else (no " 1", no 0x10).
    assert.equal(param.schema.type, 'string');
    assert.equal(param.schema.pattern, '^[1-9][0-9]{0,9}$');
    assert.ok(doc.components.schemas.CaseDetail, 'named response schemas are shared components');
  });

  test("passes the integrators' own validators: Redocly's recommended lint rules, and openapi-typescript generates a client", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`), []);
    // Error was a $ref to itself, which made generators loop or crash.
    assert.equal(doc.components.schemas.Error.$ref, undefined);
    assert.equal(doc.components.schemas.Error.type, 'object');
    // Public operations declare that they need no credentials.
    assert.deepEqual(doc.paths['/healthz'].get.security, []);
    assert.deepEqual(doc.paths['/api/session'].post.security, []);
    assert.ok(doc.paths['/api/queue'].get.security.length > 0);
    const types = astToString(await openapiTS(doc as Parameters<typeof openapiTS>[0]));
    assert.match(types, /"\/api\/cases\/\{id\}": \{/);
    assert.match(types, /openCase: \{/);
    assert.match(types, /Error: \{/);
  });
});
