import type { Severity } from '../../engine/index.ts';
import { positionsOf } from './position.ts';
import type { Formatter } from './types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', suggestion: 'note' };

/** FNV-1a, 32-bit: a stable, dependency-free fingerprint (this module stays pure). */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** `a/./b/../c` → `a/c`, without touching the file system (this module stays pure). */
function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '.' || (seg === '' && out.length > 0)) continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * A SARIF artifact URI. Code scanning matches results to files by repository-relative paths, so a path is
 * taken from the working directory (`cwd`) and made relative to the repository root (`root`, default
 * `cwd`); a path outside the repository becomes a file:// URI.
 */
function toUri(path: string, cwd?: string, root?: string): string {
  let p = path.replace(/\\/g, '/');
  const here = cwd?.replace(/\\/g, '/').replace(/\/$/, '');
  if (here && !p.startsWith('/') && !/^[A-Za-z]:\//.test(p)) p = normalize(`${here}/${p}`);
  const base = (root ?? cwd)?.replace(/\\/g, '/').replace(/\/$/, '');
  if (base && p.startsWith(base + '/')) p = p.slice(base.length + 1);
  const encoded = p.split('/').map((seg) => (seg === '.' || seg === '..' || /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
  if (p.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(p)) return `file:///${encoded}`;
  return encoded.replace(/^\.\//, '');
}

/** `no-bare-sorry` → `NoBareSorry`, the reportingDescriptor's human name. */
function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, `tool.driver.rules` from rule metadata (with help from the
 * rule's doc page), results with ruleId/ruleIndex, level, message and a physical location whose region uses
 * 1-based lines and UTF-16 columns (`columnKind: utf16CodeUnits`, end column exclusive, like our ranges).
 * `partialFingerprints` hash the rule, file, flagged text and its occurrence so alerts survive edits
 * elsewhere in the file; fixes are included as SARIF `fixes`.
 *
 * @example
 * JSON.parse(sarif(results, rules, { toolVersion: '0.1.0' })).version // '2.1.0'
 */
export const sarif: Formatter = (results, rules, env) => {
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const driverRules = rules.map((r) => ({
    id: r.meta.id,
    name: pascal(r.meta.id),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.note },
    ...(r.helpUri ? { helpUri: r.helpUri } : {}),
    help: { text: `${r.meta.description} ${r.meta.note} Docs: ${r.docsPath}.`, ...(r.help ? { markdown: r.help } : {}) },
    defaultConfiguration: { level: LEVEL[r.meta.severity] },
    properties: { tags: ['defuse', r.meta.principle], principle: r.meta.principle, fixable: r.meta.fixable, ruleSet: r.meta.ruleSet },
  }));
  const sarifResults = [];
  for (const r of results) {
    const pos = positionsOf(r.source);
    const uri = r.filePath === '<stdin>' ? 'stdin' : toUri(r.filePath, env?.cwd, env?.root);
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const start = pos(f.range[0]);
      const end = pos(f.range[1]);
      const flagged = r.source.slice(f.range[0], f.range[1]);
      const key = `${f.ruleId}\u0000${uri}\u0000${flagged}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const fix = f.suggestions[0]?.fix;
      const fixStart = fix ? pos(fix.range[0]) : undefined;
      const fixEnd = fix ? pos(fix.range[1]) : undefined;
      sarifResults.push({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: `${f.message}${f.unit ? ` [${f.unit}]` : ''}\n${f.note}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column, snippet: { text: flagged } },
            },
          },
        ],
        partialFingerprints: { 'defuse/v1': `${fnv1a(key)}:${occurrence + 1}` },
        ...(fix && fixStart && fixEnd
          ? {
              fixes: [
                {
                  description: { text: f.suggestions[0].message },
                  artifactChanges: [
                    {
                      artifactLocation: { uri },
                      replacements: [
                        {
                          deletedRegion: { startLine: fixStart.line, startColumn: fixStart.column, endLine: fixEnd.line, endColumn: fixEnd.column },
                          insertedContent: { text: fix.text },
                        },
                      ],
                    },
                  ],
                },
              ],
            }
          : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'defuse',
            ...(env?.toolVersion ? { semanticVersion: env.toolVersion, version: env.toolVersion } : {}),
            ...(env?.informationUri ? { informationUri: env.informationUri } : {}),
            rules: driverRules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
