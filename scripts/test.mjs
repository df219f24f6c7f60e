#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with Node's own test runner. Node 20's `--test` takes no globs,
// so the file list is gathered here. Pass a path fragment to run a subset: `npm run test:unit -- engine/rules`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test'];
const filters = process.argv.slice(2);
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(full);
  }
}
roots.forEach(walk);
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// --no-regexp-tier-up: the desk and the CLI run with it (src/node-regexp.ts), so in-process tests time the engine as they run it.
const res = spawnSync(process.execPath, ['--no-regexp-tier-up', '--import', 'tsx', '--test', '--test-concurrency=2', ...selected], { stdio: 'inherit' });
process.exit(res.status ?? 1);
