/** Input fields of Cognito operations whose value is a secret. */
const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'Session',
  'AccessToken',
  'RefreshToken',
  'IdToken',
  'Token',
  'Password',
  'PreviousPassword',
  'ProposedPassword',
  'ClientSecret',
  'SecretHash',
  'UserCode',
  'PasswordVerifier',
]);

/** Maps whose values are secrets, except the few public keys below. */
const SECRET_MAPS: ReadonlySet<string> = new Set(['AuthParameters', 'ChallengeResponses']);
const PUBLIC_KEYS: ReadonlySet<string> = new Set(['USERNAME', 'SRP_A', 'DEVICE_KEY', 'ANSWER_TYPE']);

/** Keys under which secrets may sit one level down (ConfirmDevice's verifier config). */
const NESTED: ReadonlySet<string> = new Set(['DeviceSecretVerifierConfig']);

function strings(value: unknown, keep: (key: string) => boolean): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) =>
    typeof field === 'string' && keep(key) ? [field] : [],
  );
}

/**
 * The secret values in a Cognito operation's input — sessions, tokens, passwords, the client secret,
 * SECRET_HASH and the values of `AuthParameters`/`ChallengeResponses` (but not `USERNAME`, `SRP_A` or
 * `DEVICE_KEY`) — so that a failure echoing one of them can be redacted whatever the caller declared.
 * Never throws.
 *
 * @example
 * ```ts
 * inputSecrets({ ClientId: 'c', AuthParameters: { USERNAME: 'alice', PASSWORD: 'pw-1234' } }); // ['pw-1234']
 * ```
 */
export function inputSecrets(input: unknown): string[] {
  try {
    if (typeof input !== 'object' || input === null) return [];
    const out = strings(input, (key) => SECRET_FIELDS.has(key));
    for (const [key, value] of Object.entries(input)) {
      if (SECRET_MAPS.has(key)) out.push(...strings(value, (inner) => !PUBLIC_KEYS.has(inner)));
      if (NESTED.has(key)) out.push(...strings(value, (inner) => SECRET_FIELDS.has(inner)));
    }
    return out;
  } catch {
    return [];
  }
}
