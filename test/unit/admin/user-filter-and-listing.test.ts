import { errAsync, okAsync } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { formatUserFilter, type UserFilter, where } from '../../../src/admin/index.js';
import { failedListing, listing } from '../../../src/admin/listing.js';
import { makeError } from '../../../src/errors/make-error.js';

describe('where(): the typed ListUsers filter builder', () => {
  it.each<[string, UserFilter, string]>([
    ['exact email', where('email').equals('a@example.com'), 'email = "a@example.com"'],
    ['email prefix', where('email').startsWith('alice'), 'email ^= "alice"'],
    ['user name prefix', where('username').startsWith('paged-'), 'username ^= "paged-"'],
    [
      'account status',
      where('cognito:user_status').equals('FORCE_CHANGE_PASSWORD'),
      'cognito:user_status = "FORCE_CHANGE_PASSWORD"',
    ],
    ['enabled state', where('status').equals('Disabled'), 'status = "Disabled"'],
    ['sub', where('sub').equals('abc-123'), 'sub = "abc-123"'],
  ])('%s', (_name, filter, text) => {
    expect(formatUserFilter(filter)._unsafeUnwrap()).toBe(text);
  });

  it('types the values of status filters, and offers no prefix match for them', () => {
    // @ts-expect-error status is Enabled or Disabled
    where('status').equals('Maybe');
    // @ts-expect-error cognito:user_status takes a user status
    where('cognito:user_status').equals('ACTIVE');
    // @ts-expect-error status can only be matched exactly
    expect(where('status').startsWith).toBeTypeOf('function');
    // @ts-expect-error not a filterable attribute
    where('custom:plan');
  });

  it.each<[string, UserFilter]>([
    ['a double quote in the value', where('email').equals('a"b')],
    ['a backslash in the value', where('name').equals('a\\b')],
    [
      'an unknown attribute',
      { attribute: 'custom:plan', operator: '=', value: 'pro' } as unknown as UserFilter,
    ],
    ['an unknown operator', { attribute: 'email', operator: '!=', value: 'x' } as unknown as UserFilter],
    ['a prefix match on status', { attribute: 'status', operator: '^=', value: 'En' }],
    [
      'a value that is not a string',
      { attribute: 'email', operator: '=', value: 3 } as unknown as UserFilter,
    ],
    ['a filter over 256 characters', where('email').startsWith('a'.repeat(250))],
    ['not a filter', 'email = "x"' as unknown as UserFilter],
  ])('rejects %s with InvalidParameter', (_name, filter) => {
    const result = formatUserFilter(filter);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
  });
});

describe('listing(): pages as an async iterable of Results', () => {
  const pages: Record<string, { items: number[]; next: string | undefined }> = {
    start: { items: [1, 2], next: 'b' },
    b: { items: [3], next: 'c' },
    c: { items: [4, 5], next: undefined },
  };

  it('fetches page after page as it is iterated, passing each token', async () => {
    const tokens: (string | undefined)[] = [];
    const all = listing<number, never>((token) => {
      tokens.push(token);
      return okAsync(pages[token ?? 'start'] as { items: number[]; next: string | undefined });
    });

    const seen: number[] = [];
    for await (const item of all) seen.push(item._unsafeUnwrap());

    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(tokens).toEqual([undefined, 'b', 'c']);
    expect((await all.toArray())._unsafeUnwrap()).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops fetching when the caller stops iterating', async () => {
    let fetched = 0;
    const all = listing<number, never>((token) => {
      fetched += 1;
      return okAsync(pages[token ?? 'start'] as { items: number[]; next: string | undefined });
    });
    for await (const item of all) if (item._unsafeUnwrap() === 2) break;
    expect(fetched).toBe(1);
  });

  it('yields a failed page as one Err and ends; toArray returns that error', async () => {
    const failure = makeError('TooManyRequests', 'slow down', { retryable: true });
    const all = listing<number, typeof failure>((token) =>
      token === 'b' ? errAsync(failure) : okAsync({ items: [1], next: 'b' }),
    );

    const results = [];
    for await (const item of all) results.push(item);

    expect(results.map((r) => (r.isOk() ? r.value : r.error.type))).toEqual([1, 'TooManyRequests']);
    expect((await all.toArray())._unsafeUnwrapErr()).toBe(failure);
  });

  it('ends with Unexpected instead of looping when a token comes back twice', async () => {
    const all = listing<number, never>(() => okAsync({ items: [1], next: 'same' }));
    const result = await all.toArray();
    expect(result.isErr() && result.error.type).toBe('Unexpected');
  });

  it('treats an empty token as the last page', async () => {
    const all = listing<number, never>(() => okAsync({ items: [7], next: '' }));
    expect((await all.toArray())._unsafeUnwrap()).toEqual([7]);
  });

  it('failedListing yields its error without fetching', async () => {
    const error = makeError('InvalidParameter', 'bad');
    expect((await failedListing<number, typeof error>(error).toArray())._unsafeUnwrapErr()).toBe(error);
  });
});
