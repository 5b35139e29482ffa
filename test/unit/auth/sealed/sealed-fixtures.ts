import { AuthClient, type SignInStep, type StepKey } from '../../../../src/index.js';

export const NOW = 1_800_000_000_000;
export const CLIENT_ID = '1example23456789abcdefghij';
export const USER_POOL_ID = 'eu-west-1_AbC123';
/** About the length of a real Cognito session string. */
export const SESSION = `AYABe${'Qk9vZ3VzLXNlc3Npb24tYnl0ZXM'.repeat(36)}`.slice(0, 1_000);

export const KEY_NEW: StepKey = { id: '2026-12', secret: new Uint8Array(32).fill(1) };
export const KEY_OLD: StepKey = { id: '2026-11', secret: new Uint8Array(32).fill(2) };

/** A client over `keys`, with a fixed clock (moved by `clock.now`). */
export function sealingClient(
  keys: readonly StepKey[] | undefined = [KEY_NEW],
  options: { clientId?: string; clock?: { now: number } } = {},
) {
  const clock = options.clock ?? { now: NOW };
  return AuthClient.create({
    userPoolId: USER_POOL_ID,
    clientId: options.clientId ?? CLIENT_ID,
    now: () => clock.now,
    ...(keys ? { stepKeys: keys } : {}),
  })._unsafeUnwrap();
}

const base = {
  clientId: CLIENT_ID,
  username: 'alice@example.com',
  challengeUsername: 'a1b2c3d4-5678-90ab-cdef-1234567890ab',
  session: SESSION,
  expiresAt: NOW + 180_000,
} as const;

/** One realistic step of each kind. */
export const STEPS: readonly SignInStep[] = [
  { step: 'SMS_MFA', ...base, codeDelivery: { destination: '+*******1234', medium: 'SMS' } },
  { step: 'SOFTWARE_TOKEN_MFA', ...base },
  { step: 'EMAIL_OTP', ...base, codeDelivery: { destination: 'a***@e***', medium: 'EMAIL' } },
  { step: 'SMS_OTP', ...base, codeDelivery: { destination: '+*******1234', medium: 'SMS' } },
  {
    step: 'NEW_PASSWORD_REQUIRED',
    ...base,
    requiredAttributes: ['name', 'birthdate'],
    userAttributes: { email: 'alice@example.com', email_verified: 'true', phone_number: '+4915112345678' },
  },
  { step: 'CUSTOM_CHALLENGE', ...base, parameters: { question: 'What is 6 × 7?' } },
  { step: 'SELECT_MFA_TYPE', ...base, allowedTypes: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] },
  { step: 'MFA_SETUP', ...base, allowedTypes: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
  { step: 'SELECT_CHALLENGE', ...base, availableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] },
  {
    step: 'WEB_AUTHN',
    ...base,
    credentialRequestOptions: {
      challenge: 'dGhpcy1pcy1hLXdlYmF1dGhuLWNoYWxsZW5nZS1ieXRlcw',
      rpId: 'auth.example.com',
      timeout: 180000,
      userVerification: 'preferred',
      allowCredentials: [{ type: 'public-key', id: 'Y3JlZGVudGlhbC1pZC0xMjM0NTY3ODkw' }],
    },
  },
  { step: 'UNSUPPORTED_CHALLENGE', ...base, challengeName: 'FUTURE_CHALLENGE', parameters: { hint: 'x' } },
  { step: 'CONFIRM_SIGN_UP', clientId: CLIENT_ID, username: 'alice@example.com' },
  { step: 'RESET_PASSWORD', clientId: CLIENT_ID, username: 'alice@example.com' },
];
