#!/usr/bin/env node
// `npm start`: runs the desk from the production build (dist/node/server.js) with plain node. When the build
// is missing or older than the sources and the build tools are installed (a development install), it builds
// first, so `npm install && npm start` works on a fresh clone; a production install (`npm ci --omit=dev`)
// must ship a build made beforehand (`npm run build`), as the Dockerfile does.
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
    require.resolve('tsx');
    return existsSync(join(root, 'scripts', 'build.ts'));
  } catch {
    return false;
  }
}

const built = existsSync(server) && existsSync(stamp);
const stale = built && canBuild() && newestSource(root) > statSync(stamp).mtimeMs;
if (!built || stale) {
  if (!canBuild()) {
    console.error('[desk] No build in dist/node and no build tools to make one: run `npm run build` where devDependencies are installed, then copy dist/ along (see README, "Deploy").');
    process.exit(1);
  }
  console.error(built ? '[desk] Sources changed since the last build: building…' : '[desk] First start: building the server and the web UI (npm run build)…');
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
await import(pathToFileURL(server).href);
