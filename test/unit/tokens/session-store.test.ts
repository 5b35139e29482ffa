import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, restoreSession } from '../../../src/tokens/session.js';
import { fileTokenStore } from '../../../src/tokens/stores/file-token-store.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import type { TokenStore } from '../../../src/tokens/stores/token-store.js';
import type { TokenSet } from '../../../src/tokens/token-set.js';
import { authenticationResult, fakeClock, sessionContext, tokensAt } from './session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);
let directory: string;

beforeEach(async () => {
  cognito.reset();
  directory = await mkdtemp(join(tmpdir(), 'cognito-flow-session-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A store whose `set` fails until `healthy` is set. */
function flakyStore() {
  const inner = memoryTokenStore();
  const state = { healthy: false, sets: 0 };
  const store: TokenStore = {
    get: (key) => inner.get(key),
    set: (key, value) => {
      state.sets += 1;
      if (!state.healthy) throw new Error('disk full');
      return inner.set(key, value);
    },
    delete: (key) => inner.delete(key),
  };
  return { store, state, inner };
}

describe('a session and its store', () => {
  it('writes the initial tokens under its key on the first call', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const tokens = tokensAt(clock.now);
    const session = createSession(sessionContext(clock), tokens, { store, key: 'user:42' });
    expect(store.get('user:42')).toBeUndefined();
    await session.getTokens();
    expect(store.get('user:42')).toEqual(tokens);
  });

  it('a failing store is a TokenStore error (without the tokens in it), retried on the next call', async () => {
    const clock = fakeClock();
    const { store, state, inner } = flakyStore();
    const tokens = tokensAt(clock.now);
    const session = createSession(sessionContext(clock), tokens, { store });
    const failed = (await session.getTokens())._unsafeUnwrapErr();
    expect(failed.type).toBe('TokenStore');
    expect(failed.message).toContain('disk full');
    expect(JSON.stringify(failed)).not.toContain(tokens.idToken);
    state.healthy = true;
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(tokens);
    expect(inner.get('tokens')).toEqual(tokens);
    expect(state.sets).toBe(2);
  });

  it('after a refresh whose tokens cannot be stored, reports TokenStore but keeps the new tokens in memory', async () => {
    const clock = fakeClock();
    const { store, state, inner } = flakyStore();
    state.healthy = true;
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    await session.getTokens();
    state.healthy = false;
    clock.advance(2 * 3600_000);
    const answer = authenticationResult(clock.now, { refreshToken: 'rotated' });
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(answer);
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('TokenStore');
    state.healthy = true;
    const tokens = (await session.getTokens())._unsafeUnwrap();
    expect(tokens.refreshToken).toBe('rotated');
    expect((inner.get('tokens') as TokenSet).refreshToken).toBe('rotated');
    expect(cognito.calls()).toHaveLength(1);
  });

  it('a store that throws a TokenStore error has it passed on as is', async () => {
    const clock = fakeClock();
    const own = Object.freeze({ type: 'TokenStore', message: 'quota exceeded', retryable: true });
    const store: TokenStore = {
      get: () => undefined,
      set: () => Promise.reject(own),
      delete: () => undefined,
    };
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    expect((await session.getTokens())._unsafeUnwrapErr()).toBe(own);
  });
});

describe('restoreSession', () => {
  it('restores the stored tokens without writing or refreshing them', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const tokens = tokensAt(clock.now);
    store.set('tokens', tokens);
    let sets = 0;
    const counting: TokenStore = {
      ...store,
      set: (k, v) => {
        sets += 1;
        return store.set(k, v);
      },
    };
    const session = (await restoreSession(sessionContext(clock), { store: counting }))._unsafeUnwrap();
    expect((await session?.getTokens())?._unsafeUnwrap()).toEqual(tokens);
    expect(sets).toBe(0);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('answers Ok(undefined) when nothing is stored', async () => {
    const clock = fakeClock();
    expect(
      (await restoreSession(sessionContext(clock), { store: memoryTokenStore() }))._unsafeUnwrap(),
    ).toBeUndefined();
  });

  it('malformed stored tokens are a TokenStore error', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    store.set('tokens', { idToken: 'x' });
    const error = (await restoreSession(sessionContext(clock), { store }))._unsafeUnwrapErr();
    expect(error.type).toBe('TokenStore');
    expect(error.message).toContain('malformed');
  });

  it('a truncated token file is a TokenStore error, not a crash', async () => {
    const clock = fakeClock();
    const path = join(directory, 'session.json');
    const store = fileTokenStore(path);
    const tokens = tokensAt(clock.now);
    await store.set('tokens', tokens);
    const text = JSON.stringify({ version: 1, entries: { tokens } });
    await writeFile(path, text.slice(0, text.length / 2));
    const error = (await restoreSession(sessionContext(clock), { store }))._unsafeUnwrapErr();
    expect(error.type).toBe('TokenStore');
    expect(error.message).toMatch(/corrupt or truncated/);
    expect(error.message).not.toContain(tokens.idToken.slice(0, 20));
  });

  it('round-trips through a file: sign in, save, restore in a "new process", refresh and save again', async () => {
    const clock = fakeClock();
    const path = join(directory, 'nested', 'session.json');
    const tokens = tokensAt(clock.now);
    await createSession(sessionContext(clock), tokens, { store: fileTokenStore(path) }).getTokens();
    const restored = (
      await restoreSession(sessionContext(clock), { store: fileTokenStore(path) })
    )._unsafeUnwrap();
    clock.advance(2 * 3600_000);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .resolves(authenticationResult(clock.now, { refreshToken: 'r2' }));
    expect((await restored?.getTokens())?._unsafeUnwrap().refreshToken).toBe('r2');
    expect(((await fileTokenStore(path).get('tokens')) as TokenSet).refreshToken).toBe('r2');
  });

  it('invalid options are InvalidParameter', async () => {
    const clock = fakeClock();
    const result = await restoreSession(sessionContext(clock), { store: {} as TokenStore });
    expect(result._unsafeUnwrapErr().type).toBe('InvalidParameter');
  });
});
