// Formatters are pure functions of the results: these run them on hand-built results, no engine involved.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RuleMeta } from '../../engine/index.ts';
import { FORMATTERS, type FileResult, type RuleInfo } from './index.ts';
import { positionsOf } from './position.ts';
import { docsBase } from '../project.ts';

const meta: RuleMeta = {
  id: 'no-example',
  principle: 'P4',
  severity: 'warning',
  description: 'Example rule.',
  messages: { example: 'Example.' },
  note: 'Because the playbook says so (P4).',
  fixable: true,
  ruleSet: 'all',
};
const rules: RuleInfo[] = [{ meta, docsPath: 'docs/rules/no-example.md', helpUri: 'https://example.test/docs/rules/no-example.md' }];

// "é" is one UTF-16 unit, "😀" two: columns count UTF-16 units, as SARIF's utf16CodeUnits and editors do.
const source = 'Line one\r\nCafé 😀 sorry here\nlast';
const start = source.indexOf('sorry');
const result: FileResult = {
  filePath: 'replies/a b.txt',
  source,
  replies: 1,
  findings: [
    {
      ruleId: 'no-example',
      principle: 'P4',
      severity: 'error',
      messageId: 'example',
      message: 'Example.',
      note: 'Because.',
      range: [start, start + 5],
      suggestions: [{ message: 'Say more', fix: { range: [start, start + 5], text: 'I apologize' } }],
      unit: 'Macro A',
    },
  ],
};

describe('positionsOf', () => {
  it('counts lines across \\n, \\r\\n and \\r, columns in UTF-16 units, 1-based', () => {
    const pos = positionsOf('a\r\nb\rc\nd');
    assert.deepEqual([0, 3, 5, 7].map(pos), [{ line: 1, column: 1 }, { line: 2, column: 1 }, { line: 3, column: 1 }, { line: 4, column: 1 }]);
    assert.deepEqual(positionsOf(source)(start), { line: 2, column: 9 });
  });
});

describe('formatters', () => {
  it('text: file:line:col  severity  message  rule-id, note below, totals', () => {
    const out = FORMATTERS.text([result], rules);
    assert.match(out, /^replies\/a b\.txt:2:9 {2}error {2}Example\. {2}no-example$/m);
    assert.match(out, /^ {4}\[Macro A\] Because\.$/m);
    assert.match(out, /1 problem \(1 error, 0 warnings, 0 suggestions\)/);
    assert.match(out, /1 can be fixed with --fix/);
    assert.equal(FORMATTERS.text([{ ...result, findings: [] }], rules), 'No problems found (1 reply in 1 file).\n');
  });

  it('json: line/column span and totals', () => {
    const out = JSON.parse(FORMATTERS.json([result], rules, { toolVersion: '1.2.3' }));
    assert.equal(out.version, '1.2.3');
    const f = out.results[0].findings[0];
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [2, 9, 2, 14]);
    assert.deepEqual(out.summary, { files: 1, replies: 1, errors: 1, warnings: 0, suggestions: 0 });
  });

  it('sarif: result paths are relative to the repository root, whichever folder the check ran in', () => {
    const log = JSON.parse(FORMATTERS.sarif([{ ...result, filePath: 'x.md' }, { ...result, filePath: '../shared/y.md' }, { ...result, filePath: './a/../z.md' }], [{ ...rules[0], helpUri: undefined }], { toolVersion: '1', cwd: '/repo/macros', root: '/repo' }));
    const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['macros/x.md', 'shared/y.md', 'macros/z.md']);
    assert.equal('helpUri' in log.runs[0].tool.driver.rules[0], false, 'no helpUri rather than a local file:// one');
  });

  it('rule docs are linked from package.json: a GitHub repository or an https homepage, else not at all', () => {
    assert.equal(docsBase({ repository: 'github:acme/defuse' }), 'https://github.com/acme/defuse/blob/main/docs/rules/');
    assert.equal(docsBase({ repository: { url: 'git+https://github.com/acme/defuse.git' } }), 'https://github.com/acme/defuse/blob/main/docs/rules/');
    assert.equal(docsBase({ homepage: 'https://defuse.example.org/' }), 'https://defuse.example.org/docs/rules/');
    assert.equal(docsBase({ homepage: 'file:///home/me/defuse' }), undefined);
    assert.equal(docsBase({}), undefined);
  });

  it('sarif: relative, percent-encoded URIs; absolute paths under cwd made relative; fixes as replacements', () => {
    const log = JSON.parse(FORMATTERS.sarif([result, { ...result, filePath: '/repo/macros/x.md' }, { ...result, filePath: '/elsewhere/y.md' }], rules, { toolVersion: '1.2.3', cwd: '/repo' }));
    const uris = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris, ['replies/a%20b.txt', 'macros/x.md', 'file:///elsewhere/y.md']);
    const r0 = log.runs[0].results[0];
    assert.equal(r0.level, 'error');
    assert.equal(r0.ruleIndex, 0);
    assert.deepEqual(r0.fixes[0].artifactChanges[0].replacements[0].deletedRegion, { startLine: 2, startColumn: 9, endLine: 2, endColumn: 14 });
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.equal(log.runs[0].tool.driver.rules[0].defaultConfiguration.level, 'warning');
    // Same rule, same flagged text in another file: a different fingerprint.
    const fps = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['defuse/v1']);
    assert.equal(new Set(fps).size, 3);
  });
});
