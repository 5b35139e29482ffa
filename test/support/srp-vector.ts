/**
 * The golden USER_SRP_AUTH vector (test/fixtures/srp-vector.json): fixed a, b, salt, secret block and
 * timestamp whose PASSWORD_CLAIM_SIGNATURE amazon-cognito-identity-js, cognito-srp-helper and Amplify's
 * helper all reproduce byte for byte. A copy kept in the repository, so a plain clone runs the tests.
 */
import { readFileSync } from 'node:fs';

export interface SrpVector {
  readonly userPoolId: string;
  readonly poolName: string;
  readonly username: string;
  readonly password: string;
  readonly smallA_hex: string;
  readonly SRP_A_hex: string;
  readonly k_hex: string;
  readonly v_hex: string;
  readonly serverSmallB_hex: string;
  readonly ChallengeParameters: {
    readonly SALT: string;
    readonly SRP_B: string;
    readonly SECRET_BLOCK: string;
    readonly USER_ID_FOR_SRP: string;
    readonly USERNAME: string;
  };
  readonly u_hex: string;
  readonly TIMESTAMP: string;
  readonly PASSWORD_CLAIM_SIGNATURE: string;
}

/** Reads the vector from the repository (relative to this file, so any working directory will do). */
export function loadSrpVector(): SrpVector {
  return JSON.parse(readFileSync(new URL('../fixtures/srp-vector.json', import.meta.url), 'utf8'));
}
