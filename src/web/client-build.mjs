// How the browser bundle is made: one place for the server running from the sources (bundles on first
// request) and for `npm run build` (scripts/build.mjs, plain node and esbuild, no TypeScript loader).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The client's sources: src/web/client. */
export const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'client');

/** A diamond in the brand colours; also stops the browser's 404 for /favicon.ico. */
export const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#13222f"/><path d="M16 5 27 16 16 27 5 16z" fill="#f7b267"/></svg>';

/**
 * esbuild options for the client bundle.
 *
 * @example
 * await esbuild.build({ ...clientBuildOptions(false), write: true, outdir: 'dist/web' });
 */
export function clientBuildOptions(dev) {
  return {
    entryPoints: { app: join(CLIENT_DIR, 'main.ts') },
    bundle: true,
    format: 'esm',
    // Pages load their own code on demand: the login page does not download the engine or chart.js.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'browser',
    target: ['es2022'],
    minify: !dev,
    sourcemap: false,
    logLevel: 'silent',
    legalComments: 'none',
  };
}

/** Files served besides the bundle: the stylesheet and the icon. */
export async function staticAssets() {
  return { 'app.css': await readFile(join(CLIENT_DIR, 'styles.css'), 'utf8'), 'icon.svg': ICON };
}
