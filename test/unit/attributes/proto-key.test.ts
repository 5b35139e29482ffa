import { describe, expect, it } from 'vitest';
import { formatAttributes, fromAttributeList } from '../../../src/attributes/format.js';
import { parseUserAttributes } from '../../../src/auth/challenge-parameters.js';

describe('attribute maps keep every name as an own key, __proto__ included', () => {
  it('formatAttributes', () => {
    const input = JSON.parse('{"__proto__":"x","email":"a@example.com"}');
    const out = formatAttributes(input)._unsafeUnwrap();
    expect(Object.keys(out).sort()).toEqual(['__proto__', 'email']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('fromAttributeList', () => {
    const out = fromAttributeList([{ Name: '__proto__', Value: 'x' }]);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('parseUserAttributes', () => {
    const out = parseUserAttributes('{"__proto__":"x"}')._unsafeUnwrap();
    expect(Object.keys(out)).toEqual(['__proto__']);
  });
});
