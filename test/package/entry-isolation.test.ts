import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The files esbuild pulls in when bundling `entry` for the browser, relative to the repo root. */
async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [root + entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    // Resolve the package's own `#modpow` import to the sources (the browser condition picks BigInt).
    conditions: ['cognito-flow-source'],
    absWorkingDir: root,
  });
  return Object.keys(result.metafile.inputs);
}

describe('entry points do not pull in each other', () => {
  it('cognito-flow/identity includes no user-pool code and no user-pool SDK client', async () => {
    const inputs = await bundledInputs('src/identity/index.ts');
    expect(inputs.some((file) => file.includes('src/identity/identity-pool.ts'))).toBe(true);
    expect(
      inputs.filter(
        (file) => file.includes('src/auth/') || file.includes('src/admin/') || file.includes('src/srp/'),
      ),
    ).toEqual([]);
    expect(inputs.filter((file) => file.includes('client-cognito-identity-provider'))).toEqual([]);
  }, 60_000);

  it('cognito-flow (main) includes no admin or identity-pool code', async () => {
    const inputs = await bundledInputs('src/index.ts');
    expect(inputs.some((file) => file.includes('src/auth/auth-client.ts'))).toBe(true);
    expect(inputs.filter((file) => file.includes('src/admin/') || file.includes('src/identity/'))).toEqual(
      [],
    );
    expect(
      inputs.filter(
        (file) => file.includes('client-cognito-identity/') || file.includes('aws-sdk-client-mock'),
      ),
    ).toEqual([]);
  }, 60_000);

  it('cognito-flow for the browser does SRP on native BigInt, without node:crypto', async () => {
    const inputs = await bundledInputs('src/index.ts');
    expect(inputs.some((file) => file.endsWith('src/srp/modpow-bigint.ts'))).toBe(true);
    expect(inputs.filter((file) => file.endsWith('src/srp/modpow-node.ts'))).toEqual([]);
  }, 60_000);

  it('cognito-flow/verify includes no user-pool state machine and no AWS SDK client', async () => {
    const inputs = await bundledInputs('src/verify/index.ts');
    expect(inputs.some((file) => file.includes('aws-jwt-verify'))).toBe(true);
    expect(inputs.filter((file) => file.includes('src/auth/') || file.includes('@aws-sdk/'))).toEqual([]);
  }, 60_000);

  it('the main entry does not pull in node:fs (the file token store lives in cognito-flow/node)', async () => {
    const inputs = await bundledInputs('src/index.ts');
    expect(inputs.filter((file) => file.includes('file-token-store'))).toEqual([]);
  }, 60_000);

  it.each(['oauth', 'triggers'])(
    'cognito-flow/%s includes no user-pool, admin, identity, SRP or verify code and no AWS SDK',
    async (name) => {
      const inputs = await bundledInputs(`src/${name}/index.ts`);
      expect(inputs.some((file) => file.includes(`src/${name}/`))).toBe(true);
      const others = /src\/(auth|admin|identity|srp|verify|oauth|triggers)\//;
      expect(
        inputs.filter(
          (file) => (others.test(file) && !file.includes(`src/${name}/`)) || file.includes('@aws-sdk'),
        ),
      ).toEqual([]);
    },
    60_000,
  );

  it('cognito-flow/browser signs in and gets credentials on fetch: no AWS SDK client code survives in its bundle', async () => {
    const result = await build({
      stdin: {
        contents: `import { AuthClient, IdentityPool } from './src/browser/index.ts';
          export const run = (u, p) => AuthClient.create({ userPoolId: 'us-east-1_x', clientId: 'c' })
            .asyncAndThen((a) => a.signIn({ username: u, password: p }));
          export const creds = (t) => IdentityPool.create({ identityPoolId: 'us-east-1:0000' })
            .asyncAndThen((p) => p.getCredentials({ idToken: t }));`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      conditions: ['cognito-flow-source'],
    });
    const code = new TextDecoder().decode(result.outputFiles[0]?.contents);
    expect(code).toContain('AWSCognitoIdentityProviderService');
    // The SDK's user-agent and smithy middleware are what any SDK client brings; the fetch path has neither.
    for (const marker of ['aws-sdk-js', 'smithy', 'x-amz-user-agent']) expect(code).not.toContain(marker);
  }, 60_000);
});
