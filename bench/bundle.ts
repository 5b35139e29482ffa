/**
 * Bundle size of the same few things done with cognito-flow and with its peers, in one run: a minimal
 * password sign-in (USER_PASSWORD_AUTH), an SRP sign-in, an SRP sign-in plus a token refresh, and an SRP
 * sign-in plus identity-pool credentials — each bundled by esbuild (minified, tree-shaken ESM) for the
 * browser and for Node, weighed minified and gzipped (level 9). 1 kB = 1024 bytes.
 *
 * Peers: Amplify v6 (`aws-amplify` configured with `Amplify.configure`, `aws-amplify/auth`'s `signIn` and
 * `fetchAuthSession`), amazon-cognito-identity-js (with the SDK's Cognito identity credential provider for
 * credentials, which it lacks), and the raw AWS SDK commands — the floor of the SDK path (no SRP maths).
 *
 *   npm run bench:bundle                          # the table, the targets, and what takes the bytes
 *   npx tsx bench/bundle.ts --meta amplify:srp    # the byte breakdown of any one cell (browser)
 */
import { bundleSize, byGroup, kb, type Platform } from './support/bundle-size.js';
import { printTable } from './support/table.js';

type Scenario = 'password' | 'srp' | 'refresh' | 'identity';

const SCENARIOS: Readonly<Record<Scenario, string>> = {
  password: 'password sign-in',
  srp: 'SRP sign-in',
  refresh: 'SRP sign-in + refresh',
  identity: 'SRP sign-in + identity credentials',
};

interface Implementation {
  readonly id: string;
  readonly name: string;
  readonly code: (scenario: Scenario) => string;
}

const POOL = `{ userPoolId: 'us-east-1_AbC123', clientId: 'client' }`;
const IDENTITY_POOL = `{ identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }`;

/** cognito-flow's class API: `AuthClient` (+ `IdentityPool`) from `entry` (+ `identityEntry`). */
function classApi(entry: string, identityEntry: string) {
  return (scenario: Scenario): string => {
    const flow = scenario === 'password' ? `, flow: 'USER_PASSWORD_AUTH'` : '';
    const lines = [
      `import { AuthClient } from '${entry}';`,
      `const auth = new AuthClient(${POOL});`,
      `export const signIn = (username, password) => auth.signIn({ username, password${flow} });`,
    ];
    if (scenario === 'refresh')
      lines.push('export const refresh = (tokens) => auth.session(tokens).refresh();');
    if (scenario === 'identity') {
      lines.push(
        `import { IdentityPool } from '${identityEntry}';`,
        `const identity = new IdentityPool(${IDENTITY_POOL});`,
        'export const credentials = (idToken) => identity.getCredentials({ idToken });',
      );
    }
    return lines.join('\n');
  };
}

const IMPLEMENTATIONS: readonly Implementation[] = [
  {
    id: 'browser-functions',
    name: 'cognito-flow/browser, functions',
    code: (scenario) => {
      const flow = scenario === 'password' ? `, flow: 'USER_PASSWORD_AUTH'` : '';
      const lines = [
        `import { refreshTokens, signIn, userPool, IdentityPool } from 'cognito-flow/browser';`,
        `const pool = userPool(${POOL});`,
        `export const run = (username, password) => signIn(pool, { username, password${flow} });`,
      ];
      if (scenario === 'refresh')
        lines.push('export const refresh = (tokens) => refreshTokens(pool, tokens);');
      if (scenario === 'identity') {
        lines.push(
          `const identity = new IdentityPool(${IDENTITY_POOL});`,
          'export const credentials = (idToken) => identity.getCredentials({ idToken });',
        );
      }
      return lines.join('\n');
    },
  },
  {
    id: 'browser-class',
    name: 'cognito-flow/browser, AuthClient class',
    code: classApi('cognito-flow/browser', 'cognito-flow/browser'),
  },
  {
    id: 'sdk',
    name: 'cognito-flow (AWS SDK transport)',
    code: classApi('cognito-flow', 'cognito-flow/identity'),
  },
  {
    id: 'amplify',
    name: 'Amplify v6 (aws-amplify/auth)',
    code: (scenario) => {
      const identity = scenario === 'identity' ? `, ${IDENTITY_POOL.slice(2, -2)}` : '';
      const options = scenario === 'password' ? `, options: { authFlowType: 'USER_PASSWORD_AUTH' }` : '';
      const lines = [
        `import { Amplify } from 'aws-amplify';`,
        `import { fetchAuthSession, signIn } from 'aws-amplify/auth';`,
        `Amplify.configure({ Auth: { Cognito: { userPoolId: 'us-east-1_AbC123', userPoolClientId: 'client'${identity} } } });`,
        `export const run = (username, password) => signIn({ username, password${options} });`,
      ];
      if (scenario === 'refresh')
        lines.push('export const refresh = () => fetchAuthSession({ forceRefresh: true });');
      if (scenario === 'identity') lines.push('export const credentials = () => fetchAuthSession();');
      return lines.join('\n');
    },
  },
  {
    id: 'identity-js',
    name: 'amazon-cognito-identity-js',
    code: (scenario) => {
      const lines = [
        `import { AuthenticationDetails, CognitoRefreshToken, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';`,
        `const pool = new CognitoUserPool({ UserPoolId: 'us-east-1_AbC123', ClientId: 'client' });`,
        'export const run = (username, password, callbacks) => {',
        '  const user = new CognitoUser({ Username: username, Pool: pool });',
        scenario === 'password' ? `  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');` : '',
        '  user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks);',
        '  return user;',
        '};',
      ];
      if (scenario === 'refresh') {
        lines.push(
          'export const refresh = (user, token, callback) => user.refreshSession(new CognitoRefreshToken({ RefreshToken: token }), callback);',
        );
      }
      if (scenario === 'identity') {
        lines.push(
          `import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';`,
          `import { fromCognitoIdentityPool } from '@aws-sdk/credential-provider-cognito-identity';`,
          `export const credentials = (idToken) => fromCognitoIdentityPool({ client: new CognitoIdentityClient({ region: 'us-east-1' }), ${IDENTITY_POOL.slice(2, -2)}, logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123': idToken } })();`,
        );
      }
      return lines.join('\n');
    },
  },
  {
    id: 'sdk-floor',
    name: 'raw AWS SDK commands (floor, no SRP maths)',
    code: (scenario) => {
      const idp = ['CognitoIdentityProviderClient', 'InitiateAuthCommand'];
      if (scenario !== 'password') idp.push('RespondToAuthChallengeCommand');
      const lines = [
        `import { ${idp.join(', ')} } from '@aws-sdk/client-cognito-identity-provider';`,
        `const idp = new CognitoIdentityProviderClient({ region: 'us-east-1' });`,
        'export const initiate = (input) => idp.send(new InitiateAuthCommand(input));',
      ];
      if (scenario !== 'password') {
        lines.push('export const respond = (input) => idp.send(new RespondToAuthChallengeCommand(input));');
      }
      if (scenario === 'identity') {
        lines.push(
          `import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';`,
          `const identity = new CognitoIdentityClient({ region: 'us-east-1' });`,
          'export const getId = (input) => identity.send(new GetIdCommand(input));',
          'export const getCredentials = (input) => identity.send(new GetCredentialsForIdentityCommand(input));',
        );
      }
      return lines.join('\n');
    },
  },
];

