/**
 * Node entry points (the desk's server, the `defuse` CLI, the test runner, the benchmark) import this module
 * first. It asks V8 to compile every regular expression to machine code on its first run instead of
 * interpreting it first and compiling it later ("tier-up").
 *
 * Why: the engine's phrase tables are a few dozen large alternations, run thousands of times per draft. Under
 * tier-up a process that has run the fix checks (suggest.ts), which re-check many short drafts, later ran a
 * 1 MB message through interpreted regexes: `analyzeMessage` on one took 1.8 s instead of 0.22 s, and a
 * live check of a 1,000-character draft took 16 ms instead of 9.5 ms at the median (`v8 --trace-regexp-tier-up`
 * showed regexes tiering up again and again). Browsers keep their own defaults; this only tunes Node.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
