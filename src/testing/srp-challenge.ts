import { getDiffieHellman, randomBytes } from 'node:crypto';

/**
 * The ChallengeParameters of a PASSWORD_VERIFIER challenge, as Cognito sends them in answer to
 * USER_SRP_AUTH: its ephemeral `SRP_B` (g^b mod N in the 3072-bit group), a `SALT`, an opaque
 * `SECRET_BLOCK`, and the user's internal name.
 *
 * @example
 * ```ts
 * const params = passwordVerifierParameters('alice'); // { SALT, SRP_B, SECRET_BLOCK, USER_ID_FOR_SRP: 'alice', USERNAME: 'alice' }
 * ```
 */
export function passwordVerifierParameters(userIdForSrp: string): Record<string, string> {
  // RFC 5054's 3072-bit group is OpenSSL's named group modp15: no prime check on any Node line
  // (createDiffieHellman(N, 2) re-checks the prime for over a second on Node 24).
  const srpB = getDiffieHellman('modp15').generateKeys('hex').replace(/^0+/, '');
  return {
    SALT: randomBytes(16).toString('hex'),
    SECRET_BLOCK: randomBytes(1100).toString('base64'),
    SRP_B: srpB,
    USERNAME: userIdForSrp,
    USER_ID_FOR_SRP: userIdForSrp,
  };
}

const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d{1,2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Checks a client's PASSWORD_VERIFIER answer the way Cognito checks its form: the secret block it was
 * given, an HMAC-SHA256 signature in base64 and Cognito's timestamp format. Returns what is wrong, or
 * `undefined`. (The signature's value cannot be checked without the user's verifier; a mock accepts it.)
 *
 * @example
 * ```ts
 * passwordClaimProblem(input.ChallengeResponses ?? {}, issued.SECRET_BLOCK); // undefined when well formed
 * ```
 */
export function passwordClaimProblem(
  responses: Readonly<Record<string, string | undefined>>,
  secretBlock: string,
): string | undefined {
  if (responses.PASSWORD_CLAIM_SECRET_BLOCK !== secretBlock) {
    return 'PASSWORD_CLAIM_SECRET_BLOCK is not the SECRET_BLOCK of the challenge';
  }
  if (!SIGNATURE.test(responses.PASSWORD_CLAIM_SIGNATURE ?? '')) {
    return 'PASSWORD_CLAIM_SIGNATURE is not a base64 HMAC-SHA256';
  }
  if (!TIMESTAMP.test(responses.TIMESTAMP ?? '')) {
    return 'TIMESTAMP is not in the "EEE MMM d HH:mm:ss UTC yyyy" format';
  }
  return undefined;
}
