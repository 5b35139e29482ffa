import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The source of every public entry: package.json "exports" (dist/x.js ← src/x.ts, as tsup.config.ts builds it). */
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, string | { import: { default: string } }>;
};
const entries = Object.values(manifest.exports)
  .filter((target) => typeof target === 'object')
  .map((target) => target.import.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));

/** Every symbol an entry exports that lacks an `@example` in its TSDoc. */
function exportsWithoutExample(): string[] {
  const program = ts.createProgram(
    entries.map((e) => root + e),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
    },
  );
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(root + entry);
    if (!source) throw new Error(`cannot read ${entry}`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${entry} is not a module`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const hasExample = (symbol.getDeclarations() ?? []).some((declaration) =>
        ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example'),
      );
      if (!hasExample) missing.push(`${entry}: ${exported.getName()}`);
    }
  }
  return missing;
}

describe('public API documentation', () => {
  it('covers every package export, and the API reference (typedoc.json) documents the same entries', () => {
    expect(entries).toHaveLength(12);
    const typedoc = ts.parseConfigFileTextToJson('typedoc.json', readFileSync(`${root}typedoc.json`, 'utf8'));
    expect([...(typedoc.config as { entryPoints: string[] }).entryPoints].sort()).toEqual(
      [...entries].sort(),
    );
  });

  it('every export of every entry point has TSDoc with an @example', () => {
    expect(exportsWithoutExample()).toEqual([]);
  }, 60_000);
});
