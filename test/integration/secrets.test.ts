import { inspect } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../examples/support/provision.js';
import { AdminClient } from '../../src/admin/index.js';
import type { UserPoolAuthOperations } from '../../src/auth/user-pool-transport.js';
import { AuthClient, secretHash } from '../../src/index.js';
import { memoryTokenStore } from '../../src/tokens/stores/memory-token-store.js';
import type { TokenSet } from '../../src/tokens/token-set.js';
import { fetchTransport } from '../../src/transport/fetch-transport.js';
import { withRetryPolicy } from '../../src/transport/sdk-retry-policy.js';
import { NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';
import { type FaultServer, startFaultServer } from './faults/fault-server.js';

const HOUR = 3600_000;
const WRONG_PASSWORD = 'Wr0ng-Passw0rd!';
const WEAK_NEW_PASSWORD = 'weakpassword';
const OTHER_NEW_PASSWORD = 'An0ther-Passw0rd!';
const FORGED_SESSION = 'forged-session-0123456789abcdef0123456789abcdef';

/** Everything printable the library, the SDK and the test's listeners produced. */
const captured: string[] = [];
/** Every secret that must never appear in `captured`. */
const secrets = new Set<string>();

function keepSecret(value: string | undefined): void {
  if (typeof value === 'string' && value.length >= 8) secrets.add(value);
}

function keepTokens(tokens: TokenSet): void {
  keepSecret(tokens.idToken);
  keepSecret(tokens.accessToken);
  keepSecret(tokens.refreshToken);
}

/** Every way a user might print `value`: JSON, deep inspect with hidden fields, String(), stack, and the whole `cause` chain. */
function captureValue(value: unknown): void {
  const seen = new Set<unknown>();
  let current: unknown = value;
  for (
    let depth = 0;
    depth < 10 && current !== undefined && current !== null && !seen.has(current);
    depth += 1
  ) {
    seen.add(current);
    try {
      captured.push(JSON.stringify(current) ?? '');
    } catch (error) {
      captured.push(`JSON.stringify threw: ${String(error)}`);
    }
    captured.push(inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true }));
    captured.push(inspect(current));
    try {
      captured.push(String(current));
    } catch {
      // An object without a string form (e.g. null prototype): inspect covered it.
    }
    if (typeof current === 'object') {
      const fields = current as { stack?: unknown; message?: unknown; cause?: unknown };
      captured.push(String(fields.stack ?? ''), String(fields.message ?? ''));
      current = fields.cause;
    } else {
      current = undefined;
    }
  }
}

/** Runs a public call; captures its error (or anything thrown) and returns the result. */
async function run<T>(call: () => PromiseLike<T>): Promise<T> {
  try {
    const result = await call();
    const maybe = result as { isErr?: () => boolean; error?: unknown };
    if (typeof maybe?.isErr === 'function' && maybe.isErr()) captureValue(maybe.error);
    return result;
  } catch (thrown) {
    captureValue(thrown);
    throw thrown;
  }
}

const logLine =
  (level: string) =>
  (...args: unknown[]) =>
    captured.push(
      `[sdk ${level}] ${args.map((arg) => inspect(arg, { depth: Number.POSITIVE_INFINITY })).join(' ')}`,
    );

