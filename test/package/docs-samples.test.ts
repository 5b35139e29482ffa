import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkSamples,
  checkSamplesWithTsc,
  compilerOptionsOf,
  type DocSample,
  extractSamples,
  markdownFiles,
  samplesOf,
} from './docs-samples.js';
import { typescriptCompilers } from './typescript-compilers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsconfig = `${root}tsconfig.json`;
const options = compilerOptionsOf(tsconfig);
const files = markdownFiles(root, readdirSync(`${root}docs`).sort());

/**
 * Each compiler the samples are checked with: TypeScript 5.9 through its compiler API (one in-process
 * program, library files parsed once), TypeScript 7 through its `tsc`, as it ships no compiler API.
 */
const checkers = typescriptCompilers(root).map((compiler) => ({
  name: compiler.name,
  check: (samples: readonly DocSample[]): string[] =>
    compiler.packageName === 'typescript'
      ? checkSamples(root, samples, options)
      : checkSamplesWithTsc(root, samples, tsconfig, compiler.tsc),
}));

describe.each(checkers)(
  'every TypeScript sample in README.md and docs/*.md compiles under the repo tsconfig with $name',
  ({ check }) => {
    const extracted = new Map(files.map((file) => [file, samplesOf(root, file)]));
    let failures: string[] = [];

    beforeAll(() => {
      // One program over all guides' blocks: loading src/ and the AWS SDK's types once is the whole cost.
      const samples = [...extracted.values()].flatMap((each) => each.samples);
      failures = check(samples);
    }, 120_000);

    it('the compiler options are valid and nothing outside the samples fails', () => {
      expect(failures.filter((failure) => !files.some((file) => failure.startsWith(`${file}:`)))).toEqual([]);
    });

    it.each(files)('%s', (file) => {
      const { samples, problems } = extracted.get(file) ?? { samples: [], problems: [] };
      // An independent count of the fences, so an extractor that misses blocks cannot pass silently.
      const fences =
        readFileSync(`${root}${file}`, 'utf8').match(/^\s*(`{3,}|~{3,})\s*(ts|typescript)\b/gim) ?? [];
      expect(samples).toHaveLength(fences.length);
      const mine = failures.filter((failure) => failure.startsWith(`${file}:`));
      expect([...problems, ...mine], `${samples.length} TypeScript blocks in ${file}`).toEqual([]);
    });
  },
);

const skipped = [
  '<!-- docs-samples: skip (a shape, not a program) -->',
  '```ts',
  'step: Step<"SMS_MFA">',
  '```',
];

describe.each(checkers)('the docs-samples checker with $name', ({ check: checkWith }) => {
  const check = (markdown: string): string[] => {
    const { samples, problems } = extractSamples('docs/fixture.md', markdown);
    return [...problems, ...checkWith(samples)];
  };

  it('reports a broken block as file:line with the compiler message, and passes a sound one', () => {
    const markdown = [
      '# Guide',
      '',
      '```ts',
      "import { AuthClient } from 'cognito-flow';",
      '',
      "const auth = new AuthClient({ region: 'eu-west-1', userPoolId: 'eu-west-1_x', clientId: 'c' });",
      'await auth.signIn({ username: 42 });',
      '```',
      '',
      '```typescript',
      "import { AuthClient } from 'cognito-flow';",
      'declare const auth: AuthClient;',
      "const result = await auth.signIn({ username: 'alice', password: 'secret' });",
      'if (result.isOk()) console.log(result.value.step);',
      '```',
    ].join('\n');
    const failures = check(markdown);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^docs\/fixture\.md:7: TS2322: Type 'number' is not assignable to type 'string'/,
    );
  }, 60_000);

  it("checks each block as its own module, so blocks do not see each other's names", () => {
    const markdown = ['```ts', 'const shared = 1;', '```', '', '```ts', 'console.log(shared);', '```'].join(
      '\n',
    );
    expect(check(markdown)).toEqual(["docs/fixture.md:6: TS2304: Cannot find name 'shared'."]);
  }, 60_000);

  it('does not compile a block opted out with a reason', () => {
    expect(check(skipped.join('\n'))).toEqual([]);
    expect(check(skipped.join('\n').replace('<!--', '<!-- not a marker'))).not.toEqual([]);
  });
});

const examples = (readdirSync(`${root}examples`, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((path) => path.endsWith('.ts') && !path.split(/[\\/]/).includes('node_modules'))
  .map((path) => `examples/${path.replaceAll('\\', '/')}`)
  .sort();

describe('README.md, docs/*.md and examples/**/*.ts', () => {
  it('finds the examples', () => {
    expect(examples).toContain('examples/s3-with-user-credentials/main.ts');
  });

  // neverthrow reserves `_unsafeUnwrap` for tests: guides and examples show what a careful user writes.
  it.each([...files, ...examples])('%s has no _unsafeUnwrap', (file) => {
    const lines = readFileSync(`${root}${file}`, 'utf8').split('\n');
    const found = lines.flatMap((line, index) =>
      line.includes('_unsafeUnwrap') ? [`${file}:${index + 1}`] : [],
    );
    expect(found, 'neverthrow reserves _unsafeUnwrap for tests; narrow with isErr()/match() instead').toEqual(
      [],
    );
  });
});

describe('the docs-samples checker through a tsc command line', () => {
  it('fails with a compiler: line, not silently, when the tsc it is given does not run', () => {
    const sample: DocSample = { file: 'docs/fixture.md', line: 2, code: 'export const a = 1;' };
    const failures = checkSamplesWithTsc(root, [sample], tsconfig, `${root}node_modules/no-such-tsc/bin/tsc`);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^compiler: .*no-such-tsc.* exited with 1: .*Cannot find module/s);
  });
});

describe('the docs-samples extractor', () => {
  it('skips a block opted out with a reason, and rejects a skip without one or on no ts block', () => {
    expect(extractSamples('docs/fixture.md', skipped.join('\n')).samples).toEqual<DocSample[]>([
      { file: 'docs/fixture.md', line: 3, code: 'step: Step<"SMS_MFA">', skip: 'a shape, not a program' },
    ]);
    expect(
      extractSamples('docs/fixture.md', '<!-- docs-samples: skip () -->\n```ts\nx\n```').problems,
    ).toEqual(['docs/fixture.md:1: a docs-samples skip must give a reason']);
    expect(extractSamples('docs/fixture.md', '<!-- docs-samples: skip -->\n```ts\nx\n```').problems).toEqual([
      'docs/fixture.md:1: malformed marker, write <!-- docs-samples: skip (reason) -->',
    ]);
    expect(
      extractSamples('docs/fixture.md', '<!-- docs-samples: skip (why) -->\n```sh\nls\n```').problems,
    ).toEqual(['docs/fixture.md:1: docs-samples marker is not on the line before a ts block']);
  });

  it('extracts indented fences, longer fences and only ts/typescript tags', () => {
    const markdown = [
      '- step',
      '  ```ts',
      '  const a = 1;',
      '  ```',
      '````typescript',
      '```',
      '````',
      '```js',
      'x',
      '```',
    ];
    expect(extractSamples('README.md', markdown.join('\n')).samples).toEqual<DocSample[]>([
      { file: 'README.md', line: 3, code: 'const a = 1;' },
      { file: 'README.md', line: 6, code: '```' },
    ]);
  });
});
