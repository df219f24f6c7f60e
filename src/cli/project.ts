import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
 * repository, else the local docs folder as a file URI (SARIF wants an absolute helpUri either way).
 */
export function docsBase(): string {
  const repo = typeof PACKAGE.repository === 'string' ? PACKAGE.repository : PACKAGE.repository?.url;
  const gh = repo && /github\.com[/:]([^/]+\/[^/.]+?)(?:\.git)?$/.exec(repo);
  if (gh) return `https://github.com/${gh[1]}/blob/main/docs/rules/`;
  return pathToFileURL(join(ROOT, 'docs/rules')).href + '/';
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
      helpUri: base + `${rule.meta.id}.md`,
      ...(withHelp && existsSync(file) ? { help: readFileSync(file, 'utf8') } : {}),
    };
  });
}
