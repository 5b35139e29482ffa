import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRefreshCoordinator } from '../../../../src/tokens/fleet/memory-refresh-coordinator.js';
import { createSession, restoreSession } from '../../../../src/tokens/session.js';
import type { TokenSet } from '../../../../src/tokens/token-set.js';
import { authenticationResult, fakeClock, sessionContext, tokensAt } from '../session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  cognito.reset();
});

describe('a takeover after the slow holder already rotated the refresh token (rotation, no grace period)', () => {
  it('the taker is refused as a reuse, waits for the slow holder’s commit, and adopts it: the session is not lost', async () => {
    const clock = fakeClock();
    const coordinator = memoryRefreshCoordinator({ now: () => clock.now, leaseTtlMs: 300 });
    const first = createSession(sessionContext(clock), tokensAt(clock.now), {
      store: coordinator.store,
      coordinator,
      key: 'u',
    });
    (await first.getTokens())._unsafeUnwrap();
    const restore = async () =>
      (
        await restoreSession(sessionContext(clock), { store: coordinator.store, coordinator, key: 'u' })
      )._unsafeUnwrap();
    const slow = await restore();
    const taker = await restore();
    clock.advance(2 * 3600_000);

    // Cognito rotates at once (refresh-token-1 is spent) but its answer to the slow holder is late.
    let current = 'refresh-token-1';
    let answerSlow: (() => void) | undefined;
    let reused = 0;
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(async (input: { RefreshToken?: string }) => {
      if (input.RefreshToken !== current) {
        reused += 1;
        throw Object.assign(new Error('Refresh token has been used'), {
          name: 'RefreshTokenReuseException',
          $metadata: { httpStatusCode: 400 },
        });
      }
      current = 'refresh-token-2';
      const answer = authenticationResult(clock.now, { label: 'slow', refreshToken: 'refresh-token-2' });
      await new Promise<void>((resolve) => (answerSlow = resolve));
      return answer;
    });

    const slowResult = slow?.getTokens();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the slow holder's request is out
    clock.advance(400); // its lease has run out
    const takerResult = taker?.getTokens();
    await new Promise((resolve) => setTimeout(resolve, 60)); // the taker was refused and is watching
    expect(reused).toBe(1);
    answerSlow?.();
    const [a, b] = await Promise.all([slowResult, takerResult]);
    expect(a?._unsafeUnwrap().refreshToken).toBe('refresh-token-2');
    expect(b?._unsafeUnwrap().refreshToken).toBe('refresh-token-2');
    expect((coordinator.store.get('u') as TokenSet).refreshToken).toBe('refresh-token-2');
  });
});
