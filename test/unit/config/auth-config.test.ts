import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { type AuthClientConfig, parseAuthConfig, parseUserPoolId } from '../../../src/config/auth-config.js';
import {
  invalidConfig,
  optionalClock,
  optionalEndpoint,
  optionalRegion,
  REGION_PATTERN,
  requireString,
} from '../../../src/config/checks.js';

const POOL = 'us-east-1_AbC123xyz';
const CLIENT = '1example23456789abcdefghij';
const SECRET = 'sup3r-s3cret-client-secret-value-0123456789abcdefghijk';

/** Bypasses the static types to feed the runtime checks what an untyped (JavaScript) caller could pass. */
const untyped = (value: Record<string, unknown>): AuthClientConfig => value as unknown as AuthClientConfig;

function expectInvalidConfig(input: AuthClientConfig): string {
  const result = parseAuthConfig(input);
  expect(result.isErr()).toBe(true);
  const error = result._unsafeUnwrapErr();
  expect(error.type).toBe('InvalidConfig');
  expect(error.retryable).toBe(false);
  return error.message;
}

describe('parseAuthConfig: valid configurations', () => {
  it('derives the region from the pool id', () => {
    const config = parseAuthConfig({ userPoolId: 'eu-west-1_AbC123', clientId: CLIENT })._unsafeUnwrap();
    expect(config.region).toBe('eu-west-1');
    expect(config.poolName).toBe('AbC123');
    expect(config.userPoolId).toBe('eu-west-1_AbC123');
  });

  it.each([
    ['us-gov-west-1_AbC123', 'us-gov-west-1'],
    ['ap-southeast-2_x9', 'ap-southeast-2'],
    ['cn-north-1_Zz', 'cn-north-1'],
    ['il-central-1_A', 'il-central-1'],
  ])('derives the region of %s', (userPoolId, region) => {
    expect(parseAuthConfig({ userPoolId, clientId: CLIENT })._unsafeUnwrap().region).toBe(region);
  });

  it('lets an explicit region win over the pool id', () => {
    const config = parseAuthConfig({
      userPoolId: POOL,
      clientId: CLIENT,
      region: 'eu-central-1',
    })._unsafeUnwrap();
    expect(config.region).toBe('eu-central-1');
  });

  it('fills defaults for a minimal config', () => {
    const config = parseAuthConfig({ userPoolId: POOL, clientId: CLIENT })._unsafeUnwrap();
    expect(config).toMatchObject({
      userPoolId: POOL,
      poolName: 'AbC123xyz',
      clientId: CLIENT,
      clientSecret: undefined,
      region: 'us-east-1',
      endpoint: undefined,
      client: undefined,
    });
    expect(config.now).toBe(Date.now);
  });

  it('keeps every field of a valid full config', () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });
    const now = (): number => 1_700_000_000_000;
    const config = parseAuthConfig({
      userPoolId: POOL,
      clientId: CLIENT,
      clientSecret: SECRET,
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:5000',
      client,
      now,
    })._unsafeUnwrap();
    expect(config.clientSecret).toBe(SECRET);
    expect(config.endpoint).toBe('http://127.0.0.1:5000');
    expect(config.client).toBe(client);
    expect(config.now).toBe(now);
    expect(config.now()).toBe(1_700_000_000_000);
    client.destroy();
  });

  it('accepts an https endpoint', () => {
    expect(
      parseAuthConfig({
        userPoolId: POOL,
        clientId: CLIENT,
        endpoint: 'https://cognito.example.com/',
      })._unsafeUnwrap().endpoint,
    ).toBe('https://cognito.example.com/');
  });

  it.each(['a', 'abc_DEF+123', 'x'.repeat(128)])('accepts the client id %j', (clientId) => {
    expect(parseAuthConfig({ userPoolId: POOL, clientId }).isOk()).toBe(true);
  });
});

