import { describe, expect, it } from 'vitest';
import {
  checkAttributeName,
  STANDARD_ATTRIBUTES,
  type UserAttributes,
  validatedAttributeList,
  validateUserAttributes,
} from '../../../src/admin/index.js';

describe('validateUserAttributes: accepted values', () => {
  it('formats and keeps valid standard and custom attributes', () => {
    const result = validateUserAttributes({
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+14325551212',
      phone_number_verified: false,
      birthdate: '1990-04-01',
      updated_at: new Date(1_700_000_000_999),
      'custom:plan': 'pro',
      'custom:seats': 12,
      'dev:custom:internal': 'x',
    } as UserAttributes);
    expect(result._unsafeUnwrap()).toEqual({
      email: 'alice@example.com',
      email_verified: 'true',
      phone_number: '+14325551212',
      phone_number_verified: 'false',
      birthdate: '1990-04-01',
      updated_at: '1700000000',
      'custom:plan': 'pro',
      'custom:seats': '12',
      'dev:custom:internal': 'x',
    });
  });

  it.each([
    ['a leap day', '2024-02-29'],
    ['a withheld year on 29 February', '0000-02-29'],
    ['a withheld year', '0000-12-24'],
    ['a Date (its UTC day)', new Date(Date.UTC(1990, 3, 1, 23, 0))],
  ])('accepts birthdate as %s', (_name, birthdate) => {
    expect(validateUserAttributes({ birthdate }).isOk()).toBe(true);
  });

  it('accepts updated_at as whole epoch seconds', () => {
    expect(validateUserAttributes({ updated_at: 1_700_000_000 })._unsafeUnwrap()).toEqual({
      updated_at: '1700000000',
    });
  });

  it('accepts a 20-character custom name and a 2048-character value', () => {
    expect(
      validateUserAttributes({ [`custom:${'n'.repeat(20)}`]: 'v'.repeat(2048) } as UserAttributes).isOk(),
    ).toBe(true);
  });

  it('knows the 19 writable standard attributes', () => {
    expect(STANDARD_ATTRIBUTES).toHaveLength(19);
    for (const name of STANDARD_ATTRIBUTES) expect(checkAttributeName(name).isOk()).toBe(true);
  });
});

describe('validateUserAttributes: rejected values name the attribute', () => {
  it.each<[string, UserAttributes, string]>([
    ['an email without @', { email: 'alice.example.com' }, 'email'],
    ['an email with spaces', { email: 'alice @example.com' }, 'email'],
    ['a phone number without +', { phone_number: '14325551212' }, 'phone_number'],
    ['a phone number with spaces', { phone_number: '+1 432 555 1212' }, 'phone_number'],
    ['a phone number over 15 digits', { phone_number: '+1234567890123456' }, 'phone_number'],
    ['a phone number starting with +0', { phone_number: '+0432555' }, 'phone_number'],
    ['birthdate 30 February', { birthdate: '1990-02-30' }, 'birthdate'],
    ['birthdate 29 February in a common year', { birthdate: '1990-02-29' }, 'birthdate'],
    ['birthdate month 13', { birthdate: '1990-13-01' }, 'birthdate'],
    ['birthdate in another format', { birthdate: '01/04/1990' }, 'birthdate'],
    [
      'updated_at as a string that is not epoch seconds',
      { updated_at: '2024-01-01' as unknown as number },
      'updated_at',
    ],
    ['updated_at negative', { updated_at: -5 }, 'updated_at'],
    [
      'email_verified that is not a boolean',
      { email_verified: 'yes' as unknown as boolean },
      'email_verified',
    ],
    ['a custom attribute without prefix', { plan: 'pro' } as UserAttributes, 'plan'],
    ['a custom name over 20 characters', { [`custom:${'n'.repeat(21)}`]: 'x' } as UserAttributes, 'custom:'],
    ['a value over 2048 characters', { nickname: 'x'.repeat(2049) }, 'nickname'],
    ['sub, which Cognito sets', { sub: 'abc' } as UserAttributes, 'sub'],
  ])('%s', (_name, attributes, named) => {
    const result = validateUserAttributes(attributes);
    expect(result.isErr()).toBe(true);
    if (result.isOk()) return;
    expect(result.error.type).toBe('InvalidParameter');
    expect(result.error.message).toContain(`Attribute ${named}`);
  });

  it('rejects a non-object', () => {
    expect(validateUserAttributes(null as unknown as UserAttributes).isErr()).toBe(true);
  });
});

describe('validatedAttributeList', () => {
  it("gives Cognito's [{ Name, Value }] list", () => {
    expect(validatedAttributeList({ email: 'a@example.com', 'custom:n': 3 })._unsafeUnwrap()).toEqual([
      { Name: 'email', Value: 'a@example.com' },
      { Name: 'custom:n', Value: '3' },
    ]);
  });
});
