import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { base64UrlToBytes } from '../../crypto/base64url-bytes.js';
import { makeError } from '../../errors/make-error.js';
import type { InvalidConfigError, InvalidStepError } from '../../errors/types.js';
import type { ResumeError } from '../errors.js';
import { parseStep, sessionExpired } from '../resume-step.js';
import type { SignInStep } from '../steps.js';
import { aesKey } from './aes-key.js';
import type { SealContext } from './seal-step.js';
import { IV_BYTES, SEALED_STEP_MAX_CHARS, SEALED_VERSION, sealedAad, TAG_BYTES } from './sealed-format.js';
import type { ResolvedStepKey } from './step-keys.js';

/**
 * The errors of opening a sealed step: `InvalidStep` for anything malformed, altered, sealed with an
 * unknown key or for another app client; `SessionExpired` once its expiry has passed; `InvalidConfig`
 * when no `stepKeys` are configured.
 *
 * @example
 * ```ts
 * if (opened.isErr() && opened.error.type === 'SessionExpired') redirect('/sign-in');
 * ```
 */
export type OpenStepError = ResumeError | InvalidConfigError;

const invalid = (message: string): InvalidStepError => makeError('InvalidStep', message);
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Parts {
  readonly key: ResolvedStepKey;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** Splits and decodes the compact form, refusing oversize input before decoding anything. */
function parts(keys: readonly ResolvedStepKey[], sealed: unknown): Result<Parts, InvalidStepError> {
  if (typeof sealed !== 'string') return err(invalid('A sealed step is a string'));
  if (sealed.length > SEALED_STEP_MAX_CHARS) {
    return err(invalid(`The sealed step is over ${SEALED_STEP_MAX_CHARS} characters; it was not decoded`));
  }
  const fields = sealed.split('.');
  if (fields.length !== 4 || fields[0] !== SEALED_VERSION) {
    return err(invalid(`Not a sealed step (expected ${SEALED_VERSION}.<key>.<iv>.<data>)`));
  }
  const [, keyId, ivText = '', dataText = ''] = fields;
  const key = keys.find((k) => k.id === keyId);
  if (!key) return err(invalid('The step was sealed with a key this client does not have'));
  const iv = base64UrlToBytes(ivText);
  const ciphertext = base64UrlToBytes(dataText);
  if (iv?.length !== IV_BYTES || !ciphertext || ciphertext.length <= TAG_BYTES) {
    return err(invalid('The sealed step is malformed'));
  }
  return ok({ key, iv, ciphertext });
}

/** Parses the opened plaintext: `[expiresAt, step]`, still to be checked. */
function payload(bytes: ArrayBuffer, now: number): Result<unknown, ResumeError> {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    return err(invalid('The sealed step holds no valid JSON'));
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'number') {
    return err(invalid('The sealed step holds no [expiresAt, step] pair'));
  }
  if (!(value[0] > now)) return err(sessionExpired());
  return ok(value[1]);
}

/**
 * Opens a value {@link sealStep} made: checks its size before decoding, finds the key its id names
 * (any of `keys`), authenticates and decrypts it bound to this app client, checks its expiry, and
 * re-validates the step inside (shape, client, session expiry). Never throws.
 *
 * @example
 * ```ts
 * const step = await openStep({ keys, clientId, now: Date.now() }, req.headers['x-sign-in-step']);
 * ```
 */
export function openStep(context: SealContext, sealed: unknown): ResultAsync<SignInStep, OpenStepError> {
  if (context.keys.length === 0) {
    return errAsync(makeError('InvalidConfig', 'Opening sealed steps needs the stepKeys option'));
  }
  const split = parts(context.keys, sealed);
  if (split.isErr()) return errAsync(split.error);
  const { key, iv, ciphertext } = split.value;
  const work = aesKey(key).then((cryptoKey) =>
    crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: sealedAad(key.id, context.clientId) },
      cryptoKey,
      new Uint8Array(ciphertext),
    ),
  );
  return ResultAsync.fromPromise(
    work,
    (): ResumeError =>
      invalid('The sealed step failed authentication: altered, or sealed for another app client'),
  )
    .andThen((bytes) => payload(bytes, context.now))
    .andThen((step) => parseStep(step, { clientId: context.clientId, now: context.now, origin: 'trusted' }));
}
