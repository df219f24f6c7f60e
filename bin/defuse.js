#!/usr/bin/env node
// The published entry point. The CLI is TypeScript run straight from src/ (no build step), so this shim
// registers tsx's ESM loader first; `npx defuse` and `npm run defuse --` then work right after npm install.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
