/** cognito-srp-helper's sign-in on the golden vector (Node only: it needs node:crypto's BigInt-free paths). */
import { createSrpSession, signSrpSession } from 'cognito-srp-helper';
import type { SignIn } from './srp-sign-ins.js';
import { vector } from './srp-sign-ins.js';

/** createSrpSession draws a and computes A; its a/A/timestamp are then pinned to the vector's. */
export const cognitoSrpHelper: SignIn = async () => {
  const session = createSrpSession(vector.username, vector.password, vector.userPoolId, false);
  const pinned = {
    ...session,
    smallA: vector.smallA_hex,
    largeA: vector.SRP_A_hex,
    timestamp: vector.TIMESTAMP,
  };
  const signed = signSrpSession(pinned, { ChallengeParameters: { ...vector.ChallengeParameters } });
  return signed.passwordSignature;
};
