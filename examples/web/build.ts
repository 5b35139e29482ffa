import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const root = here('../../');

/** One file of the built page's JavaScript. */
export interface BuiltScript {
  /** Served at `/<name>`. */
  readonly name: string;
  readonly contents: Uint8Array;
  /** The source files (relative to the repository) bundled into it. */
  readonly inputs: readonly string[];
  readonly gzipBytes: number;
}

/** The page, ready to serve. */
export interface BuiltPage {
  /** index.html with the config placeholder still in it (see {@link pageHtml}). */
  readonly html: string;
  /** `app.js` (loaded with the page) first, then the chunks it loads on demand. */
  readonly scripts: readonly BuiltScript[];
}

function inputsOf(metafile: Metafile, outputPath: string): string[] {
  const entry = Object.entries(metafile.outputs).find(([path]) => outputPath.endsWith(path));
  return entry ? Object.keys(entry[1].inputs) : [];
}

/**
 * Bundles the page's script with esbuild for the browser (minified ESM, code splitting for the S3 chunk),
 * resolving `cognito-flow/browser` to the package's sources — as a user's bundler resolves the published
 * entry, with the `browser` condition picking SRP on native BigInt.
 *
 * @example
 * ```ts
 * const page = await buildPage();
 * console.log(page.scripts[0].gzipBytes);
 * ```
 */
export async function buildPage(): Promise<BuiltPage> {
  const result = await build({
    entryPoints: { app: here('./src/main.ts') },
    bundle: true,
    minify: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: here('./out'),
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
    conditions: ['cognito-flow-source', 'browser'],
    alias: { 'cognito-flow/browser': './src/browser/index.ts' },
  });
  const scripts = result.outputFiles
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => ({
      name: basename(file.path),
      contents: file.contents,
      inputs: inputsOf(result.metafile, file.path),
      gzipBytes: gzipSync(file.contents, { level: 9 }).length,
    }))
    .sort((a, b) => (a.name === 'app.js' ? -1 : b.name === 'app.js' ? 1 : a.name.localeCompare(b.name)));
  return { html: await readFile(here('./index.html'), 'utf8'), scripts };
}

/**
 * index.html with the config in a `<script type="application/json">` element (`<` escaped, so no value
 * can close the element).
 *
 * @example
 * ```ts
 * const html = pageHtml(page.html, { region, userPoolId, clientId, identityPoolId, endpoint });
 * ```
 */
export function pageHtml(template: string, config: object): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return template.replace(
    '<!--COGNITO_FLOW_CONFIG-->',
    `<script type="application/json" id="cognito-flow-config">${json}</script>`,
  );
}
