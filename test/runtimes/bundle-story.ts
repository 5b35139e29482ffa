import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A runtime the story runs on, with the export conditions its own resolver (or its usual bundler) uses. */
export interface StoryTarget {
  readonly runtime: 'bun' | 'deno' | 'workerd';
  /**
   * Bun and Deno resolve packages with `node` among their conditions, so `cognito-flow/browser` gets
   * `#modpow`'s node:crypto path there, as it does for their users; wrangler bundles Workers with
   * `workerd`, `worker` and `browser` (native BigInt, no `node:` import).
   */
  readonly conditions: readonly string[];
  readonly entry: 'script-entry.ts' | 'worker-entry.ts';
}

/** The three runtimes of issue #14's matrix. */
export const STORY_TARGETS = {
  bun: { runtime: 'bun', conditions: ['bun', 'node'], entry: 'script-entry.ts' },
  deno: { runtime: 'deno', conditions: ['deno', 'node'], entry: 'script-entry.ts' },
  workerd: { runtime: 'workerd', conditions: ['workerd', 'worker', 'browser'], entry: 'worker-entry.ts' },
} as const satisfies Record<string, StoryTarget>;

/** The S3 step bundled for the browser (the SDK's fetch handler), whatever the story's conditions. */
async function s3ForTheWeb(): Promise<string> {
  const result = await build({
    entryPoints: [here('./s3-round-trip.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild wrote no S3 bundle');
  return file.text;
}

function prebuilt(pattern: RegExp, contents: string): Plugin {
  return {
    name: 'prebuilt-s3-round-trip',
    setup(b) {
      b.onResolve({ filter: pattern }, (args) => ({ path: args.path, namespace: 'prebuilt' }));
      b.onLoad({ filter: /.*/, namespace: 'prebuilt' }, () => ({ contents, loader: 'js' }));
    },
  };
}

/** One bundle: its ESM text and the `node:` modules it imports (the runtime must offer them). */
export interface StoryBundle {
  readonly code: string;
  readonly nodeImports: readonly string[];
}

/**
 * Bundles the story for `target` with esbuild, `cognito-flow/browser` resolved to the sources with the
 * runtime's conditions (as `examples/web/build.ts` does for browsers).
 */
export async function bundleStory(target: StoryTarget): Promise<StoryBundle> {
  const result = await build({
    entryPoints: [here(`./entries/${target.entry}`)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    logLevel: 'silent',
    absWorkingDir: root,
    conditions: ['cognito-flow-source', ...target.conditions],
    alias: { 'cognito-flow/browser': './src/browser/index.ts' },
    external: ['node:*'],
    plugins: [prebuilt(/\/s3-round-trip\.js$/, await s3ForTheWeb())],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild wrote no bundle for ${target.runtime}`);
  const nodeImports = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.path.startsWith('node:')).map((i) => i.path),
  );
  return { code: file.text, nodeImports: [...new Set(nodeImports)].sort() };
}
