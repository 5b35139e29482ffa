import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entries = [
  'src/index.ts',
  'src/identity/index.ts',
  'src/admin/index.ts',
  'src/verify/index.ts',
  'src/node/index.ts',
  'src/browser/index.ts',
  'src/oauth/index.ts',
  'src/triggers/index.ts',
  'src/testing/index.ts',
  'src/testing/vitest.ts',
];

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
  it('every export of every entry point has TSDoc with an @example', () => {
    expect(exportsWithoutExample()).toEqual([]);
  }, 60_000);
});
