import { err, ok, type Result } from 'neverthrow';
import { invalidConfig } from '../../config/checks.js';
import type { InvalidConfigError } from '../../errors/types.js';

/**
 * A key that seals sign-in steps (AES-256-GCM). `secret` is 32 random bytes, as a `Uint8Array` or as
 * base64url/base64 text (`node -e "console.log(crypto.randomBytes(32).toString('base64url'))"`). `id`
 * names the key inside each sealed value, so that several keys can open: list the newest first — it
 * seals — and keep the older ones until the values they sealed have expired.
 *
 * @example
 * ```ts
 * const stepKeys: StepKey[] = [
 *   { id: '2026-12', secret: process.env.STEP_KEY_2026_12 ?? '' },
 *   { id: '2026-11', secret: process.env.STEP_KEY_2026_11 ?? '' },
 * ];
 * ```
 */
export interface StepKey {
  /** 1–16 letters, digits, `_` or `-`; unique among the keys. */
  readonly id: string;
  /** 32 bytes, or their base64url/base64 spelling. */
  readonly secret: string | Uint8Array;
}

/** A validated {@link StepKey}: its id and its 32 raw bytes. */
export interface ResolvedStepKey {
  readonly id: string;
  readonly raw: Uint8Array;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const KEY_BYTES = 32;

function secretBytes(secret: unknown): Uint8Array | undefined {
  if (secret instanceof Uint8Array) return secret.slice();
  // Either base64 alphabet, padded or not (this runs in every client's config check: kept small).
  if (typeof secret !== 'string' || !/^[\w+/-]+={0,2}$/.test(secret.trim())) return undefined;
  try {
    const binary = atob(secret.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Checks the `stepKeys` option: a non-empty list of keys with unique, well-formed ids and 32-byte
 * secrets. The messages name the key by its id or position, never by its secret.
 *
 * @example
 * ```ts
 * const keys = parseStepKeys([{ id: 'k1', secret: new Uint8Array(32).fill(7) }]);
 * ```
 */
export function parseStepKeys(value: unknown): Result<readonly ResolvedStepKey[], InvalidConfigError> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value) || value.length === 0) {
    return err(invalidConfig('stepKeys must be a non-empty list of { id, secret }'));
  }
  const keys: ResolvedStepKey[] = [];
  const problems: string[] = [];
  value.forEach((key: Partial<StepKey> | null, index) => {
    const id = key?.id;
    const raw = secretBytes(key?.secret);
    if (typeof id !== 'string' || !KEY_ID.test(id) || keys.some((k) => k.id === id)) {
      problems.push(`stepKeys[${index}].id must be 1-16 of [A-Za-z0-9_-], unique`);
    } else if (raw?.length !== KEY_BYTES) {
      problems.push(`stepKeys[${index}].secret must be 32 bytes (or their base64url)`);
    } else keys.push({ id, raw });
  });
  return problems.length > 0 ? err(invalidConfig(problems.join('; '))) : ok(keys);
}

/** Each config's parsed keys, parsed once: the imported WebCrypto keys are cached per parsed key. */
const parsed = new WeakMap<object, Result<readonly ResolvedStepKey[], InvalidConfigError>>();

/**
 * The parsed `stepKeys` of a validated config (once per config), or the `InvalidConfig` error.
 *
 * @example
 * ```ts
 * const keys = stepKeysOf(context.config);
 * ```
 */
export function stepKeysOf(config: {
  readonly stepKeys: unknown;
}): Result<readonly ResolvedStepKey[], InvalidConfigError> {
  let keys = parsed.get(config);
  if (!keys) {
    keys = parseStepKeys(config.stepKeys);
    parsed.set(config, keys);
  }
  return keys;
}
