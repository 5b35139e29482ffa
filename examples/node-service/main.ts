/**
 * The node-service example end to end: starts the Express API, then walks an administrator-created user
 * through it over HTTP — wrong password, NEW_PASSWORD_REQUIRED travelling to the client and back (and a
 * tampered copy refused), tokens, and `GET /me` with and without a valid bearer token.
 *
 * Without configuration it starts moto on loopback and provisions a pool there (examples/support/).
 * Against AWS: COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET (if the client has one),
 * and AWS credentials allowed to create and delete a user in the pool.
 *
 *   npx tsx --conditions=cognito-flow-source examples/node-service/main.ts [--serve]
 *
 * `--serve` keeps the API up after the walk-through (Ctrl-C stops it and moto).
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { AuthClient } from 'cognito-flow';
import { TokenVerifier } from 'cognito-flow/verify';
import {
  createWalkthroughUser,
  type ExampleTarget,
  runMain,
  withExampleTarget,
} from '../support/example-target.js';
import { createApp } from './app.js';

const NEW_PASSWORD = 'N3w-Passw0rd!-service';

type Json = Record<string, unknown>;

/** One request to the API, printed without passwords, sessions or tokens. */
async function call(base: string, method: string, path: string, body?: Json, token?: string) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as Json;
  return { status: response.status, json };
}

function summary(json: Json): string {
  const error = json.error as Json | undefined;
  if (error) return `error ${error.type}${error.reason ? ` (${error.reason})` : ''}: ${error.message}`;
  if (json.next === 'SIGNED_IN') {
    const tokens = json.tokens as Json;
    return `SIGNED_IN: id, access${tokens.refreshToken ? ' and refresh' : ''} tokens, expire at ${new Date(tokens.expiresAt as number).toISOString()}`;
  }
  if (typeof json.step === 'string') {
    const view = json.view as Json;
    return `${json.next} (sealed step of ${json.step.length} characters, required attributes: ${JSON.stringify(view.requiredAttributes ?? [])}, expires at ${new Date(view.expiresAt as number).toISOString()})`;
  }
  if (json.claims) {
    const claims = json.claims as Json;
    return `claims: username=${claims.username} sub=${claims.sub} client_id=${claims.client_id} token_use=${claims.token_use}`;
  }
  return JSON.stringify(json);
}

function show(label: string, request: string, reply: { status: number; json: Json }) {
  console.log(`\n${label}\n   ${request}\n   → ${reply.status} ${summary(reply.json)}`);
}

async function walkThrough(base: string, target: ExampleTarget): Promise<void> {
  const { user, remove } = await createWalkthroughUser(target, 'service-user');
  console.log(`\nThe administrator created ${user.username} with a temporary password.`);
  try {
    const wrong = await call(base, 'POST', '/sign-in', {
      username: user.username,
      password: 'Wrong-Passw0rd!',
    });
    show('1. A wrong password', 'POST /sign-in { username, password: <wrong> }', wrong);
    if (wrong.status !== 401) throw new Error('expected 401 for a wrong password');

    const first = await call(base, 'POST', '/sign-in', {
      username: user.username,
      password: user.temporaryPassword,
    });
    show('2. The temporary password', 'POST /sign-in { username, password: <temporary> }', first);
    if (first.json.next !== 'NEW_PASSWORD_REQUIRED') throw new Error('expected NEW_PASSWORD_REQUIRED');

    const sealed = first.json.step as string;
    const tampered = `${sealed.slice(0, -8)}${sealed.endsWith('AAAAAAAA') ? 'BBBBBBBB' : 'AAAAAAAA'}`;
    const refused = await call(base, 'POST', '/sign-in/continue', {
      step: tampered,
      answer: { newPassword: NEW_PASSWORD },
    });
    show(
      '3. The sealed step posted back with changed characters',
      'POST /sign-in/continue { step: <changed>, answer }',
      refused,
    );
    if (refused.status !== 400) throw new Error('expected 400 for a changed step');

    const done = await call(base, 'POST', '/sign-in/continue', {
      step: sealed,
      answer: { newPassword: NEW_PASSWORD },
    });
    show(
      '4. The sealed step posted back as it was, with a new password',
      'POST /sign-in/continue { step, answer: { newPassword } }',
      done,
    );
    if (done.json.next !== 'SIGNED_IN') throw new Error('expected SIGNED_IN');
    const accessToken = (done.json.tokens as Json).accessToken as string;

    const anonymous = await call(base, 'GET', '/me');
    show('5. /me without a token', 'GET /me', anonymous);
    const forged = await call(base, 'GET', '/me', undefined, `${accessToken.slice(0, -4)}AAAA`);
    show(
      '6. /me with a forged signature',
      'GET /me  Authorization: Bearer <token with a changed signature>',
      forged,
    );
    const me = await call(base, 'GET', '/me', undefined, accessToken);
    show('7. /me with the access token', 'GET /me  Authorization: Bearer <access token>', me);
    if (me.status !== 200 || anonymous.status !== 401 || forged.status !== 401) {
      throw new Error('the middleware did not answer as expected');
    }
  } finally {
    await remove();
  }
}

async function main(): Promise<void> {
  await withExampleTarget({ secretClient: true }, async (target) => {
    const endpoint = target.endpoint ? { endpoint: target.endpoint } : {};
    // 32 random bytes, the same on every instance: they seal the steps that travel to the client.
    const stepKey = process.env.STEP_KEY ?? randomBytes(32).toString('base64url');
    const auth = AuthClient.create({
      stepKeys: [{ id: 'k1', secret: stepKey }],
      userPoolId: target.userPoolId,
      clientId: target.clientId,
      ...(target.clientSecret ? { clientSecret: target.clientSecret } : {}),
      region: target.region,
      ...endpoint,
    });
    if (auth.isErr()) throw new Error(auth.error.message);
    const verifier = TokenVerifier.create({
      userPoolId: target.userPoolId,
      clientId: target.clientId,
      ...(target.jwks ? { jwks: target.jwks } : {}),
    });
    if (verifier.isErr()) throw new Error(verifier.error.message);

    // moto fakes SRP without checking the password, so locally the service sends it (USER_PASSWORD_AUTH)
    // for a wrong one to be refused; against AWS it uses SRP and the password stays here.
    const passwordFlow = target.local ? 'USER_PASSWORD_AUTH' : 'USER_SRP_AUTH';
    console.log(`Sign-in flow: ${passwordFlow}.`);
    const app = createApp({ auth: auth.value, verifier: verifier.value, passwordFlow });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(`The API listens on ${base}.`);
    try {
      await walkThrough(base, target);
      if (process.argv.includes('--serve')) {
        console.log(
          `\nServing on ${base} until Ctrl-C, e.g.\n   curl -s ${base}/sign-in -H 'content-type: application/json' -d '{"username":"…","password":"…"}'`,
        );
        await once(process, 'SIGINT');
      }
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
}

runMain(main);
