import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAccessToken, decodeIdToken } from '../../../src/tokens/claims.js';
import { decodeJwt } from '../../../src/tokens/jwt.js';
import { parseTokenSet } from '../../../src/tokens/stores/stored-tokens.js';
import { anyField, anyJson, anyString, b64url, jwtLike, settings, TEST_TIMEOUT_MS } from './arbitraries.js';

const RUNS = { jwt: 2_000, claims: 1_500, roundTrip: 500, tokenSet: 1_500 };

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A claim value of any type (huge strings have their own test: they only slow generation down). */
const anyClaim = fc.oneof(fc.string({ unit: 'binary' }), anyJson);

/** Claims a Cognito token carries, each present with the right type, the wrong type or absent. */
const claims = fc.record(
  {
    token_use: fc.oneof(fc.constantFrom('id', 'access'), anyClaim),
    sub: fc.oneof(fc.uuid(), anyClaim),
    iss: fc.oneof(fc.constant('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example'), anyClaim),
    exp: fc.oneof(fc.integer({ min: 0 }), fc.double(), anyClaim),
    iat: fc.oneof(fc.integer({ min: 0 }), fc.double(), anyClaim),
    aud: fc.oneof(fc.string({ minLength: 1 }), anyClaim),
    client_id: fc.oneof(fc.string({ minLength: 1 }), anyClaim),
    username: fc.oneof(fc.string({ minLength: 1 }), anyClaim),
    'cognito:username': fc.oneof(fc.string({ minLength: 1 }), anyClaim),
    'cognito:groups': fc.oneof(fc.array(fc.string()), anyJson),
  },
  { requiredKeys: [] },
);

const tokenOf = (header: unknown, payload: unknown, signature = 'sig') =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;

describe('decodeJwt on arbitrary strings and values (property)', () => {
  it(
    'returns header and payload objects or an Unexpected Err, for any value and JWT-shaped string',
    () => {
      fc.assert(
        fc.property(fc.oneof(jwtLike, fc.anything()), (token) => {
          const result = decodeJwt(token);
          if (result.isErr()) {
            expect(result.error.type).toBe('Unexpected');
            // The message never echoes the token.
            if (typeof token === 'string' && token.length > 40)
              expect(result.error.message).not.toContain(token);
            return;
          }
          expect(typeof token).toBe('string');
          expect((token as string).split('.')).toHaveLength(3);
          expect(isPlainObject(result.value.header)).toBe(true);
          expect(isPlainObject(result.value.payload)).toBe(true);
        }),
        settings(RUNS.jwt),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'decodes exactly the header and payload objects a token was built from',
    () => {
      const object = fc.dictionary(fc.string(), anyJson);
      fc.assert(
        fc.property(object, object, fc.string({ unit: 'grapheme' }), (header, payload, signature) => {
          const token = tokenOf(header, payload, signature.replaceAll('.', ''));
          const decoded = decodeJwt(token)._unsafeUnwrap();
          expect(decoded.header).toEqual(JSON.parse(JSON.stringify(header)));
          expect(decoded.payload).toEqual(JSON.parse(JSON.stringify(payload)));
        }),
        settings(RUNS.roundTrip),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'rejects segments that are JSON but not objects',
    () => {
      const notObject = anyJson.filter((v) => !isPlainObject(v));
      fc.assert(
        fc.property(notObject, fc.boolean(), (value, inHeader) => {
          const token = inHeader ? tokenOf(value, { sub: 'x' }) : tokenOf({ alg: 'RS256' }, value);
          expect(decodeJwt(token)._unsafeUnwrapErr().type).toBe('Unexpected');
        }),
        settings(RUNS.roundTrip),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('decodeJwt on huge tokens', () => {
  // No timing assertion (speed lives in bench/): a quadratic decoder would blow the test's own time limit.
  it('decodes a token with a 2 MB claim and rejects 2 MB segments of garbage', () => {
    const big = 'x'.repeat(2_000_000);
    const decoded = decodeJwt(tokenOf({ alg: 'RS256' }, { sub: big }))._unsafeUnwrap();
    expect(decoded.payload.sub).toBe(big);
    expect(decodeJwt(`${big}.${big}.${big}`).isErr()).toBe(true);
  });
});

describe('decodeIdToken / decodeAccessToken on arbitrary claims (property)', () => {
  it(
    'returns claims with the documented types or an Unexpected Err, never a throw',
    () => {
      const token = fc.oneof(
        { arbitrary: claims.map((payload) => tokenOf({ alg: 'RS256', kid: 'k' }, payload)), weight: 4 },
        { arbitrary: jwtLike, weight: 1 },
      );
      fc.assert(
        fc.property(token, (jwt) => {
          const id = decodeIdToken(jwt);
          if (id.isOk()) {
            const c = id.value;
            expect(c.token_use).toBe('id');
            expect([typeof c.sub, typeof c.iss, typeof c.aud, typeof c['cognito:username']]).toEqual(
              Array(4).fill('string'),
            );
            expect(Number.isFinite(c.exp) && Number.isFinite(c.iat)).toBe(true);
          } else {
            expect(id.error.type).toBe('Unexpected');
          }
          const access = decodeAccessToken(jwt);
          if (access.isOk()) {
            const c = access.value;
            expect(c.token_use).toBe('access');
            expect([typeof c.client_id, typeof c.username]).toEqual(['string', 'string']);
            const groups = c['cognito:groups'];
            expect(
              groups === undefined || (Array.isArray(groups) && groups.every((g) => typeof g === 'string')),
            ).toBe(true);
          } else {
            expect(access.error.type).toBe('Unexpected');
          }
          // A token is never both an ID token and an access token.
          expect(id.isOk() && access.isOk()).toBe(false);
        }),
        settings(RUNS.claims),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('parseTokenSet on arbitrary stored values (property)', () => {
  const tokenSetLike = fc.record(
    {
      idToken: fc.oneof(fc.string({ minLength: 1 }), anyField),
      accessToken: fc.oneof(fc.string({ minLength: 1 }), anyField),
      refreshToken: fc.oneof(fc.string({ minLength: 1 }), anyField),
      expiresAt: fc.oneof(fc.integer(), fc.double(), anyField),
      tokenType: fc.oneof(fc.constant('Bearer'), anyField),
      extra: anyField,
    },
    { requiredKeys: [] },
  );

  it(
    'returns a clean TokenSet that survives JSON, or a message without any token in it',
    () => {
      fc.assert(
        fc.property(fc.oneof(tokenSetLike, fc.anything(), anyString), (value) => {
          const result = parseTokenSet(value);
          if (result.isErr()) {
            expect(typeof result.error).toBe('string');
            const v = (isPlainObject(value) ? value : {}) as Record<string, unknown>;
            for (const token of [v.idToken, v.accessToken, v.refreshToken]) {
              if (typeof token === 'string' && token.length >= 8) expect(result.error).not.toContain(token);
            }
            return;
          }
          const tokens = result.value;
          expect(Object.keys(tokens).sort()).not.toContain('extra');
          expect(tokens.idToken.length > 0 && tokens.accessToken.length > 0).toBe(true);
          expect(Number.isFinite(tokens.expiresAt)).toBe(true);
          expect(typeof tokens.tokenType).toBe('string');
          const json = JSON.parse(JSON.stringify(tokens));
          expect(parseTokenSet(json)._unsafeUnwrap()).toEqual(json);
        }),
        settings(RUNS.tokenSet),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
