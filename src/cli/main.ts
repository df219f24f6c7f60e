#!/usr/bin/env node
// Entry point of the `defuse` CLI (run by bin/defuse.js, or `tsx src/cli/main.ts`). The commands live in
// program.ts so they can be imported without running.
import '../node-regexp.ts';
import { main } from './program.ts';

// `defuse … | head` closes stdout early: that is the reader saying "enough", not a failure to report.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw err;
});

process.exitCode = await main(process.argv);
