import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Seals sign-in steps before they travel to the client and checks them when they come back, so that the
 * stateless service only continues steps it issued itself, unchanged (an HMAC-SHA256 over the step's
 * canonical JSON, with a key every instance of the service shares).
 */
export interface StepSealer {
  /** The seal of a step the service is about to send. */
  seal(step: unknown): string;
  /** Whether `seal` is the seal of `step` as it came back. */
  verify(step: unknown, seal: unknown): boolean;
}

/** JSON with object keys sorted at every level: the same text whatever order a client serialised them in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The smallest key accepted: 256 bits, the size of the HMAC's output. */
export const MIN_STEP_KEY_BYTES = 32;

/**
 * A sealer with `key` (at least 32 random bytes, e.g. from a secrets manager; the same on every instance).
 * Throws at start-up when the key is too short.
 */
export function stepSealer(key: Uint8Array): StepSealer {
  if (key.byteLength < MIN_STEP_KEY_BYTES) {
    throw new Error(`The step-sealing key must have at least ${MIN_STEP_KEY_BYTES} bytes`);
  }
  const mac = (step: unknown) => createHmac('sha256', key).update(canonicalJson(step)).digest();
  return {
    seal: (step) => mac(step).toString('base64url'),
    verify(step, seal) {
      if (typeof seal !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(seal)) return false;
      return timingSafeEqual(mac(step), Buffer.from(seal, 'base64url'));
    },
  };
}
