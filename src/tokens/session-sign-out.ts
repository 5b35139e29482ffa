import type { AuthContext } from '../auth/context.js';
import { narrowError } from '../errors/narrow.js';
import type { CognitoError } from '../errors/types.js';
import { SESSION_ERRORS, type SignOutError } from './session-errors.js';
import type { TokenSet } from './token-set.js';

/**
 * What `signOut` asks of Cognito. `global` signs the user out of every device (GlobalSignOut: all their
 * refresh tokens stop working); `revoke` revokes this session's refresh token (RevokeToken, and with it the
 * access tokens it issued). Default: `revoke` unless `global` (which already covers it).
 *
 * @example
 * ```ts
 * await session.signOut({ global: true });
 * ```
 */
export interface SignOutOptions {
  readonly global?: boolean;
  readonly revoke?: boolean;
}

/** A failure that still leaves the user signed out: the token is already invalid. */
const alreadyOut = (error: CognitoError) => error.type === 'NotAuthorized';

/**
 * Calls GlobalSignOut and/or RevokeToken as asked, and reports the first failure (a `NotAuthorized` answer
 * means the token is already invalid, which is what was wanted).
 *
 * @example
 * ```ts
 * const failure = await signOutRemotely(context, tokens, { global: true, revoke: false });
 * ```
 */
export async function signOutRemotely(
  context: AuthContext,
  tokens: TokenSet,
  ask: { readonly global: boolean; readonly revoke: boolean },
): Promise<SignOutError | undefined> {
  const { clientId, clientSecret } = context.config;
  let failure: SignOutError | undefined;
  if (ask.global) {
    const out = await context.transport(
      'GlobalSignOut',
      { AccessToken: tokens.accessToken },
      { secrets: [tokens.accessToken, tokens.refreshToken, tokens.idToken] },
    );
    if (out.isErr() && !alreadyOut(out.error)) failure = narrowError(out.error, SESSION_ERRORS);
  }
  if (ask.revoke && tokens.refreshToken !== undefined) {
    const revoked = await context.transport(
      'RevokeToken',
      {
        Token: tokens.refreshToken,
        ClientId: clientId,
        ...(clientSecret !== undefined ? { ClientSecret: clientSecret } : {}),
      },
      { secrets: [tokens.refreshToken, tokens.accessToken, clientSecret] },
    );
    if (revoked.isErr() && !alreadyOut(revoked.error)) failure ??= narrowError(revoked.error, SESSION_ERRORS);
  }
  return failure;
}