describe('parseAuthConfig: user pool id', () => {
  it.each([
    ['an empty string', ''],
    ['whitespace', '   '],
    ['no underscore', 'nounderscore'],
    ['no pool name', 'us-east-1_'],
    ['no region', '_AbC123'],
    ['an upper-case region', 'US-EAST-1_abc'],
    ['a dash in the pool name', 'us-east-1_ab-c'],
    ['two underscores', 'us-east-1_ab_c'],
    ['a region without a number', 'us-east_AbC'],
    ['surrounding whitespace', ' us-east-1_AbC '],
    ['a number', 123],
    ['undefined', undefined],
    ['null', null],
    ['an object', { id: POOL }],
  ])('rejects %s with InvalidConfig mentioning userPoolId', (_label, userPoolId) => {
    const message = expectInvalidConfig(untyped({ userPoolId, clientId: CLIENT }));
    expect(message).toContain('userPoolId');
  });

  it('shows the expected shape and the bad value in the message', () => {
    const message = expectInvalidConfig({ userPoolId: 'US-EAST-1_abc', clientId: CLIENT });
    expect(message).toContain('us-east-1_AbC123');
    expect(message).toContain('"US-EAST-1_abc"');
  });

  it('says a missing pool id must be a non-empty string', () => {
    expect(expectInvalidConfig(untyped({ clientId: CLIENT }))).toBe('userPoolId must be a non-empty string');
  });

  it('truncates a very long bad pool id in the message', () => {
    const message = expectInvalidConfig({ userPoolId: `us-east-1_${'-'.repeat(500)}`, clientId: CLIENT });
    expect(message.length).toBeLessThan(200);
  });
});

describe('parseUserPoolId', () => {
  it('splits a pool id into region and pool name', () => {
    expect(parseUserPoolId('eu-west-1_AbC123')._unsafeUnwrap()).toEqual({
      region: 'eu-west-1',
      poolName: 'AbC123',
    });
  });

  it('rejects a bad pool id with InvalidConfig', () => {
    expect(parseUserPoolId('eu-west-1-AbC123')._unsafeUnwrapErr().type).toBe('InvalidConfig');
  });
});

describe('parseAuthConfig: client id', () => {
  it.each([
    ['an empty string', ''],
    ['whitespace', '  \t'],
    ['undefined', undefined],
    ['a number', 42],
  ])('rejects %s with InvalidConfig "clientId must be a non-empty string"', (_label, clientId) => {
    expect(expectInvalidConfig(untyped({ userPoolId: POOL, clientId }))).toBe(
      'clientId must be a non-empty string',
    );
  });

  it.each([
    ['a dash', 'abc-def'],
    ['a space inside', 'abc def'],
    ['a slash', 'abc/def'],
    ['surrounding whitespace', ' abc '],
    ['129 characters', 'x'.repeat(129)],
    ['non-ASCII letters', 'clíent'],
  ])('rejects a client id with %s', (_label, clientId) => {
    const message = expectInvalidConfig({ userPoolId: POOL, clientId });
    expect(message).toContain('clientId');
  });
});

