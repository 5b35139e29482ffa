/**
 * Bundle size of a minimal sign-in for the browser (esbuild, minified ESM, gzip), for cognito-flow's
 * entry points and the peers installed here, measured in one run.
 *
 *   npx tsx bench/bundle.ts
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

interface Case {
  readonly name: string;
  readonly code: string;
}

const cases: readonly Case[] = [
  {
    name: 'cognito-flow: password sign-in (SDK transport)',
    code: `import { AuthClient } from 'cognito-flow';
      export const run = (u, p) => AuthClient.create({ userPoolId: 'us-east-1_x', clientId: 'c' }).asyncAndThen((a) => a.signIn({ username: u, password: p, flow: 'USER_PASSWORD_AUTH' }));`,
  },
  {
    name: 'cognito-flow: SRP sign-in (SDK transport)',
    code: `import { AuthClient } from 'cognito-flow';
      export const run = (u, p) => AuthClient.create({ userPoolId: 'us-east-1_x', clientId: 'c' }).asyncAndThen((a) => a.signIn({ username: u, password: p }));`,
  },
  {
    name: 'cognito-flow/browser: SRP sign-in (fetch transport)',
    code: `import { AuthClient } from 'cognito-flow/browser';
      export const run = (u, p) => AuthClient.create({ userPoolId: 'us-east-1_x', clientId: 'c' }).asyncAndThen((a) => a.signIn({ username: u, password: p }));`,
  },
  {
    name: 'cognito-flow/browser: identity credentials (fetch transport)',
    code: `import { IdentityPool } from 'cognito-flow/browser';
      export const run = (t) => IdentityPool.create({ identityPoolId: 'us-east-1:0000' }).asyncAndThen((p) => p.getCredentials({ idToken: t }));`,
  },
  {
    name: 'cognito-flow/identity: credentials',
    code: `import { IdentityPool } from 'cognito-flow/identity';
      export const run = (t) => IdentityPool.create({ identityPoolId: 'us-east-1:0000' }).asyncAndThen((p) => p.getCredentials({ idToken: t }));`,
  },
  {
    name: 'cognito-flow/verify: verify an ID token',
    code: `import * as verify from 'cognito-flow/verify'; export { verify };`,
  },
  {
    name: 'amazon-cognito-identity-js: authenticateUser',
    code: `import { CognitoUserPool, CognitoUser, AuthenticationDetails } from 'amazon-cognito-identity-js';
      export const run = (u, p, cb) => new CognitoUser({ Username: u, Pool: new CognitoUserPool({ UserPoolId: 'us-east-1_x', ClientId: 'c' }) }).authenticateUser(new AuthenticationDetails({ Username: u, Password: p }), cb);`,
  },
  {
    name: 'AWS SDK: InitiateAuthCommand alone (the floor of the SDK path)',
    code: `import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
      export const run = (i) => new CognitoIdentityProviderClient({ region: 'us-east-1' }).send(new InitiateAuthCommand(i));`,
  },
];

async function measure(entry: Case): Promise<{ min: number; gzip: number }> {
  const result = await build({
    stdin: { contents: entry.code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    conditions: ['cognito-flow-source'],
    alias: {
      'cognito-flow/identity': './src/identity/index.ts',
      'cognito-flow/browser': './src/browser/index.ts',
      'cognito-flow/verify': './src/verify/index.ts',
      'cognito-flow': './src/index.ts',
    },
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n: number) => (n / 1024).toFixed(1);
console.log('| bundle (browser, minified ESM) | min kB | gzip kB |');
console.log('| --- | ---: | ---: |');
for (const entry of cases) {
  const size = await measure(entry);
  console.log(`| ${entry.name} | ${kb(size.min)} | ${kb(size.gzip)} |`);
}
