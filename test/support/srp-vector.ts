/** The golden USER_SRP_AUTH vector shared by the sessions (`../shared/fixtures/srp-vector.json`). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

/** Reads the vector relative to the repository root (the working directory of vitest and the bench). */
export function loadSrpVector(): SrpVector {
  return JSON.parse(readFileSync(resolve(process.cwd(), '../shared/fixtures/srp-vector.json'), 'utf8'));
}
