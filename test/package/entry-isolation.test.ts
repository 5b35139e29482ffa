import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleSize } from '../../bench/support/bundle-size.js';
import {
  budgetViolation,
  ENTRY_BUDGETS,
  ISOLATION_RULES,
  isolationViolations,
  SCENARIO_BUDGETS,
} from '../../bench/support/size-rules.js';

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
  // Which files each entry may pull in, and how big it may grow, is checked by `npm run size`
  // (bench/size-budget.ts, rules in bench/support/size-rules.ts). This file checks what those rules cannot
  // see — which implementation a bundle picked, what its code contains — and that the rules can fail.

  it('cognito-flow for the browser does SRP on native BigInt, without node:crypto', async () => {
    const inputs = await bundledInputs('src/index.ts');
    expect(inputs.some((file) => file.endsWith('src/srp/modpow-bigint.ts'))).toBe(true);
    expect(inputs.filter((file) => file.endsWith('src/srp/modpow-node.ts'))).toEqual([]);
  }, 60_000);

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

  it('the browser sign-in functions keep only what they call: no account operations, no pure-JS hashes, no class', async () => {
    const size = await bundleSize(
      `import { refreshTokens, signIn, userPool } from 'cognito-flow/browser';
        const pool = userPool({ userPoolId: 'us-east-1_AbC123', clientId: 'c' });
        export const run = (u, p) => signIn(pool, { username: u, password: p });
        export const refresh = (t) => refreshTokens(pool, t);`,
      'browser',
    );
    const inputs = Object.keys(size.inputs);
    expect(inputs.some((file) => file.endsWith('src/srp/srp-client.ts'))).toBe(true);
    expect(inputs.some((file) => file.endsWith('src/tokens/refresh.ts'))).toBe(true);
    const unwanted =
      /src\/auth\/(account|challenges)\/|auth-client|@noble\/|src\/tokens\/session\.ts|src\/identity\//;
    expect(inputs.filter((file) => unwanted.test(file))).toEqual([]);
  }, 60_000);
});

describe('the size check can fail', () => {
  it('an isolation rule reports the forbidden files a real bundle pulls in, and a bundle of the wrong entry', async () => {
    const identityRule = ISOLATION_RULES.find((rule) => rule.code.includes("'cognito-flow/identity'"));
    if (!identityRule) throw new Error('no identity isolation rule');
    // The browser entry holds user-pool code, so the identity rule must flag it.
    const browser = await bundleSize(`export * from 'cognito-flow/browser';`, 'browser');
    const messages = isolationViolations(identityRule, Object.keys(browser.inputs));
    expect(messages.some((m) => /pulls in .*src\/auth\//.test(m))).toBe(true);
    expect(messages.some((m) => /pulls in .*src\/srp\//.test(m))).toBe(true);
    expect(messages.some((m) => m.includes('does not contain'))).toBe(true);
  }, 60_000);

  it('a budget names the bundle, its size, its budget and the overshoot', () => {
    const budget = SCENARIO_BUDGETS[0];
    if (!budget) throw new Error('no scenario budget');
    expect(budgetViolation(budget, { gzip: budget.maxGzip })).toBeUndefined();
    const message = budgetViolation(budget, { gzip: budget.maxGzip + 100 });
    expect(message).toContain(budget.name);
    expect(message).toContain(`exceeds its budget of ${(budget.maxGzip / 1024).toFixed(2)} kB by 100 bytes`);
  });

  it('every package subpath has a whole-entry budget', async () => {
    const pkg = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const subpaths = Object.keys(pkg.exports)
      .filter((subpath) => subpath !== './package.json')
      .map((subpath) => (subpath === '.' ? 'cognito-flow' : `cognito-flow/${subpath.slice(2)}`));
    const budgeted = ENTRY_BUDGETS.map((budget) => /export \* from '([^']+)'/.exec(budget.code)?.[1]);
    expect([...budgeted].sort()).toEqual([...subpaths].sort());
  });
});
