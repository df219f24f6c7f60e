#!/usr/bin/env node
// `npm run build`: the production build. Compiles the server, the `defuse` CLI (with its worker threads) and
// the web UI to plain JavaScript, so production runs `node dist/node/server.js` with neither tsx nor
// TypeScript:
//
//   dist/node/server.js                 the desk (`npm start`)
//   dist/node/cli.js                    the `defuse` command (bin/defuse.js loads it when tsx is absent)
//   dist/node/analyze-worker.js, qa-worker.js, conversation-analyzer.js   worker-thread entries
//   dist/node/chunk-*.js                code they share (the engine and its model once)
//   dist/web/                           the browser bundle, stylesheet and icon the server serves
//   dist/node/BUILD.json                when it was built
//
// Plain JavaScript run by node with esbuild (a dependency, so a production install can build too; nothing
// imports it at run time). npm packages stay imports (`packages: 'external'`), resolved from node_modules at
// run time, so every one of them must be a dependency: test/install/production.test.ts proves it by pruning
// devDependencies first. Files read at run time (migrations, demo data, rule docs) are found from the
// package root.
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientBuildOptions, staticAssets } from '../src/web/client-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nodeOut = join(root, 'dist', 'node');
const webOut = join(root, 'dist', 'web');
const started = Date.now();

rmSync(nodeOut, { recursive: true, force: true });
rmSync(webOut, { recursive: true, force: true });
mkdirSync(nodeOut, { recursive: true });
mkdirSync(webOut, { recursive: true });

const src = (p) => join(root, 'src', p);
await esbuild.build({
  entryPoints: {
    server: src('server/main.ts'),
    cli: src('cli/main.ts'),
    'analyze-worker': src('cli/analyze-worker.ts'),
    'qa-worker': src('qa/worker.ts'),
    'conversation-analyzer': src('engine/conversation/analyze.ts'),
  },
  outdir: nodeOut,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: ['node20'],
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});

await esbuild.build({ ...clientBuildOptions(false), outdir: webOut, write: true });
for (const [name, body] of Object.entries(await staticAssets())) writeFileSync(join(webOut, name), body);

writeFileSync(join(nodeOut, 'BUILD.json'), JSON.stringify({ builtAt: new Date().toISOString() }, null, 2) + '\n');
console.log(`Built dist/node (server, CLI, workers) and dist/web (UI) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
