/**
 * The size budgets and isolation rules `npm run size` (bench/size-budget.ts) enforces, as data, and the
 * pure checks that turn measured bundles into violations. Budgets are gzip bytes (1 kB = 1024 bytes) of
 * esbuild's minified, tree-shaken ESM (see bundle-size.ts). Raise a budget only on purpose, in the same
 * commit as the growth, and say why in its commit message.
 */
import type { BundleSize, Platform } from './bundle-size.js';

const KB = 1024;

/** A bundle whose gzip size must stay at or under `maxGzip`. */
export interface Budget {
  readonly name: string;
  readonly platform: Platform;
  readonly code: string;
  readonly maxGzip: number;
}

/** Files a bundle must not contain (each pattern is tested against the metafile's input paths). */
export interface IsolationRule {
  readonly name: string;
  readonly platform: Platform;
  readonly code: string;
  readonly forbidden: readonly RegExp[];
  /** A file the bundle must contain, proving the rule looked at the right bundle. */
  readonly required: RegExp;
}

const POOL = `{ userPoolId: 'us-east-1_AbC123', clientId: 'client' }`;
const IDENTITY_POOL = `{ identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }`;

/**
 * SRP sign-in plus a refresh through cognito-flow/browser's functions: issue 9's 15 kB, raised on purpose
 * by 0.5 kB for what issues 14 and 15 added to that path (the fetch transport's own attempt timer and typed
 * errors where a runtime lacks AbortSignal.timeout, WebCrypto or structuredClone; resume's checks of
 * untrusted steps). Still about a third of Amplify's `signIn` (see docs/performance.md).
 */
export const BROWSER_SIGN_IN_TARGET = 15.5 * KB;

export const SCENARIO_BUDGETS: readonly Budget[] = [
  {
    name: 'cognito-flow/browser functions: SRP sign-in + refresh',
    platform: 'browser',
    code: `import { refreshTokens, signIn, userPool } from 'cognito-flow/browser';
      const pool = userPool(${POOL});
      export const run = (username, password) => signIn(pool, { username, password });
      export const refresh = (tokens) => refreshTokens(pool, tokens);`,
    maxGzip: BROWSER_SIGN_IN_TARGET,
  },
  {
    name: 'cognito-flow/browser: identity credentials (IdentityPool)',
    platform: 'browser',
    code: `import { IdentityPool } from 'cognito-flow/browser';
      const identity = new IdentityPool(${IDENTITY_POOL});
      export const credentials = (idToken) => identity.getCredentials({ idToken });`,
    maxGzip: 12 * KB,
  },
  {
    name: 'cognito-flow/browser AuthClient class: SRP sign-in + session refresh',
    platform: 'browser',
    code: `import { AuthClient } from 'cognito-flow/browser';
      const auth = new AuthClient(${POOL});
      export const run = (username, password) => auth.signIn({ username, password });
      export const refresh = (tokens) => auth.session(tokens).refresh();`,
    // Raised on purpose from 27 (issues 14, 15, 17): the class carries sealStep/openStep (AES-GCM sealing,
    // step keys), the checks on untrusted steps, the runtime fallbacks and the session's coordinator seam.
    maxGzip: 29.5 * KB,
  },
];

/**
 * Every package subpath, whole (`export *`), on the platform it is meant for, with a budget a little
 * (about 10%) above its size when the budget was set.
 */
export const ENTRY_BUDGETS: readonly Budget[] = (
  [
    ['cognito-flow', 'browser', 88],
    // Raised on purpose from 32 (issues 14, 15, 17): sealed steps, untrusted-step checks, runtime fallbacks,
    // memoryRefreshCoordinator and the session's coordinator seam.
    ['cognito-flow/browser', 'browser', 35],
    ['cognito-flow/identity', 'browser', 82],
    ['cognito-flow/admin', 'node', 190],
    ['cognito-flow/verify', 'node', 11],
    // Raised on purpose from 10 (issue 15): a code exchange verifies its ID token by default with
    // aws-jwt-verify's CognitoJwtVerifier (JWT parsing, JWKS cache, RSA/ECDSA checks), about 5 kB gzip.
    ['cognito-flow/oauth', 'node', 16],
    ['cognito-flow/triggers', 'node', 6.5],
    ['cognito-flow/node', 'node', 2],
    ['cognito-flow/redis', 'node', 3],
    ['cognito-flow/dynamodb', 'node', 172],
    ['cognito-flow/testing', 'node', 180],
    ['cognito-flow/testing/vitest', 'node', 1.5],
  ] as const
).map(([entry, platform, kb]) => ({
  name: `${entry} (whole entry, ${platform})`,
  platform,
  code: `export * from '${entry}';`,
  maxGzip: Math.round(kb * KB),
}));

const whole = (entry: string) => `export * from '${entry}';`;

