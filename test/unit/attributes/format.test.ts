import { describe, expect, it } from 'vitest';
import { formatAttributes, fromAttributeList, toAttributeList } from '../../../src/attributes/format.js';
import type { UserAttributes } from '../../../src/attributes/types.js';

/** Bypasses the static types to feed the runtime checks what an untyped caller could pass. */
const untyped = (value: unknown): UserAttributes => value as UserAttributes;

describe('formatAttributes: strings', () => {
  it('passes strings through unchanged', () => {
    const result = formatAttributes({
      email: 'alice@example.com',
      name: 'Alice Ä. Smith',
      'custom:plan': 'pro',
    });
    expect(result._unsafeUnwrap()).toEqual({
      email: 'alice@example.com',
      name: 'Alice Ä. Smith',
      'custom:plan': 'pro',
    });
  });

  it('keeps an empty string value', () => {
    expect(formatAttributes({ nickname: '' })._unsafeUnwrap()).toEqual({ nickname: '' });
  });

  it('returns an empty map for an empty object', () => {
    expect(formatAttributes({})._unsafeUnwrap()).toEqual({});
  });
});

describe('formatAttributes: birthdate', () => {
  it('formats a Date as its UTC day YYYY-MM-DD', () => {
    expect(formatAttributes({ birthdate: new Date('1990-04-01T00:00:00Z') })._unsafeUnwrap()).toEqual({
      birthdate: '1990-04-01',
    });
  });

  it('uses the UTC day, not the local one, near midnight', () => {
    // Node applies a change of TZ immediately; the local day differs from the UTC day in both zones below.
    const savedTz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const justAfterMidnightUtc = new Date('1990-04-01T00:30:00Z');
      expect(justAfterMidnightUtc.getDate()).toBe(31);
      expect(formatAttributes({ birthdate: justAfterMidnightUtc })._unsafeUnwrap().birthdate).toBe(
        '1990-04-01',
      );

      process.env.TZ = 'Pacific/Kiritimati';
      const justBeforeMidnightUtc = new Date('2000-12-31T23:30:00Z');
      expect(justBeforeMidnightUtc.getDate()).toBe(1);
      expect(formatAttributes({ birthdate: justBeforeMidnightUtc })._unsafeUnwrap().birthdate).toBe(
        '2000-12-31',
      );
    } finally {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    }
  });

  it('accepts a YYYY-MM-DD string', () => {
    expect(formatAttributes({ birthdate: '1990-04-01' })._unsafeUnwrap()).toEqual({
      birthdate: '1990-04-01',
    });
  });

  it('accepts the 0000-MM-DD form (year withheld)', () => {
    expect(formatAttributes({ birthdate: '0000-12-25' })._unsafeUnwrap()).toEqual({
      birthdate: '0000-12-25',
    });
  });

  it.each([
    '1990-4-1',
    '01/04/1990',
    '1990-13-01',
    '1990-00-10',
    '1990-01-32',
    '1990-01-00',
    '19900401',
    '',
    ' 1990-04-01',
  ])('rejects the birthdate string %j with InvalidParameter naming the attribute', (birthdate) => {
    const result = formatAttributes({ birthdate });
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('birthdate');
    expect(error.message).toContain('YYYY-MM-DD');
    expect(error.retryable).toBe(false);
  });

  it('rejects an invalid Date with InvalidParameter naming the attribute', () => {
    const error = formatAttributes({ birthdate: new Date('not a date') })._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('birthdate');
    expect(error.message).toContain('invalid Date');
  });
});

