/**
 * Overhead per call of cognito-flow over the raw call it makes, against a local moto server (target < 5 %):
 *
 * - USER_PASSWORD_AUTH sign-in: `AuthClient.signIn` vs `client.send(new InitiateAuthCommand(…))` on the same
 *   SDK client; and `cognito-flow/browser`'s `AuthClient.signIn` (fetch transport) vs one bare `fetch`.
 * - Identity credentials: `IdentityPool.getCredentials` (a fresh pool each call, so nothing is cached and it
 *   makes the same GetId + GetCredentialsForIdentity requests) vs the two raw SDK sends on the same client;
 *   and `cognito-flow/browser`'s `IdentityPool` vs two bare `fetch`es.
 *
 * Every round runs each contender once, in rotating order, after a warm-up; the overhead is paired per
 * round (library time / raw time of the same round), then the median over rounds.
 *
 *   npm run bench:overhead          # OVERHEAD_ROUNDS=150 by default
 */
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthClient } from 'cognito-flow';
import { AuthClient as BrowserAuthClient, IdentityPool as BrowserIdentityPool } from 'cognito-flow/browser';
import { IdentityPool } from 'cognito-flow/identity';
import { LOCAL_CREDENTIALS } from '../examples/support/provision.js';
import { cpuMs } from './support/cpu.js';
import { loadLine, machineLine } from './support/machine.js';
import { startBenchStack } from './support/moto-stack.js';
import { rawFetchCall } from './support/raw-fetch.js';
import { median, pairedRatio, quantile, rotation } from './support/stats.js';
import { printTable } from './support/table.js';

const ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? 150);
const WARMUP = 10;
const USERNAME = 'overhead-user';
const PASSWORD = 'Overhead-Passw0rd!';

interface Contender {
  readonly name: string;
  readonly call: () => Promise<void>;
  /** Wall ms per call. */
  readonly samples: number[];
  /** This process's CPU ms per call (moto runs in another process, so this is the client side alone). */
  readonly cpuSamples: number[];
}

const contender = (name: string, call: () => Promise<void>): Contender => ({
  name,
  call,
  samples: [],
  cpuSamples: [],
});

async function race(contenders: readonly Contender[]): Promise<void> {
  for (let i = 0; i < WARMUP; i++) for (const c of contenders) await c.call();
  for (let round = 0; round < ROUNDS; round++) {
    for (const index of rotation(round, contenders.length)) {
      const c = contenders[index] as Contender;
      const c0 = cpuMs();
      const t0 = performance.now();
      await c.call();
      c.samples.push(performance.now() - t0);
      c.cpuSamples.push(cpuMs() - c0);
    }
  }
}

/** One row per (what, library, raw): medians, p90s, paired overhead, client CPU per call. */
function rows(pairs: readonly (readonly [string, Contender, Contender])[]): string[][] {
  return pairs.map(([what, library, raw]) => {
    const ratio = pairedRatio(library.samples, raw.samples);
    const cpuExtraUs = (median(library.cpuSamples) - median(raw.cpuSamples)) * 1000;
    return [
      what,
      median(library.samples).toFixed(2),
      quantile(library.samples, 0.9).toFixed(2),
      median(raw.samples).toFixed(2),
      quantile(raw.samples, 0.9).toFixed(2),
      `${((ratio - 1) * 100).toFixed(1)} %`,
      (median(library.cpuSamples) * 1000).toFixed(0),
      (median(raw.cpuSamples) * 1000).toFixed(0),
      cpuExtraUs.toFixed(0),
    ];
  });
}