describe.skipIf(!stack)(
  'no secret reaches an error, a log line or an event (app client with a secret)',
  () => {
    const s = stack as NonNullable<typeof stack>;
    let server: FaultServer;
    const clock = { offset: 0 };
    const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
    let randomSpy: ReturnType<typeof vi.spyOn> | undefined;

    /** AuthClient on the app client with a secret, through a user-supplied SDK client with a logger. */
    function authThrough(endpoint: string): AuthClient {
      const client = withRetryPolicy(
        new CognitoIdentityProviderClient({
          region: s.region,
          endpoint,
          credentials: LOCAL_CREDENTIALS,
          logger: {
            debug: logLine('debug'),
            info: logLine('info'),
            warn: logLine('warn'),
            error: logLine('error'),
          },
        }),
      );
      return AuthClient.create({
        userPoolId: s.userPoolId,
        clientId: s.secretClientId,
        clientSecret: s.clientSecret,
        client,
        now: () => Date.now() + clock.offset,
      })._unsafeUnwrap();
    }

    beforeAll(async () => {
      server = await startFaultServer(s.endpoint);
      keepSecret(s.clientSecret);
      for (const password of [
        TEMPORARY_PASSWORD,
        NEW_PASSWORD,
        WRONG_PASSWORD,
        WEAK_NEW_PASSWORD,
        OTHER_NEW_PASSWORD,
      ]) {
        keepSecret(password);
      }
      keepSecret(FORGED_SESSION);
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        consoleSpies.push(
          vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
            captured.push(`[console.${level}] ${args.map((arg) => inspect(arg, { depth: 8 })).join(' ')}`);
          }),
        );
      }
      // Every random buffer of SRP size or more (the SRP private value `a`, device passwords) is a secret.
      const original = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
      randomSpy = vi
        .spyOn(globalThis.crypto, 'getRandomValues')
        .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
          const filled = original(array as never) as unknown as T;
          if (filled && filled.byteLength >= 32) {
            const bytes = Buffer.from(filled.buffer, filled.byteOffset, filled.byteLength);
            keepSecret(bytes.toString('hex'));
            keepSecret(bytes.toString('hex').replace(/^0+/, ''));
            keepSecret(bytes.toString('base64'));
            keepSecret(BigInt(`0x${bytes.toString('hex')}`).toString(10));
          }
          return filled;
        });
    });

    afterEach(() => {
      clock.offset = 0;
    });

    afterAll(async () => {
      for (const spy of consoleSpies) spy.mockRestore();
      randomSpy?.mockRestore();
      await server.close();
    });

    it('sign-in failures, a sign-in, refreshes, sign-out, account calls and transport faults leave no secret in any captured text', async () => {
      const auth = authThrough(s.endpoint);
      const faulty = authThrough(server.url);
      const admin = AdminClient.create({ userPoolId: s.userPoolId, endpoint: s.endpoint })._unsafeUnwrap();
      const username = uniqueUsername('secrets');
      (
        await admin.adminCreateUser({
          username,
          temporaryPassword: TEMPORARY_PASSWORD,
          messageAction: 'SUPPRESS',
        })
      )._unsafeUnwrap();
      keepSecret(await secretHash(username, s.secretClientId, s.clientSecret));

      // Wrong password, through both flows.
      const wrong = await run(() =>
        auth.signIn({ username, password: WRONG_PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
      );
      expect(wrong._unsafeUnwrapErr().type).toBe('NotAuthorized');

      // SRP sign-in (moto fakes SRP_B and skips the signature check) up to NEW_PASSWORD_REQUIRED.
      const srp = await run(() =>
        auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_SRP_AUTH' }),
      );
      // Not kept as a secret: moto reuses this session as the SRP SECRET_BLOCK, a public challenge
      // parameter the SDK logs (real Cognito's session and secret block differ).
      expect(srp._unsafeUnwrap().step).toBe('NEW_PASSWORD_REQUIRED');

      const first = (
        await run(() => auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' }))
      )._unsafeUnwrap();
      if (first.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected step ${first.step}`);
      keepSecret(first.session);

      // A password the policy refuses, a forged session, and an expired step.
      const weak = await run(() => auth.completeNewPassword(first, WEAK_NEW_PASSWORD));
      expect(weak.isErr()).toBe(true);
      const forged = await run(() =>
        auth.completeNewPassword({ ...first, session: FORGED_SESSION }, NEW_PASSWORD),
      );
      expect(forged.isErr()).toBe(true);
      const expired = await run(() =>
        auth.completeNewPassword({ ...first, expiresAt: Date.now() - 1 }, NEW_PASSWORD),
      );
      expect(expired._unsafeUnwrapErr().type).toBe('SessionExpired');

      // The same failures through the fetch transport (its errors' causes are built from the answer body).
      const viaFetch = new AuthClient(
        { userPoolId: s.userPoolId, clientId: s.secretClientId, clientSecret: s.clientSecret },
        fetchTransport<UserPoolAuthOperations>({
          service: 'cognito-idp',
          region: s.region,
          endpoint: s.endpoint,
        }),
      );
      const fetchWrong = await run(() =>
        viaFetch.signIn({ username, password: WRONG_PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
      );
      expect(fetchWrong._unsafeUnwrapErr().type).toBe('NotAuthorized');
      const fetchForged = await run(() =>
        viaFetch.completeNewPassword({ ...first, session: FORGED_SESSION }, NEW_PASSWORD),
      );
      expect(fetchForged.isErr()).toBe(true);

      // Transport faults on the challenge answer: reset, HTML 500, then a time-out-free success.
      const faultyFirst = (
        await run(() => faulty.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' }))
      )._unsafeUnwrap();
      if (faultyFirst.step !== 'NEW_PASSWORD_REQUIRED')
        throw new Error(`unexpected step ${faultyFirst.step}`);
      keepSecret(faultyFirst.session);
      server.fail('RespondToAuthChallenge', 'reset', 'html500');
      expect(
        (await run(() => faulty.completeNewPassword(faultyFirst, NEW_PASSWORD)))._unsafeUnwrapErr().type,
      ).toBe('Network');
      expect(
        (await run(() => faulty.completeNewPassword(faultyFirst, NEW_PASSWORD)))._unsafeUnwrapErr().type,
      ).toBe('Unexpected');
      const done = (await run(() => faulty.completeNewPassword(faultyFirst, NEW_PASSWORD)))._unsafeUnwrap();
      if (done.step !== 'SIGNED_IN') throw new Error(`unexpected step ${done.step}`);
      keepTokens(done.tokens);
      // The step was answered: answering it again is refused.
      expect((await run(() => faulty.completeNewPassword(faultyFirst, NEW_PASSWORD))).isErr()).toBe(true);

      // Account calls that fail with the tokens and passwords in their input.
      const accessToken = done.tokens.accessToken;
      const change = await run(() =>
        auth.changePassword({
          accessToken,
          previousPassword: WRONG_PASSWORD,
          newPassword: OTHER_NEW_PASSWORD,
        }),
      );
      expect(change.isErr()).toBe(true);
      const totp = await run(() => auth.associateTotp({ accessToken }));
      keepSecret(totp.isOk() ? totp.value.secret : undefined);
      const badCode = await run(() => auth.verifyTotp({ accessToken, code: '000000' }));
      expect(badCode.isErr()).toBe(true);
      const badToken = await run(() => auth.getUser({ accessToken: `${accessToken}x` }));
      expect(badToken._unsafeUnwrapErr().type).toBe('NotAuthorized');

      // A session: refreshed (REFRESH_TOKEN_AUTH with SECRET_HASH), a refresh meeting a reset, then signed out.
      const events: unknown[] = [];
      let refreshedCount = 0;
      const session = faulty.session(done.tokens, {
        store: memoryTokenStore(),
        refreshOperation: 'REFRESH_TOKEN_AUTH',
      });
      // `refreshed` hands the new TokenSet to the app by contract (to save it): counted, not printed.
      session.on('refreshed', (tokens) => {
        keepTokens(tokens);
        refreshedCount += 1;
      });
      session.on('ended', (event) => events.push(event));
      clock.offset = 2 * HOUR;
      server.fail('InitiateAuth', 'reset', 'reset', 'reset');
      const failedRefresh = await run(() => session.getTokens());
      expect(failedRefresh._unsafeUnwrapErr().type).toBe('Network');
      const refreshed = (await run(() => session.getTokens()))._unsafeUnwrap();
      keepTokens(refreshed);
      expect(refreshedCount).toBe(1);
      (await run(() => session.signOut({ global: true }))).isOk();
      const afterSignOut = await run(() => session.getTokens());
      expect(afterSignOut._unsafeUnwrapErr().type).toBe('SessionEnded');
      // A revoked refresh token on a new session: Cognito's rejection ends it.
      const revoked = auth.session(refreshed, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
      revoked.on('ended', (event) => events.push(event));
      await run(() => revoked.refresh());
      for (const event of events) captureValue(event);
      expect(events.length).toBeGreaterThan(0);

      // The proof: every secret collected above, against everything captured.
      expect(secrets.size).toBeGreaterThan(10);
      expect(captured.length).toBeGreaterThan(50);
      const everything = captured.join('\n');
      const leaked = [...secrets].filter((secret) => everything.includes(secret));
      // Each leak is reported by its first characters and the text just before it.
      const report = (secret: string) => {
        const at = everything.indexOf(secret);
        return `${secret.slice(0, 6)}… (${secret.length} chars) after: ${everything.slice(Math.max(0, at - 200), at)}`;
      };
      expect(leaked.map(report)).toEqual([]);
    }, 60_000);
  },
);
