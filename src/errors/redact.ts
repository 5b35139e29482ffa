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
  // Longest first, so a secret that contains another is removed whole.
  const ordered = secrets
    .filter((secret): secret is string => typeof secret === 'string' && secret.length >= 4)
    .sort((a, b) => b.length - a.length);
  for (const secret of ordered) out = out.split(secret).join(REDACTED);
  return out;
}
