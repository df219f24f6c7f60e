// What the production build is made from, for `npm start` to tell whether dist/ is older than the sources.
// Plain JavaScript: `npm start` runs it with node alone, before anything is built.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Folders whose change means the build must be redone. Not package.json or the lockfile: packages stay
 * imports of the build (resolved at run time), and `npm prune` rewrites the lockfile after building.
 */
export const BUILD_INPUTS = ['src', 'models'];

/**
 * The newest modification time (ms) among the build's inputs under `root`; test files do not count.
 *
 * @example
 * newestSource('/work/main') > statSync('dist/node/BUILD.json').mtimeMs // rebuild
 */
export function newestSource(root) {
  let newest = 0;
  const visit = (path) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules') visit(join(path, name));
    } else if (!path.endsWith('.test.ts') && st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const input of BUILD_INPUTS) visit(join(root, input));
  return newest;
}
