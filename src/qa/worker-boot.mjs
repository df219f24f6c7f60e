// Worker threads do not inherit the TypeScript loader the main thread runs under (tsx's --import hook
// applies to the main thread only), so each worker registers it before loading the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
