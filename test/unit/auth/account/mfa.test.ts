import {
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  EnableSoftwareTokenMFAException,
  GetUserCommand,
  InvalidParameterException,
  NotAuthorizedException,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as OTPAuth from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  associateTotp,
  getMfaPreference,
  type SetMfaPreferenceInput,
  setMfaPreference,
  verifyTotp,
} from '../../../../src/auth/account/index.js';
import { fakeAccessToken } from '../../../support/jwt.js';
import { accessToken, cognito, contextFor, meta, onlyInput } from './support.js';

const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

beforeEach(() => {
  cognito.reset();
});

describe('getMfaPreference', () => {
  it('reads the enabled methods and the preferred one from GetUser', async () => {
    cognito.on(GetUserCommand).resolves({
      Username: 'alice',
      UserAttributes: [],
      UserMFASettingList: ['EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'EMAIL_OTP',
    });
    const mfa = await getMfaPreference(contextFor(), { accessToken });
    expect(mfa._unsafeUnwrap()).toEqual({
      preferred: 'EMAIL_OTP',
      enabled: ['EMAIL_OTP', 'SOFTWARE_TOKEN_MFA'],
    });
    expect(onlyInput(cognito.commandCalls(GetUserCommand))).toEqual({ AccessToken: accessToken });
  });

  it('maps NotAuthorizedException to NotAuthorized', async () => {
    cognito.on(GetUserCommand).rejects(new NotAuthorizedException({ message: 'Invalid token', ...meta }));
    expect((await getMfaPreference(contextFor(), { accessToken }))._unsafeUnwrapErr().type).toBe(
      'NotAuthorized',
    );
  });
});

describe('setMfaPreference', () => {
  const cases: [string, Omit<SetMfaPreferenceInput, 'accessToken'>, Record<string, unknown>][] = [
    [
      'TOTP on and preferred, SMS off',
      { totp: true, sms: false, preferred: 'SOFTWARE_TOKEN_MFA' },
      {
        SMSMfaSettings: { Enabled: false, PreferredMfa: false },
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      },
    ],
    [
      'preferring a method turns it on',
      { preferred: 'EMAIL_OTP' },
      { EmailMfaSettings: { Enabled: true, PreferredMfa: true } },
    ],
    ['SMS on without touching the preference', { sms: true }, { SMSMfaSettings: { Enabled: true } }],
    [
      'email off, SMS preferred',
      { email: false, preferred: 'SMS_MFA' },
      {
        SMSMfaSettings: { Enabled: true, PreferredMfa: true },
        EmailMfaSettings: { Enabled: false, PreferredMfa: false },
      },
    ],
  ];

  it.each(cases)('%s', async (_name, settings, expected) => {
    cognito.on(SetUserMFAPreferenceCommand).resolves({});
    const result = await setMfaPreference(contextFor(), { accessToken, ...settings });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(SetUserMFAPreferenceCommand))).toEqual({
      AccessToken: accessToken,
      ...expected,
    });
  });

  it('maps moto/Cognito refusing TOTP before it is verified to InvalidParameter', async () => {
    cognito
      .on(SetUserMFAPreferenceCommand)
      .rejects(
        new InvalidParameterException({ message: 'User has not verified software token mfa', ...meta }),
      );
    const result = await setMfaPreference(contextFor(), { accessToken, totp: true });
    expect(result._unsafeUnwrapErr().type).toBe('InvalidParameter');
  });
});

describe('associateTotp', () => {
  it('returns the secret and an otpauth URI that an authenticator library reads back', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: secret });
    const setup = (
      await associateTotp(contextFor(), {
        accessToken,
        issuer: 'Acme Corp',
        accountName: 'alice@example.com',
      })
    )._unsafeUnwrap();
    expect(onlyInput(cognito.commandCalls(AssociateSoftwareTokenCommand))).toEqual({
      AccessToken: accessToken,
    });
    expect(setup.secret).toBe(secret);
    expect(setup.uri).toBe(
      `otpauth://totp/Acme%20Corp:alice%40example.com?secret=${secret}&issuer=Acme%20Corp`,
    );
    const parsed = OTPAuth.URI.parse(setup.uri);
    expect(parsed).toBeInstanceOf(OTPAuth.TOTP);
    expect(parsed).toMatchObject({ issuer: 'Acme Corp', label: 'alice@example.com', digits: 6, period: 30 });
    expect(parsed.secret.base32).toBe(secret);
  });

  it('names the account after the access token username and the issuer Amazon Cognito by default', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: secret });
    const token = fakeAccessToken('alice');
    const setup = (await associateTotp(contextFor(), { accessToken: token }))._unsafeUnwrap();
    expect(setup.uri).toBe(`otpauth://totp/Amazon%20Cognito:alice?secret=${secret}&issuer=Amazon%20Cognito`);
  });

  it('needs an accountName when the access token is not a readable JWT, and sends nothing', async () => {
    const result = await associateTotp(contextFor(), { accessToken: 'opaque' });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidParameter' });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('is Unexpected when Cognito sends no secret', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({});
    const result = await associateTotp(contextFor(), { accessToken, accountName: 'alice' });
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });
});

describe('verifyTotp', () => {
  it('sends the code (spaces removed) and the device name', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
    const result = await verifyTotp(contextFor(), { accessToken, code: '123 456', deviceName: 'Phone' });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(VerifySoftwareTokenCommand))).toEqual({
      AccessToken: accessToken,
      UserCode: '123456',
      FriendlyDeviceName: 'Phone',
    });
  });

  it('is CodeMismatch when Cognito answers Status ERROR', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'ERROR' });
    const result = await verifyTotp(contextFor(), { accessToken, code: '123456' });
    expect(result._unsafeUnwrapErr().type).toBe('CodeMismatch');
  });

  it.each([
    [new CodeMismatchException({ message: 'Code mismatch', ...meta }), 'CodeMismatch'],
    [
      new EnableSoftwareTokenMFAException({
        message: 'Code mismatch and fail enable Software Token MFA',
        ...meta,
      }),
      'CodeMismatch',
    ],
    [new NotAuthorizedException({ message: 'Invalid token', ...meta }), 'NotAuthorized'],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(VerifySoftwareTokenCommand).rejects(thrown);
    const result = await verifyTotp(contextFor(), { accessToken, code: '123456' });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type, requestId: 'req-acc', retryable: false });
  });
});
