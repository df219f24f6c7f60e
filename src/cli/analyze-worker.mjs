// Entry of a `defuse analyze --jsonl` worker thread. Workers start without the TypeScript loader the CLI
// runs under, so this plain-JS file registers it before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./analyze-worker.ts');
