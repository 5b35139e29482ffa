import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengeStep } from '../../../src/auth/challenge-step.js';
import { type AuthResponse, mapAuthResponse } from '../../../src/auth/map-auth-response.js';
import { parseStep } from '../../../src/auth/resume-step.js';
import type { SignInStep } from '../../../src/auth/steps.js';
import {
  anyAuthResponse,
  anyField,
  anyJson,
  anyString,
  CLIENT_ID,
  challengeName,
  challengeParameters,
  MAPPING_CONTEXT,
  NOW,
  name,
  plainName,
  RESUME_CONTEXT,
  settings,
  spreadableAvailableChallenges,
  TEST_TIMEOUT_MS,
  TRUSTED_CONTEXT,
  wellFormedAuthResponse,
} from './arbitraries.js';

const RUNS = { any: 1_500, wellFormed: 1_500, challengeStep: 1_000, parseAny: 1_500, nearValid: 1_500 };

const map = (response: unknown) => mapAuthResponse(response as AuthResponse, MAPPING_CONTEXT);

/** Asserts a step survives JSON and `parseStep`, which gives back exactly what JSON carried. */
function expectResumable(step: SignInStep): void {
  const json = JSON.stringify(step);
  const resumed = parseStep(json, TRUSTED_CONTEXT);
  expect(resumed.isOk(), resumed.isErr() ? resumed.error.message : '').toBe(true);
  expect(resumed._unsafeUnwrap()).toEqual(JSON.parse(json));
}

