import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as OTPAuth from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthClient, type Step } from '../../src/index.js';
import { freshTotpCode } from '../support/totp.js';
import { unwrap } from '../support/unwrap.js';
import { clientsFor, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

/** A fresh code from an authenticator app holding `secret` (moto's fixed one). */
const totpCode = (secret: string) =>
  freshTotpCode(
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.toUpperCase()), digits: 6, period: 30 }),
  );

// moto runs with MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true: TOTP codes are checked for real against its
// fixed secret. It does not check SMS codes, and it lacks EMAIL_OTP, SELECT_MFA_TYPE and USER_AUTH, which
// the unit tests cover with answers shaped as the Cognito API reference documents them.
describe.skipIf(!stack)('MFA against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;
  let mfaPool: { userPoolId: string; clientId: string; secretClientId: string; clientSecret: string };

  beforeAll(async () => {
    const { idp } = clientsFor(s);
    const pool = await idp.send(
      new CreateUserPoolCommand({ PoolName: 'cognito-flow-mfa', MfaConfiguration: 'ON' }),
    );
    const userPoolId = pool.UserPool?.Id ?? '';
    await idp.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' } },
      }),
    );
    const flows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
    const plain = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'mfa',
        ExplicitAuthFlows: [...flows],
      }),
    );
    const secret = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'mfa-secret',
        GenerateSecret: true,
        ExplicitAuthFlows: [...flows],
      }),
    );
    mfaPool = {
      userPoolId,
      clientId: plain.UserPoolClient?.ClientId ?? '',
      secretClientId: secret.UserPoolClient?.ClientId ?? '',
      clientSecret: secret.UserPoolClient?.ClientSecret ?? '',
    };
  });

  function auth(secret: boolean) {
    const { idp } = clientsFor(s);
    return AuthClient.create({
      userPoolId: mfaPool.userPoolId,
      clientId: secret ? mfaPool.secretClientId : mfaPool.clientId,
      ...(secret ? { clientSecret: mfaPool.clientSecret } : {}),
      client: idp,
    })._unsafeUnwrap();
  }

  async function createUser(prefix: string) {
    const { idp } = clientsFor(s);
    const username = uniqueUsername(prefix);
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: mfaPool.userPoolId,
        Username: username,
        TemporaryPassword: TEMPORARY_PASSWORD,
        MessageAction: 'SUPPRESS',
      }),
    );
    return username;
  }

  for (const secret of [false, true]) {
    const label = secret ? 'client with a secret' : 'client without a secret';

    it(`NEW_PASSWORD_REQUIRED → MFA_SETUP → TOTP set up with a real code → SIGNED_IN, then SOFTWARE_TOKEN_MFA (${label})`, async () => {
      const client = auth(secret);
      const username = await createUser('totp');
      const signIn = () => client.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' });
      const first = unwrap(
        await client.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
      );
      expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
      const setupStep = unwrap(
        await client.completeNewPassword(first as Step<'NEW_PASSWORD_REQUIRED'>, NEW_PASSWORD),
      );
      expect(setupStep.step).toBe('MFA_SETUP');
      expect((setupStep as Step<'MFA_SETUP'>).allowedTypes).toContain('SOFTWARE_TOKEN_MFA');

      const setup = unwrap(await client.setUpTotp(setupStep as Step<'MFA_SETUP'>, { issuer: 'Acme' }));
      expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Acme:/);
      expect((await client.verifyTotpSetup(setup.step, '000000'))._unsafeUnwrapErr().type).toBe(
        'CodeMismatch',
      );
      const done = unwrap(await client.verifyTotpSetup(setup.step, await totpCode(setup.secret)));
      expect(done.step).toBe('SIGNED_IN');

      const next = unwrap(await signIn());
      expect(next.step).toBe('SOFTWARE_TOKEN_MFA');
      const rejected = await client.submitCode(next as Step<'SOFTWARE_TOKEN_MFA'>, '000000');
      expect(rejected._unsafeUnwrapErr().type).toBe('CodeMismatch');
      const again = unwrap(await signIn());
      const code = await totpCode(setup.secret);
      expect(unwrap(await client.submitCode(again as Step<'SOFTWARE_TOKEN_MFA'>, code)).step).toBe(
        'SIGNED_IN',
      );
    }, 60_000);

    it(`SMS_MFA for a user whose preferred MFA is SMS (moto does not check SMS codes) (${label})`, async () => {
      const client = auth(secret);
      const { idp } = clientsFor(s);
      const username = await createUser('sms');
      await idp.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: mfaPool.userPoolId,
          Username: username,
          SMSMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      const first = unwrap(
        await client.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
      );
      unwrap(await client.completeNewPassword(first as Step<'NEW_PASSWORD_REQUIRED'>, NEW_PASSWORD));
      const sms = unwrap(
        await client.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
      );
      expect(sms.step).toBe('SMS_MFA');
      expect(unwrap(await client.submitCode(sms as Step<'SMS_MFA'>, '123456')).step).toBe('SIGNED_IN');
      // The step is spent once answered.
      expect((await client.submitCode(sms as Step<'SMS_MFA'>, '123456'))._unsafeUnwrapErr().type).toBe(
        'InvalidStep',
      );
    });
  }
});
