/**
 * Builds the browser extension and the `<defuse-coach>` element: `npm run build:extension`.
 *
 *   dist/extension/                           the unpacked extension (chrome://extensions → Load unpacked)
 *   dist/defuse-extension-<version>-chrome.zip  for the Chrome Web Store and Edge Add-ons
 *   dist/defuse-extension-<version>-firefox.zip for addons.mozilla.org
 *   dist/defuse-coach.js                       the web component, one ES module
 *
 * Everything is bundled by esbuild from the TypeScript sources, the engine included; nothing is fetched at
 * run time. Prints the size of each bundle.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { iconPng } from './icon.ts';
import { ICON_SIZES, manifest, type ManifestTarget } from './manifest.ts';
import { zip, type ZipEntry } from './zip.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');

export interface BuildResult {
  /** The unpacked extension folder. */
  unpacked: string;
  zips: Record<Exclude<ManifestTarget, 'unpacked'>, string>;
  /** The `<defuse-coach>` module. */
  component: string;
  /** Bytes per built file (raw and gzipped), for the README's figures. */
  sizes: Record<string, { bytes: number; gzip: number }>;
}

/**
 * Builds everything into `outDir` (default `dist/` at the repository root).
 *
 * @example
 * const { unpacked } = await buildExtension(); // then chromium --load-extension=<unpacked>
 */
export async function buildExtension(options: { outDir?: string; minify?: boolean } = {}): Promise<BuildResult> {
  const esbuild = await import('esbuild');
  const outDir = options.outDir ?? join(repo, 'dist');
  const minify = options.minify ?? true;
  const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
  const unpacked = join(outDir, 'extension');
  rmSync(unpacked, { recursive: true, force: true });
  mkdirSync(join(unpacked, 'icons'), { recursive: true });

  // Content scripts and classic service workers cannot be ES modules everywhere: one IIFE per entry.
  await esbuild.build({
    entryPoints: {
      loader: join(here, 'src/content/loader.ts'),
      coach: join(here, 'src/content/coach.ts'),
      background: join(here, 'src/background.ts'),
      options: join(here, 'src/options/options.ts'),
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome116', 'firefox121'],
    minify,
    legalComments: 'none',
    outdir: unpacked,
    logLevel: 'warning',
  });
  copyFileSync(join(here, 'src/options/options.html'), join(unpacked, 'options.html'));
  copyFileSync(join(here, 'src/options/options.css'), join(unpacked, 'options.css'));
  for (const size of ICON_SIZES) writeFileSync(join(unpacked, 'icons', `icon-${size}.png`), iconPng(size));
  const writeManifest = (target: ManifestTarget): string => `${JSON.stringify(manifest(target, version), null, 2)}\n`;
  writeFileSync(join(unpacked, 'manifest.json'), writeManifest('unpacked'));

  const files = listFiles(unpacked).filter((f) => f !== 'manifest.json');
  const zips = {} as BuildResult['zips'];
  for (const target of ['chrome', 'firefox'] as const) {
    const entries: ZipEntry[] = [
      { name: 'manifest.json', data: Buffer.from(writeManifest(target)) },
      ...files.map((name) => ({ name, data: readFileSync(join(unpacked, name)) })),
    ];
    const path = join(outDir, `defuse-extension-${version}-${target}.zip`);
    writeFileSync(path, zip(entries));
    zips[target] = path;
  }

  const component = await buildCoachElement(join(outDir, 'defuse-coach.js'), { minify });

  const sizes: BuildResult['sizes'] = {};
  for (const path of [...files.filter((f) => f.endsWith('.js')).map((f) => join(unpacked, f)), component, zips.chrome, zips.firefox]) {
    const data = readFileSync(path);
    sizes[relative(outDir, path)] = { bytes: statSync(path).size, gzip: path.endsWith('.zip') ? data.length : gzipSync(data, { level: 9 }).length };
  }
  return { unpacked, zips, component, sizes };
}

/**
 * Builds only the `<defuse-coach>` element: one ES module with the engine inside.
 *
 * @example
 * await buildCoachElement('dist/defuse-coach.js');
 */
export async function buildCoachElement(outfile: string, options: { minify?: boolean } = {}): Promise<string> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(repo, 'src/web/coach/defuse-coach.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: options.minify ?? true,
    legalComments: 'none',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]).sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await buildExtension();
  const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
  console.log(`Unpacked extension: ${relative(process.cwd(), result.unpacked)}/ (load it from chrome://extensions with "Load unpacked")`);
  for (const [name, s] of Object.entries(result.sizes)) {
    console.log(`  ${name.padEnd(44)} ${kb(s.bytes).padStart(8)}${name.endsWith('.zip') ? '' : `  (${kb(s.gzip)} gzipped)`}`);
  }
}
