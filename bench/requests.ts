/**
 * Requests per flow, counted on the wire against moto: a counting reverse proxy sits between every client
 * and moto_server, so the AWS SDK, fetch, amazon-cognito-identity-js and Amplify are counted the same way
 * (retries included). Flows: password and SRP sign-in, NEW_PASSWORD_REQUIRED, identity-pool credentials
 * (first, after they expire, cached) and 100 concurrent token reads on an expired session.
 *
 * moto fakes SRP (any signature passes), which is enough to count requests. Expiry is simulated by moving
 * each library's clock forward: cognito-flow's `now` option, the stored clock drift of
 * amazon-cognito-identity-js, `Date.now` for Amplify (what it checks).
 *
 *   npm run bench:requests
 */
import { type CountingProxy, type RequestCount, startCountingProxy } from './support/counting-proxy.js';
import { machineLine } from './support/machine.js';
import { motoSrpUsernameShim } from './support/moto-srp-shim.js';
import { type BenchStack, startBenchStack } from './support/moto-stack.js';
import { amazonCognitoIdentityJsRequests } from './support/requests/amazon-cognito-identity-js.js';
import { amplifyRequests } from './support/requests/amplify.js';
import { cognitoFlowRequests } from './support/requests/cognito-flow.js';
import { FLOWS, type FlowCell, type FlowCells, type FlowEnvironment } from './support/requests/flows.js';
import { printTable } from './support/table.js';

const PASSWORD = 'Bench-Passw0rd!';
const NEW_PASSWORD = 'Bench-N3w-Passw0rd!';

function environment(bench: BenchStack, proxy: CountingProxy): FlowEnvironment {
  let users = 0;
  const name = (prefix: string) => {
    users += 1;
    return `${prefix}-${Date.now().toString(36)}-${users}`;
  };
  return {
    userPoolId: bench.stack.userPoolId,
    clientId: bench.stack.clientId,
    identityPoolId: bench.stack.identityPoolId,
    region: bench.stack.region,
    endpoint: proxy.url,
    take: () => proxy.take(),
    async confirmedUser(prefix) {
      const username = name(prefix);
      await bench.createConfirmedUser(username, PASSWORD);
      return { username, password: PASSWORD };
    },
    async newUser(prefix) {
      const username = name(prefix);
      await bench.createUser(username, `${PASSWORD}-temp`);
      return { username, temporaryPassword: `${PASSWORD}-temp`, newPassword: NEW_PASSWORD };
    },
  };
}

/** `2 (InitiateAuth, RespondToAuthChallenge)`, `100 (InitiateAuth ×100)`, or `n/a`. */
function cell(value: FlowCell | undefined, notes: string[]): string {
  if (value === undefined) return '—';
  if ('na' in value) {
    let index = notes.indexOf(value.na);
    if (index < 0) index = notes.push(value.na) - 1;
    const sent = value.sent && value.sent.total > 0 ? `, sent ${counts(value.sent)}` : '';
    return `n/a [${index + 1}]${sent}`;
  }
  return counts(value);
}

function counts(value: RequestCount): string {
  const operations = Object.entries(value.byOperation).map(([operation, count]) =>
    count === 1 ? operation : `${operation} ×${count}`,
  );
  return operations.length === 0 ? '0' : `${value.total} (${operations.join(', ')})`;
}

async function main(): Promise<void> {
  const bench = await startBenchStack();
  const proxy = await startCountingProxy(bench.moto.url, motoSrpUsernameShim());
  try {
    const env = environment(bench, proxy);
    const started = performance.now();
    const libraries: [string, FlowCells][] = [
      ['cognito-flow', await cognitoFlowRequests(env)],
      ['amazon-cognito-identity-js 6', await amazonCognitoIdentityJsRequests(env)],
      ['Amplify v6 (aws-amplify/auth)', await amplifyRequests(env)],
    ];
    const elapsed = (performance.now() - started) / 1000;

    console.log(`HTTP requests per flow, counted on the wire against moto_server — ${machineLine()}`);
    console.log(
      `All clients in this process, each through the same counting proxy; took ${elapsed.toFixed(1)} s\n`,
    );
    const notes: string[] = [];
    printTable(
      ['flow', ...libraries.map(([name]) => name)],
      FLOWS.map(([key, label]) => [label, ...libraries.map(([, cells]) => cell(cells[key], notes))]),
    );
    console.log('');
    for (const [i, note] of notes.entries()) console.log(`[${i + 1}] ${note}`);
    console.log(
      "\nExpired session: tokens are read 100 times at once after the clock moved 2 h ahead; cognito-flow with refreshOperation 'REFRESH_TOKEN_AUTH'.",
    );
    console.log(
      "Its default 'auto' tries GetTokensFromRefreshToken first, which moto 5.2.1 lacks (HTTP 500, retried by the SDK), then falls back.",
    );
  } finally {
    await proxy.close();
    await bench.moto.stop();
  }
}

await main();
