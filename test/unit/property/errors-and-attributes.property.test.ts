import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAttributes } from '../../../src/attributes/format.js';
import type { UserAttributes } from '../../../src/attributes/types.js';
import { mapSdkError } from '../../../src/errors/map-sdk-error.js';
import { anyField, anyJson, anyString, settings, TEST_TIMEOUT_MS } from './arbitraries.js';

const RUNS = { thrown: 2_000, sdkLike: 2_000, redaction: 1_000, attributes: 2_000 };

const KNOWN_NAMES = [
  'NotAuthorizedException',
  'UserNotFoundException',
  'CodeMismatchException',
  'TooManyRequestsException',
  'InternalErrorException',
  'ThrottlingException',
  'TimeoutError',
  'AbortError',
  'TypeError',
  'Error',
] as const;

const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'EWHATEVER'] as const;

/** Something shaped like an AWS SDK v3 error, each field well-typed, wrong-typed or absent. */
const sdkLikeError = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...KNOWN_NAMES), anyField),
    message: fc.oneof(
      fc.constantFrom('Invalid session for the user, session is expired.', 'fetch failed', 'Failed to fetch'),
      anyField,
    ),
    code: fc.oneof(fc.constantFrom(...NETWORK_CODES), anyField),
    cause: fc.oneof(fc.record({ code: fc.constantFrom(...NETWORK_CODES) }), anyJson),
    $fault: fc.oneof(fc.constantFrom('client', 'server'), anyJson),
    $metadata: fc.oneof(
      fc.record(
        {
          httpStatusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), anyJson),
          requestId: fc.oneof(fc.uuid(), anyJson),
        },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
  },
  { requiredKeys: [] },
);

/** Real `Error`s (and subclasses) carrying the SDK-like fields. */
const realError = fc
  .tuple(fc.constantFrom(Error, TypeError, RangeError, SyntaxError), sdkLikeError)
  .map(([Kind, fields]) => Object.assign(new Kind(), fields));

/** The same fields on an object without a prototype. */
const bareError = sdkLikeError.map((fields) => Object.assign(Object.create(null) as object, fields));

/** Anything JavaScript can throw: primitives, symbols, objects without prototype, boxed values, arrays. */
const anyThrown = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.string().map((s) => Symbol(s)),
  realError,
  bareError,
);

function expectWellFormed(error: ReturnType<typeof mapSdkError>): void {
  expect(Object.isFrozen(error)).toBe(true);
  expect(typeof error.type).toBe('string');
  expect(typeof error.message).toBe('string');
  expect(typeof error.retryable).toBe('boolean');
  expect(error.requestId === undefined || typeof error.requestId === 'string').toBe(true);
  // The thrown value stays out of serialisation.
  expect(Object.keys(error)).not.toContain('cause');
  expect(() => JSON.stringify(error)).not.toThrow();
}

