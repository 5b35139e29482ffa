/**
 * The user story `cognito-flow/browser` must carry on every runtime (Bun, Deno, workerd): SRP sign-in of an
 * administrator-created user → NEW_PASSWORD_REQUIRED → completeNewPassword → SRP sign-in with the new
 * password → a wrong password as a typed error → a session refresh → identity-pool credentials → an S3
 * PutObject and GetObject signed with them. Bundled per runtime (see `bundle-story.ts`) and run there as a
 * subprocess against moto; the Node test asserts the report. Nothing here may use Node: it runs as users'
 * code does on those runtimes.
 */
import {
  AuthClient,
  type AwsCredentials,
  decodeIdToken,
  IdentityPool,
  type SignInStep,
  type TokenSet,
} from 'cognito-flow/browser';
import type { Result } from 'neverthrow';
import { putAndGetObject } from './s3-round-trip.js';

/** What the Node side provisioned on moto for one run. */
export interface StoryConfig {
  readonly region: string;
  readonly endpoint: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly identityPoolId: string;
  /** An administrator-created user in FORCE_CHANGE_PASSWORD with `temporaryPassword`. */
  readonly username: string;
  readonly temporaryPassword: string;
  readonly newPassword: string;
  /** An existing bucket; the story writes `key` into it. */
  readonly bucket: string;
  readonly key: string;
  /** An endpoint that checks SRP proofs for this user with `newPassword` (see `srp-verifier-server.ts`). */
  readonly srpVerifierEndpoint: string;
  /** A loopback endpoint where nothing listens: the runtime's own network failure. */
  readonly unreachableEndpoint: string;
}

/** One step the story completed, with the values it observed (never a token, password or key). */
export interface StoryStep {
  readonly name: string;
  readonly ms: number;
  readonly observed: Readonly<Record<string, string | number | boolean>>;
}

/** What the runtime reports on stdout (or as the worker's answer) as JSON. */
export interface StoryReport {
  readonly steps: readonly StoryStep[];
  /** The step that failed and its typed error (or the thrown error's name), when the story stopped early. */
  readonly failure?: { readonly step: string; readonly type: string; readonly message: string };
  readonly totalMs: number;
}

