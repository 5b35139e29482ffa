import { err, errAsync, ok, ResultAsync } from 'neverthrow';
import { bytesToBase64Url } from '../../crypto/base64url-bytes.js';
import { makeError } from '../../errors/make-error.js';
import type { InvalidConfigError, InvalidStepError, UnexpectedError } from '../../errors/types.js';
import { parseStep } from '../resume-step.js';
import type { SignInStep } from '../steps.js';
import { aesKey } from './aes-key.js';
import {
  IV_BYTES,
  SEALED_DEFAULT_TTL_MS,
  SEALED_STEP_MAX_CHARS,
  SEALED_VERSION,
  sealedAad,
} from './sealed-format.js';
import type { ResolvedStepKey } from './step-keys.js';

/**
 * The errors of sealing a step: no `stepKeys` configured, a step that is not valid for this client
 * (shape, app client, expiry), or WebCrypto failing.
 *
 * @example
 * ```ts
 * if (sealed.isErr() && sealed.error.type === 'InvalidConfig') console.error('configure stepKeys');
 * ```
 */
export type SealStepError = InvalidConfigError | InvalidStepError | UnexpectedError;

/** What sealing needs to know besides the step. */
export interface SealContext {
  readonly keys: readonly ResolvedStepKey[];
  readonly clientId: string;
  readonly now: number;
}

/** When a sealed step stops opening: its session's expiry, its tokens', or the default lifetime. */
function expiryOf(step: SignInStep, now: number): number {
  if ('expiresAt' in step) return step.expiresAt;
  if (step.step === 'SIGNED_IN') return step.tokens.expiresAt;
  return now + SEALED_DEFAULT_TTL_MS;
}

/**
 * Seals a step for a trip through a client (a cookie, a header, a hidden field): AES-256-GCM with the
 * first of `keys`, a random 96-bit IV, bound to the app client id and to the step's expiry. The result
 * is `cf1.<key id>.<iv>.<ciphertext>`, base64url, safe in headers and cookies.
 *
 * @example
 * ```ts
 * const sealed = await sealStep({ keys, clientId, now: Date.now() }, step);
 * ```
 */
export function sealStep(context: SealContext, step: SignInStep): ResultAsync<string, SealStepError> {
  const key = context.keys[0];
  if (!key) return errAsync(makeError('InvalidConfig', 'Sealing steps needs the stepKeys option'));
  const checked = parseStep(step, { clientId: context.clientId, now: context.now, origin: 'trusted' });
  if (checked.isErr()) {
    return errAsync(
      checked.error.type === 'InvalidStep' ? checked.error : makeError('InvalidStep', checked.error.message),
    );
  }
  const plaintext = new TextEncoder().encode(
    JSON.stringify([expiryOf(checked.value, context.now), checked.value]),
  );
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const work = aesKey(key).then((cryptoKey) =>
    crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: sealedAad(key.id, context.clientId) },
      cryptoKey,
      plaintext,
    ),
  );
  return ResultAsync.fromPromise(work, (cause) =>
    makeError('Unexpected', 'Could not seal the step (WebCrypto unavailable?)', { cause }),
  ).andThen((encrypted) => {
    const sealed = `${SEALED_VERSION}.${key.id}.${bytesToBase64Url(iv)}.${bytesToBase64Url(new Uint8Array(encrypted))}`;
    // Never hand out what openStep would refuse unread.
    return sealed.length > SEALED_STEP_MAX_CHARS
      ? err(makeError('InvalidStep', `The sealed step would be over ${SEALED_STEP_MAX_CHARS} characters`))
      : ok(sealed);
  });
}
