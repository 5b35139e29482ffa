import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatCredentials } from '../../../src/cli/output/credentials-output.js';
import { idTokenFromStdin } from '../../../src/cli/output/id-token-input.js';
import { formatTokens } from '../../../src/cli/output/tokens-output.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const credentials = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'se\'cr$et `x` "y"',
  sessionToken: 'token/with+chars==',
  expiration: new Date('2030-01-02T03:04:05.000Z'),
  identityId: 'eu-west-1:1234',
};

describe('formatCredentials', () => {
  it('process: exactly the AWS credential_process fields, Version 1, ISO expiration, one line', () => {
    const text = formatCredentials(credentials, 'process');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(text)).toStrictEqual({
      Version: 1,
      AccessKeyId: 'ASIAEXAMPLE',
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: 'token/with+chars==',
      Expiration: '2030-01-02T03:04:05.000Z',
    });
  });

  it('env: export lines a POSIX shell evaluates back to the exact values, quotes and $ included', () => {
    const text = formatCredentials(credentials, 'env');
    const printed = execFileSync(
      'sh',
      [
        '-c',
        `${text}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_CREDENTIAL_EXPIRATION"`,
      ],
      { encoding: 'utf8' },
    );
    expect(printed.split('\n').slice(0, 4)).toEqual([
      'ASIAEXAMPLE',
      credentials.secretAccessKey,
      'token/with+chars==',
      '2030-01-02T03:04:05.000Z',
    ]);
  });

  it('json: camel-case fields with the identity id', () => {
    expect(JSON.parse(formatCredentials(credentials, 'json'))).toStrictEqual({
      accessKeyId: 'ASIAEXAMPLE',
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: 'token/with+chars==',
      expiration: '2030-01-02T03:04:05.000Z',
      identityId: 'eu-west-1:1234',
    });
  });
});

describe('formatTokens', () => {
  const tokens = {
    idToken: fakeIdToken('alice'),
    accessToken: fakeAccessToken('alice'),
    refreshToken: 'opaque-refresh',
    expiresAt: 1_800_000_000_000,
    tokenType: 'Bearer',
  };

  it('json: the token set as is (what --id-token-stdin reads back)', () => {
    expect(JSON.parse(formatTokens(tokens, 'json'))).toStrictEqual(tokens);
  });

  it('claims: the decoded payloads only, never the refresh token or a signature', () => {
    const text = formatTokens(tokens, 'claims');
    const claims = JSON.parse(text) as {
      idToken: Record<string, unknown>;
      accessToken: Record<string, unknown>;
    };
    expect(claims.idToken['cognito:username']).toBe('alice');
    expect(claims.idToken.token_use).toBe('id');
    expect(claims.accessToken.token_use).toBe('access');
    expect(text).not.toContain('opaque-refresh');
    expect(text).not.toContain(tokens.idToken);
  });
});

describe('idTokenFromStdin', () => {
  const idToken = fakeIdToken('alice');

  it('takes the idToken of the JSON sign-in prints, or a bare ID token with surrounding whitespace', () => {
    expect(idTokenFromStdin(JSON.stringify({ idToken, accessToken: 'x' }, null, 2))).toBe(idToken);
    expect(idTokenFromStdin(`\n${idToken}\n`)).toBe(idToken);
  });

  it.each([
    ['', '--id-token-stdin: stdin was empty'],
    ['{not json', '--id-token-stdin: stdin is not valid JSON'],
    ['{"accessToken":"a.b.c"}', '--id-token-stdin: the JSON on stdin has no "idToken"'],
    ['hello world', '--id-token-stdin: stdin holds no JWT'],
    [
      fakeAccessToken('alice'),
      '--id-token-stdin: the token on stdin is not an ID token (token_use is not "id")',
    ],
  ])('refuses %j with a message that does not repeat it', (input, message) => {
    expect(() => idTokenFromStdin(input)).toThrow(message);
  });
});