/** A typed `Err` (or a throw) that stops the story at `step`. */
class StoryFailure extends Error {
  constructor(
    readonly step: string,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

function must<T, E extends { readonly type: string; readonly message: string }>(
  step: string,
  result: Result<T, E>,
): T {
  if (result.isErr()) throw new StoryFailure(step, result.error.type, result.error.message);
  return result.value;
}

function expectStep<S extends SignInStep['step']>(
  name: string,
  step: SignInStep,
  want: S,
): Extract<SignInStep, { step: S }> {
  if (step.step !== want)
    throw new StoryFailure(name, 'UnexpectedStep', `got ${step.step}, expected ${want}`);
  return step as Extract<SignInStep, { step: S }>;
}

function claimsOf(step: string, tokens: TokenSet): { username: string; sub: string } {
  const claims = must(step, decodeIdToken(tokens.idToken));
  return { username: String(claims['cognito:username']), sub: String(claims.sub) };
}

/**
 * Runs the story against `config`'s endpoint with `fetch` (the runtime's own); never throws: a failure is
 * in the report's `failure`, after the steps that passed.
 */
export async function runStory(config: StoryConfig): Promise<StoryReport> {
  const started = performance.now();
  const steps: StoryStep[] = [];
  const step = async <T>(
    name: string,
    work: () => Promise<{ value: T; observed: StoryStep['observed'] }>,
  ): Promise<T> => {
    const at = performance.now();
    const { value, observed } = await work();
    steps.push({ name, ms: Math.round(performance.now() - at), observed });
    return value;
  };
  try {
    const auth = must(
      'create',
      AuthClient.create({
        userPoolId: config.userPoolId,
        clientId: config.clientId,
        endpoint: config.endpoint,
      }),
    );
    const { username, temporaryPassword, newPassword } = config;

    const challenge = await step('srp-sign-in-temporary-password', async () => {
      const first = must(
        'srp-sign-in-temporary-password',
        await auth.signIn({ username, password: temporaryPassword }),
      );
      const value = expectStep('srp-sign-in-temporary-password', first, 'NEW_PASSWORD_REQUIRED');
      return { value, observed: { step: value.step, username: value.username } };
    });

    await step('complete-new-password', async () => {
      const done = must('complete-new-password', await auth.completeNewPassword(challenge, newPassword));
      const value = expectStep('complete-new-password', done, 'SIGNED_IN');
      return { value, observed: { step: value.step, ...claimsOf('complete-new-password', value.tokens) } };
    });

    const signedIn = await step('srp-sign-in', async () => {
      const again = must('srp-sign-in', await auth.signIn({ username, password: newPassword }));
      const value = expectStep('srp-sign-in', again, 'SIGNED_IN');
      return { value, observed: { step: value.step, ...claimsOf('srp-sign-in', value.tokens) } };
    });

    await step('wrong-password', async () => {
      const wrong = await auth.signIn({
        username,
        password: `${newPassword}-wrong`,
        flow: 'USER_PASSWORD_AUTH',
      });
      if (wrong.isOk())
        throw new StoryFailure('wrong-password', 'UnexpectedOk', `signed in as ${wrong.value.step}`);
      return { value: undefined, observed: { type: wrong.error.type, message: wrong.error.message } };
    });

    await step('unreachable-endpoint', async () => {
      const nowhere = must(
        'unreachable-endpoint',
        AuthClient.create({
          userPoolId: config.userPoolId,
          clientId: config.clientId,
          endpoint: config.unreachableEndpoint,
        }),
      );
      const failed = await nowhere.signIn({ username, password: newPassword, flow: 'USER_PASSWORD_AUTH' });
      if (failed.isOk()) throw new StoryFailure('unreachable-endpoint', 'UnexpectedOk', failed.value.step);
      return { value: undefined, observed: { type: failed.error.type, retryable: failed.error.retryable } };
    });

    const refreshed = await step('session-refresh', async () => {
      // moto answers GetTokensFromRefreshToken with an HTML 500, which is no reason to switch operations.
      const session = auth.session(signedIn.tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
      const value = must('session-refresh', await session.refresh());
      return {
        value,
        observed: {
          idTokenChanged: value.idToken !== signedIn.tokens.idToken,
          accessTokenChanged: value.accessToken !== signedIn.tokens.accessToken,
          ...claimsOf('session-refresh', value),
        },
      };
    });

    const pool = must(
      'create-identity-pool',
      IdentityPool.create({ identityPoolId: config.identityPoolId, endpoint: config.endpoint }),
    );
    const credentials: AwsCredentials = await step('identity-credentials', async () => {
      const value = must('identity-credentials', await pool.getCredentials({ idToken: refreshed.idToken }));
      const cached = must('identity-credentials', await pool.getCredentials({ idToken: refreshed.idToken }));
      return {
        value,
        observed: {
          identityId: value.identityId,
          hasSessionToken: value.sessionToken.length > 0,
          expiresInFuture: value.expiration.getTime() > Date.now(),
          cachedSameIdentity: cached.identityId === value.identityId,
        },
      };
    });

    await step('s3-signed-put-and-get', async () => {
      const body = `written on ${runtimeName()} by ${username}`;
      const read = await putAndGetObject(config, credentials, body);
      if ('error' in read) throw new StoryFailure('s3-signed-put-and-get', read.error, read.message);
      return { value: undefined, observed: { putStatus: read.putStatus, body: read.body } };
    });
    await step('srp-verified-sign-in', async () => {
      const verifier = must(
        'srp-verified-sign-in',
        AuthClient.create({
          userPoolId: config.userPoolId,
          clientId: config.clientId,
          endpoint: config.srpVerifierEndpoint,
        }),
      );
      const signed = must('srp-verified-sign-in', await verifier.signIn({ username, password: newPassword }));
      const value = expectStep('srp-verified-sign-in', signed, 'SIGNED_IN');
      const wrong = await verifier.signIn({ username, password: `${newPassword}-wrong` });
      return {
        value: undefined,
        observed: {
          step: value.step,
          username: claimsOf('srp-verified-sign-in', value.tokens).username,
          wrongPassword: wrong.isErr() ? wrong.error.type : `Ok ${wrong.value.step}`,
        },
      };
    });
    return { steps, totalMs: Math.round(performance.now() - started) };
  } catch (thrown) {
    const failure =
      thrown instanceof StoryFailure
        ? { step: thrown.step, type: thrown.type, message: thrown.message }
        : {
            step: `after ${steps.at(-1)?.name ?? 'start'}`,
            type: thrown instanceof Error ? thrown.name : 'Thrown',
            message: thrown instanceof Error ? thrown.message : String(thrown),
          };
    return { steps, failure, totalMs: Math.round(performance.now() - started) };
  }
}

/** The runtime the story runs on, from its own globals. */
export function runtimeName(): string {
  const g = globalThis as { Bun?: { version: string }; Deno?: { version: { deno: string } } };
  if (g.Bun) return `bun ${g.Bun.version}`;
  if (g.Deno) return `deno ${g.Deno.version.deno}`;
  return typeof navigator === 'object' ? navigator.userAgent : 'unknown';
}
