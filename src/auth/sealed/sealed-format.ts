/**
 * The compact format of a sealed step: `cf1.<key id>.<iv>.<ciphertext and tag>`, the last two in
 * unpadded base64url. `cf1` names the version; AES-256-GCM with a random 96-bit IV; the additional
 * authenticated data is `cf1.<key id>.<app client id>`, so a value opens only for the client it was
 * sealed for, with the key it names. The plaintext is the JSON array `[expiresAt, step]`.
 */

/** The version prefix of sealed steps. */
export const SEALED_VERSION = 'cf1';

/**
 * The longest sealed value `openStep` decodes (characters); longer input is refused before any
 * decoding. Large enough for a step at {@link STEP_JSON_MAX_CHARS}.
 *
 * @example
 * ```ts
 * if (cookie.length > SEALED_STEP_MAX_CHARS) return res.status(400).end();
 * ```
 */
export const SEALED_STEP_MAX_CHARS = 90_000;

/**
 * The largest unsealed step `resume` accepts, in characters of JSON (for a parsed object, the characters
 * of its strings and keys plus one per value); larger input is refused before it is parsed or copied.
 *
 * @example
 * ```ts
 * app.use(express.json({ limit: STEP_JSON_MAX_CHARS * 2 }));
 * ```
 */
export const STEP_JSON_MAX_CHARS = 64 * 1024;

/** How long a sealed step without its own expiry (`CONFIRM_SIGN_UP`, `RESET_PASSWORD`) stays valid. */
export const SEALED_DEFAULT_TTL_MS = 15 * 60 * 1000;

/** The IV length of AES-GCM, in bytes (96 bits, as NIST SP 800-38D recommends). */
export const IV_BYTES = 12;

/** The GCM tag length, in bytes. */
export const TAG_BYTES = 16;

const encoder = new TextEncoder();

/**
 * The additional authenticated data of a sealed value: version, key id and app client id.
 *
 * @example
 * ```ts
 * const aad = sealedAad('2026-12', '1example23456789');
 * ```
 */
export function sealedAad(keyId: string, clientId: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${SEALED_VERSION}.${keyId}.${clientId}`);
}
