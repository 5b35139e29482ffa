import type * as OTPAuth from 'otpauth';

/**
 * The current code of `totp`, first waiting for the next period when this one ends within `marginMs`
 * (default 3 s) — moto checks a code against the current period only, so a code must not expire in flight.
 */
export async function freshTotpCode(totp: OTPAuth.TOTP, marginMs = 3000): Promise<string> {
  const periodMs = totp.period * 1000;
  const left = periodMs - (Date.now() % periodMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
  return totp.generate();
}
