/**
 * Where the installed package lives, for the files Defuse reads at run time (migrations, demo data, rule
 * docs, the built web UI). Source files sit at `src/…/x.ts` and the production build at `dist/node/x.js`,
 * so a fixed `../..` from `import.meta.url` would be right in one layout only; walking up to the
 * `package.json` named "defuse" is right in both, and in the container image (`/app`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'defuse') return dir;
      } catch {
        /* not ours: keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find Defuse's package.json above ${start}`);
    dir = up;
  }
}

/**
 * The package's root folder (where `package.json`, `data/` and `docs/` are).
 *
 * @example
 * join(PACKAGE_ROOT, 'src/server/migrations')
 */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * True when this code runs from the production build (`npm run build`, plain JavaScript) rather than from
 * TypeScript sources under tsx. Each bundle inlines this module, so `import.meta.url` is the bundle's file.
 *
 * @example
 * new URL(COMPILED ? './qa-worker.js' : './worker-boot.mjs', import.meta.url)
 */
export const COMPILED = !import.meta.url.endsWith('.ts');