describe('mapSdkError on anything thrown (property)', () => {
  it(
    'returns a frozen, serialisable CognitoError for any thrown value, never a throw',
    () => {
      fc.assert(
        fc.property(anyThrown, (thrown) => expectWellFormed(mapSdkError(thrown))),
        settings(RUNS.thrown),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps the retryable flag and the request id consistent with the SDK fields',
    () => {
      fc.assert(
        fc.property(fc.oneof(realError, bareError), (thrown) => {
          const error = mapSdkError(thrown);
          expectWellFormed(error);
          const meta = (thrown as { $metadata?: unknown }).$metadata;
          const requestId =
            typeof meta === 'object' && meta !== null
              ? (meta as { requestId?: unknown }).requestId
              : undefined;
          expect(error.requestId).toBe(typeof requestId === 'string' ? requestId : undefined);
          if (['TooManyRequests', 'Internal', 'Network'].includes(error.type))
            expect(error.retryable).toBe(true);
          if (!['TooManyRequests', 'Internal', 'Network', 'Unexpected'].includes(error.type)) {
            expect(error.retryable).toBe(false);
          }
        }),
        settings(RUNS.sdkLike),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'never lets a secret of the call into the message, however the message embeds it',
    () => {
      // Secrets that cannot be rebuilt from '[REDACTED]' or cognito-flow's own words.
      const secret = fc.stringMatching(/^zq[a-z0-9]{2,30}$/);
      fc.assert(
        fc.property(
          fc.array(secret, { minLength: 1, maxLength: 4 }),
          fc.array(fc.oneof(fc.string(), fc.nat(3)), { maxLength: 8 }),
          fc.constantFrom(...KNOWN_NAMES, 'SomethingNewException'),
          fc.option(fc.integer({ min: 200, max: 599 }), { nil: undefined }),
          (secrets, parts, errorName, status) => {
            const message = parts
              .map((p) => (typeof p === 'number' ? (secrets[p % secrets.length] ?? '') : p))
              .join('');
            const thrown = Object.assign(new Error(message), {
              name: errorName,
              ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}),
            });
            const error = mapSdkError(thrown, [undefined, ...secrets]);
            for (const s of secrets) expect(error.message).not.toContain(s);
          },
        ),
        settings(RUNS.redaction),
      );
    },
    TEST_TIMEOUT_MS,
  );

  // Regressions for bugs these properties found (fixed in src).
  it(
    'regression: a thrown object whose getter (name, message, code, cause, $fault, $metadata) throws makes mapSdkError throw',
    () => {
      const field = fc.constantFrom('name', 'message', 'code', 'cause', '$fault', '$metadata');
      fc.assert(
        fc.property(field, (key) => {
          const thrown = Object.defineProperty(new Error('boom'), key, {
            get() {
              throw new Error(`getter ${key}`);
            },
          });
          expectWellFormed(mapSdkError(thrown));
        }),
        settings(50),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('regression: a revoked Proxy thrown by a call makes mapSdkError throw', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => mapSdkError(proxy)).not.toThrow();
  });
});

describe('formatAttributes on arbitrary attribute maps (property)', () => {
  const attributeName = fc.oneof(
    fc.constantFrom('email', 'birthdate', 'updated_at', 'email_verified', 'custom:plan', 'name'),
    fc.string({ maxLength: 45 }),
  );
  const attributeValue = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date({ noInvalidDate: false, min: new Date('0000-01-01'), max: new Date('9999-12-31') }),
    fc.constantFrom(undefined, null, Number.NaN, Number.POSITIVE_INFINITY),
    fc.constantFrom('1990-04-01', '1990-13-01', '0000-02-29'),
    anyJson,
    fc.bigInt(),
  );
  const attributes = fc.oneof(
    { arbitrary: fc.dictionary(attributeName, attributeValue, { maxKeys: 8 }), weight: 6 },
    { arbitrary: fc.anything(), weight: 1 },
    { arbitrary: anyString, weight: 1 },
  );

  it(
    'returns a string map of the defined attributes or an InvalidParameter Err, for any input',
    () => {
      fc.assert(
        fc.property(attributes, (input) => {
          const result = formatAttributes(input as UserAttributes);
          if (result.isErr()) {
            expect(result.error.type).toBe('InvalidParameter');
            return;
          }
          const defined = Object.entries(input as object).filter(([, v]) => v !== undefined);
          expect(Object.keys(result.value).sort()).toEqual(defined.map(([k]) => k).sort());
          for (const value of Object.values(result.value)) expect(typeof value).toBe('string');
          // A birthdate given as a string or a Date always reaches Cognito as YYYY-MM-DD. (A number is
          // not a valid type for it and is passed through as decimal: see the report of issue 8.)
          const given = (input as { birthdate?: unknown }).birthdate;
          if (typeof given === 'string' || given instanceof Date) {
            expect(result.value.birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
          if (Number.isSafeInteger((input as { updated_at?: unknown }).updated_at)) {
            expect(result.value.updated_at).toMatch(/^\d+$/);
          }
        }),
        settings(RUNS.attributes),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('regression: an updated_at of 1e21 or more is sent as "1e+21", not as whole epoch seconds', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e21, max: 1e300, noNaN: true }), (seconds) => {
        const result = formatAttributes({ updated_at: Math.floor(seconds) });
        if (result.isOk()) expect(result.value.updated_at).toMatch(/^\d+$/);
      }),
      settings(50),
    );
  });
});