async function main(): Promise<void> {
  const bench = await startBenchStack();
  try {
    const { stack } = bench;
    await bench.createConfirmedUser(USERNAME, PASSWORD);
    const idp = new CognitoIdentityProviderClient({
      region: stack.region,
      endpoint: stack.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    const identity = new CognitoIdentityClient({ region: stack.region, endpoint: stack.endpoint });
    const authConfig = { userPoolId: stack.userPoolId, clientId: stack.clientId };
    const auth = AuthClient.create({ ...authConfig, client: idp })._unsafeUnwrap();
    const browserAuth = BrowserAuthClient.create({ ...authConfig, endpoint: stack.endpoint })._unsafeUnwrap();
    const initiateInput = {
      AuthFlow: 'USER_PASSWORD_AUTH' as const,
      ClientId: stack.clientId,
      AuthParameters: { USERNAME, PASSWORD },
    };
    const expectSignedIn = (step: { isOk(): boolean; _unsafeUnwrap(): { step: string } }) => {
      if (!step.isOk() || step._unsafeUnwrap().step !== 'SIGNED_IN') throw new Error('sign-in failed');
    };

    const signIn = [
      contender('AuthClient.signIn (SDK)', async () =>
        expectSignedIn(
          await auth.signIn({ username: USERNAME, password: PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
        ),
      ),
      contender('raw InitiateAuthCommand', async () => {
        const out = await idp.send(new InitiateAuthCommand(initiateInput));
        if (!out.AuthenticationResult?.IdToken) throw new Error('raw sign-in failed');
      }),
      contender('browser AuthClient.signIn (fetch)', async () =>
        expectSignedIn(
          await browserAuth.signIn({ username: USERNAME, password: PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
        ),
      ),
      contender('raw fetch InitiateAuth', async () => {
        const out = await rawFetchCall(stack.endpoint, 'cognito-idp', 'InitiateAuth', initiateInput);
        if (!out.AuthenticationResult) throw new Error('raw fetch sign-in failed');
      }),
    ];

    const first = await idp.send(new InitiateAuthCommand(initiateInput));
    const idToken = first.AuthenticationResult?.IdToken;
    if (!idToken) throw new Error('no ID token');
    const logins = { [`cognito-idp.${stack.region}.amazonaws.com/${stack.userPoolId}`]: idToken };
    const poolConfig = { identityPoolId: stack.identityPoolId };
    const expectCredentials = (result: { isOk(): boolean }) => {
      if (!result.isOk()) throw new Error('getCredentials failed');
    };
    const credentials = [
      contender('IdentityPool.getCredentials (SDK)', async () =>
        expectCredentials(
          await IdentityPool.create({ ...poolConfig, client: identity })
            ._unsafeUnwrap()
            .getCredentials({ idToken }),
        ),
      ),
      contender('raw GetId + GetCredentialsForIdentity', async () => {
        const id = await identity.send(
          new GetIdCommand({ IdentityPoolId: stack.identityPoolId, Logins: logins }),
        );
        const out = await identity.send(
          new GetCredentialsForIdentityCommand({ IdentityId: id.IdentityId, Logins: logins }),
        );
        if (!out.Credentials?.SecretKey) throw new Error('raw credentials failed');
      }),
      contender('browser IdentityPool.getCredentials (fetch)', async () =>
        expectCredentials(
          await BrowserIdentityPool.create({ ...poolConfig, endpoint: stack.endpoint })
            ._unsafeUnwrap()
            .getCredentials({ idToken }),
        ),
      ),
      contender('raw fetch GetId + GetCredentialsForIdentity', async () => {
        const id = await rawFetchCall(stack.endpoint, 'cognito-identity', 'GetId', {
          IdentityPoolId: stack.identityPoolId,
          Logins: logins,
        });
        const out = await rawFetchCall(stack.endpoint, 'cognito-identity', 'GetCredentialsForIdentity', {
          IdentityId: id.IdentityId,
          Logins: logins,
        });
        if (!out.Credentials) throw new Error('raw fetch credentials failed');
      }),
    ];

    const started = performance.now();
    await race(signIn);
    await race(credentials);
    const elapsed = (performance.now() - started) / 1000;

    console.log(`Overhead per call over the raw call, against moto_server on loopback — ${machineLine()}`);
    console.log(
      `${ROUNDS} interleaved rounds after ${WARMUP} warm-up rounds; took ${elapsed.toFixed(1)} s; ${loadLine()}\n`,
    );
    printTable(
      [
        'call',
        'cognito-flow median ms',
        'p90 ms',
        'raw median ms',
        'raw p90 ms',
        'overhead (paired)',
        'cognito-flow CPU µs',
        'raw CPU µs',
        'extra CPU µs',
      ],
      rows([
        ['USER_PASSWORD_AUTH sign-in, SDK client', signIn[0] as Contender, signIn[1] as Contender],
        ['USER_PASSWORD_AUTH sign-in, fetch', signIn[2] as Contender, signIn[3] as Contender],
        [
          'GetId + GetCredentialsForIdentity, SDK client',
          credentials[0] as Contender,
          credentials[1] as Contender,
        ],
        [
          'GetId + GetCredentialsForIdentity, fetch',
          credentials[2] as Contender,
          credentials[3] as Contender,
        ],
      ]),
    );
    console.log(
      '\nSDK rows: AuthClient.signIn / IdentityPool.getCredentials (a fresh pool per call: nothing cached) vs client.send() of the same commands on the same SDK client.',
    );
    console.log(
      'fetch rows: cognito-flow/browser (fetch transport) vs one bare fetch per request. Every call answered by moto on loopback.',
    );
    console.log(
      'overhead = median over rounds of (cognito-flow time / raw time of the same round) − 1 (target < 5 %); CPU = this Node process only, per call (moto excluded).',
    );
  } finally {
    await bench.moto.stop();
  }
}

await main();
