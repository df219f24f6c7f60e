import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES } from '../engine/index.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { RuleInfo } from './formatters/index.ts';

/** The repository root (where package.json and docs/ live). */
export const ROOT = PACKAGE_ROOT;

interface PackageJson {
  version?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

/** package.json, read once. */
export const PACKAGE: PackageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/**
 * Where rule docs are published: `<repository>/blob/main/docs/rules/` when package.json names a GitHub
 * repository (`github:owner/name` or a github.com URL), else `<homepage>/docs/rules/` when it has an
 * https homepage, else undefined: a SARIF `helpUri` must be a page the reader can open, never a file:// path
 * of the machine that ran the check.
 *
 * @example
 * docsBase({ repository: 'github:acme/defuse' }) // 'https://github.com/acme/defuse/blob/main/docs/rules/'
 */
export function docsBase(pkg: PackageJson = PACKAGE): string | undefined {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const gh = repo && (/github\.com[/:]([^/]+\/[^/.]+?)(?:\.git)?\/?$/.exec(repo) ?? /^(?:github:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repo));
  if (gh) return `https://github.com/${gh[1]}/blob/main/docs/rules/`;
  if (pkg.homepage && /^https:\/\//.test(pkg.homepage)) return `${pkg.homepage.replace(/\/?(#.*)?$/, '')}/docs/rules/`;
  return undefined;
}

/**
 * The repository a path belongs to: the nearest folder upwards holding `.git` (a folder, or a file in a
 * worktree or submodule), else undefined. SARIF result paths are relative to it, so GitHub code scanning
 * places alerts whichever folder the check ran from.
 *
 * @example
 * repositoryRoot('/work/main/macros') // '/work/main'
 */
export function repositoryRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Rule metadata with doc locations, for `defuse rules` and the formatters.
 *
 * @example
 * ruleInfos()[0].docsPath // 'docs/rules/no-bare-sorry.md'
 */
export function ruleInfos(withHelp = false): RuleInfo[] {
  const base = docsBase();
  return RULES.map((rule) => {
    const docsPath = `docs/rules/${rule.meta.id}.md`;
    const file = join(ROOT, docsPath);
    return {
      meta: rule.meta,
      docsPath,
      helpUri: base ? base + `${rule.meta.id}.md` : undefined,
      ...(withHelp && existsSync(file) ? { help: readFileSync(file, 'utf8') } : {}),
    };
  });
}
