/** What replaces a secret found in a message. */
export const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`.
 * Empty or very short secrets are ignored so that redaction cannot shred ordinary words.
 *
 * @example
 * ```ts
 * redact('bad password hunter2!', ['hunter2!']); // 'bad password [REDACTED]'
 * ```
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
