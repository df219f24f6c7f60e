#!/usr/bin/env node
// The `defuse` command. In a development install (tsx present) it runs the TypeScript sources, so it is never
// older than the code; in a production install (`npm ci --omit=dev`, no tsx) it runs the production build,
// dist/node/cli.js, with plain node.
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/node/cli.js', import.meta.url);
let tsx = null;
if (existsSync(sources)) {
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    /* production install: no tsx */
  }
}
if (tsx) {
  tsx.register();
  await import(sources.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('defuse: no build found in dist/node; run `npm run build` (needs the devDependencies).\n');
  process.exit(2);
}
