import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../examples/node-service/app.js';
import { stepReply } from '../../examples/node-service/step-reply.js';
import { AdminClient } from '../../src/admin/index.js';
import { AuthClient, type SignInStep } from '../../src/index.js';
import { TokenVerifier } from '../../src/verify/index.js';
import { freshTotpCode } from '../support/totp.js';
import {
  adminCreatedUser,
  clientsFor,
  NEW_PASSWORD,
  stack,
  TEMPORARY_PASSWORD,
  totpRequiredPool,
  uniqueUsername,
} from './clients.js';

const run = promisify(execFile);

// biome-ignore lint/suspicious/noExplicitAny: reply bodies are read field by field, each checked by an expect.
type Json = Record<string, any>;

interface Service {
  readonly base: string;
  close(): Promise<void>;
}

/** The example's app on a free loopback port, for an app client of `userPoolId`. */
async function startService(options: {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  clientSecret: string;
  stepKey: Uint8Array;
  /** Where the verifier fetches the keys (default: moto's JWKS of the pool). */
  jwks?: string;
}): Promise<Service> {
  const auth = AuthClient.create({
    userPoolId: options.userPoolId,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    endpoint: options.endpoint,
    stepKeys: [{ id: 'k1', secret: options.stepKey }],
  })._unsafeUnwrap();
  const verifier = TokenVerifier.create({
    userPoolId: options.userPoolId,
    clientId: options.clientId,
    jwks: options.jwks ?? `${options.endpoint}/${options.userPoolId}/.well-known/jwks.json`,
    jwksTimeoutMs: 1000,
  })._unsafeUnwrap();
  // moto's SRP never checks the password, so the service sends it: a wrong one is then refused.
  const app = createApp({ auth, verifier, passwordFlow: 'USER_PASSWORD_AUTH' });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function request(
  service: Service,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; raw?: string; token?: string; authorization?: string } = {},
): Promise<{ status: number; json: Json; headers: Headers }> {
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  const response = await fetch(`${service.base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(authorization ? { authorization } : {}),
    },
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.status, json: (await response.json()) as Json, headers: response.headers };
}

/** `sealed` with the character at `index` replaced by another of the base64url alphabet. */
const flip = (sealed: string, index: number): string =>
  `${sealed.slice(0, index)}${sealed[index] === 'A' ? 'B' : 'A'}${sealed.slice(index + 1)}`;

describe.skipIf(!stack)('examples/node-service: the Express sign-in API over HTTP against moto', () => {
  const s = stack as NonNullable<typeof stack>;
  const stepKey = randomBytes(32);
  /** A sibling instance holding the service's key: seals steps as the service would (or for another client, or earlier). */
  const sibling = (options: { clientId?: string; now?: () => number } = {}) =>
    AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: options.clientId ?? s.secretClientId,
      stepKeys: [{ id: 'k1', secret: stepKey }],
      ...(options.now ? { now: options.now } : {}),
    })._unsafeUnwrap();
  const seal = async (step: unknown, options: { clientId?: string; now?: () => number } = {}) =>
    (await sibling(options).sealStep(step as SignInStep))._unsafeUnwrap();
  let service: Service;

  beforeAll(async () => {
    service = await startService({
      endpoint: s.endpoint,
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
      clientSecret: s.clientSecret,
      stepKey,
    });
  });
  afterAll(async () => {
    await service?.close();
  });

  const newUser = (prefix: string) => adminCreatedUser(s, prefix, { email: true });

  /** POST /sign-in with the temporary password: the sealed NEW_PASSWORD_REQUIRED reply. */
  async function firstStep(username: string) {
    const reply = await request(service, 'POST', '/sign-in', {
      body: { username, password: TEMPORARY_PASSWORD },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.next).toBe('NEW_PASSWORD_REQUIRED');
    return reply.json as { next: string; step: string; view: Json };
  }

  it('walks NEW_PASSWORD_REQUIRED through the client sealed (no session or user name visible) and back, then /me returns the verified claims', async () => {
    const username = await newUser('svc-round-trip');
    const first = await firstStep(username);
    // The step travels sealed: the page sees what to ask for, never the session or the user's attributes.
    expect(first.step).toMatch(/^cf1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(first.step).not.toContain(username);
    expect(first.view).toMatchObject({
      requiredAttributes: expect.any(Array),
      expiresAt: expect.any(Number),
    });
    const opened = (await sibling().openStep(first.step))._unsafeUnwrap();
    expect(opened).toMatchObject({ step: 'NEW_PASSWORD_REQUIRED', clientId: s.secretClientId, username });

    const done = await request(service, 'POST', '/sign-in/continue', {
      body: { step: first.step, answer: { newPassword: NEW_PASSWORD } },
    });
    expect(done.status).toBe(200);
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(done.json.next).toBe('SIGNED_IN');
    expect(done.json.step).toBeUndefined();
    const { accessToken, idToken, refreshToken } = done.json.tokens;
    expect(typeof refreshToken).toBe('string');

    const me = await request(service, 'GET', '/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.json.claims).toMatchObject({
      username,
      client_id: s.secretClientId,
      token_use: 'access',
      iss: `https://cognito-idp.${s.region}.amazonaws.com/${s.userPoolId}`,
    });

    // The new password now signs in straight to tokens.
    const again = await request(service, 'POST', '/sign-in', { body: { username, password: NEW_PASSWORD } });
    expect(again.status).toBe(200);
    expect(again.json.next).toBe('SIGNED_IN');

    // An ID token is not an access token.
    const withIdToken = await request(service, 'GET', '/me', { token: idToken });
    expect(withIdToken.status).toBe(401);
    expect(withIdToken.json.error).toMatchObject({ type: 'InvalidToken', reason: 'token_use' });
  });

  it('a wrong password is 401 NotAuthorized, and an unknown user gets the very same answer', async () => {
    const username = await newUser('svc-wrong');
    const wrong = await request(service, 'POST', '/sign-in', {
      body: { username, password: 'Wrong-Passw0rd!' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({
      error: { type: 'NotAuthorized', message: expect.any(String), retryable: false },
    });
    expect(JSON.stringify(wrong.json)).not.toContain('Wrong-Passw0rd!');

    const unknown = await request(service, 'POST', '/sign-in', {
      body: { username: uniqueUsername('nobody'), password: 'Wrong-Passw0rd!' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual({
      error: { type: 'NotAuthorized', message: 'Incorrect username or password.', retryable: false },
    });
  });

  it('a sign-in without username or password, or with a body that is not JSON, is 400 InvalidRequest', async () => {
    for (const body of [
      {},
      { username: 'alice' },
      { username: '', password: 'x' },
      { username: 1, password: 2 },
    ]) {
      const reply = await request(service, 'POST', '/sign-in', { body });
      expect(reply.status).toBe(400);
      expect(reply.json.error).toMatchObject({ type: 'InvalidRequest', retryable: false });
    }
    const garbage = await request(service, 'POST', '/sign-in', { raw: '{"username": "alice", ' });
    expect(garbage.status).toBe(400);
    expect(garbage.json.error).toEqual({
      type: 'InvalidRequest',
      message: 'The body is not valid JSON',
      retryable: false,
    });
  });

  it('a tampered sealed step (a character changed, cut short, extended, or the step sent unsealed) is 400 InvalidStep', async () => {
    const username = await newUser('svc-tamper');
    const first = await firstStep(username);
    const answer = { newPassword: NEW_PASSWORD };
    const plain = (await sibling().openStep(first.step))._unsafeUnwrap();
    const tampered: unknown[] = [
      flip(first.step, first.step.length - 40),
      flip(first.step, first.step.length - 2),
      flip(first.step, 'cf1.k1.'.length),
      first.step.slice(0, -10),
      `${first.step}AAAA`,
      first.step.replace('cf1.k1.', 'cf1.k2.'),
      plain,
      JSON.stringify(plain),
      { ...plain, admin: true },
      undefined,
    ];
    for (const step of tampered) {
      const reply = await request(service, 'POST', '/sign-in/continue', { body: { step, answer } });
      expect(reply.status).toBe(400);
      expect(reply.json.error).toMatchObject({ type: 'InvalidStep', retryable: false });
      expect(JSON.stringify(reply.json)).not.toContain((plain as { session: string }).session);
    }
    // The genuine step is still answerable afterwards.
    const done = await request(service, 'POST', '/sign-in/continue', { body: { step: first.step, answer } });
    expect(done.json.next).toBe('SIGNED_IN');
    // Once answered, the step is spent: a replay is refused without reaching Cognito.
    const replay = await request(service, 'POST', '/sign-in/continue', {
      body: { step: first.step, answer },
    });
    expect(replay.status).toBe(400);
    expect(replay.json.error.type).toBe('InvalidStep');
  });

  it('garbage in place of a step is 400 InvalidStep', async () => {
    for (const step of [
      'garbage',
      'cf1.k1.x.y',
      '{"step":',
      42,
      null,
      [],
      { step: 'NEW_PASSWORD_REQUIRED' },
    ]) {
      const forged = await request(service, 'POST', '/sign-in/continue', {
        body: { step, answer: { newPassword: NEW_PASSWORD } },
      });
      expect(forged.status).toBe(400);
      expect(forged.json.error.type).toBe('InvalidStep');
    }
    const notJson = await request(service, 'POST', '/sign-in/continue', { raw: 'step=garbage' });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.type).toBe('InvalidRequest');
  });

  it('a step sealed for another app client is 400 InvalidStep; an expired one is 401 SessionExpired', async () => {
    const username = await newUser('svc-foreign');
    const first = await firstStep(username);
    const plain = (await sibling().openStep(first.step))._unsafeUnwrap();
    const foreign = await seal({ ...plain, clientId: s.clientId }, { clientId: s.clientId });
    const other = await request(service, 'POST', '/sign-in/continue', {
      body: { step: foreign, answer: { newPassword: NEW_PASSWORD } },
    });
    expect(other.status).toBe(400);
    expect(other.json.error).toMatchObject({
      type: 'InvalidStep',
      message: expect.stringMatching(/failed authentication/),
    });

    const stale = await seal(
      { ...plain, expiresAt: Date.now() - 1000 },
      { now: () => Date.now() - 3_600_000 },
    );
    const expired = await request(service, 'POST', '/sign-in/continue', {
      body: { step: stale, answer: { newPassword: NEW_PASSWORD } },
    });
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatchObject({ type: 'SessionExpired', retryable: false });
  });

  it('a missing or malformed answer is 400 InvalidRequest; a weak password 400 InvalidPassword; then the step still completes', async () => {
    const username = await newUser('svc-answer');
    const first = await firstStep(username);
    const answers: unknown[] = [
      undefined,
      'N3w-Passw0rd!x',
      {},
      { newPassword: '' },
      { newPassword: NEW_PASSWORD, attributes: { email: 42 } },
      { newPassword: NEW_PASSWORD, attributes: ['email'] },
    ];
    for (const answer of answers) {
      const reply = await request(service, 'POST', '/sign-in/continue', {
        body: { step: first.step, answer },
      });
      expect(reply.status).toBe(400);
      expect(reply.json.error.type).toBe('InvalidRequest');
    }
    const weak = await request(service, 'POST', '/sign-in/continue', {
      body: { step: first.step, answer: { newPassword: 'weak' } },
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.type).toBe('InvalidPassword');

    const done = await request(service, 'POST', '/sign-in/continue', {
      body: { step: first.step, answer: { newPassword: NEW_PASSWORD } },
    });
    expect(done.json.next).toBe('SIGNED_IN');
  });

  it('steps this service does not answer are 400 UnsupportedStep; a SELECT_MFA_TYPE answer outside allowedTypes is 400', async () => {
    const base = {
      clientId: s.secretClientId,
      username: 'alice',
      challengeUsername: 'alice',
      session: 'opaque-session',
      expiresAt: Date.now() + 60_000,
    };
    const custom = { ...base, step: 'CUSTOM_CHALLENGE', parameters: {} };
    const unsupported = await request(service, 'POST', '/sign-in/continue', {
      body: { step: await seal(custom), answer: { answer: '42' } },
    });
    expect(unsupported.status).toBe(400);
    expect(unsupported.json.error).toEqual({
      type: 'UnsupportedStep',
      message: 'This service does not answer CUSTOM_CHALLENGE steps',
      retryable: false,
    });

    const select = { ...base, step: 'SELECT_MFA_TYPE', allowedTypes: ['SOFTWARE_TOKEN_MFA'] };
    const outside = await request(service, 'POST', '/sign-in/continue', {
      body: { step: await seal(select), answer: { mfaType: 'SMS_MFA' } },
    });
    expect(outside.status).toBe(400);
    expect(outside.json.error).toMatchObject({
      type: 'InvalidRequest',
      message: 'answer.mfaType must be one of SOFTWARE_TOKEN_MFA',
    });

    const code = { ...base, step: 'SOFTWARE_TOKEN_MFA' };
    const noCode = await request(service, 'POST', '/sign-in/continue', {
      body: { step: await seal(code), answer: {} },
    });
    expect(noCode.status).toBe(400);
    expect(noCode.json.error.message).toBe('answer.code is required to answer SOFTWARE_TOKEN_MFA');
  });

  it('the middleware answers 401 with WWW-Authenticate for a missing, malformed, forged or foreign token', async () => {
    const missing = await request(service, 'GET', '/me');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.json.error).toMatchObject({ type: 'MissingToken' });

    const basic = await request(service, 'GET', '/me', { authorization: 'Basic YWxpY2U6c2VjcmV0' });
    expect(basic.status).toBe(401);
    expect(basic.json.error.type).toBe('MissingToken');

    const malformed = await request(service, 'GET', '/me', { token: 'not.a.jwt' });
    expect(malformed.status).toBe(401);
    expect(malformed.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(malformed.json.error).toMatchObject({ type: 'InvalidToken', reason: 'malformed' });

    const username = await newUser('svc-token');
    const first = await firstStep(username);
    const done = await request(service, 'POST', '/sign-in/continue', {
      body: { step: first.step, answer: { newPassword: NEW_PASSWORD } },
    });
    const token: string = done.json.tokens.accessToken;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forgedSignature = `${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const forged = await request(service, 'GET', '/me', { token: `${header}.${payload}.${forgedSignature}` });
    expect(forged.status).toBe(401);
    expect(forged.json.error).toMatchObject({ type: 'InvalidToken', reason: 'signature' });
    expect(JSON.stringify(forged.json)).not.toContain(signature);

    // A token of the pool's other app client (the one without a secret).
    const { auth } = clientsFor(s);
    const other = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (other.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${other.step}`);
    const foreign = await request(service, 'GET', '/me', { token: other.tokens.accessToken });
    expect(foreign.status).toBe(401);
    expect(foreign.json.error).toMatchObject({ type: 'InvalidToken', reason: 'audience' });
  });

  it('when the pool keys cannot be fetched, /me is 503 Unavailable (retryable), not 401', async () => {
    const username = await newUser('svc-jwks');
    const first = await firstStep(username);
    const done = await request(service, 'POST', '/sign-in/continue', {
      body: { step: first.step, answer: { newPassword: NEW_PASSWORD } },
    });
    const keyless = await startService({
      endpoint: s.endpoint,
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
      clientSecret: s.clientSecret,
      stepKey,
      jwks: 'http://127.0.0.1:9/jwks.json', // the discard port: nothing answers
    });
    try {
      const reply = await request(keyless, 'GET', '/me', { token: done.json.tokens.accessToken });
      expect(reply.status).toBe(503);
      expect(reply.json.error).toMatchObject({ type: 'Unavailable', retryable: true });
    } finally {
      await keyless.close();
    }
  });

  it('a body over 32 kB is 413 TooLarge', async () => {
    const reply = await request(service, 'POST', '/sign-in', {
      body: { username: 'alice', password: 'x'.repeat(40_000) },
    });
    expect(reply.status).toBe(413);
    expect(reply.json.error.type).toBe('TooLarge');
  });

  it('an unconfirmed user gets { next: CONFIRM_SIGN_UP, username }, without a step to continue', async () => {
    const { auth } = clientsFor(s, { secret: true });
    const signedUp = uniqueUsername('svc-unconfirmed');
    (
      await auth.signUp({
        username: signedUp,
        password: NEW_PASSWORD,
        attributes: { email: `${signedUp}@example.com` },
      })
    )._unsafeUnwrap();
    const unconfirmed = await request(service, 'POST', '/sign-in', {
      body: { username: signedUp, password: NEW_PASSWORD },
    });
    expect(unconfirmed.status).toBe(200);
    expect(unconfirmed.json).toEqual({ next: 'CONFIRM_SIGN_UP', username: signedUp });
  });

  it('a RESET_PASSWORD step is replied as { next, username } with nothing to continue (moto never asks for a reset at sign-in, so stepReply is called directly)', async () => {
    const reply = await stepReply(sibling(), {
      step: 'RESET_PASSWORD',
      clientId: s.secretClientId,
      username: 'alice',
    });
    expect(reply._unsafeUnwrap()).toEqual({ next: 'RESET_PASSWORD', username: 'alice' });
  });

  it('when Cognito cannot be reached, a sign-in is 503 Network (retryable)', async () => {
    const unreachable = AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
      clientSecret: s.clientSecret,
      endpoint: 'http://127.0.0.1:9', // the discard port: nothing answers
      stepKeys: [{ id: 'k1', secret: stepKey }],
    })._unsafeUnwrap();
    const verifier = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
    })._unsafeUnwrap();
    const server = createApp({ auth: unreachable, verifier }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const offline: Service = {
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
    try {
      const reply = await request(offline, 'POST', '/sign-in', {
        body: { username: 'alice', password: NEW_PASSWORD },
      });
      expect(reply.status).toBe(503);
      expect(reply.json.error).toMatchObject({ type: 'Network', retryable: true });
    } finally {
      await offline.close();
    }
  });

  it('unknown routes are JSON 404s', async () => {
    const reply = await request(service, 'GET', '/nowhere');
    expect(reply.status).toBe(404);
    expect(reply.json.error.type).toBe('NotFound');
  });

  describe('on a pool that requires MFA (moto checks TOTP codes against its fixed secret)', () => {
    let mfaService: Service;

    beforeAll(async () => {
      const { idp } = clientsFor(s);
      const { userPoolId, clientId, clientSecret } = await totpRequiredPool(s, 'node-service-mfa', {
        secret: true,
      });
      mfaService = await startService({
        endpoint: s.endpoint,
        userPoolId,
        clientId,
        clientSecret,
        stepKey,
      });
      const admin = AdminClient.create({ userPoolId, client: idp })._unsafeUnwrap();
      mfaAdmin = admin;
    });
    afterAll(async () => {
      await mfaService?.close();
    });
    let mfaAdmin: AdminClient;

    const post = (path: string, body: unknown) => request(mfaService, 'POST', path, { body });
    const totpCode = (secret: string) =>
      freshTotpCode(
        new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.toUpperCase()), digits: 6, period: 30 }),
      );

    it('NEW_PASSWORD_REQUIRED → MFA_SETUP (TOTP secret in the reply) → SIGNED_IN, then SOFTWARE_TOKEN_MFA with a wrong and a right code', async () => {
      const username = uniqueUsername('svc-mfa');
      (
        await mfaAdmin.createUser({
          username,
          temporaryPassword: TEMPORARY_PASSWORD,
          messageAction: 'SUPPRESS',
        })
      )._unsafeUnwrap();
      const first = await post('/sign-in', { username, password: TEMPORARY_PASSWORD });
      expect(first.json.next).toBe('NEW_PASSWORD_REQUIRED');
      const setupStep = await post('/sign-in/continue', {
        step: first.json.step,
        answer: { newPassword: NEW_PASSWORD },
      });
      expect(setupStep.json.next).toBe('MFA_SETUP');

      const noChoice = await post('/sign-in/continue', {
        step: setupStep.json.step,
        answer: {},
      });
      expect(noChoice.status).toBe(400);
      expect(noChoice.json.error.type).toBe('InvalidRequest');

      const setup = await post('/sign-in/continue', {
        step: setupStep.json.step,
        answer: { setUp: 'SOFTWARE_TOKEN_MFA' },
      });
      expect(setup.status).toBe(200);
      expect(setup.json.next).toBe('MFA_SETUP');
      expect(setup.json.totp.uri).toMatch(/^otpauth:\/\/totp\/cognito-flow%20node-service:/);
      const secret: string = setup.json.totp.secret;

      const wrongSetup = await post('/sign-in/continue', {
        step: setup.json.step,
        answer: { code: '000000' },
      });
      expect(wrongSetup.status).toBe(401);
      expect(wrongSetup.json.error.type).toBe('CodeMismatch');
      const verified = await post('/sign-in/continue', {
        step: setup.json.step,
        answer: { code: await totpCode(secret) },
      });
      expect(verified.json.next).toBe('SIGNED_IN');

      const mfa = await post('/sign-in', { username, password: NEW_PASSWORD });
      expect(mfa.json.next).toBe('SOFTWARE_TOKEN_MFA');
      const wrong = await post('/sign-in/continue', {
        step: mfa.json.step,
        answer: { code: '000000' },
      });
      expect(wrong.status).toBe(401);
      expect(wrong.json.error).toMatchObject({ type: 'CodeMismatch', retryable: false });

      const retry = await post('/sign-in', { username, password: NEW_PASSWORD });
      const done = await post('/sign-in/continue', {
        step: retry.json.step,
        answer: { code: await totpCode(secret) },
      });
      expect(done.status).toBe(200);
      expect(done.json.next).toBe('SIGNED_IN');
    }, 90_000);
  });

  // Not a duplicate of the tests above: they drive app.ts; this runs main.ts as users do (moto started and
  // provisioned by the script itself, no configuration) and checks the walk-through's own expectations.
  it('main.ts starts its own moto, walks the user through the API and exits 0', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', '--conditions=cognito-flow-source', 'examples/node-service/main.ts'],
      { timeout: 90_000, env: { ...process.env, COGNITO_USER_POOL_ID: '' } },
    );
    expect(stdout).toContain('→ 401 error NotAuthorized');
    expect(stdout).toMatch(/→ 200 NEW_PASSWORD_REQUIRED \(sealed step/);
    expect(stdout).toContain('→ 400 error InvalidStep');
    expect(stdout).toMatch(/→ 200 SIGNED_IN: id, access and refresh tokens/);
    expect(stdout).toContain('→ 401 error MissingToken');
    expect(stdout).toContain('→ 401 error InvalidToken (signature)');
    expect(stdout).toMatch(/→ 200 claims: username=service-user-\w+ .* token_use=access/);
    expect(stdout).toMatch(/Stopped moto_server \(pid \d+\)/);
    expect(stdout).not.toContain(TEMPORARY_PASSWORD);
  }, 120_000);
});
