/**
 * `npm run build`: the production build. Compiles the server, the `defuse` CLI (with its worker threads) and
 * the web UI to plain JavaScript, so production runs `node dist/node/server.js` with neither tsx nor esbuild:
 *
 *   dist/node/server.js                 the desk (`npm start`)
 *   dist/node/cli.js                    the `defuse` command (bin/defuse.js loads it when tsx is absent)
 *   dist/node/analyze-worker.js, qa-worker.js, conversation-analyzer.js   worker-thread entries
 *   dist/node/chunk-*.js                code they share (the engine and its model once)
 *   dist/web/                           the browser bundle, stylesheet and icon the server serves
 *   dist/node/BUILD.json                what was built, from which sources
 *
 * npm packages stay imports (`packages: 'external'`), resolved from node_modules at run time, so every one of
 * them must be a dependency; `test/install/production.test.ts` proves it by pruning devDependencies first.
 * Files read at run time (migrations, demo data, rule docs) are found from the package root.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-root.ts';
import { clientBuildOptions, PREBUILT_DIR, staticAssets } from '../src/web/routes.ts';
import { newestSource } from './build-inputs.mjs';

const NODE_OUT = join(PACKAGE_ROOT, 'dist', 'node');
const started = Date.now();

rmSync(NODE_OUT, { recursive: true, force: true });
rmSync(PREBUILT_DIR, { recursive: true, force: true });
mkdirSync(NODE_OUT, { recursive: true });
mkdirSync(PREBUILT_DIR, { recursive: true });

const src = (p: string) => join(PACKAGE_ROOT, 'src', p);
await esbuild.build({
  entryPoints: {
    server: src('server/main.ts'),
    cli: src('cli/main.ts'),
    'analyze-worker': src('cli/analyze-worker.ts'),
    'qa-worker': src('qa/worker.ts'),
    'conversation-analyzer': src('engine/conversation/analyze.ts'),
  },
  outdir: NODE_OUT,
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

await esbuild.build({ ...clientBuildOptions(false), outdir: PREBUILT_DIR, write: true });
for (const [name, body] of Object.entries(await staticAssets())) writeFileSync(join(PREBUILT_DIR, name), body);

writeFileSync(join(NODE_OUT, 'BUILD.json'), JSON.stringify({ builtAt: new Date().toISOString(), newestSource: new Date(newestSource(PACKAGE_ROOT)).toISOString() }, null, 2) + '\n');
console.log(`Built dist/node (server, CLI, workers) and dist/web (UI) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