describe('parseAuthConfig: client secret', () => {
  it('rejects an empty client secret', () => {
    const message = expectInvalidConfig({ userPoolId: POOL, clientId: CLIENT, clientSecret: '' });
    expect(message).toContain('clientSecret');
  });

  it.each([
    ['a number', 12345],
    ['null', null],
    ['an object', { secret: SECRET }],
  ])('rejects a client secret that is %s', (_label, clientSecret) => {
    expect(expectInvalidConfig(untyped({ userPoolId: POOL, clientId: CLIENT, clientSecret }))).toContain(
      'clientSecret',
    );
  });

  it.each([
    ['a bad pool id', { userPoolId: 'nope', clientId: CLIENT }],
    ['a bad client id', { userPoolId: POOL, clientId: 'a b' }],
    ['a bad region', { userPoolId: POOL, clientId: CLIENT, region: 'Mars' }],
    ['a bad endpoint', { userPoolId: POOL, clientId: CLIENT, endpoint: 'not a url' }],
    ['a bad clock', { userPoolId: POOL, clientId: CLIENT, now: 5 }],
  ])('never puts the client secret into the message when the config has %s', (_label, rest) => {
    const result = parseAuthConfig(untyped({ ...rest, clientSecret: SECRET }));
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});

describe('parseAuthConfig: region, endpoint and clock', () => {
  it.each(['', 'US-EAST-1', 'us_east_1', 'useast1', 'us-east', 'mars', 'us-east-1 '])(
    'rejects the region %j',
    (region) => {
      const message = expectInvalidConfig({ userPoolId: POOL, clientId: CLIENT, region });
      expect(message).toContain('region');
    },
  );

  it('rejects a non-string region', () => {
    expect(expectInvalidConfig(untyped({ userPoolId: POOL, clientId: CLIENT, region: 1 }))).toContain(
      'region',
    );
  });

  it.each([
    ['not a url', 'not a valid URL'],
    ['ftp://x', 'http or https'],
    ['file:///etc/passwd', 'http or https'],
    ['', 'not a valid URL'],
    ['localhost:5000', 'http or https'],
  ])('rejects the endpoint %j', (endpoint, expected) => {
    const message = expectInvalidConfig({ userPoolId: POOL, clientId: CLIENT, endpoint });
    expect(message).toContain('endpoint');
    expect(message).toContain(expected);
  });

  it('rejects a non-string endpoint', () => {
    const message = expectInvalidConfig(
      untyped({ userPoolId: POOL, clientId: CLIENT, endpoint: new URL('http://localhost') }),
    );
    expect(message).toBe('endpoint must be a URL string');
  });

  it.each([
    ['a number', 1_700_000_000_000],
    ['a Date', new Date()],
    ['a string', 'now'],
    ['null', null],
  ])('rejects now that is %s', (_label, now) => {
    const message = expectInvalidConfig(untyped({ userPoolId: POOL, clientId: CLIENT, now }));
    expect(message).toContain('now must be a function');
  });
});

describe('parseAuthConfig: input that is not an object', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', POOL],
  ])('returns InvalidConfig for %s without throwing', (_label, input) => {
    const result = parseAuthConfig(input as unknown as AuthClientConfig);
    expect(result._unsafeUnwrapErr().type).toBe('InvalidConfig');
    expect(result._unsafeUnwrapErr().message).toBe('config must be an object');
  });
});

describe('config checks', () => {
  it('REGION_PATTERN accepts real regions and rejects look-alikes', () => {
    for (const region of ['us-east-1', 'eu-west-3', 'us-gov-west-1', 'ap-northeast-3', 'me-central-1']) {
      expect(REGION_PATTERN.test(region)).toBe(true);
    }
    for (const region of ['us-east-', 'u-east-1', 'us--east-1', 'US-EAST-1', 'us-east-1a']) {
      expect(REGION_PATTERN.test(region)).toBe(false);
    }
  });

  it('invalidConfig builds a frozen InvalidConfig error', () => {
    const error = invalidConfig('bad');
    expect(error).toEqual({ type: 'InvalidConfig', message: 'bad', retryable: false });
    expect(Object.isFrozen(error)).toBe(true);
  });

  it('requireString names the field and keeps a valid value as is', () => {
    expect(requireString(' x ', 'field')._unsafeUnwrap()).toBe(' x ');
    expect(requireString(' ', 'field')._unsafeUnwrapErr().message).toBe('field must be a non-empty string');
  });

  it('the optional checks accept undefined', () => {
    expect(optionalRegion(undefined)._unsafeUnwrap()).toBeUndefined();
    expect(optionalEndpoint(undefined)._unsafeUnwrap()).toBeUndefined();
    expect(optionalClock(undefined)._unsafeUnwrap()).toBeUndefined();
  });

  it('optionalRegion shows the bad value in its message', () => {
    expect(optionalRegion('Mars')._unsafeUnwrapErr().message).toBe(
      'region must look like "us-east-1", got "Mars"',
    );
  });
});
