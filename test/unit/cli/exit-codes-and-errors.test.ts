import { describe, expect, it } from 'vitest';
import { CliError, fromCognitoError, oneLine, toCliError } from '../../../src/cli/cli-error.js';
import { EXIT, exitCodeForError } from '../../../src/cli/exit-codes.js';
import {
  authConfigFromFlags,
  parseAttributeFlags,
  type SignInFlags,
} from '../../../src/cli/sign-in/options.js';

describe('exitCodeForError', () => {
  it.each([
    'NotAuthorized',
    'UserNotFound',
    'CodeMismatch',
    'ExpiredCode',
    'InvalidPassword',
    'SessionExpired',
    'MissingRequiredAttributes',
    'PasswordResetRequired',
    'UserNotConfirmed',
    'InvalidToken',
  ])('%s is an auth failure (1)', (type) => expect(exitCodeForError(type)).toBe(EXIT.AUTH));

  it('InvalidConfig is a usage error (2)', () => expect(exitCodeForError('InvalidConfig')).toBe(EXIT.USAGE));

  it.each([
    'Network',
    'TooManyRequests',
    'LimitExceeded',
    'Internal',
    'ResourceNotFound',
    'InvalidParameter',
    'LambdaTrigger',
    'Unexpected',
    'SomethingNew',
  ])('%s is a network or service failure (3)', (type) => expect(exitCodeForError(type)).toBe(EXIT.SERVICE));
});

describe('CLI errors', () => {
  it('a cognito-flow error becomes one line naming the step and the type, with its exit code', () => {
    const error = fromCognitoError(
      { type: 'NotAuthorized', message: 'Incorrect username\n  or password.' },
      'Sign-in',
    );
    expect(error.message).toBe('Sign-in failed (NotAuthorized): Incorrect username or password.');
    expect(error.exitCode).toBe(1);
  });

  it('an unknown thrown error keeps only its first line and exits 3; Ctrl+C at a prompt exits 130', () => {
    const thrown = new Error('boom\n    at secret (/x.js:1:1)');
    expect(toCliError(thrown)).toMatchObject({ message: 'boom', exitCode: 3 });
    expect(
      toCliError(Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' })),
    ).toMatchObject({
      message: 'Cancelled',
      exitCode: 130,
    });
    const own = new CliError('mine', EXIT.USAGE);
    expect(toCliError(own)).toBe(own);
    expect(oneLine(' a \n b ')).toBe('a b');
  });
});

describe('sign-in flags', () => {
  const flags: SignInFlags = {
    userPoolId: 'eu-west-1_AbC123',
    clientId: 'client1',
    flow: 'srp',
    attribute: [],
  };

  it('--attribute name=value pairs (values may hold "=")', () => {
    expect(parseAttributeFlags(['email=a@b.c', 'custom:note=x=y'])).toStrictEqual({
      email: 'a@b.c',
      'custom:note': 'x=y',
    });
    expect(() => parseAttributeFlags(['=x'])).toThrow('--attribute wants name=value, got "=x"');
    expect(() => parseAttributeFlags(['email'])).toThrow('--attribute wants name=value');
  });

  it('the client secret comes from COGNITO_CLIENT_SECRET or the variable --client-secret-env names', () => {
    expect(authConfigFromFlags(flags, {})).toStrictEqual({
      userPoolId: 'eu-west-1_AbC123',
      clientId: 'client1',
    });
    expect(authConfigFromFlags(flags, { COGNITO_CLIENT_SECRET: 's1' }).clientSecret).toBe('s1');
    expect(
      authConfigFromFlags({ ...flags, clientSecretEnv: 'MINE' }, { MINE: 's2', COGNITO_CLIENT_SECRET: 's1' })
        .clientSecret,
    ).toBe('s2');
    expect(() => authConfigFromFlags({ ...flags, clientSecretEnv: 'MINE' }, {})).toThrow(
      '--client-secret-env MINE: that environment variable is not set',
    );
  });

  it('pool and client ids are required; region and endpoint pass through', () => {
    expect(() => authConfigFromFlags({ ...flags, userPoolId: undefined as unknown as string }, {})).toThrow(
      '--user-pool-id',
    );
    const { clientId: _, ...noClient } = flags;
    expect(() => authConfigFromFlags(noClient as SignInFlags, {})).toThrow(
      '--client-id (or COGNITO_CLIENT_ID) is required',
    );
    expect(
      authConfigFromFlags({ ...flags, region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000' }, {}),
    ).toMatchObject({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:5000',
    });
  });
});
