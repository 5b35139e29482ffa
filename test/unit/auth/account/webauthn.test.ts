import {
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  ListWebAuthnCredentialsCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  StartWebAuthnRegistrationCommand,
  WebAuthnChallengeNotFoundException,
  WebAuthnNotEnabledException,
  WebAuthnRelyingPartyMismatchException,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  completeWebAuthnRegistration,
  deleteWebAuthnCredential,
  listWebAuthnCredentials,
  startWebAuthnRegistration,
  type WebAuthnRegistrationCredential,
} from '../../../../src/auth/account/index.js';
import { accessToken, cognito, contextFor, meta, onlyInput } from './support.js';

const options = {
  challenge: 'Y2hhbGxlbmdl',
  rp: { id: 'auth.example.com', name: 'Example' },
  user: { id: 'dXNlci1pZA', name: 'alice', displayName: 'alice' },
  pubKeyCredParams: [
    { type: 'public-key', alg: -7 },
    { type: 'public-key', alg: -257 },
  ],
  timeout: 60000,
  authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
};

const credential: WebAuthnRegistrationCredential = {
  id: 'Y3JlZC1pZA',
  rawId: 'Y3JlZC1pZA',
  type: 'public-key',
  response: {
    clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0',
    attestationObject: 'o2NmbXRkbm9uZQ',
    transports: ['internal'],
  },
  authenticatorAttachment: 'platform',
  clientExtensionResults: {},
};

beforeEach(() => {
  cognito.reset();
});

describe('startWebAuthnRegistration (mocked: moto has no passkeys)', () => {
  it('returns Cognito’s creation options as a checked object', async () => {
    cognito.on(StartWebAuthnRegistrationCommand).resolves({ CredentialCreationOptions: options });
    const result = await startWebAuthnRegistration(contextFor(), { accessToken });
    expect(onlyInput(cognito.commandCalls(StartWebAuthnRegistrationCommand))).toEqual({
      AccessToken: accessToken,
    });
    expect(result._unsafeUnwrap()).toEqual(options);
  });

  it('parses options sent as a JSON string', async () => {
    cognito
      .on(StartWebAuthnRegistrationCommand)
      .resolves({ CredentialCreationOptions: JSON.stringify(options) });
    expect((await startWebAuthnRegistration(contextFor(), { accessToken }))._unsafeUnwrap().challenge).toBe(
      options.challenge,
    );
  });

  it('is Unexpected when the options lack a challenge', async () => {
    cognito
      .on(StartWebAuthnRegistrationCommand)
      .resolves({ CredentialCreationOptions: { ...options, challenge: '' } });
    expect((await startWebAuthnRegistration(contextFor(), { accessToken }))._unsafeUnwrapErr().type).toBe(
      'Unexpected',
    );
  });

  it('maps WebAuthnNotEnabledException to InvalidConfiguration', async () => {
    cognito
      .on(StartWebAuthnRegistrationCommand)
      .rejects(new WebAuthnNotEnabledException({ message: 'off', ...meta }));
    const error = (await startWebAuthnRegistration(contextFor(), { accessToken }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidConfiguration', message: 'off', requestId: 'req-acc' });
  });
});

describe('completeWebAuthnRegistration (mocked: moto has no passkeys)', () => {
  it('sends the registration response as the Credential document', async () => {
    cognito.on(CompleteWebAuthnRegistrationCommand).resolves({});
    const result = await completeWebAuthnRegistration(contextFor(), { accessToken, credential });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(CompleteWebAuthnRegistrationCommand))).toEqual({
      AccessToken: accessToken,
      Credential: credential,
    });
  });

  it('uses toJSON() of a browser PublicKeyCredential', async () => {
    cognito.on(CompleteWebAuthnRegistrationCommand).resolves({});
    const browserCredential = { rawId: new ArrayBuffer(8), toJSON: () => credential };
    await completeWebAuthnRegistration(contextFor(), { accessToken, credential: browserCredential });
    expect(onlyInput(cognito.commandCalls(CompleteWebAuthnRegistrationCommand)).Credential).toEqual(
      credential,
    );
  });

  it.each([
    [new WebAuthnRelyingPartyMismatchException({ message: 'rp mismatch', ...meta }), 'InvalidParameter'],
    [new WebAuthnChallengeNotFoundException({ message: 'challenge not found', ...meta }), 'InvalidParameter'],
    [new NotAuthorizedException({ message: 'Invalid token', ...meta }), 'NotAuthorized'],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(CompleteWebAuthnRegistrationCommand).rejects(thrown);
    const result = await completeWebAuthnRegistration(contextFor(), { accessToken, credential });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});

describe('listWebAuthnCredentials (mocked: moto has no passkeys)', () => {
  it('pages through passkeys and maps each', async () => {
    const createdAt = new Date('2026-01-02T03:04:05Z');
    cognito.on(ListWebAuthnCredentialsCommand).resolves({
      Credentials: [
        {
          CredentialId: 'cred-1',
          FriendlyCredentialName: 'MacBook',
          RelyingPartyId: 'auth.example.com',
          AuthenticatorAttachment: 'platform',
          AuthenticatorTransports: ['internal'],
          CreatedAt: createdAt,
        },
        {
          CredentialId: undefined,
          FriendlyCredentialName: 'x',
          RelyingPartyId: 'y',
          AuthenticatorTransports: [],
          CreatedAt: createdAt,
        },
      ],
      NextToken: 'page-2',
    });
    const page = await listWebAuthnCredentials(contextFor(), {
      accessToken,
      maxResults: 5,
      nextToken: 'page-1',
    });
    expect(onlyInput(cognito.commandCalls(ListWebAuthnCredentialsCommand))).toEqual({
      AccessToken: accessToken,
      MaxResults: 5,
      NextToken: 'page-1',
    });
    expect(page._unsafeUnwrap()).toEqual({
      credentials: [
        {
          credentialId: 'cred-1',
          friendlyName: 'MacBook',
          relyingPartyId: 'auth.example.com',
          authenticatorAttachment: 'platform',
          transports: ['internal'],
          createdAt,
        },
      ],
      nextToken: 'page-2',
    });
  });
});

describe('deleteWebAuthnCredential (mocked: moto has no passkeys)', () => {
  it('sends the credential id', async () => {
    cognito.on(DeleteWebAuthnCredentialCommand).resolves({});
    const result = await deleteWebAuthnCredential(contextFor(), { accessToken, credentialId: 'cred-1' });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(DeleteWebAuthnCredentialCommand))).toEqual({
      AccessToken: accessToken,
      CredentialId: 'cred-1',
    });
  });

  it('maps ResourceNotFoundException to ResourceNotFound', async () => {
    cognito
      .on(DeleteWebAuthnCredentialCommand)
      .rejects(new ResourceNotFoundException({ message: 'no such', ...meta }));
    const result = await deleteWebAuthnCredential(contextFor(), { accessToken, credentialId: 'cred-x' });
    expect(result._unsafeUnwrapErr().type).toBe('ResourceNotFound');
  });
});
