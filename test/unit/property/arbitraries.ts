/**
 * Shared fast-check generators for the property tests: Cognito answers as the SDK's JSON
 * deserialiser can hand them over (any JSON value where a field is expected), JWT-ish strings and
 * the run settings every property uses.
 */
import fc from 'fast-check';

/** A fixed clock and app client for every mapping. */
export const NOW = 1_700_000_000_000;
export const CLIENT_ID = '1example23456789abcdefghij';
export const MAPPING_CONTEXT = { clientId: CLIENT_ID, username: 'alice@example.com', now: NOW } as const;
export const RESUME_CONTEXT = { clientId: CLIENT_ID, now: NOW } as const;
/** As {@link RESUME_CONTEXT}, for steps the library itself built (or opened from a seal): SIGNED_IN and admin allowed. */
export const TRUSTED_CONTEXT = { ...RESUME_CONTEXT, origin: 'trusted' } as const;

/**
 * Run settings: a property that takes longer than `timeLimitMs` in total is interrupted and fails
 * (a hang or a super-linear blow-up shows up as a failure, not as a stuck run).
 */
export function settings(numRuns: number, timeLimitMs = 15_000): fc.Parameters<unknown> {
  // A fixed seed keeps CI reproducible; FC_SEED=<n> explores other cases (a failure prints its seed).
  const seed = Number(process.env.FC_SEED ?? 20261122);
  return { numRuns, seed, interruptAfterTimeLimit: timeLimitMs, markInterruptAsFailure: true };
}

/** The vitest timeout of each property test: a backstop above the fast-check limit. */
export const TEST_TIMEOUT_MS = 30_000;

/** A string far longer than anything Cognito sends (but cheap to build). */
export const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 200_000 }))
  .map(([chunk, times]) => chunk.repeat(Math.ceil(times / chunk.length)));

/** Any string: short, unicode (lone surrogates included), empty or huge. */
export const anyString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary' }), weight: 4 },
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** Any JSON value, what a deserialised field can hold when Cognito (or a stand-in) sends the wrong type. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** A string or any JSON value. */
export const anyField = fc.oneof(anyString, anyJson);

/** A non-empty string without surprises: what a well-behaved Cognito sends. */
export const name = fc.string({ minLength: 1, maxLength: 40 });

export const KNOWN_CHALLENGES = [
  'SMS_MFA',
  'SOFTWARE_TOKEN_MFA',
  'EMAIL_OTP',
  'SMS_OTP',
  'NEW_PASSWORD_REQUIRED',
  'CUSTOM_CHALLENGE',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'SELECT_CHALLENGE',
  'WEB_AUTHN',
  'PASSWORD_VERIFIER',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'PASSWORD',
  'PASSWORD_SRP',
] as const;

/** Known challenge names (most of the time) and unknown ones, empty and huge included. */
export const challengeName = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_CHALLENGES), weight: 6 },
  { arbitrary: anyString, weight: 2 },
  { arbitrary: anyJson, weight: 1 },
);

const MFA_NAMES = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'WEB_AUTHN', 'UNKNOWN_MFA'] as const;

/** The parameters the mapping reads, each well-formed, malformed or of the wrong type. */
const knownParameters = {
  USERNAME: anyField,
  USER_ID_FOR_SRP: anyField,
  CODE_DELIVERY_DESTINATION: anyField,
  CODE_DELIVERY_DELIVERY_MEDIUM: anyField,
  requiredAttributes: fc.oneof(
    fc.array(fc.string().map((n) => `userAttributes.${n}`)).map((a) => JSON.stringify(a)),
    anyJson.map((v) => JSON.stringify(v)),
    anyField,
  ),
  userAttributes: fc.oneof(
    fc.dictionary(fc.string(), anyJson).map((o) => JSON.stringify(o)),
    anyJson.map((v) => JSON.stringify(v)),
    anyField,
  ),
  MFAS_CAN_CHOOSE: fc.oneof(
    fc.array(fc.constantFrom(...MFA_NAMES)).map((a) => JSON.stringify(a)),
    anyField,
  ),
  MFAS_CAN_SETUP: fc.oneof(
    fc.array(fc.constantFrom(...MFA_NAMES)).map((a) => JSON.stringify(a)),
    anyField,
  ),
  CREDENTIAL_REQUEST_OPTIONS: fc.oneof(
    fc.dictionary(fc.string(), anyJson).map((o) => JSON.stringify(o)),
    anyJson.map((v) => JSON.stringify(v)),
    anyField,
  ),
};

