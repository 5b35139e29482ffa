/** What stands in for a secret in a printed value. */
const HIDDEN = '[REDACTED]';

/** Field names whose string values are secrets: sessions, tokens, passwords, client/device/TOTP secrets, codes. */
const SECRET_FIELD = /session|token|password|secret|^code$|^answer$/i;

/** A compact JWS/JWE anywhere in a string. */
const JWT = /eyJ[\w-]*\.[\w-]*\.[\w-]*(?:\.[\w-]*\.[\w-]*)?/g;

const MAX_LENGTH = 2000;

/**
 * `value` as indented JSON for a failure message, with secrets replaced by `[REDACTED]`: the string
 * values of session, token, password, secret and code fields, and anything shaped like a JWT. Error
 * causes (SDK errors) are left out; functions and undefined fields are dropped as in JSON.
 *
 * @example
 * ```ts
 * redactedDisplay({ step: 'SMS_MFA', session: 'AYABe...' }); // '{\n  "step": "SMS_MFA",\n  "session": "[REDACTED]"\n}'
 * ```
 */
export function redactedDisplay(value: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(
        value,
        function replace(this: unknown, key: string, field: unknown) {
          if (key === 'cause') return undefined;
          if (typeof field === 'bigint') return `${field}n`;
          if (typeof field !== 'string') return field;
          if (SECRET_FIELD.test(key) && field.length > 0) return HIDDEN;
          return field.replace(JWT, HIDDEN);
        },
        2,
      ) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
