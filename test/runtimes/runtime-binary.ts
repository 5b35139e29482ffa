import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A runtime's binary, or why there is none (outside CI the runtime's test is then skipped loudly). */
export type RuntimeBinary = { readonly path: string } | { readonly missing: string };

/**
 * The binary `scripts/runtime.mjs` prints for `name` (fetched from its npm package into .cache/runtimes on
 * first use). In CI (`CI=true`) a runtime that cannot be had throws, so the suite fails; elsewhere it is
 * reported as missing.
 */
export async function runtimeBinary(name: 'bun' | 'deno' | 'workerd'): Promise<RuntimeBinary> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/runtime.mjs', name], {
      cwd: root,
      timeout: 300_000,
    });
    return { path: stdout.trim() };
  } catch (thrown) {
    const why = `${name} could not be fetched with scripts/runtime.mjs: ${thrown instanceof Error ? thrown.message.split('\n')[0] : String(thrown)}`;
    if (process.env.CI === 'true') throw new Error(`${why} (the runtimes project must run in CI)`);
    const bar = '!'.repeat(78);
    console.warn(`\n${bar}\n!! ${why}\n!! The ${name} story test is SKIPPED.\n${bar}\n`);
    return { missing: why };
  }
}
