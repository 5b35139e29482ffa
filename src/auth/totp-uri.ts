/**
 * The issuer authenticator apps show for a TOTP secret when none is given (during sign-in MFA setup and
 * in `associateTotp`).
 *
 * @example
 * ```ts
 * await auth.setUpTotp(step, { issuer: DEFAULT_TOTP_ISSUER });
 * ```
 */
export const DEFAULT_TOTP_ISSUER = 'Amazon Cognito';

/**
 * The `otpauth://` URI authenticator apps scan (as a QR code) to add a TOTP secret:
 * `otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>`.
 *
 * @example
 * ```ts
 * totpUri({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'Acme', accountName: 'alice@example.com' });
 * // 'otpauth://totp/Acme:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme'
 * ```
 */
export function totpUri(input: {
  readonly secret: string;
  readonly issuer: string;
  readonly accountName: string;
}): string {
  const issuer = encodeURIComponent(input.issuer);
  const account = encodeURIComponent(input.accountName);
  return `otpauth://totp/${issuer}:${account}?secret=${encodeURIComponent(input.secret)}&issuer=${issuer}`;
}
