import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = 'src/oauth/index.ts';

/** Bundles the entry for the browser, as a user's bundler would, minified. */
async function bundle() {
  const result = await build({
    entryPoints: [root + entry],
    bundle: true,
    write: false,
    minify: true,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    conditions: ['cognito-flow-source'],
    absWorkingDir: root,
  });
  return {
    inputs: Object.keys(result.metafile.inputs),
    code: result.outputFiles[0]?.contents ?? new Uint8Array(),
  };
}

/** Exports of `file` whose declarations carry no `@example` TSDoc tag. */
function exportsWithoutExample(file: string): string[] {
  const program = ts.createProgram([root + file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(root + file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${file}`);
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      return !(symbol.getDeclarations() ?? []).some((d) =>
        ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'example'),
      );
    })
    .map((exported) => exported.getName());
}

describe('cognito-flow/oauth entry point', () => {
  it('bundles for the browser without user-pool, admin, identity or SRP code and without the AWS SDK', async () => {
    const { inputs, code } = await bundle();
    expect(inputs.some((file) => file.endsWith('src/oauth/oauth-client.ts'))).toBe(true);
    expect(
      inputs.filter(
        (file) => /src\/(auth|admin|identity|srp|verify|triggers)\//.test(file) || file.includes('@aws-sdk'),
      ),
    ).toEqual([]);
    // Plain fetch and WebCrypto: small enough for a browser (measured 8.6 kB gzip with neverthrow; see docs/oauth.md).
    expect(gzipSync(code).length).toBeLessThan(12_000);
  }, 60_000);

  it('documents every export with an @example', () => {
    expect(exportsWithoutExample(entry)).toEqual([]);
  }, 60_000);
});
