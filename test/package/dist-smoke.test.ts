import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const subpaths = {
  'cognito-flow': ['AuthClient', 'decodeIdToken', 'mapSdkError', 'secretHash'],
  'cognito-flow/identity': ['IdentityPool', 'memoryIdentityIdStore', 'userPoolLoginsKey'],
  'cognito-flow/admin': ['AdminClient'],
} as const;

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
}

beforeAll(() => {
  // `npm test` builds first; a developer running this file alone gets a build too.
  if (!existsSync(`${root}dist/index.js`)) execFileSync('npx', ['tsup'], { cwd: root, stdio: 'ignore' });
}, 120_000);

describe('the built package loads through its exports map', () => {
  for (const [specifier, names] of Object.entries(subpaths)) {
    it(`import('${specifier}') (ESM) exposes ${names.join(', ')}`, () => {
      const out = node([
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).sort()));`,
      ]);
      expect(JSON.parse(out)).toEqual(expect.arrayContaining([...names]));
    });

    it(`require('${specifier}') (CJS) exposes ${names.join(', ')}`, () => {
      const out = node([
        '-e',
        `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})).sort()))`,
      ]);
      expect(JSON.parse(out)).toEqual(expect.arrayContaining([...names]));
    });
  }

  it('an invalid config through the built CJS entry is an Err, not a throw', () => {
    const out = node([
      '-e',
      `const { AuthClient } = require('cognito-flow'); const r = AuthClient.create({ userPoolId: 'nope', clientId: '' }); console.log(r.isErr() && r.error.type);`,
    ]);
    expect(out.trim()).toBe('InvalidConfig');
  });
});
