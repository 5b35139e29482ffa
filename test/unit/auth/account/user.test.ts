import {
  AliasExistsException,
  CodeMismatchException,
  DeleteUserAttributesCommand,
  ExpiredCodeException,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  NotAuthorizedException,
  UpdateUserAttributesCommand,
  UserNotFoundException,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteUserAttributes,
  getUser,
  sendAttributeVerificationCode,
  updateUserAttributes,
  verifyAttribute,
} from '../../../../src/auth/account/index.js';
import { mfaSettingsFromUser } from '../../../../src/auth/account/mfa-settings.js';
import { userAttributeValues } from '../../../../src/auth/account/user-attribute-values.js';
import { accessToken, cognito, contextFor, meta, onlyInput } from './support.js';

beforeEach(() => {
  cognito.reset();
});

describe('getUser', () => {
  it('sends the access token and maps user name, sub, typed and raw attributes and MFA settings', async () => {
    cognito.on(GetUserCommand).resolves({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: 'sub-1' },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'updated_at', Value: '1700000000' },
        { Name: 'custom:plan', Value: 'pro' },
      ],
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    const user = await getUser(contextFor(), { accessToken });
    expect(onlyInput(cognito.commandCalls(GetUserCommand))).toEqual({ AccessToken: accessToken });
    expect(user._unsafeUnwrap()).toEqual({
      username: 'alice',
      sub: 'sub-1',
      attributes: {
        sub: 'sub-1',
        email: 'alice@example.com',
        email_verified: true,
        updated_at: 1_700_000_000,
        'custom:plan': 'pro',
      },
      rawAttributes: {
        sub: 'sub-1',
        email: 'alice@example.com',
        email_verified: 'true',
        updated_at: '1700000000',
        'custom:plan': 'pro',
      },
      mfa: { preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'] },
    });
  });

  it('reports no MFA when Cognito lists none (moto sends an empty preferred setting)', async () => {
    cognito.on(GetUserCommand).resolves({ Username: 'alice', UserAttributes: [], PreferredMfaSetting: '' });
    const user = (await getUser(contextFor(), { accessToken }))._unsafeUnwrap();
    expect(user.mfa).toEqual({ enabled: [] });
    expect(user).not.toHaveProperty('sub');
  });

  it('is Unexpected when Cognito answers without a user name', async () => {
    cognito.on(GetUserCommand).resolves({ UserAttributes: [] } as never);
    expect((await getUser(contextFor(), { accessToken }))._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('maps a revoked token to NotAuthorized', async () => {
    cognito
      .on(GetUserCommand)
      .rejects(new NotAuthorizedException({ message: 'Access Token has been revoked', ...meta }));
    expect((await getUser(contextFor(), { accessToken }))._unsafeUnwrapErr().type).toBe('NotAuthorized');
  });
});

describe('userAttributeValues', () => {
  it('types booleans and updated_at, keeps standard and custom strings, drops what does not parse', () => {
    expect(
      userAttributeValues({
        email_verified: 'false',
        phone_number_verified: 'maybe',
        updated_at: 'yesterday',
        phone_number: '+14325551212',
        'custom:seats': '3',
        'dev:custom:thing': 'x',
      }),
    ).toEqual({ email_verified: false, phone_number: '+14325551212', 'custom:seats': '3' });
  });
});

describe('mfaSettingsFromUser', () => {
  it('counts legacy SMS MFAOptions as SMS_MFA and drops method names it does not know', () => {
    expect(
      mfaSettingsFromUser({
        MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
        UserMFASettingList: ['EMAIL_OTP', 'SOMETHING_NEW'],
        PreferredMfaSetting: 'SOMETHING_NEW',
      }),
    ).toEqual({ enabled: ['EMAIL_OTP', 'SMS_MFA'] });
  });
});

describe('updateUserAttributes', () => {
  it('sends typed attributes as strings and reports which attributes need verification', async () => {
    cognito.on(UpdateUserAttributesCommand).resolves({
      CodeDeliveryDetailsList: [
        { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
        { Destination: '+*******1212', DeliveryMedium: 'SMS', AttributeName: 'phone_number' },
      ],
    });
    const result = await updateUserAttributes(contextFor(), {
      accessToken,
      attributes: {
        email: 'new@example.com',
        phone_number: '+14325551212',
        updated_at: new Date(1_700_000_000_000),
      },
      clientMetadata: { reason: 'profile' },
    });
    expect(onlyInput(cognito.commandCalls(UpdateUserAttributesCommand))).toEqual({
      AccessToken: accessToken,
      UserAttributes: [
        { Name: 'email', Value: 'new@example.com' },
        { Name: 'phone_number', Value: '+14325551212' },
        { Name: 'updated_at', Value: '1700000000' },
      ],
      ClientMetadata: { reason: 'profile' },
    });
    expect(result._unsafeUnwrap()).toEqual({
      attributesToVerify: ['email', 'phone_number'],
      codeDeliveries: [
        { destination: 'n***@e***', medium: 'EMAIL', attributeName: 'email' },
        { destination: '+*******1212', medium: 'SMS', attributeName: 'phone_number' },
      ],
    });
  });

  it('reports nothing to verify when Cognito sends no code (e.g. a nickname change)', async () => {
    cognito.on(UpdateUserAttributesCommand).resolves({});
    const result = await updateUserAttributes(contextFor(), { accessToken, attributes: { nickname: 'al' } });
    expect(result._unsafeUnwrap()).toEqual({ attributesToVerify: [], codeDeliveries: [] });
  });

  it('maps AliasExistsException to UsernameExists', async () => {
    cognito.on(UpdateUserAttributesCommand).rejects(new AliasExistsException({ message: 'taken', ...meta }));
    const result = await updateUserAttributes(contextFor(), {
      accessToken,
      attributes: { email: 'taken@example.com' },
    });
    expect(result._unsafeUnwrapErr().type).toBe('UsernameExists');
  });
});

describe('sendAttributeVerificationCode (mocked: moto has no GetUserAttributeVerificationCode)', () => {
  it('sends the attribute name and says where the code went', async () => {
    cognito.on(GetUserAttributeVerificationCodeCommand).resolves({
      CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    const result = await sendAttributeVerificationCode(contextFor(), {
      accessToken,
      attributeName: 'email',
      clientMetadata: { k: 'v' },
    });
    expect(onlyInput(cognito.commandCalls(GetUserAttributeVerificationCodeCommand))).toEqual({
      AccessToken: accessToken,
      AttributeName: 'email',
      ClientMetadata: { k: 'v' },
    });
    expect(result._unsafeUnwrap().codeDelivery).toEqual({
      destination: 'a***@e***',
      medium: 'EMAIL',
      attributeName: 'email',
    });
  });

  it('maps UserNotFoundException to UserNotFound', async () => {
    cognito
      .on(GetUserAttributeVerificationCodeCommand)
      .rejects(new UserNotFoundException({ message: 'gone', ...meta }));
    const result = await sendAttributeVerificationCode(contextFor(), { accessToken, attributeName: 'email' });
    expect(result._unsafeUnwrapErr().type).toBe('UserNotFound');
  });
});

describe('verifyAttribute (mocked: moto has no VerifyUserAttribute)', () => {
  it('sends the attribute name and the code', async () => {
    cognito.on(VerifyUserAttributeCommand).resolves({});
    const result = await verifyAttribute(contextFor(), {
      accessToken,
      attributeName: 'email',
      code: '111222',
    });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(VerifyUserAttributeCommand))).toEqual({
      AccessToken: accessToken,
      AttributeName: 'email',
      Code: '111222',
    });
  });

  it.each([
    [new CodeMismatchException({ message: 'Invalid code', ...meta }), 'CodeMismatch'],
    [new ExpiredCodeException({ message: 'Expired', ...meta }), 'ExpiredCode'],
    [new AliasExistsException({ message: 'taken', ...meta }), 'UsernameExists'],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(VerifyUserAttributeCommand).rejects(thrown);
    const result = await verifyAttribute(contextFor(), {
      accessToken,
      attributeName: 'email',
      code: '111222',
    });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});

describe('deleteUserAttributes (mocked: moto has only AdminDeleteUserAttributes)', () => {
  it('sends the attribute names', async () => {
    cognito.on(DeleteUserAttributesCommand).resolves({});
    const result = await deleteUserAttributes(contextFor(), {
      accessToken,
      attributeNames: ['nickname', 'custom:plan'],
    });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(DeleteUserAttributesCommand))).toEqual({
      AccessToken: accessToken,
      UserAttributeNames: ['nickname', 'custom:plan'],
    });
  });

  it('maps NotAuthorizedException to NotAuthorized', async () => {
    cognito.on(DeleteUserAttributesCommand).rejects(new NotAuthorizedException({ message: 'no', ...meta }));
    const result = await deleteUserAttributes(contextFor(), { accessToken, attributeNames: ['nickname'] });
    expect(result._unsafeUnwrapErr().type).toBe('NotAuthorized');
  });
});