/** ChallengeParameters: known keys with any values, extra keys, or not an object at all. */
export const challengeParameters = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.record(knownParameters, { requiredKeys: [] }), fc.dictionary(fc.string(), anyField))
      .map(([known, extra]) => ({ ...extra, ...known })),
    weight: 6,
  },
  { arbitrary: anyJson, weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

/** AuthenticationResult with each field missing, well-typed or wrong-typed. */
export const authenticationResult = fc.oneof(
  {
    arbitrary: fc.record(
      {
        IdToken: anyField,
        AccessToken: anyField,
        RefreshToken: anyField,
        ExpiresIn: fc.oneof(fc.integer(), fc.double(), anyJson),
        TokenType: anyField,
        NewDeviceMetadata: anyJson,
      },
      { requiredKeys: [] },
    ),
    weight: 4,
  },
  { arbitrary: anyJson, weight: 1 },
);

/**
 * AvailableChallenges in the shapes that can be spread (absent, null, a list of anything, a string).
 * Other JSON values (numbers, booleans, objects) make `mapAuthResponse` throw: see the known-bug test.
 */
export const spreadableAvailableChallenges = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.array(fc.constantFrom('PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN')),
  fc.array(anyField),
  anyString,
);

/** A whole InitiateAuth / RespondToAuthChallenge answer, every field optional and any type. */
export const anyAuthResponse = fc.oneof(
  {
    arbitrary: fc.record(
      {
        ChallengeName: challengeName,
        ChallengeParameters: challengeParameters,
        Session: fc.oneof({ arbitrary: name, weight: 4 }, { arbitrary: anyField, weight: 1 }),
        AuthenticationResult: authenticationResult,
        AvailableChallenges: spreadableAvailableChallenges,
        $metadata: anyJson,
      },
      { requiredKeys: [] },
    ),
    weight: 8,
  },
  { arbitrary: anyJson, weight: 1 },
);

/** A non-empty string of lower-case letters and digits (no character `[REDACTED]` or JSON escapes use). */
export const plainName = fc.stringMatching(/^[a-z0-9]{1,24}$/);

/**
 * A well-behaved answer: non-empty strings, finite expiry, lists of non-empty names. Every Ok step
 * mapped from one must survive JSON and `parseStep`.
 */
export const wellFormedAuthResponse = fc.oneof(
  fc.record({
    AuthenticationResult: fc.record(
      {
        IdToken: plainName,
        AccessToken: plainName,
        RefreshToken: plainName,
        ExpiresIn: fc.integer({ min: -10, max: 100_000_000 }),
        TokenType: fc.constantFrom('Bearer', 'bearer'),
      },
      { requiredKeys: ['IdToken', 'AccessToken'] },
    ),
  }),
  fc.record(
    {
      ChallengeName: fc.oneof(fc.constantFrom(...KNOWN_CHALLENGES), name),
      Session: name,
      ChallengeParameters: fc
        .tuple(
          fc.record(
            {
              USERNAME: name,
              USER_ID_FOR_SRP: name,
              CODE_DELIVERY_DESTINATION: name,
              CODE_DELIVERY_DELIVERY_MEDIUM: fc.constantFrom('SMS', 'EMAIL'),
              requiredAttributes: fc
                .array(plainName.map((n) => `userAttributes.${n}`))
                .map((a) => JSON.stringify(a)),
              userAttributes: fc.dictionary(plainName, anyJson).map((o) => JSON.stringify(o)),
              MFAS_CAN_CHOOSE: fc.array(fc.constantFrom(...MFA_NAMES)).map((a) => JSON.stringify(a)),
              MFAS_CAN_SETUP: fc.array(fc.constantFrom(...MFA_NAMES)).map((a) => JSON.stringify(a)),
              CREDENTIAL_REQUEST_OPTIONS: fc.dictionary(fc.string(), anyJson).map((o) => JSON.stringify(o)),
            },
            { requiredKeys: [] },
          ),
          fc.dictionary(fc.string(), anyField),
        )
        .map(([known, extra]) => ({ ...extra, ...known })),
      AvailableChallenges: fc.array(name),
    },
    { requiredKeys: ['ChallengeName', 'Session'] },
  ),
);

/** base64url of a string's UTF-8 bytes. */
export const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A JWT segment: base64url JSON (object or not), raw bytes (invalid UTF-8 too), garbage or empty. */
export const jwtSegment = fc.oneof(
  fc.dictionary(fc.string(), anyJson).map((o) => b64url(JSON.stringify(o))),
  anyJson.map((v) => b64url(JSON.stringify(v))),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.string(),
  fc.constant(''),
);

/** Strings shaped like JWTs (any number of segments, each valid or not) and plain strings. */
export const jwtLike = fc.oneof(
  { arbitrary: fc.array(jwtSegment, { minLength: 3, maxLength: 3 }).map((s) => s.join('.')), weight: 4 },
  { arbitrary: fc.array(jwtSegment, { maxLength: 5 }).map((s) => s.join('.')), weight: 2 },
  { arbitrary: anyString, weight: 1 },
);
