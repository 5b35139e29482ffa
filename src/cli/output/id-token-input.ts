import { decodeJwt } from 'cognito-flow';
import { usageError } from '../cli-error.js';

const JWT = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * The ID token in what was piped in: the JSON `sign-in` prints (its `idToken`), or a bare ID token.
 * Anything else is a usage error whose message never repeats the input.
 */
export function idTokenFromStdin(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw usageError('--id-token-stdin: stdin was empty');
  let candidate = trimmed;
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw usageError('--id-token-stdin: stdin is not valid JSON');
    }
    const idToken = (parsed as { idToken?: unknown }).idToken;
    if (typeof idToken !== 'string') throw usageError('--id-token-stdin: the JSON on stdin has no "idToken"');
    candidate = idToken;
  }
  const decoded = JWT.test(candidate) ? decodeJwt(candidate) : undefined;
  if (!decoded || decoded.isErr()) throw usageError('--id-token-stdin: stdin holds no JWT');
  if (decoded.value.payload.token_use !== 'id') {
    throw usageError('--id-token-stdin: the token on stdin is not an ID token (token_use is not "id")');
  }
  return candidate;
}
