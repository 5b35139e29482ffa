import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import { type AuthClientConfig, parseAuthConfig } from '../config/auth-config.js';
import type { InvalidConfigError } from '../errors/types.js';
import { type CompleteNewPasswordOptions, completeNewPassword } from './challenges/new-password.js';
import type { AuthContext } from './context.js';
import type { CompleteNewPasswordError, ResumeError, SignInError } from './errors.js';
import { type PasswordSignInInput, passwordSignIn } from './flows/password-sign-in.js';
import { parseStep } from './resume-step.js';
import type { SignInStep, Step } from './steps.js';
import { type UserPoolTransport, userPoolSdkTransport } from './user-pool-transport.js';

/**
 * Input of {@link AuthClient.signIn}.
 *
 * @example
 * ```ts
 * const input: SignInInput = { username: 'alice', password, flow: 'USER_PASSWORD_AUTH' };
 * ```
 */
export type SignInInput = PasswordSignInInput;

/**
 * A Cognito user-pool client whose sign-in is a state machine of plain-data steps.
 * Holds no per-user state: one instance serves any number of concurrent sign-ins.
 * Every method returns a `Result`/`ResultAsync`; none throws.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' })._unsafeUnwrap();
 * const step = await auth.signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
 * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') {
 *   const done = await auth.completeNewPassword(step.value, newPassword, { attributes: { name: 'Alice' } });
 * }
 * ```
 */
export class AuthClient {
  readonly #context: Result<AuthContext, InvalidConfigError>;

  /**
   * Validates `config` and builds a client; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
   * if (auth.isErr()) console.error(auth.error.message);
   * ```
   */
  static create(config: AuthClientConfig): Result<AuthClient, InvalidConfigError> {
    const client = new AuthClient(config);
    return client.#context.isErr() ? err(client.#context.error) : ok(client);
  }

  /**
   * Builds a client without checking the result: with an invalid `config` the constructor does
   * not throw, and every call returns the `InvalidConfig` error. Prefer {@link AuthClient.create}.
   *
   * @example
   * ```ts
   * const auth = new AuthClient({ userPoolId: 'eu-west-1_AbC123', clientId: '1example', clientSecret });
   * ```
   */
  constructor(config: AuthClientConfig, transport?: UserPoolTransport) {
    this.#context = parseAuthConfig(config).map((resolved) => ({
      config: resolved,
      transport:
        transport ??
        userPoolSdkTransport(
          resolved.client ??
            new CognitoIdentityProviderClient({
              region: resolved.region,
              ...(resolved.endpoint ? { endpoint: resolved.endpoint } : {}),
            }),
        ),
    }));
  }

  /**
   * Starts a sign-in. Answers with the first step: `SIGNED_IN`, a challenge to answer, or
   * `CONFIRM_SIGN_UP` / `RESET_PASSWORD` when Cognito says the user must do that first.
   *
   * @example
   * ```ts
   * const step = await auth.signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
   * ```
   */
  signIn(input: SignInInput): ResultAsync<SignInStep, SignInError> {
    return this.#context.match(
      (context) => passwordSignIn(context, input),
      (error) => errAsync(error),
    );
  }

  /**
   * Answers a `NEW_PASSWORD_REQUIRED` step with the new password and the required attributes.
   * Missing required attributes are reported without calling Cognito.
   *
   * @example
   * ```ts
   * const next = await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
   *   attributes: { email: 'alice@example.com', birthdate: '1990-04-01' },
   * });
   * ```
   */
  completeNewPassword(
    step: Step<'NEW_PASSWORD_REQUIRED'>,
    newPassword: string,
    options?: CompleteNewPasswordOptions,
  ): ResultAsync<SignInStep, CompleteNewPasswordError> {
    return this.#context.match(
      (context) => completeNewPassword(context, step, newPassword, options),
      (error) => errAsync(error),
    );
  }

  /**
   * Re-validates a step that travelled as JSON (a string or a parsed object): its shape, that it
   * belongs to this app client, and that its session has not expired.
   *
   * @example
   * ```ts
   * // The server sent `JSON.stringify(step)` to the browser; the browser posts it back:
   * const step = auth.resume(request.body.step);
   * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') await auth.completeNewPassword(step.value, pw);
   * ```
   */
  resume(json: unknown): Result<SignInStep, ResumeError | InvalidConfigError> {
    return this.#context.andThen(({ config }) =>
      parseStep(json, { clientId: config.clientId, now: config.now() }),
    );
  }
}
