#!/usr/bin/env node
// Entry point of the `defuse` CLI (run by bin/defuse.js, or `tsx src/cli/main.ts`). The commands live in
// program.ts so they can be imported without running.
import { main } from './program.ts';

process.exitCode = await main(process.argv);
