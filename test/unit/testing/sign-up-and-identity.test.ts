import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { AuthClient } from 'cognito-flow';
import { IdentityPool } from 'cognito-flow/identity';
import { type IdentityPoolMock, mintTokens, mockCognito, type UserPoolMock } from 'cognito-flow/testing';
import 'cognito-flow/testing/vitest';
import { afterEach, describe, expect, it } from 'vitest';

const userPoolId = 'eu-west-1_Shop42';
const clientId = 'shopweb';
const identityPoolId = 'eu-west-1:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const identityId = 'eu-west-1:11111111-2222-4333-8444-555555555555';

let mocks: (UserPoolMock | IdentityPoolMock)[] = [];
afterEach(() => {
  for (const mock of mocks) mock.restore();
  mocks = [];
});

describe('signUpSucceeds', () => {
  it('sign-up, confirmation with the code, then auto sign-in with the confirmation session', async () => {
    const auth = AuthClient.create({ userPoolId, clientId })._unsafeUnwrap();
    const cognito = mockCognito(auth).signUpSucceeds('erin', {
      code: '246810',
      claims: { email: 'erin@example.com' },
    });
    mocks.push(cognito);
    const signedUp = (
      await auth.signUp({
        username: 'erin',
        password: 'Passw0rd!',
        attributes: { email: 'erin@example.com' },
      })
    )._unsafeUnwrap();
    expect(signedUp).toMatchObject({
      username: 'erin',
      userConfirmed: false,
      codeDelivery: { attributeName: 'email', medium: 'EMAIL', destination: 'e***@e***' },
    });
    expect(signedUp.userSub).toMatch(/^[0-9a-f-]{36}$/);

    const wrong = await auth.confirmSignUp({
      username: 'erin',
      code: '000000',
      ...(signedUp.session ? { session: signedUp.session } : {}),
    });
    expect(wrong).toBeErrType('CodeMismatch');
    const confirmed = await auth.confirmSignUp({
      username: 'erin',
      code: '246810',
      ...(signedUp.session ? { session: signedUp.session } : {}),
    });
    expect(confirmed).toBeOk();
    const signedIn = await auth.autoSignIn(confirmed._unsafeUnwrap());
    expect(signedIn).toBeAtStep('SIGNED_IN');
    expect(
      cognito.sent('SignUp', {
        Username: 'erin',
        UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }],
      }),
    ).toBe(true);
    expect(
      cognito.sent('InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'erin' } }),
    ).toBe(true);
  });

  it('a taken user name fails as UsernameExists', async () => {
    const auth = AuthClient.create({ userPoolId, clientId })._unsafeUnwrap();
    const cognito = mockCognito(auth).failsWith('UsernameExistsException', { operation: 'SignUp' });
    mocks.push(cognito);
    expect(await auth.signUp({ username: 'erin', password: 'Passw0rd!' })).toBeErrType('UsernameExists');
  });

  it('resending the code answers the code delivery', async () => {
    const auth = AuthClient.create({ userPoolId, clientId })._unsafeUnwrap();
    mocks.push(mockCognito(auth).signUpSucceeds('erin', { medium: 'SMS' }));
    const resent = (await auth.resendSignUpCode({ username: 'erin' }))._unsafeUnwrap();
    expect(resent).toMatchObject({
      codeDelivery: { medium: 'SMS', attributeName: 'phone_number', destination: '+*******1234' },
    });
  });
});

describe('identityPoolIssues', () => {
  it('an IdentityPool gets the identity id and temporary credentials for a user-pool ID token', async () => {
    const pool = IdentityPool.create({ identityPoolId })._unsafeUnwrap();
    const cognito = mockCognito(pool).identityPoolIssues({ identityId, expiresIn: 900 });
    mocks.push(cognito);
    const { idToken } = mintTokens({ userPoolId, clientId });
    const before = Date.now();
    const credentials = (await pool.getCredentials({ idToken }))._unsafeUnwrap();
    expect(credentials.identityId).toBe(identityId);
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.expiration.getTime()).toBeGreaterThanOrEqual(before + 900_000);
    const logins = { [`cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`]: idToken };
    expect(cognito.calls('GetId')).toEqual([{ IdentityPoolId: identityPoolId, Logins: logins }]);
    expect(cognito.sent('GetCredentialsForIdentity', { IdentityId: identityId, Logins: logins })).toBe(true);
  });

  it('an expired ID token is refused as Cognito refuses it', async () => {
    const client = new CognitoIdentityClient({ region: 'eu-west-1' });
    const pool = IdentityPool.create({ identityPoolId, client })._unsafeUnwrap();
    mocks.push(mockCognito(client).identityPoolIssues());
    const { idToken } = mintTokens({
      userPoolId,
      clientId,
      issuedAt: Date.now() - 7200_000,
      expiresIn: 3600,
    });
    const result = await pool.getCredentials({ idToken });
    expect(result).toBeErrType('NotAuthorized');
    expect(result._unsafeUnwrapErr().message).toMatch(/^Invalid login token\. Token expired/);
  });

  it('a Logins key that is not the token’s issuer is refused, as Cognito refuses it', async () => {
    const client = new CognitoIdentityClient({ region: 'eu-west-1' });
    mocks.push(mockCognito(client).identityPoolIssues());
    const { idToken } = mintTokens({ userPoolId, clientId });
    const wrongKey = { 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other9': idToken };
    await expect(
      client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: wrongKey })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: "Invalid login token. Issuer doesn't match providerName",
      $fault: 'client',
    });
    const rightKey = { [`cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`]: idToken };
    await expect(
      client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: rightKey })),
    ).resolves.toMatchObject({
      IdentityId: expect.stringMatching(/^eu-west-1:/),
    });
  });

  it('guests get credentials without logins; failures are typed', async () => {
    const pool = IdentityPool.create({ identityPoolId })._unsafeUnwrap();
    const cognito = mockCognito(pool).identityPoolIssues();
    mocks.push(cognito);
    const guest = (await pool.getGuestCredentials())._unsafeUnwrap();
    expect(guest.identityId).toMatch(/^eu-west-1:[0-9a-f-]{36}$/);
    cognito.failsWith('ResourceNotFoundException', { operation: 'GetId' });
    const other = IdentityPool.create({ identityPoolId })._unsafeUnwrap();
    expect(await other.getGuestCredentials()).toBeErrType('ResourceNotFound');
  });
});
