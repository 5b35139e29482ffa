/**
 * What a bundler makes of a piece of code: esbuild, bundled, minified, tree-shaken ESM; gzip at level 9.
 * cognito-flow's own entries resolve to the sources (as the package's `cognito-flow-source` condition and
 * the tests do), so a figure always describes the working tree. Shared by bench/bundle.ts (peers) and
 * bench/size-budget.ts (budgets in CI).
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export type Platform = 'browser' | 'node';

/** The repository root (bench/support/ is two levels down). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every subpath the package exports (package.json "exports", less ./package.json), and its source. */
export const ENTRY_SOURCES: Readonly<Record<string, string>> = {
  'cognito-flow': 'src/index.ts',
  'cognito-flow/browser': 'src/browser/index.ts',
  'cognito-flow/identity': 'src/identity/index.ts',
  'cognito-flow/admin': 'src/admin/index.ts',
  'cognito-flow/verify': 'src/verify/index.ts',
  'cognito-flow/oauth': 'src/oauth/index.ts',
  'cognito-flow/triggers': 'src/triggers/index.ts',
  'cognito-flow/node': 'src/node/index.ts',
  'cognito-flow/redis': 'src/redis/index.ts',
  'cognito-flow/dynamodb': 'src/dynamodb/index.ts',
  'cognito-flow/testing': 'src/testing/index.ts',
  'cognito-flow/testing/vitest': 'src/testing/vitest.ts',
};

/** Optional peer dependencies: the user's own copies, not part of what cognito-flow weighs. */
const PEERS = ['aws-sdk-client-mock', 'vitest', 'vitest/*', 'sinon'];

export interface BundleSize {
  /** Minified bytes. */
  readonly min: number;
  /** The minified bytes gzipped at level 9. */
  readonly gzip: number;
  /** Bytes each input file contributes to the output (esbuild's metafile), keyed by path from the root. */
  readonly inputs: Readonly<Record<string, number>>;
}

/**
 * Bundles `code` (an ES module importing what it measures and exporting what it uses, so nothing is
 * shaken away that a real app would keep) for `platform`, and weighs the result.
 *
 * @example
 * ```ts
 * const size = await bundleSize(`import { userPool } from 'cognito-flow/browser'; export { userPool };`, 'browser');
 * console.log(size.gzip);
 * ```
 */
export async function bundleSize(code: string, platform: Platform): Promise<BundleSize> {
  const alias: Record<string, string> = {};
  for (const [name, source] of Object.entries(ENTRY_SOURCES)) alias[name] = `./${source}`;
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'js', sourcefile: 'measured.js' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    conditions: ['cognito-flow-source'],
    external: PEERS,
    alias,
    // Amplify and the SDK read these at build time in some bundlers; esbuild needs them defined for the browser.
    define: platform === 'browser' ? { global: 'globalThis' } : {},
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  const inputs: Record<string, number> = {};
  for (const [path, input] of Object.entries(output?.inputs ?? {})) inputs[path] = input.bytesInOutput;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, inputs };
}

/**
 * Bytes as kB (1 kB = 1024 bytes) with one decimal.
 *
 * @example
 * ```ts
 * kb(15_360); // '15.0'
 * ```
 */
export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

/**
 * The inputs of a bundle grouped by package (node_modules) or source folder, largest first: what takes
 * the bytes.
 *
 * @example
 * ```ts
 * for (const [group, bytes] of byGroup(size.inputs)) console.log(group, bytes);
 * ```
 */
export function byGroup(inputs: Readonly<Record<string, number>>): [string, number][] {
  const groups = new Map<string, number>();
  for (const [path, bytes] of Object.entries(inputs)) {
    const group =
      /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ??
      /^(src\/[^/]+(?:\/[^/]+(?=\/))?)/.exec(path)?.[1] ??
      path;
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}