/** Targets of issue 9, checked against the browser gzip figures. */
const TARGET_BYTES = 15 * 1024;

interface Cell {
  readonly browser: { min: number; gzip: number };
  readonly node: { min: number; gzip: number };
}

async function measureCell(implementation: Implementation, scenario: Scenario): Promise<Cell> {
  const code = implementation.code(scenario);
  const sizes: Partial<Record<Platform, { min: number; gzip: number }>> = {};
  for (const platform of ['browser', 'node'] as const) {
    const { min, gzip } = await bundleSize(code, platform);
    sizes[platform] = { min, gzip };
  }
  return { browser: sizes.browser ?? { min: 0, gzip: 0 }, node: sizes.node ?? { min: 0, gzip: 0 } };
}

async function printBreakdown(implementation: Implementation, scenario: Scenario): Promise<void> {
  const size = await bundleSize(implementation.code(scenario), 'browser');
  console.log(
    `\nWhat takes the bytes: ${implementation.name}, ${SCENARIOS[scenario]} (browser, ${kb(size.min)} kB min / ${kb(size.gzip)} kB gzip; minified bytes per package or folder):\n`,
  );
  printTable(
    ['package or folder', 'min bytes'],
    byGroup(size.inputs).map(([group, bytes]) => [group, String(bytes)]),
  );
}

function find(id: string): Implementation {
  const found = IMPLEMENTATIONS.find((implementation) => implementation.id === id);
  if (!found)
    throw new Error(`Unknown implementation ${id}: one of ${IMPLEMENTATIONS.map((i) => i.id).join(', ')}`);
  return found;
}

const metaIndex = process.argv.indexOf('--meta');
if (metaIndex >= 0) {
  const [id = '', scenario = 'srp'] = (process.argv[metaIndex + 1] ?? '').split(':');
  if (!(scenario in SCENARIOS))
    throw new Error(`Unknown scenario ${scenario}: one of ${Object.keys(SCENARIOS).join(', ')}`);
  await printBreakdown(find(id), scenario as Scenario);
} else {
  const cells = new Map<string, Cell>();
  const rows: string[][] = [];
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    for (const implementation of IMPLEMENTATIONS) {
      const cell = await measureCell(implementation, scenario);
      cells.set(`${implementation.id}:${scenario}`, cell);
      rows.push([
        SCENARIOS[scenario],
        implementation.name,
        kb(cell.browser.min),
        kb(cell.browser.gzip),
        kb(cell.node.min),
        kb(cell.node.gzip),
      ]);
    }
  }
  console.log('Bundle sizes (esbuild, minified ESM, gzip level 9; kB = 1024 bytes)\n');
  printTable(
    ['scenario', 'implementation', 'browser min kB', 'browser gzip kB', 'node min kB', 'node gzip kB'],
    rows,
  );

  const gzip = (key: string) => cells.get(key)?.browser.gzip ?? Number.NaN;
  const ours = gzip('browser-functions:refresh');
  const amplify = gzip('amplify:refresh');
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log('\nTargets (issue 9, browser gzip)\n');
  printTable(
    ['target', 'measured', 'status'],
    [
      [
        `cognito-flow/browser functions: SRP sign-in + refresh <= ${kb(TARGET_BYTES)} kB`,
        `${kb(ours)} kB`,
        met(ours <= TARGET_BYTES),
      ],
      [
        'cognito-flow/browser functions: SRP sign-in + refresh vs Amplify v6 ("about a third")',
        `${((ours / amplify) * 100).toFixed(0)}% of ${kb(amplify)} kB`,
        'info',
      ],
      [
        'cognito-flow/browser functions: SRP sign-in below amazon-cognito-identity-js',
        `${kb(gzip('browser-functions:srp'))} vs ${kb(gzip('identity-js:srp'))} kB`,
        met(gzip('browser-functions:srp') < gzip('identity-js:srp')),
      ],
    ],
  );
  await printBreakdown(find('browser-functions'), 'refresh');
}
