import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A TypeScript release the package is checked against, and its `tsc` command line. */
export interface TypeScriptCompiler {
  /** `TypeScript 5.9` or `TypeScript 7`, as test names show it. */
  readonly name: string;
  /** The npm package directory under node_modules: `typescript` or its alias `typescript-7`. */
  readonly packageName: string;
  /** The installed version, from the package's package.json. */
  readonly version: string;
  /** The `tsc` script to run with `node`; both packages ship one, so `node_modules/.bin/tsc` is ambiguous. */
  readonly tsc: string;
}

/**
 * The pinned TypeScript 5.9 (`typescript`) and TypeScript 7, the native compiler (`typescript-7`, an npm
 * alias of `typescript@^7`), as installed in `root`'s node_modules.
 */
export function typescriptCompilers(root: string): TypeScriptCompiler[] {
  return [
    { name: 'TypeScript 5.9', packageName: 'typescript' },
    { name: 'TypeScript 7', packageName: 'typescript-7' },
  ].map(({ name, packageName }) => {
    const dir = join(root, 'node_modules', packageName);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return { name, packageName, version, tsc: join(dir, 'bin', 'tsc') };
  });
}
