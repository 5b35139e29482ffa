import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TypeScriptCompiler, typescriptCompilers } from './typescript-compilers.js';

/**
 * What a user gets from `npm install cognito-flow`: the tarball `npm pack` makes, unpacked into a fresh
 * project outside this repository, imported from ESM and CJS and type-checked by TypeScript 5.9 and 7
 * under `moduleResolution: nodenext` and `bundler`. The dependencies come from this repository's node_modules
 * (symlinked), so the test needs no network.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};
const specifierOf = (key: string) => (key === '.' ? 'cognito-flow' : `cognito-flow/${key.slice(2)}`);
const subpaths = Object.keys(manifest.exports)
  .filter((key) => key !== './package.json')
  .map(specifierOf);
/** Subpaths with a `require` condition; the others (the Vitest matchers, as Vitest itself) are ESM only. */
const requirable = new Set(
  Object.entries(manifest.exports)
    .filter(([, value]) => typeof value === 'object' && value !== null && 'require' in value)
    .map(([key]) => specifierOf(key)),
);

let project = '';

function run(command: string, args: string[], cwd = project): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Type-checks `source` as `dir/index.ts` of the project with these compiler options; tsc's output ('' when clean). */
function typecheck(
  compiler: TypeScriptCompiler,
  dir: string,
  compilerOptions: Record<string, unknown>,
  source: string,
): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.ts'), source);
  const typeRoots = [join(project, 'node_modules', '@types')];
  const config = {
    compilerOptions: { ...compilerOptions, noEmit: true, types: ['node'], typeRoots },
    files: ['index.ts'],
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
  try {
    return run(process.execPath, [compiler.tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], dir);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
}

/** A fresh project whose node_modules holds the unpacked tarball and links to every dependency. */
function makeProject(tarball: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-flow-packed-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'cognito-flow'), { recursive: true });
  run('tar', ['-xzf', tarball, '-C', join(modules, 'cognito-flow'), '--strip-components=1'], dir);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.bin' || entry === 'cognito-flow' || entry.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'packed-smoke', private: true, type: 'module' }),
  );
  return dir;
}

beforeAll(() => {
  // `npm test` builds before vitest; running this file alone builds too.
  if (!existsSync(join(root, 'dist', 'index.js')))
    execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
  const packDir = mkdtempSync(join(tmpdir(), 'cognito-flow-pack-'));
  const out = run('npm', ['pack', '--json', '--pack-destination', packDir], root);
  const [{ filename }] = JSON.parse(out) as [{ filename: string }];
  project = makeProject(join(packDir, filename));
  rmSync(join(packDir, filename));
}, 180_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed tarball, installed in a fresh project', () => {
  it('ships only dist/, README.md and package.json', () => {
    const files = readdirSync(join(project, 'node_modules', 'cognito-flow')).sort();
    expect(files).toEqual(['README.md', 'dist', 'package.json']);
  });

  it.each(subpaths)(
    '%s loads through ESM import, and CJS require where exported, with the same exports',
    (specifier) => {
      const esm = run(process.execPath, [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()));`,
      ]);
      const cjs = run(process.execPath, [
        '-e',
        `try { console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})).sort())) } catch (e) { console.log(JSON.stringify(e.code)) }`,
      ]);
      const esmNames = JSON.parse(esm) as string[];
      expect(esmNames.length).toBeGreaterThan(0);
      expect(JSON.parse(cjs)).toEqual(requirable.has(specifier) ? esmNames : 'ERR_PACKAGE_PATH_NOT_EXPORTED');
    },
  );

  it('a sign-in through the installed package returns a typed Err for a bad config, from ESM and CJS', () => {
    const code = `const r = AuthClient.create({ userPoolId: 'nope', clientId: '' }); console.log(r.isErr() && r.error.type);`;
    const esm = run(process.execPath, [
      '--input-type=module',
      '-e',
      `import { AuthClient } from 'cognito-flow'; ${code}`,
    ]);
    const cjs = run(process.execPath, ['-e', `const { AuthClient } = require('cognito-flow'); ${code}`]);
    expect(esm.trim()).toBe('InvalidConfig');
    expect(cjs.trim()).toBe('InvalidConfig');
  });

  it('the cognito-flow bin starts from the installed package and prints its usage', () => {
    const bin = join(project, 'node_modules', 'cognito-flow', manifest.bin['cognito-flow'] ?? '');
    const help = run(process.execPath, [bin, '--help']);
    expect(help).toMatch(/sign-in/);
    expect(help).toMatch(/credentials/);
  });
});

describe.each(typescriptCompilers(root))(
  'the packed tarball, type-checked by $name ($version)',
  (compiler) => {
    describe.each([
      { moduleResolution: 'nodenext', module: 'nodenext' },
      { moduleResolution: 'bundler', module: 'esnext' },
    ])('with moduleResolution $moduleResolution', (resolution) => {
      it('type-checks a program importing every subpath, with the types a user relies on', () => {
        const imports = subpaths.map((s, i) => `import * as m${i} from '${s}';`).join('\n');
        const source = `${imports}
import { AuthClient, type SignInStep } from 'cognito-flow';
import type { Result } from 'neverthrow';
export const modules = [${subpaths.map((_, i) => `m${i}`).join(', ')}];
const created = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'client' });
export async function signIn(password: string): Promise<string> {
  if (created.isErr()) return created.error.type;
  const step: Result<SignInStep, { type: string }> = await created.value.signIn({ username: 'alice', password });
  return step.isOk() ? step.value.step : step.error.type;
}
// Passkey registration as docs/account.md shows it: lib.dom's toJSON() result goes in as it is.
export async function registerPasskey(accessToken: string, credential: PublicKeyCredential): Promise<boolean> {
  if (created.isErr()) return false;
  const done = await created.value.completeWebAuthnRegistration({ accessToken, credential: credential.toJSON() });
  return done.isOk();
}
`;
        const options = {
          ...resolution,
          target: 'es2022',
          lib: ['es2023', 'dom'],
          strict: true,
          skipLibCheck: false,
        };
        const dir = join(project, `${compiler.packageName}-${resolution.moduleResolution}`);
        expect(typecheck(compiler, dir, options, source)).toBe('');
      }, 120_000);
    });

    it('with nodenext, a CommonJS file requiring the package type-checks', () => {
      const dir = join(project, `${compiler.packageName}-cjs`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'commonjs' }));
      const source = `import { AuthClient } from 'cognito-flow';
import { IdentityPool } from 'cognito-flow/identity';
export const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'client' });
export const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:00000000-0000-0000-0000-000000000000' });
`;
      const options = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true };
      expect(typecheck(compiler, dir, options, source)).toBe('');
    }, 120_000);
  },
);
