import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const subpaths = {
  'cognito-flow': ['AuthClient', 'decodeIdToken', 'mapSdkError', 'secretHash'],
  'cognito-flow/identity': ['IdentityPool', 'memoryIdentityIdStore', 'userPoolLoginsKey'],
  'cognito-flow/admin': ['AdminClient'],
  'cognito-flow/browser': ['AuthClient', 'fetchTransport', 'decodeIdToken'],
  'cognito-flow/verify': ['TokenVerifier'],
  'cognito-flow/node': ['fileTokenStore'],
  'cognito-flow/redis': [
    'redisTokenStore',
    'redisRefreshCoordinator',
    'redisDeviceStore',
    'redisIdentityIdStore',
  ],
  'cognito-flow/dynamodb': ['dynamoDbTokenStore', 'dynamoDbRefreshCoordinator', 'createSessionTable'],
  'cognito-flow/oauth': ['OAuthClient'],
  'cognito-flow/triggers': ['TriggerError', 'autoConfirmByDomain'],
  'cognito-flow/testing': ['mockCognito', 'mintTokens', 'cognitoException'],
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

  it('#modpow resolves to OpenSSL on Node (and Deno) and to native BigInt under the browser and bun conditions, ESM and CJS', () => {
    const cjs = `const m = require('#modpow'); console.log(require.resolve('#modpow') + ' ' + m.modPow(3n, 200n, 1000003n));`;
    const esm = `const m = await import('#modpow'); console.log(import.meta.resolve('#modpow') + ' ' + m.modPow(3n, 200n, 1000003n));`;
    const expected = String(3n ** 200n % 1000003n);
    const nodeCjs = node(['-e', cjs]).trim().split(' ');
    const nodeEsm = node(['--input-type=module', '-e', esm]).trim().split(' ');
    const browserCjs = node(['-C', 'browser', '-e', cjs]).trim().split(' ');
    const browserEsm = node(['-C', 'browser', '--input-type=module', '-e', esm]).trim().split(' ');
    // Bun also matches `node`; its node:crypto RSA is slower than its BigInt, so `bun` comes first.
    const bunCjs = node(['-C', 'bun', '-e', cjs]).trim().split(' ');
    const bunEsm = node(['-C', 'bun', '--input-type=module', '-e', esm]).trim().split(' ');
    expect(nodeCjs[0]).toMatch(/dist\/srp\/modpow-node\.cjs$/);
    expect(nodeEsm[0]).toMatch(/dist\/srp\/modpow-node\.js$/);
    expect(browserCjs[0]).toMatch(/dist\/srp\/modpow-bigint\.cjs$/);
    expect(browserEsm[0]).toMatch(/dist\/srp\/modpow-bigint\.js$/);
    expect(bunCjs[0]).toMatch(/dist\/srp\/modpow-bigint\.cjs$/);
    expect(bunEsm[0]).toMatch(/dist\/srp\/modpow-bigint\.js$/);
    for (const out of [nodeCjs, nodeEsm, browserCjs, browserEsm, bunCjs, bunEsm])
      expect(out[1]).toBe(expected);
  });

  it('an invalid config through the built CJS entry is an Err, not a throw', () => {
    const out = node([
      '-e',
      `const { AuthClient } = require('cognito-flow'); const r = AuthClient.create({ userPoolId: 'nope', clientId: '' }); console.log(r.isErr() && r.error.type);`,
    ]);
    expect(out.trim()).toBe('InvalidConfig');
  });

  it('cognito-flow/testing/vitest is ESM only, like Vitest itself: import works, require is not exported', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      `const m = await import('cognito-flow/testing/vitest'); console.log(Object.keys(m.cognitoMatchers).sort().join(' '));`,
    ]);
    expect(esm.trim()).toBe('toBeAtStep toBeErr toBeErrType toBeOk');
    const cjs = node([
      '-e',
      `try { require('cognito-flow/testing/vitest'); console.log('loaded'); } catch (e) { console.log(e.code); }`,
    ]);
    expect(cjs.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('cognito-flow/browser loads under Node (or unbundled) without the AWS SDK: its built module graph imports only neverthrow and #modpow', () => {
    const external = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(
        /(?:import|export)[^;]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g,
      )) {
        const specifier = match[1] ?? match[2] ?? '';
        if (specifier.startsWith('.')) walk(resolve(dirname(file), specifier));
        else external.add(specifier);
      }
    };
    walk(`${root}dist/browser/index.js`);
    expect(seen.size).toBeGreaterThan(1);
    expect([...external].sort()).toEqual(['#modpow', 'neverthrow']);
  });
});
