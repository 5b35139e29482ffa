import { errAsync, type ResultAsync } from 'neverthrow';
import { toAttributeList } from '../../attributes/format.js';
import type { UserAttributes } from '../../attributes/types.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { UPDATE_USER_ATTRIBUTES_ERRORS, type UpdateUserAttributesError } from './account-errors.js';
import { type CodeDeliveryDetails, codeDeliveryFromSdk } from './code-delivery.js';
import { clientMetadataField, invalidInput, optionalStringMap, requireText } from './input-checks.js';

/**
 * Input of `updateUserAttributes`.
 *
 * @example
 * ```ts
 * const input: UpdateUserAttributesInput = { accessToken, attributes: { email: 'new@example.com', nickname: 'al' } };
 * ```
 */
export interface UpdateUserAttributesInput {
  readonly accessToken: string;
  /** Typed attributes to set (at least one). */
  readonly attributes: UserAttributes;
  /** Passed to the pool's Lambda triggers (e.g. the custom message trigger). */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * What changed, and which attributes now wait for verification.
 *
 * @example
 * ```ts
 * const { attributesToVerify } = (await auth.updateUserAttributes(input))._unsafeUnwrap();
 * if (attributesToVerify.includes('email')) askForEmailCode();
 * ```
 */
export interface UpdateUserAttributesResult {
  /** Names of the attributes Cognito sent a verification code for (e.g. `['email']`). */
  readonly attributesToVerify: readonly string[];
  /** Where each code went. */
  readonly codeDeliveries: readonly CodeDeliveryDetails[];
}

/**
 * Updates the signed-in user's attributes (UpdateUserAttributes). Changing an email or phone number
 * makes Cognito send a code: the result lists those attributes; confirm each with `verifyAttribute`.
 *
 * @example
 * ```ts
 * const updated = await updateUserAttributes(context, { accessToken, attributes: { email: 'new@example.com' } });
 * ```
 */
export function updateUserAttributes(
  context: AuthContext,
  input: UpdateUserAttributesInput,
): ResultAsync<UpdateUserAttributesResult, UpdateUserAttributesError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const attributes = toAttributeList(input.attributes);
  if (attributes.isErr()) return errAsync(attributes.error);
  if (attributes.value.length === 0)
    return errAsync(invalidInput('attributes must set at least one attribute'));
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  return context
    .transport(
      'UpdateUserAttributes',
      {
        AccessToken: accessToken.value,
        UserAttributes: attributes.value,
        ...clientMetadataField(metadata.value),
      },
      { secrets: [accessToken.value] },
    )
    .map((output) => {
      const codeDeliveries = (output?.CodeDeliveryDetailsList ?? []).flatMap(
        (details) => codeDeliveryFromSdk(details) ?? [],
      );
      return {
        attributesToVerify: [...new Set(codeDeliveries.flatMap((details) => details.attributeName ?? []))],
        codeDeliveries,
      };
    })
    .mapErr((error) => narrowError(error, UPDATE_USER_ATTRIBUTES_ERRORS));
}