describe('formatAttributes: updated_at', () => {
  it('formats a number of epoch seconds as a decimal string', () => {
    expect(formatAttributes({ updated_at: 1_700_000_000 })._unsafeUnwrap()).toEqual({
      updated_at: '1700000000',
    });
  });

  it('accepts 0', () => {
    expect(formatAttributes({ updated_at: 0 })._unsafeUnwrap()).toEqual({ updated_at: '0' });
  });

  it('formats a Date as whole epoch seconds (rounded down)', () => {
    const date = new Date(1_700_000_000_999);
    expect(formatAttributes({ updated_at: date })._unsafeUnwrap()).toEqual({ updated_at: '1700000000' });
  });

  it.each([1.5, -1, -1_700_000_000, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects %d with InvalidParameter naming updated_at',
    (updated_at) => {
      const error = formatAttributes({ updated_at })._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidParameter');
      expect(error.message).toContain('updated_at');
    },
  );

  it('rejects an invalid Date', () => {
    const error = formatAttributes({ updated_at: new Date(Number.NaN) })._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('updated_at');
  });
});

describe('formatAttributes: booleans, numbers and custom attributes', () => {
  it('formats booleans as "true" / "false"', () => {
    expect(formatAttributes({ email_verified: true, phone_number_verified: false })._unsafeUnwrap()).toEqual({
      email_verified: 'true',
      phone_number_verified: 'false',
    });
  });

  it('formats custom numbers as decimal strings, including negatives and fractions', () => {
    expect(
      formatAttributes({ 'custom:age': 42, 'custom:balance': -12.5, 'custom:zero': 0 })._unsafeUnwrap(),
    ).toEqual({ 'custom:age': '42', 'custom:balance': '-12.5', 'custom:zero': '0' });
  });

  it('formats custom booleans', () => {
    expect(formatAttributes({ 'custom:beta': true })._unsafeUnwrap()).toEqual({ 'custom:beta': 'true' });
  });

  it('formats a custom Date as a full ISO timestamp', () => {
    expect(
      formatAttributes({ 'custom:since': new Date('2024-02-29T12:34:56.789Z') })._unsafeUnwrap(),
    ).toEqual({
      'custom:since': '2024-02-29T12:34:56.789Z',
    });
  });

  it('rejects a custom invalid Date naming the attribute', () => {
    const error = formatAttributes({ 'custom:since': new Date('garbage') })._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('custom:since');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects the custom number %d',
    (value) => {
      const error = formatAttributes({ 'custom:score': value })._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidParameter');
      expect(error.message).toContain('custom:score');
    },
  );

  it.each([
    ['an object', { a: 1 }],
    ['an array', ['a']],
    ['null', null],
    ['a bigint', 10n],
    ['a function', () => 'x'],
    ['a symbol', Symbol('s')],
  ])('rejects %s as a value, naming the attribute and the type', (_label, value) => {
    const error = formatAttributes(untyped({ 'custom:thing': value }))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('custom:thing');
    expect(error.message).toContain('unsupported type');
  });

  it('skips undefined values', () => {
    // `custom:*` admits undefined in the types; standard ones only from untyped callers.
    const result = formatAttributes(
      untyped({ email: 'a@example.com', name: undefined, 'custom:x': undefined }),
    );
    expect(result._unsafeUnwrap()).toEqual({ email: 'a@example.com' });
    expect(Object.keys(result._unsafeUnwrap())).toEqual(['email']);
  });

  it('stops at the first bad attribute even when others are fine', () => {
    const result = formatAttributes({ email: 'a@example.com', birthdate: 'yesterday', 'custom:n': 1 });
    expect(result._unsafeUnwrapErr().message).toContain('birthdate');
  });

  it('rejects an attribute name longer than 32 characters plus "custom:"', () => {
    const name = `custom:${'x'.repeat(33)}`;
    const error = formatAttributes(untyped({ [name]: 'v' }))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
  });

  it('accepts a custom attribute name of exactly 32 characters after "custom:"', () => {
    const name = `custom:${'x'.repeat(32)}`;
    expect(formatAttributes(untyped({ [name]: 'v' }))._unsafeUnwrap()).toEqual({ [name]: 'v' });
  });

  it('rejects an empty attribute name', () => {
    expect(formatAttributes(untyped({ '': 'v' })).isErr()).toBe(true);
  });
});

describe('formatAttributes: input that is not an object', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'email=a@example.com'],
    ['a number', 7],
    ['a boolean', true],
  ])('returns InvalidParameter for %s without throwing', (_label, input) => {
    const result = formatAttributes(untyped(input));
    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(result._unsafeUnwrapErr().message).toContain('must be an object');
  });

  it('returns a frozen error', () => {
    expect(Object.isFrozen(formatAttributes(untyped(null))._unsafeUnwrapErr())).toBe(true);
  });
});

describe('toAttributeList', () => {
  it('turns attributes into Cognito [{ Name, Value }] with values formatted', () => {
    const result = toAttributeList({
      email: 'a@example.com',
      email_verified: true,
      birthdate: new Date('1985-07-09T00:00:00Z'),
      updated_at: 1_600_000_000,
      'custom:tier': 3,
    });
    expect(result._unsafeUnwrap()).toEqual([
      { Name: 'email', Value: 'a@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'birthdate', Value: '1985-07-09' },
      { Name: 'updated_at', Value: '1600000000' },
      { Name: 'custom:tier', Value: '3' },
    ]);
  });

  it('leaves undefined values out of the list', () => {
    expect(toAttributeList({ email: 'a@example.com', 'custom:plan': undefined })._unsafeUnwrap()).toEqual([
      { Name: 'email', Value: 'a@example.com' },
    ]);
  });

  it('returns [] for no attributes', () => {
    expect(toAttributeList({})._unsafeUnwrap()).toEqual([]);
  });

  it('propagates the error of a bad value', () => {
    const error = toAttributeList({ birthdate: '31/12/1999' })._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('birthdate');
  });
});

describe('fromAttributeList', () => {
  it('turns Cognito [{ Name, Value }] into a string map', () => {
    expect(
      fromAttributeList([
        { Name: 'sub', Value: '1234-abcd' },
        { Name: 'email', Value: 'a@example.com' },
        { Name: 'custom:plan', Value: 'pro' },
      ]),
    ).toEqual({ sub: '1234-abcd', email: 'a@example.com', 'custom:plan': 'pro' });
  });

  it('skips entries without a name (missing, undefined or empty)', () => {
    expect(
      fromAttributeList([
        { Value: 'orphan' },
        { Name: undefined, Value: 'x' },
        { Name: '', Value: 'y' },
        { Name: 'a', Value: 'b' },
      ]),
    ).toEqual({ a: 'b' });
  });

  it('maps a missing value to the empty string', () => {
    expect(fromAttributeList([{ Name: 'nickname' }])).toEqual({ nickname: '' });
  });

  it('returns {} for undefined or an empty list', () => {
    expect(fromAttributeList(undefined)).toEqual({});
    expect(fromAttributeList([])).toEqual({});
  });

  it('lets a later duplicate win', () => {
    expect(
      fromAttributeList([
        { Name: 'email', Value: 'old@example.com' },
        { Name: 'email', Value: 'new@example.com' },
      ]),
    ).toEqual({ email: 'new@example.com' });
  });

  it('round-trips with toAttributeList', () => {
    const attributes: UserAttributes = { email: 'a@example.com', email_verified: false, 'custom:n': 5 };
    expect(fromAttributeList(toAttributeList(attributes)._unsafeUnwrap())).toEqual({
      email: 'a@example.com',
      email_verified: 'false',
      'custom:n': '5',
    });
  });
});
