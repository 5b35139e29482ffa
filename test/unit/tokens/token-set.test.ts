import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { tokenSetFromAuthenticationResult } from '../../../src/tokens/token-set.js';

const NOW = 1_700_000_000_000;

const full: AuthenticationResultType = {
  IdToken: 'id.token.value',
  AccessToken: 'access.token.value',
  RefreshToken: 'refresh-token-value',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

describe('tokenSetFromAuthenticationResult', () => {
  it('builds a token set with expiresAt = now + ExpiresIn seconds', () => {
    const result = tokenSetFromAuthenticationResult(full, NOW);
    expect(result.isOk()).toBe(true);
    expect(result._unsafeUnwrap()).toEqual({
      idToken: 'id.token.value',
      accessToken: 'access.token.value',
      refreshToken: 'refresh-token-value',
      expiresAt: NOW + 3_600_000,
      tokenType: 'Bearer',
    });
  });

  it('uses the ExpiresIn Cognito sent (e.g. 5 minutes)', () => {
    expect(tokenSetFromAuthenticationResult({ ...full, ExpiresIn: 300 }, NOW)._unsafeUnwrap().expiresAt).toBe(
      NOW + 300_000,
    );
  });

  it.each([
    ['missing', undefined],
    ['zero', 0],
    ['negative', -5],
    ['NaN', Number.NaN],
  ])('falls back to one hour when ExpiresIn is %s', (_label, expiresIn) => {
    const result = tokenSetFromAuthenticationResult({ ...full, ExpiresIn: expiresIn }, NOW);
    expect(result._unsafeUnwrap().expiresAt).toBe(NOW + 3_600_000);
  });

  it('leaves refreshToken out (no key) when Cognito did not rotate it', () => {
    const { RefreshToken: _, ...withoutRefresh } = full;
    const tokens = tokenSetFromAuthenticationResult(withoutRefresh, NOW)._unsafeUnwrap();
    expect(tokens.refreshToken).toBeUndefined();
    expect(Object.keys(tokens)).not.toContain('refreshToken');
  });

  it('defaults tokenType to Bearer', () => {
    const { TokenType: _, ...withoutType } = full;
    expect(tokenSetFromAuthenticationResult(withoutType, NOW)._unsafeUnwrap().tokenType).toBe('Bearer');
  });

  it('keeps the TokenType Cognito sent', () => {
    expect(
      tokenSetFromAuthenticationResult({ ...full, TokenType: 'bearer' }, NOW)._unsafeUnwrap().tokenType,
    ).toBe('bearer');
  });

  it.each([
    ['undefined', undefined],
    ['no ID token', { ...full, IdToken: undefined }],
    ['no access token', { ...full, AccessToken: undefined }],
    ['neither token', { ExpiresIn: 3600 }],
    ['an empty result', {}],
  ])('returns Unexpected for %s', (_label, input) => {
    const result = tokenSetFromAuthenticationResult(input as AuthenticationResultType | undefined, NOW);
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(false);
  });

  it('never puts a token into the error message', () => {
    const error = tokenSetFromAuthenticationResult({ ...full, IdToken: undefined }, NOW)._unsafeUnwrapErr();
    expect(error.message).not.toContain(full.AccessToken);
    expect(error.message).not.toContain(full.RefreshToken);
  });

  it('is plain data that survives a JSON round trip', () => {
    const tokens = tokenSetFromAuthenticationResult(full, NOW)._unsafeUnwrap();
    expect(JSON.parse(JSON.stringify(tokens))).toEqual(tokens);
  });

  it('does not keep a reference to the SDK object (NewDeviceMetadata is not copied)', () => {
    const tokens = tokenSetFromAuthenticationResult(
      { ...full, NewDeviceMetadata: { DeviceKey: 'dk', DeviceGroupKey: 'dgk' } },
      NOW,
    )._unsafeUnwrap();
    expect(Object.keys(tokens).sort()).toEqual([
      'accessToken',
      'expiresAt',
      'idToken',
      'refreshToken',
      'tokenType',
    ]);
  });
});
