import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'browser/index': 'src/browser/index.ts',
    'identity/index': 'src/identity/index.ts',
    'admin/index': 'src/admin/index.ts',
    'verify/index': 'src/verify/index.ts',
    'node/index': 'src/node/index.ts',
    'redis/index': 'src/redis/index.ts',
    'dynamodb/index': 'src/dynamodb/index.ts',
    'oauth/index': 'src/oauth/index.ts',
    'triggers/index': 'src/triggers/index.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/vitest': 'src/testing/vitest.ts',
    // The `cognito-flow` command (package.json "bin").
    'cli/main': 'src/cli/main.ts',
    // Modular exponentiation for SRP, chosen by the `#modpow` import condition in package.json:
    // OpenSSL through node:crypto on Node, native BigInt elsewhere.
    'srp/modpow-node': 'src/srp/modpow-node.ts',
    'srp/modpow-bigint': 'src/srp/modpow-bigint.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  external: [
    /^@aws-sdk\//,
    'neverthrow',
    '#modpow',
    /^node:/,
    /^aws-jwt-verify/,
    'aws-sdk-client-mock',
    /^vitest/,
    'commander',
    /^@inquirer\//,
    'qrcode-terminal',
    'yocto-spinner',
  ],
});
