import type { SignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import { toAttributeList } from '../../attributes/format.js';
import type { UserAttributes } from '../../attributes/types.js';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { UnexpectedError } from '../../errors/types.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { SIGN_UP_ERRORS, type SignUpError } from './account-errors.js';
import { type CodeDeliveryDetails, codeDeliveryFromSdk } from './code-delivery.js';
import { clientMetadataField, optionalStringMap, optionalText, requireText } from './input-checks.js';

/**
 * Input of `signUp`.
 *
 * @example
 * ```ts
 * const input: SignUpInput = {
 *   username: 'alice',
 *   password: 'Corr3ct-Horse!',
 *   attributes: { email: 'alice@example.com', birthdate: '1990-04-01', 'custom:plan': 'pro' },
 * };
 * ```
 */
export interface SignUpInput {
  /** The user name, or the email/phone number in pools that sign in with those. */
  readonly username: string;
  /** The password; leave it out only in pools that allow passwordless sign-up. */
  readonly password?: string;
  /** Typed attributes (dates, booleans and numbers are converted as Cognito stores them). */
  readonly attributes?: UserAttributes;
  /** Key-value pairs for your pre sign-up trigger to validate; Cognito does not store them. */
  readonly validationData?: Readonly<Record<string, string>>;
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * What Cognito answered to a sign-up.
 *
 * @example
 * ```ts
 * const result: SignUpResult = (await auth.signUp(input))._unsafeUnwrap();
 * if (!result.userConfirmed && result.codeDelivery) askForCode(result.codeDelivery.destination);
 * ```
 */
export interface SignUpResult {
  /** The user name as given. */
  readonly username: string;
  /** The new user's `sub`. */
  readonly userSub: string;
  /** Whether the user is already confirmed (e.g. by a pre sign-up trigger); if not, `confirmSignUp`. */
  readonly userConfirmed: boolean;
  /** Where Cognito sent the confirmation code; absent when it sent none. */
  readonly codeDelivery?: CodeDeliveryDetails;
  /** Cognito's sign-up session: pass it to `confirmSignUp` to be able to `autoSignIn` afterwards. */
  readonly session?: string;
}

function signUpResult(username: string, output: SignUpCommandOutput): Result<SignUpResult, UnexpectedError> {
  if (typeof output?.UserSub !== 'string' || output.UserSub.length === 0) {
    return err(makeError('Unexpected', "Cognito answered SignUp without the new user's sub"));
  }
  const codeDelivery = codeDeliveryFromSdk(output.CodeDeliveryDetails);
  return ok({
    username,
    userSub: output.UserSub,
    userConfirmed: output.UserConfirmed === true,
    ...(codeDelivery ? { codeDelivery } : {}),
    ...(output.Session ? { session: output.Session } : {}),
  });
}

/**
 * Registers a new user (SignUp) with typed attributes, validation data, client metadata and, when the
 * app client has a secret, SECRET_HASH. Bad input is an `InvalidParameter` error and sends nothing.
 *
 * @example
 * ```ts
 * const result = await signUp(context, { username: 'alice', password, attributes: { email: 'alice@example.com' } });
 * ```
 */
export function signUp(context: AuthContext, input: SignUpInput): ResultAsync<SignUpResult, SignUpError> {
  const username = requireText(input?.username, 'username');
  if (username.isErr()) return errAsync(username.error);
  const password = optionalText(input.password, 'password');
  if (password.isErr()) return errAsync(password.error);
  const attributes = input.attributes === undefined ? ok([]) : toAttributeList(input.attributes);
  if (attributes.isErr()) return errAsync(attributes.error);
  const validationData = optionalStringMap(input.validationData, 'validationData');
  if (validationData.isErr()) return errAsync(validationData.error);
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  const { config, transport } = context;
  return secretHashParameter(config, username.value)
    .andThen(({ SECRET_HASH }) =>
      transport(
        'SignUp',
        {
          ClientId: config.clientId,
          Username: username.value,
          ...(password.value !== undefined ? { Password: password.value } : {}),
          ...(SECRET_HASH ? { SecretHash: SECRET_HASH } : {}),
          ...(attributes.value.length > 0 ? { UserAttributes: attributes.value } : {}),
          ...(validationData.value
            ? {
                ValidationData: Object.entries(validationData.value).map(([Name, Value]) => ({
                  Name,
                  Value,
                })),
              }
            : {}),
          ...clientMetadataField(metadata.value),
        },
        { secrets: [password.value, SECRET_HASH, config.clientSecret] },
      ),
    )
    .andThen((output) => signUpResult(username.value, output))
    .mapErr((error) => narrowError(error, SIGN_UP_ERRORS));
}
