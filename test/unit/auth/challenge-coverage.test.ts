import { readFileSync } from 'node:fs';
import { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { CHALLENGE_COVERAGE } from '../../../src/auth/challenge-coverage.js';
import { challengeStep } from '../../../src/auth/challenge-step.js';
import { AuthClient } from '../../../src/index.js';

const docs = readFileSync(new URL('../../../docs/sign-in.md', import.meta.url), 'utf8');
const sdkNames = Object.values(ChallengeNameType).sort();

describe('every challenge the AWS SDK knows is handled', () => {
  it('the coverage table lists exactly the SDK enum ChallengeNameType', () => {
    expect(Object.keys(CHALLENGE_COVERAGE).sort()).toEqual(sdkNames);
  });

  it('each method the table names exists on AuthClient', () => {
    for (const { method } of Object.values(CHALLENGE_COVERAGE)) {
      expect(typeof (AuthClient.prototype as unknown as Record<string, unknown>)[method], method).toBe(
        'function',
      );
    }
  });

  it('docs/sign-in.md has a row for every SDK challenge naming the same method', () => {
    for (const name of sdkNames) {
      const row = docs.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `row for ${name}`).toBeDefined();
      const method = CHALLENGE_COVERAGE[name as keyof typeof CHALLENGE_COVERAGE].method;
      expect(row).toContain(`\`${method}`);
    }
  });

  it('each challenge with a step of its own maps to that step (the pure mapping agrees with the table)', () => {
    const base = { clientId: 'c', username: 'u', challengeUsername: 'u', session: 's', expiresAt: 1 };
    const params: Record<string, string> = { CREDENTIAL_REQUEST_OPTIONS: '{}' };
    for (const [name, { step }] of Object.entries(CHALLENGE_COVERAGE)) {
      const mapped = challengeStep(name, params, [], base);
      if (step === 'internal') {
        expect(mapped.isErr(), name).toBe(true);
      } else if (step === 'SELECT_CHALLENGE' && name !== 'SELECT_CHALLENGE') {
        // PASSWORD / PASSWORD_SRP are first factors chosen inside SELECT_CHALLENGE, not challenges of their own.
        expect(mapped._unsafeUnwrap().step, name).toBe('UNSUPPORTED_CHALLENGE');
      } else {
        expect(mapped._unsafeUnwrap().step, name).toBe(step);
      }
    }
  });
});