describe('mapAuthResponse on arbitrary Cognito answers (property)', () => {
  it(
    'returns an Ok step or an Unexpected Err for any answer, missing, extra and wrong-typed fields included',
    () => {
      fc.assert(
        fc.property(anyAuthResponse, (response) => {
          const result = map(response);
          if (result.isErr()) {
            expect(result.error.type).toBe('Unexpected');
            expect(typeof result.error.message).toBe('string');
          } else {
            expect(typeof result.value.step).toBe('string');
          }
        }),
        settings(RUNS.any),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'maps every well-formed answer to a step that survives JSON and parseStep unchanged',
    () => {
      fc.assert(
        fc.property(wellFormedAuthResponse, (response) => {
          const result = map(response);
          if (result.isOk()) expectResumable(result.value);
          else expect(result.error.type).toBe('Unexpected');
        }),
        settings(RUNS.wellFormed),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps the session, client and user of the answer in every challenge step',
    () => {
      fc.assert(
        fc.property(wellFormedAuthResponse, (response) => {
          const result = map(response);
          if (result.isErr() || result.value.step === 'SIGNED_IN') return;
          const step = result.value;
          if (step.step === 'CONFIRM_SIGN_UP' || step.step === 'RESET_PASSWORD') return;
          expect(step.session).toBe((response as { Session: string }).Session);
          expect(step.clientId).toBe(CLIENT_ID);
          expect(step.username).toBe(MAPPING_CONTEXT.username);
          expect(step.expiresAt).toBeGreaterThan(NOW);
        }),
        settings(RUNS.wellFormed),
      );
    },
    TEST_TIMEOUT_MS,
  );

  // Regressions for bugs these properties found (fixed in src).
  it(
    'regression: AvailableChallenges that is a number, boolean or object makes mapAuthResponse throw',
    () => {
      const notIterable = fc.oneof(fc.integer(), fc.boolean(), fc.dictionary(fc.string(), anyJson));
      fc.assert(
        fc.property(notIterable, (available) => {
          const result = map({
            ChallengeName: 'SELECT_CHALLENGE',
            Session: 's',
            AvailableChallenges: available,
          });
          expect(result.isOk() || result.error.type === 'Unexpected').toBe(true);
        }),
        settings(100),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'regression: empty token strings or a huge ExpiresIn give a SIGNED_IN step that parseStep rejects',
    () => {
      const result = fc.record({
        IdToken: fc.oneof(plainName, fc.constant('')),
        AccessToken: fc.oneof(plainName, fc.constant('')),
        RefreshToken: fc.oneof(plainName, fc.constant('')),
        ExpiresIn: fc.oneof(fc.integer({ min: 1, max: 3600 }), fc.constant(1e306)),
        TokenType: fc.oneof(fc.constant('Bearer'), fc.constant('')),
      });
      fc.assert(
        fc.property(result, (AuthenticationResult) => {
          const mapped = map({ AuthenticationResult });
          if (mapped.isOk()) expectResumable(mapped.value);
        }),
        settings(200),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'regression: an empty CODE_DELIVERY_DESTINATION or _MEDIUM gives a code step that parseStep rejects',
    () => {
      const response = fc.record({
        ChallengeName: fc.constantFrom('SMS_MFA', 'EMAIL_OTP', 'SMS_OTP'),
        Session: name,
        ChallengeParameters: fc.record({
          CODE_DELIVERY_DESTINATION: fc.oneof(name, fc.constant('')),
          CODE_DELIVERY_DELIVERY_MEDIUM: fc.oneof(fc.constant('SMS'), fc.constant('')),
        }),
      });
      fc.assert(
        fc.property(response, (r) => expectResumable(map(r)._unsafeUnwrap())),
        settings(200),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'regression: a SOFTWARE_TOKEN_MFA answer with CODE_DELIVERY_* parameters gives a codeDelivery that parseStep drops',
    () => {
      const response = fc.record({
        ChallengeName: fc.constant('SOFTWARE_TOKEN_MFA'),
        Session: name,
        ChallengeParameters: fc.record({ CODE_DELIVERY_DELIVERY_MEDIUM: fc.constantFrom('SMS', 'EMAIL') }),
      });
      fc.assert(
        fc.property(response, (r) => expectResumable(map(r)._unsafeUnwrap())),
        settings(50),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'regression: requiredAttributes holding "" or "userAttributes." gives a step that parseStep rejects',
    () => {
      const response = fc.record({
        ChallengeName: fc.constant('NEW_PASSWORD_REQUIRED'),
        Session: name,
        ChallengeParameters: fc.record({
          requiredAttributes: fc
            .array(fc.oneof(fc.constant('userAttributes.'), fc.constant(''), plainName))
            .map((a) => JSON.stringify(a)),
        }),
      });
      fc.assert(
        fc.property(response, (r) => expectResumable(map(r)._unsafeUnwrap())),
        settings(200),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'regression: AvailableChallenges holding "" or non-strings gives a SELECT_CHALLENGE step that parseStep rejects',
    () => {
      const response = fc.record({
        ChallengeName: fc.constant('SELECT_CHALLENGE'),
        Session: name,
        AvailableChallenges: fc.array(fc.oneof(fc.constant(''), fc.integer(), plainName)),
      });
      fc.assert(
        fc.property(response, (r) => expectResumable(map(r)._unsafeUnwrap())),
        settings(200),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('challengeStep on arbitrary challenges (property)', () => {
  const base = {
    clientId: CLIENT_ID,
    username: 'alice@example.com',
    challengeUsername: 'a1b2-sub',
    session: 'AYABe-session',
    expiresAt: NOW + 180_000,
  } as const;

  it(
    'returns an Ok step carrying the base or an Unexpected Err, for any name, parameters and offered factors',
    () => {
      fc.assert(
        fc.property(
          challengeName,
          challengeParameters,
          spreadableAvailableChallenges,
          (challenge, params, available) => {
            const result = challengeStep(
              challenge as string,
              (params ?? {}) as Record<string, unknown>,
              available as readonly string[] | undefined,
              base,
            );
            if (result.isErr()) {
              expect(result.error.type).toBe('Unexpected');
              return;
            }
            expect(result.value).toMatchObject(base);
          },
        ),
        settings(RUNS.challengeStep),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'gives an UNSUPPORTED_CHALLENGE step that survives JSON for any unknown challenge name',
    () => {
      const unknown = anyString.filter((s) => s.length > 0 && !/^[A-Z_]+$/.test(s));
      fc.assert(
        fc.property(unknown, fc.dictionary(fc.string(), anyField), (challenge, params) => {
          const step = challengeStep(challenge, params, undefined, base)._unsafeUnwrap();
          expect(step.step).toBe('UNSUPPORTED_CHALLENGE');
          if (step.step === 'UNSUPPORTED_CHALLENGE') expect(step.challengeName).toBe(challenge);
          expectResumable(step);
        }),
        settings(300),
      );
    },
    TEST_TIMEOUT_MS,
  );
});

describe('parseStep on arbitrary input (property)', () => {
  const validSteps = wellFormedAuthResponse
    .map((response) => map(response))
    .filter((r) => r.isOk())
    .map((r) => r._unsafeUnwrap());

  it(
    'returns InvalidStep, SessionExpired or a step that is stable through JSON, for any JSON value or string',
    () => {
      const input = fc.oneof(
        anyJson,
        anyString,
        anyJson.map((v) => JSON.stringify(v)),
      );
      fc.assert(
        fc.property(input, (value) => {
          const result = parseStep(value, RESUME_CONTEXT);
          if (result.isErr()) {
            expect(['InvalidStep', 'SessionExpired']).toContain(result.error.type);
            return;
          }
          expectResumable(result.value);
        }),
        settings(RUNS.parseAny),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'validates valid steps with one field removed or replaced by any JSON value, and never throws',
    () => {
      const mutated = validSteps.chain((step) => {
        const keys = [...Object.keys(step), 'extra'];
        return fc.tuple(
          fc.constant(step),
          fc.constantFrom(...keys),
          fc.option(anyField, { nil: undefined }),
          fc.boolean(),
        );
      });
      fc.assert(
        fc.property(mutated, ([step, key, value, asString]) => {
          const changed: Record<string, unknown> = { ...step, [key]: value };
          if (value === undefined) delete changed[key];
          const result = parseStep(asString ? JSON.stringify(changed) : changed, RESUME_CONTEXT);
          if (result.isErr()) {
            expect(['InvalidStep', 'SessionExpired']).toContain(result.error.type);
            return;
          }
          expectResumable(result.value);
          expect(result.value).not.toHaveProperty('extra');
        }),
        settings(RUNS.nearValid),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'accepts every step mapped from a well-formed answer, as an object and as a JSON string',
    () => {
      fc.assert(
        fc.property(validSteps, (step) => {
          expect(parseStep(step, TRUSTED_CONTEXT).isOk()).toBe(true);
          expect(parseStep(JSON.stringify(step), TRUSTED_CONTEXT).isOk()).toBe(true);
        }),
        settings(RUNS.nearValid),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it('rejects the steps of another app client and the expired ones', () => {
    fc.assert(
      fc.property(validSteps, plainName, (step, other) => {
        if (step.step === 'SIGNED_IN') return;
        const foreign = parseStep(step, { ...TRUSTED_CONTEXT, clientId: `${other}-other` });
        expect(foreign._unsafeUnwrapErr().type).toBe('InvalidStep');
        if ('expiresAt' in step) {
          const late = parseStep(step, { ...TRUSTED_CONTEXT, now: step.expiresAt });
          expect(late._unsafeUnwrapErr().type).toBe('SessionExpired');
        }
      }),
      settings(300),
    );
  });

  it('regression: a step whose credentialRequestOptions nest 10 000 deep makes parseStep throw', () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const json = `{"step":"WEB_AUTHN","clientId":"${CLIENT_ID}","username":"u","challengeUsername":"u","session":"s","expiresAt":${NOW + 1000},"credentialRequestOptions":${deep}}`;
    const result = parseStep(json, RESUME_CONTEXT);
    expect(result.isOk() || result.error.type === 'InvalidStep').toBe(true);
  });

  it('regression: a step object holding a function (not JSON data) makes parseStep throw DataCloneError', () => {
    const step = {
      step: 'WEB_AUTHN',
      clientId: CLIENT_ID,
      username: 'u',
      challengeUsername: 'u',
      session: 's',
      expiresAt: NOW + 1000,
      credentialRequestOptions: { toJSON: () => ({}) },
    };
    const result = parseStep(step, RESUME_CONTEXT);
    expect(result.isOk() || result.error.type === 'InvalidStep').toBe(true);
  });
});
