import { describe, expect, it } from 'vitest';
import { inputSecrets } from '../../../src/transport/input-secrets.js';

describe('inputSecrets', () => {
  it('takes the password and SECRET_HASH of AuthParameters, not USERNAME or SRP_A', () => {
    expect(
      inputSecrets({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'client1',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'pw-secret', SECRET_HASH: 'hash=', SRP_A: 'abcdef' },
      }).sort(),
    ).toEqual(['hash=', 'pw-secret']);
  });

  it('takes the session and every challenge response except the public ones', () => {
    expect(
      inputSecrets({
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: 'session-value',
        ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: 'new-pw', DEVICE_KEY: 'us-east-1_dev' },
      }).sort(),
    ).toEqual(['new-pw', 'session-value']);
  });

  it('takes tokens, passwords, codes and the device verifier', () => {
    expect(
      inputSecrets({ AccessToken: 'at', PreviousPassword: 'old', ProposedPassword: 'new' }).sort(),
    ).toEqual(['at', 'new', 'old']);
    expect(inputSecrets({ Token: 'refresh', ClientSecret: 'cs', ClientId: 'client1' }).sort()).toEqual([
      'cs',
      'refresh',
    ]);
    expect(inputSecrets({ AccessToken: 'at', UserCode: '123456' }).sort()).toEqual(['123456', 'at']);
    expect(
      inputSecrets({
        DeviceKey: 'key',
        DeviceSecretVerifierConfig: { PasswordVerifier: 'verifier', Salt: 'salt' },
      }),
    ).toEqual(['verifier']);
  });

  it('returns nothing for inputs without secrets or that are not objects, and never throws', () => {
    expect(inputSecrets({ ClientId: 'client1', Username: 'alice' })).toEqual([]);
    expect(inputSecrets(undefined)).toEqual([]);
    expect(inputSecrets('Session')).toEqual([]);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(inputSecrets(hostile)).toEqual([]);
  });
});
