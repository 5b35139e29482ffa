import { createHmac } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AuthClient, decodeIdToken, type SignInStep } from 'cognito-flow';
import { mockCognito, TEST_USER_POOL_ID, type UserPoolMock } from 'cognito-flow/testing';
import 'cognito-flow/testing/vitest';
import { TokenVerifier } from 'cognito-flow/verify';
import { afterEach, describe, expect, it } from 'vitest';

const userPoolId = 'eu-west-1_Shop42';
const clientId = 'shopweb';
const password = 'Corr3ct-Horse!';

let cognito: UserPoolMock | undefined;
afterEach(() => {
  cognito?.restore();
  cognito = undefined;
});

function auth(options: { clientSecret?: string; client?: CognitoIdentityProviderClient } = {}) {
  return AuthClient.create({ userPoolId, clientId, ...options })._unsafeUnwrap();
}

function signedIn(step: SignInStep) {
  if (step.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${step.step}`);
  return step;
}

describe('mockCognito(authClient): sign-in scenarios drive a real AuthClient', () => {
  it('signInSucceeds over SRP: PASSWORD_VERIFIER challenge, the client’s claim, then tokens for this pool', async () => {
    const client = auth();
    cognito = mockCognito(client).signInSucceeds('carol', {
      claims: { email: 'carol@example.com' },
      groups: ['staff'],
    });
    const result = await client.signIn({ username: 'carol', password });
    expect(result).toBeAtStep('SIGNED_IN');

    const [initiate] = cognito.calls('InitiateAuth');
    expect(initiate).toMatchObject({
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'carol' },
    });
    expect(initiate?.AuthParameters?.SRP_A).toMatch(/^[0-9a-f]{500,}$/);
    const [verifier] = cognito.calls('RespondToAuthChallenge');
    expect(verifier).toMatchObject({
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: { USERNAME: 'carol' },
    });
    expect(verifier?.ChallengeResponses?.PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(cognito.calls('InitiateAuth'))).not.toContain(password);

    const tokens = signedIn(result._unsafeUnwrap()).tokens;
    const verify = TokenVerifier.create({ userPoolId, clientId, jwks: cognito.jwks })._unsafeUnwrap();
    const claims = (await verify.verifyIdToken(tokens.idToken))._unsafeUnwrap();
    expect(claims).toMatchObject({
      'cognito:username': 'carol',
      email: 'carol@example.com',
      'cognito:groups': ['staff'],
    });
    expect((await verify.verifyAccessToken(tokens.accessToken)).isOk()).toBe(true);
  });

  it('signInSucceeds over USER_PASSWORD_AUTH answers tokens at once', async () => {
    const client = auth();
    cognito = mockCognito(client).signInSucceeds('carol');
    const result = await client.signIn({ username: 'carol', password, flow: 'USER_PASSWORD_AUTH' });
    expect(result).toBeAtStep('SIGNED_IN');
    expect(cognito.calls('RespondToAuthChallenge')).toHaveLength(0);
    expect(
      cognito.sent('InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { PASSWORD: password },
      }),
    ).toBe(true);
  });

  it('with a client secret, SECRET_HASH is sent and the sign-in still succeeds', async () => {
    const clientSecret = 'shop-secret-value';
    const client = auth({ clientSecret });
    cognito = mockCognito(client).signInSucceeds('carol');
    expect(await client.signIn({ username: 'carol', password })).toBeAtStep('SIGNED_IN');
    const expected = createHmac('sha256', clientSecret).update(`carol${clientId}`).digest('base64');
    expect(cognito.sent('InitiateAuth', { AuthParameters: { SECRET_HASH: expected } })).toBe(true);
    expect(cognito.sent('RespondToAuthChallenge', { ChallengeResponses: { SECRET_HASH: expected } })).toBe(
      true,
    );
  });

  it('signInRequiresNewPassword: NEW_PASSWORD_REQUIRED with the required attributes, then tokens', async () => {
    const client = auth();
    cognito = mockCognito(client).signInRequiresNewPassword('alice', {
      requiredAttributes: ['email'],
      userAttributes: { name: 'Alice' },
    });
    const first = await client.signIn({ username: 'alice', password: 'Temp0rary!' });
    expect(first).toBeAtStep('NEW_PASSWORD_REQUIRED');
    const step = first._unsafeUnwrap();
    if (step.step !== 'NEW_PASSWORD_REQUIRED') throw new Error('unreachable');
    expect(step.requiredAttributes).toEqual(['email']);
    expect(step.userAttributes).toEqual({ name: 'Alice' });

    const missing = await client.completeNewPassword(step, 'N3w-Passw0rd!');
    expect(missing).toBeErrType('MissingRequiredAttributes');

    const done = await client.completeNewPassword(step, 'N3w-Passw0rd!', {
      attributes: { email: 'alice@example.com' },
    });
    expect(done).toBeAtStep('SIGNED_IN');
    expect(
      cognito.sent('RespondToAuthChallenge', {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ChallengeResponses: { NEW_PASSWORD: 'N3w-Passw0rd!', 'userAttributes.email': 'alice@example.com' },
      }),
    ).toBe(true);
  });

  it('a session is single use, as Cognito’s: answering a finished step again is refused', async () => {
    const sdk = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
    cognito = mockCognito(sdk).signInRequiresNewPassword('alice');
    const step = (await auth({ client: sdk }).signIn({ username: 'alice', password }))._unsafeUnwrap();
    if (step.step !== 'NEW_PASSWORD_REQUIRED') throw new Error('unreachable');
    expect(await auth({ client: sdk }).completeNewPassword(step, 'N3w-Passw0rd!')).toBeOk();
    // A second AuthClient has not seen the step answered, so the request reaches the mock.
    expect(await auth({ client: sdk }).completeNewPassword(step, 'N3w-Passw0rd!')).toBeErrType(
      'SessionExpired',
    );
  });

  it('signInRequiresTotp: SOFTWARE_TOKEN_MFA; a wrong code is CodeMismatch, the right one signs in', async () => {
    const client = auth();
    cognito = mockCognito(client).signInRequiresTotp('bob', { code: '123456' });
    const step = (await client.signIn({ username: 'bob', password }))._unsafeUnwrap();
    expect(step).toBeAtStep('SOFTWARE_TOKEN_MFA');
    if (step.step !== 'SOFTWARE_TOKEN_MFA') throw new Error('unreachable');
    expect(await client.submitCode(step, '000000')).toBeErrType('CodeMismatch');
    expect(await client.submitCode(step, '123456')).toBeAtStep('SIGNED_IN');
    expect(
      cognito.calls('RespondToAuthChallenge').map((call) => call.ChallengeResponses?.SOFTWARE_TOKEN_MFA_CODE),
    ).toEqual([undefined, '000000', '123456']);
  });

  it('signInRequiresSmsMfa: SMS_MFA with the code delivery Cognito reports', async () => {
    const client = auth();
    cognito = mockCognito(client).signInRequiresSmsMfa('dave', { destination: '+*******0042' });
    const step = (
      await client.signIn({ username: 'dave', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'SMS_MFA') throw new Error(`expected SMS_MFA, got ${step.step}`);
    expect(step.codeDelivery).toEqual({ destination: '+*******0042', medium: 'SMS' });
    expect(await client.submitCode(step, '987654')).toBeAtStep('SIGNED_IN');
    expect(
      cognito.sent('RespondToAuthChallenge', {
        ChallengeName: 'SMS_MFA',
        ChallengeResponses: { SMS_MFA_CODE: '987654' },
      }),
    ).toBe(true);
  });

  it('adminSignIn is answered through AdminInitiateAuth', async () => {
    const client = auth();
    cognito = mockCognito(client).signInSucceeds('erin');
    expect(await client.adminSignIn({ username: 'erin', password })).toBeAtStep('SIGNED_IN');
    expect(cognito.calls('AdminInitiateAuth')).toEqual([
      expect.objectContaining({ UserPoolId: userPoolId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }),
    ]);
  });
});

describe('failures', () => {
  it('failsWith makes the sign-in fail with the typed error', async () => {
    const client = auth();
    cognito = mockCognito(client)
      .signInSucceeds('carol')
      .failsWith('NotAuthorizedException', { operation: 'InitiateAuth' });
    const result = await client.signIn({ username: 'carol', password });
    expect(result).toBeErrType('NotAuthorized');
    expect(result._unsafeUnwrapErr().message).toBe('Incorrect username or password.');
  });

  it('failsWith a user name only fails that user; other scenarios keep answering', async () => {
    const client = auth();
    cognito = mockCognito(client)
      .signInSucceeds('carol')
      .failsWith('UserNotFoundException', { username: 'ghost' });
    expect(await client.signIn({ username: 'ghost', password })).toBeErrType('UserNotFound');
    expect(await client.signIn({ username: 'carol', password })).toBeAtStep('SIGNED_IN');
  });

  it('failsWith times: 1 fails once, then the older scenario answers (a retry that works)', async () => {
    const client = auth();
    cognito = mockCognito(client)
      .signInSucceeds('carol')
      .failsWith('TooManyRequestsException', { operation: 'InitiateAuth', times: 1 });
    expect(await client.signIn({ username: 'carol', password })).toBeErrType('TooManyRequests');
    expect(await client.signIn({ username: 'carol', password })).toBeAtStep('SIGNED_IN');
  });

  it('UserNotConfirmed and PasswordResetRequired become the steps users act on', async () => {
    const client = auth();
    cognito = mockCognito(client)
      .failsWith('UserNotConfirmedException', { username: 'new-user' })
      .failsWith('PasswordResetRequiredException', { username: 'old-user' });
    expect(await client.signIn({ username: 'new-user', password })).toBeAtStep('CONFIRM_SIGN_UP');
    expect(await client.signIn({ username: 'old-user', password })).toBeAtStep('RESET_PASSWORD');
  });

  it('a call no scenario answers fails with a message that says what to add', async () => {
    const client = auth();
    cognito = mockCognito(client).signInSucceeds('carol');
    const result = await client.signIn({ username: 'dave', password });
    expect(result).toBeErrType('Unexpected');
    expect(result._unsafeUnwrapErr().message).toBe(
      'cognito-flow/testing: no scenario answers InitiateAuth for "dave"; add one, e.g. cognito.signInSucceeds(\'dave\')',
    );
  });
});

describe('flows the scenarios do not answer', () => {
  it('CUSTOM_AUTH gets a message that names the flows scenarios answer and what to use instead', async () => {
    const client = auth();
    cognito = mockCognito(client).signInSucceeds('carol');
    const result = await client.signIn({ username: 'carol', flow: 'CUSTOM_AUTH' });
    expect(result).toBeErrType('Unexpected');
    expect(result._unsafeUnwrapErr().message).toBe(
      'cognito-flow/testing: no scenario answers InitiateAuth (CUSTOM_AUTH) for "carol"; the sign-in scenarios answer ' +
        "USER_SRP_AUTH, USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH — for this flow use cognito.failsWith('...', " +
        "{ operation: 'InitiateAuth' }), or aws-sdk-client-mock directly",
    );
  });
});

describe('targets, reset and restore', () => {
  it('an AuthClient target mints tokens for that client’s own user pool, and its probe is never recorded', async () => {
    for (const pool of ['eu-west-1_First1', 'ap-south-1_Second2']) {
      const client = AuthClient.create({ userPoolId: pool, clientId })._unsafeUnwrap();
      const mock = mockCognito(client).signInSucceeds('carol');
      cognito = mock;
      const step = signedIn(
        (await client.signIn({ username: 'carol', password, flow: 'USER_PASSWORD_AUTH' }))._unsafeUnwrap(),
      );
      expect(decodeIdToken(step.tokens.idToken)._unsafeUnwrap().iss).toBe(
        `https://cognito-idp.${pool.split('_')[0]}.amazonaws.com/${pool}`,
      );
      expect(mock.calls('AdminInitiateAuth')).toEqual([]);
      mock.restore();
    }
  });

  it('an AuthClient target ends up mocking only that AuthClient’s own SDK client', async () => {
    const client = auth();
    const elsewhere = new CognitoIdentityProviderClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
    });
    cognito = mockCognito(client).signInSucceeds('carol');
    // Tokens for this pool mean the probe has been seen, and the mock has moved to the client's own SDK client.
    expect(await client.signIn({ username: 'carol', password, flow: 'USER_PASSWORD_AUTH' })).toBeAtStep(
      'SIGNED_IN',
    );
    expect(await auth({ client: elsewhere }).signIn({ username: 'carol', password })).toBeErrType('Network');
    expect(await client.signIn({ username: 'carol', password })).toBeAtStep('SIGNED_IN');
  });

  it('an SDK client target mocks only that client; tokens use the given user pool id', async () => {
    const mine = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
    const other = new CognitoIdentityProviderClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
    });
    cognito = mockCognito(mine, { userPoolId }).signInSucceeds('carol');
    expect(await auth({ client: mine }).signIn({ username: 'carol', password })).toBeAtStep('SIGNED_IN');
    expect(await auth({ client: other }).signIn({ username: 'carol', password })).toBeErrType('Network');
  });

  it('no target mocks every client; tokens default to the test pool', async () => {
    const all = mockCognito().signInSucceeds('carol');
    cognito = all;
    const step = signedIn((await auth().signIn({ username: 'carol', password }))._unsafeUnwrap());
    expect(decodeIdToken(step.tokens.idToken)._unsafeUnwrap().iss).toBe(
      `https://cognito-idp.us-east-1.amazonaws.com/${TEST_USER_POOL_ID}`,
    );
  });

  it('reset forgets scenarios and calls; restore sends for real again', async () => {
    const sdk = new CognitoIdentityProviderClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9',
      maxAttempts: 1,
    });
    const mock = mockCognito(sdk).signInSucceeds('carol');
    cognito = mock;
    const client = auth({ client: sdk });
    expect(await client.signIn({ username: 'carol', password })).toBeOk();
    mock.reset();
    expect(mock.calls('InitiateAuth')).toEqual([]);
    expect(await client.signIn({ username: 'carol', password })).toBeErrType('Unexpected');
    mock.restore();
    expect(await client.signIn({ username: 'carol', password })).toBeErrType('Network');
  });
});
