import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));
/**
 * The compilers the type tests run under, by path: both packages ship a `tsc` bin, so `node_modules/.bin/tsc`
 * is whichever npm linked last. TypeScript 7 is the native compiler, installed as the `typescript-7` alias.
 */
const tsc = (pkg: 'typescript' | 'typescript-7') =>
  fileURLToPath(new URL(`./node_modules/${pkg}/bin/tsc`, import.meta.url));
const typeTests = (checker: string) => ({
  enabled: true,
  only: true,
  include: ['test/types/**/*.test-d.ts'],
  // Only the type tests and what they import: type errors elsewhere fail `npm run typecheck` (and `typecheck:ts7`).
  tsconfig: './test/types/tsconfig.json',
  checker,
  ignoreSourceErrors: true,
});

export default defineConfig({
  resolve: {
    // Examples import the package by name, as users do; tests run them against the sources.
    alias: [
      { find: /^cognito-flow\/identity$/, replacement: src('identity/index.ts') },
      { find: /^cognito-flow\/browser$/, replacement: src('browser/index.ts') },
      { find: /^cognito-flow\/admin$/, replacement: src('admin/index.ts') },
      { find: /^cognito-flow\/verify$/, replacement: src('verify/index.ts') },
      { find: /^cognito-flow\/node$/, replacement: src('node/index.ts') },
      { find: /^cognito-flow\/redis$/, replacement: src('redis/index.ts') },
      { find: /^cognito-flow\/dynamodb$/, replacement: src('dynamodb/index.ts') },
      { find: /^cognito-flow\/oauth$/, replacement: src('oauth/index.ts') },
      { find: /^cognito-flow\/triggers$/, replacement: src('triggers/index.ts') },
      { find: /^cognito-flow\/testing\/vitest$/, replacement: src('testing/vitest.ts') },
      { find: /^cognito-flow\/testing$/, replacement: src('testing/index.ts') },
      { find: /^cognito-flow$/, replacement: src('index.ts') },
      // The package's own `#modpow` import, as Node resolves it (OpenSSL through node:crypto).
      { find: /^#modpow$/, replacement: src('srp/modpow-node.ts') },
    ],
  },
  test: {
    env: {
      // The SDK warns once per process that its 2027 releases need Node 22; keep test output readable.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // CPU-bound cases (SRP oracles, 3072-bit BigInt references) on a busy 2-core CI machine and on
          // each Node line; the limit is there to catch a hang, not to time anything.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          typecheck: typeTests(tsc('typescript')),
        },
      },
      {
        extends: true,
        test: {
          name: 'types-ts7',
          include: [],
          typecheck: typeTests(tsc('typescript-7')),
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // cognito-flow/browser's story under Bun, Deno and workerd (subprocesses from scripts/runtime.mjs), against moto.
          name: 'runtimes',
          include: ['test/runtimes/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The web example in headless Chromium (Debian's /usr/bin/chromium via playwright-core), against moto.
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
