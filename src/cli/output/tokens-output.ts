import { decodeJwt, type TokenSet } from 'cognito-flow';

/** How `sign-in` prints its result. */
export type TokenOutput = 'json' | 'claims';

/** The output formats `sign-in --output` accepts. */
export const TOKEN_OUTPUTS: readonly TokenOutput[] = ['json', 'claims'];

/**
 * The tokens as pretty JSON (the `TokenSet`: idToken, accessToken, refreshToken, expiresAt in epoch
 * milliseconds, tokenType) — the shape `credentials --id-token-stdin` reads back — or, for `claims`, the
 * decoded payloads of the ID and access tokens (no signatures, nothing secret).
 */
export function formatTokens(tokens: TokenSet, output: TokenOutput): string {
  if (output === 'json') return `${JSON.stringify(tokens, null, 2)}\n`;
  const payload = (token: string) =>
    decodeJwt(token)
      .map((decoded) => decoded.payload)
      .unwrapOr(null);
  return `${JSON.stringify({ idToken: payload(tokens.idToken), accessToken: payload(tokens.accessToken) }, null, 2)}\n`;
}
