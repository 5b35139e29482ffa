import { describe, expect, it } from 'vitest';
import { parseRequiredAttributes, parseUserAttributes } from '../../../src/auth/challenge-parameters.js';
import {
  type AuthResponse,
  mapAuthResponse,
  stepFromSignInError,
} from '../../../src/auth/map-auth-response.js';
import { SESSION_TTL_MS, type SignInStep, type Step } from '../../../src/auth/steps.js';
import { makeError } from '../../../src/errors/make-error.js';
import type { CognitoError } from '../../../src/errors/types.js';

const NOW = 1_700_000_000_000;
const CLIENT_ID = '1example23456789abcdefghij';
const context = { clientId: CLIENT_ID, username: 'alice@example.com', now: NOW };
const SESSION = 'AYABeD-cognito-session-string-0123456789';

function newPasswordResponse(parameters: Record<string, string> = {}): AuthResponse {
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: SESSION,
    ChallengeParameters: {
      USER_ID_FOR_SRP: 'a1b2c3d4-sub',
      requiredAttributes: '["userAttributes.email","userAttributes.birthdate"]',
      userAttributes: '{"email_verified":"true","phone_number":"+14325551212","name":"Alice"}',
      ...parameters,
    },
  };
}

function expectNewPassword(response: AuthResponse): Step<'NEW_PASSWORD_REQUIRED'> {
  const result = mapAuthResponse(response, context);
  expect(result.isOk()).toBe(true);
  const step = result._unsafeUnwrap();
  if (step.step !== 'NEW_PASSWORD_REQUIRED')
    throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${step.step}`);
  return step;
}

describe('mapAuthResponse: tokens', () => {
  const authenticationResult = {
    IdToken: 'id-token',
    AccessToken: 'access-token',
    RefreshToken: 'refresh-token',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  };

  it('maps AuthenticationResult to SIGNED_IN with expiresAt = now + ExpiresIn * 1000', () => {
    const result = mapAuthResponse({ AuthenticationResult: authenticationResult }, context);
    expect(result._unsafeUnwrap()).toEqual({
      step: 'SIGNED_IN',
      username: 'alice@example.com',
      tokens: {
        idToken: 'id-token',
        accessToken: 'access-token',
        refreshToken: 'refresh-token',
        expiresAt: NOW + 3_600_000,
        tokenType: 'Bearer',
      },
    });
  });

  it('uses ExpiresIn as sent (900 s)', () => {
    const step = mapAuthResponse(
      { AuthenticationResult: { ...authenticationResult, ExpiresIn: 900 } },
      context,
    )._unsafeUnwrap();
    expect(step.step === 'SIGNED_IN' && step.tokens.expiresAt).toBe(NOW + 900_000);
  });

  it('prefers tokens over a challenge when Cognito sends both', () => {
    const result = mapAuthResponse(
      { ...newPasswordResponse(), AuthenticationResult: authenticationResult },
      context,
    );
    expect(result._unsafeUnwrap().step).toBe('SIGNED_IN');
  });

  it('returns Unexpected when the IdToken is missing', () => {
    const { IdToken: _, ...noId } = authenticationResult;
    const error = mapAuthResponse({ AuthenticationResult: noId }, context)._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });

  it('returns Unexpected when the AccessToken is missing', () => {
    const { AccessToken: _, ...noAccess } = authenticationResult;
    expect(mapAuthResponse({ AuthenticationResult: noAccess }, context)._unsafeUnwrapErr().type).toBe(
      'Unexpected',
    );
  });

  it('never puts the tokens into the error message', () => {
    const { IdToken: _, ...noId } = authenticationResult;
    const error = mapAuthResponse({ AuthenticationResult: noId }, context)._unsafeUnwrapErr();
    expect(error.message).not.toContain('access-token');
    expect(error.message).not.toContain('refresh-token');
  });
});

describe('mapAuthResponse: NEW_PASSWORD_REQUIRED', () => {
  it('maps the challenge to a step with required attribute names stripped of "userAttributes."', () => {
    const step = expectNewPassword(newPasswordResponse());
    expect(step.requiredAttributes).toEqual(['email', 'birthdate']);
  });

  it('parses userAttributes from its JSON string', () => {
    const step = expectNewPassword(newPasswordResponse());
    expect(step.userAttributes).toEqual({
      email_verified: 'true',
      phone_number: '+14325551212',
      name: 'Alice',
    });
  });

  it('carries clientId, username, session and expiresAt = now + 180000', () => {
    const step = expectNewPassword(newPasswordResponse());
    expect(step).toMatchObject({
      step: 'NEW_PASSWORD_REQUIRED',
      clientId: CLIENT_ID,
      username: 'alice@example.com',
      session: SESSION,
      expiresAt: NOW + 180_000,
    });
    expect(SESSION_TTL_MS).toBe(180_000);
  });

  it('uses [] and {} when requiredAttributes and userAttributes are absent', () => {
    const step = expectNewPassword({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: SESSION,
      ChallengeParameters: {},
    });
    expect(step.requiredAttributes).toEqual([]);
    expect(step.userAttributes).toEqual({});
  });

  it('uses [] and {} when ChallengeParameters is absent', () => {
    const step = expectNewPassword({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: SESSION });
    expect(step.requiredAttributes).toEqual([]);
    expect(step.userAttributes).toEqual({});
    expect(step.challengeUsername).toBe('alice@example.com');
  });

  it('uses [] for requiredAttributes "[]"', () => {
    expect(expectNewPassword(newPasswordResponse({ requiredAttributes: '[]' })).requiredAttributes).toEqual(
      [],
    );
  });

  it('stringifies non-string user attribute values and drops null ones', () => {
    const step = expectNewPassword(
      newPasswordResponse({ userAttributes: '{"email_verified":true,"n":3,"gone":null}' }),
    );
    expect(step.userAttributes).toEqual({ email_verified: 'true', n: '3' });
  });

  it.each([
    ['requiredAttributes that is not JSON', { requiredAttributes: '[userAttributes.email' }],
    ['userAttributes that is not JSON', { userAttributes: '{email: x}' }],
    ['requiredAttributes that is an object', { requiredAttributes: '{"a":"b"}' }],
    ['requiredAttributes with a number', { requiredAttributes: '["userAttributes.email", 3]' }],
    ['userAttributes that is an array', { userAttributes: '["email"]' }],
    ['userAttributes that is a string', { userAttributes: '"email"' }],
  ])('returns Unexpected for %s', (_label, parameters) => {
    const result = mapAuthResponse(newPasswordResponse(parameters), context);
    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('prefers USERNAME for challengeUsername', () => {
    const step = expectNewPassword(
      newPasswordResponse({ USERNAME: 'internal-name', USER_ID_FOR_SRP: 'srp-id' }),
    );
    expect(step.challengeUsername).toBe('internal-name');
    expect(step.username).toBe('alice@example.com');
  });

  it('falls back to USER_ID_FOR_SRP for challengeUsername', () => {
    const step = expectNewPassword(newPasswordResponse({ USER_ID_FOR_SRP: 'srp-id' }));
    expect(step.challengeUsername).toBe('srp-id');
  });

  it('falls back to the typed username when Cognito sends neither', () => {
    const response = newPasswordResponse();
    const { USER_ID_FOR_SRP: _, ...parameters } = response.ChallengeParameters ?? {};
    const step = expectNewPassword({ ...response, ChallengeParameters: parameters });
    expect(step.challengeUsername).toBe('alice@example.com');
  });

  it('ignores an empty USERNAME', () => {
    const step = expectNewPassword(newPasswordResponse({ USERNAME: '', USER_ID_FOR_SRP: 'srp-id' }));
    expect(step.challengeUsername).toBe('srp-id');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('returns Unexpected when the Session is %s', (_label, session) => {
    const result = mapAuthResponse({ ...newPasswordResponse(), Session: session }, context);
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('session');
  });

  it('survives JSON.parse(JSON.stringify(step)) deep-equal', () => {
    const step = expectNewPassword(newPasswordResponse({ USERNAME: 'internal-name' }));
    expect(JSON.parse(JSON.stringify(step))).toEqual(step);
  });

  it('returns a step with only data in it (no functions, no prototypes other than Object/Array)', () => {
    const step = expectNewPassword(newPasswordResponse());
    expect(Object.getPrototypeOf(step)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(step.userAttributes)).toBe(Object.prototype);
    expect(Array.isArray(step.requiredAttributes)).toBe(true);
    expect(Object.values(step).some((v) => typeof v === 'function')).toBe(false);
  });
});

describe('mapAuthResponse: other answers', () => {
  it.each(['SOMETHING_NEW', 'ADMIN_NO_SRP_AUTH', 'PASSWORD'])(
    'turns %s, which has no dedicated step, into an UNSUPPORTED_CHALLENGE step with the raw name and parameters',
    (name) => {
      const step = mapAuthResponse(
        { ChallengeName: name, Session: SESSION, ChallengeParameters: { HINT: 'x', USERNAME: 'internal' } },
        context,
      )._unsafeUnwrap();
      expect(step).toEqual({
        step: 'UNSUPPORTED_CHALLENGE',
        clientId: context.clientId,
        username: context.username,
        challengeUsername: 'internal',
        session: SESSION,
        expiresAt: context.now + 180_000,
        challengeName: name,
        parameters: { HINT: 'x', USERNAME: 'internal' },
      });
    },
  );

  it('maps PASSWORD_VERIFIER that reached the pure mapping (no flow answered it) to Unexpected', () => {
    const error = mapAuthResponse(
      { ChallengeName: 'PASSWORD_VERIFIER', Session: SESSION },
      context,
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(JSON.stringify(error)).not.toContain(SESSION);
  });

  it('keeps a huge challenge name whole in the UNSUPPORTED_CHALLENGE step', () => {
    const name = 'X'.repeat(1000);
    const step = mapAuthResponse({ ChallengeName: name, Session: SESSION }, context)._unsafeUnwrap();
    expect(step.step === 'UNSUPPORTED_CHALLENGE' && step.challengeName).toBe(name);
  });

  it.each([
    ['an empty answer', {}],
    ['only a session', { Session: SESSION }],
    ['an empty challenge name', { ChallengeName: '', Session: SESSION }],
  ])('returns Unexpected for %s (neither tokens nor a challenge)', (_label, response) => {
    const error = mapAuthResponse(response, context)._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('neither tokens nor a challenge');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'NEW_PASSWORD_REQUIRED'],
  ])('returns Unexpected for %s without throwing', (_label, response) => {
    const result = mapAuthResponse(response as unknown as AuthResponse, context);
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });
});

describe('parseRequiredAttributes and parseUserAttributes', () => {
  it('strips only a leading "userAttributes." prefix', () => {
    expect(
      parseRequiredAttributes('["userAttributes.custom:plan","email","x.userAttributes.y"]')._unsafeUnwrap(),
    ).toEqual(['custom:plan', 'email', 'x.userAttributes.y']);
  });

  it.each([undefined, '', '  ', 'null'])('treats %j as no required attributes', (raw) => {
    expect(parseRequiredAttributes(raw)._unsafeUnwrap()).toEqual([]);
  });

  it.each([undefined, '', 'null'])('treats %j as no user attributes', (raw) => {
    expect(parseUserAttributes(raw)._unsafeUnwrap()).toEqual({});
  });

  it('rejects malformed JSON with Unexpected that does not echo the input', () => {
    const raw = '{"email":"secret@example.com"';
    const error = parseUserAttributes(raw)._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).not.toContain('secret@example.com');
  });
});

describe('stepFromSignInError', () => {
  const signInContext = { clientId: CLIENT_ID, username: 'alice@example.com' };

  it('maps UserNotConfirmed to CONFIRM_SIGN_UP', () => {
    const error: CognitoError = makeError('UserNotConfirmed', 'User is not confirmed.');
    const result = stepFromSignInError(error, signInContext);
    expect(result._unsafeUnwrap()).toEqual({
      step: 'CONFIRM_SIGN_UP',
      clientId: CLIENT_ID,
      username: 'alice@example.com',
    });
  });

  it('maps PasswordResetRequired to RESET_PASSWORD', () => {
    const error: CognitoError = makeError('PasswordResetRequired', 'Password reset required for the user');
    const result = stepFromSignInError(error, signInContext);
    expect(result._unsafeUnwrap()).toEqual({
      step: 'RESET_PASSWORD',
      clientId: CLIENT_ID,
      username: 'alice@example.com',
    });
  });

  it.each([
    makeError('NotAuthorized', 'Incorrect username or password.'),
    makeError('UserNotFound', 'User does not exist.'),
    makeError('TooManyRequests', 'Rate exceeded', { retryable: true }),
    makeError('Network', 'down', { retryable: true }),
    makeError('Unexpected', 'weird'),
  ] as CognitoError[])('passes $type through as Err (the same object)', (error) => {
    const result = stepFromSignInError(error, signInContext);
    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr()).toBe(error);
  });

  it('produces steps that survive a JSON round trip', () => {
    const step: SignInStep = stepFromSignInError(
      makeError('UserNotConfirmed', 'x'),
      signInContext,
    )._unsafeUnwrap();
    expect(JSON.parse(JSON.stringify(step))).toEqual(step);
  });
});