export const ISOLATION_RULES: readonly IsolationRule[] = [
  {
    name: 'cognito-flow/identity includes no user-pool code (src/auth, src/srp) and no user-pool SDK client',
    platform: 'browser',
    code: whole('cognito-flow/identity'),
    forbidden: [/(^|\/)src\/auth\//, /(^|\/)src\/srp\//, /client-cognito-identity-provider\//],
    required: /src\/identity\/identity-pool\.ts$/,
  },
  {
    name: 'cognito-flow (main) includes no testing, admin, CLI or identity-pool code, and no node:fs token store',
    platform: 'browser',
    code: whole('cognito-flow'),
    forbidden: [
      /(^|\/)src\/testing\//,
      /(^|\/)src\/admin\//,
      /(^|\/)src\/cli\//,
      /(^|\/)src\/identity\//,
      /file-token-store/,
      /(^|\/)src\/(redis|dynamodb)\//,
      /client-dynamodb/,
      /client-cognito-identity\//,
      /aws-sdk-client-mock/,
    ],
    required: /src\/auth\/auth-client\.ts$/,
  },
  {
    name: 'cognito-flow/browser includes no AWS SDK package, and no testing, admin or CLI code',
    platform: 'browser',
    code: whole('cognito-flow/browser'),
    forbidden: [/@aws-sdk\//, /@smithy\//, /(^|\/)src\/testing\//, /(^|\/)src\/admin\//, /(^|\/)src\/cli\//],
    required: /src\/browser\/user-pool\.ts$/,
  },
  {
    name: 'cognito-flow/verify includes no user-pool state machine and no AWS SDK',
    platform: 'node',
    code: whole('cognito-flow/verify'),
    forbidden: [/(^|\/)src\/auth\//, /@aws-sdk\//],
    required: /aws-jwt-verify/,
  },
  ...(['redis', 'dynamodb'] as const).map(
    (name): IsolationRule => ({
      name: `cognito-flow/${name} includes no sign-in, admin, identity-pool, SRP or other entry code, and no other store's client`,
      platform: 'node',
      code: whole(`cognito-flow/${name}`),
      forbidden: [
        new RegExp(
          `(^|/)src/(?!${name}/)(auth/(?!devices/device-store)|admin|identity/(?!identity-id-store)|srp|verify|oauth|triggers|testing|cli|node|redis|dynamodb)`,
        ),
        /client-cognito-identity/,
        name === 'redis' ? /@aws-sdk\// : /node_modules\/(redis|@redis)\//,
      ],
      required: new RegExp(`src/${name}/`),
    }),
  ),
  ...(['oauth', 'triggers'] as const).map(
    (name): IsolationRule => ({
      name: `cognito-flow/${name} includes no user-pool, admin, identity, SRP, verify or other entry code and no AWS SDK`,
      platform: 'node',
      code: whole(`cognito-flow/${name}`),
      forbidden: [
        new RegExp(`(^|/)src/(?!${name}/)(auth|admin|identity|srp|verify|oauth|triggers|testing|cli)/`),
        /@aws-sdk\//,
      ],
      required: new RegExp(`src/${name}/`),
    }),
  ),
];

/**
 * The message for a budget the bundle exceeds, or `undefined` when it fits.
 *
 * @example
 * ```ts
 * budgetViolation(budget, await bundleSize(budget.code, budget.platform)) ?? 'ok';
 * ```
 */
export function budgetViolation(budget: Budget, size: Pick<BundleSize, 'gzip'>): string | undefined {
  if (size.gzip <= budget.maxGzip) return undefined;
  const over = size.gzip - budget.maxGzip;
  return `${budget.name}: ${(size.gzip / KB).toFixed(2)} kB gzip exceeds its budget of ${(budget.maxGzip / KB).toFixed(2)} kB by ${over} bytes. Shrink what grew (npx tsx bench/bundle.ts --meta … shows what takes the bytes), or raise the budget in bench/support/size-rules.ts on purpose.`;
}

/**
 * The messages for every forbidden file the bundle contains (and for a bundle that lacks the file proving
 * it is the right one); empty when the rule holds.
 *
 * @example
 * ```ts
 * isolationViolations(rule, Object.keys(size.inputs)); // [] when isolated
 * ```
 */
export function isolationViolations(rule: IsolationRule, inputs: readonly string[]): string[] {
  const messages: string[] = [];
  if (!inputs.some((file) => rule.required.test(file))) {
    messages.push(
      `${rule.name}: the bundle does not contain ${rule.required} — is the rule measuring the right entry?`,
    );
  }
  for (const pattern of rule.forbidden) {
    const offenders = inputs.filter((file) => pattern.test(file));
    if (offenders.length > 0) {
      const shown = offenders.slice(0, 5).join(', ');
      const more = offenders.length > 5 ? ` and ${offenders.length - 5} more` : '';
      messages.push(`${rule.name}: it pulls in ${shown}${more} (matched ${pattern})`);
    }
  }
  return messages;
}
