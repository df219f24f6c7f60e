#!/usr/bin/env node
// `npm start`: runs the desk from the production build (dist/node/server.js) with plain node. When the build
// is missing or older than the sources it builds first (scripts/build.mjs, esbuild is a dependency), so
// `npm install && npm start` and `npm ci --omit=dev && npm start` both work on a fresh clone. The build is a
// step before the server starts: the server itself never loads esbuild or a TypeScript loader.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newestSource } from './build-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const server = join(root, 'dist', 'node', 'server.js');
const stamp = join(root, 'dist', 'node', 'BUILD.json');

function canBuild() {
  try {
    const require = createRequire(join(root, 'package.json'));
    require.resolve('esbuild');
    return existsSync(join(root, 'scripts', 'build.mjs')) && existsSync(join(root, 'src', 'server', 'main.ts'));
  } catch {
    return false;
  }
}

const built = existsSync(server) && existsSync(stamp);
const stale = built && canBuild() && newestSource(root) > statSync(stamp).mtimeMs;
if (!built || stale) {
  if (!canBuild()) {
    console.error('[desk] No build in dist/node and nothing to build it from (esbuild or the sources are missing): run `npm run build` (see README, "Deploy").');
    process.exit(1);
  }
  console.error(built ? '[desk] Sources changed since the last build: building…' : '[desk] First start: building the server and the web UI (npm run build)…');
  const res = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
await import(pathToFileURL(server).href);
