import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * Where Cognito sent a confirmation or verification code. Its presence in a result means a code was sent.
 *
 * @example
 * ```ts
 * if (result.codeDelivery) console.log(`We sent a code by ${result.codeDelivery.medium} to ${result.codeDelivery.destination}`);
 * ```
 */
export interface CodeDeliveryDetails {
  /** Masked address or number, e.g. `a***@e***` or `+*******1234`. */
  readonly destination?: string;
  /** `EMAIL` or `SMS`. */
  readonly medium?: string;
  /** The attribute the code verifies, e.g. `email`. */
  readonly attributeName?: string;
}

/**
 * The result of a call that may send a code (`resendSignUpCode`, `forgotPassword`,
 * `sendAttributeVerificationCode`).
 *
 * @example
 * ```ts
 * const sent: CodeDeliveryResult = (await auth.forgotPassword({ username: 'alice' }))._unsafeUnwrap();
 * ```
 */
export interface CodeDeliveryResult {
  /** Where the code went; absent when Cognito did not say. */
  readonly codeDelivery?: CodeDeliveryDetails;
}

/**
 * Maps Cognito's `CodeDeliveryDetails` (absent stays absent).
 *
 * @example
 * ```ts
 * codeDeliveryFromSdk({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
 * ```
 */
export function codeDeliveryFromSdk(
  details: CodeDeliveryDetailsType | undefined,
): CodeDeliveryDetails | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  return {
    ...(typeof details.Destination === 'string' ? { destination: details.Destination } : {}),
    ...(typeof details.DeliveryMedium === 'string' ? { medium: details.DeliveryMedium } : {}),
    ...(typeof details.AttributeName === 'string' ? { attributeName: details.AttributeName } : {}),
  };
}

/**
 * `{ codeDelivery }` when Cognito sent details, `{}` otherwise — for spreading into a result.
 *
 * @example
 * ```ts
 * const result: CodeDeliveryResult = codeDeliveryField(output.CodeDeliveryDetails);
 * ```
 */
export function codeDeliveryField(details: CodeDeliveryDetailsType | undefined): CodeDeliveryResult {
  const codeDelivery = codeDeliveryFromSdk(details);
  return codeDelivery ? { codeDelivery } : {};
}
