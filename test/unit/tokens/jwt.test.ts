import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../src/tokens/jwt.js';

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A JWT-shaped string: base64url(JSON header) . base64url(JSON payload) . fake signature. */
function jwt(payload: unknown, header: unknown = { alg: 'RS256', kid: 'test-kid' }): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('not-a-real-signature')}`;
}

function expectUnexpectedWithoutToken(token: unknown): string {
  const result = decodeJwt(token);
  expect(result.isErr()).toBe(true);
  const error = result._unsafeUnwrapErr();
  expect(error.type).toBe('Unexpected');
  expect(error.retryable).toBe(false);
  if (typeof token === 'string' && token.length > 0) {
    expect(error.message).not.toContain(token);
    for (const segment of token.split('.')) {
      if (segment.length >= 8) expect(error.message).not.toContain(segment);
    }
  }
  return error.message;
}

describe('decodeJwt', () => {
  it('decodes the header and payload of a well-formed token', () => {
    const payload = { sub: 'abc', exp: 1_700_000_000, nested: { a: [1, 2] }, name: 'Zoë 🚀' };
    const result = decodeJwt(jwt(payload));
    expect(result.isOk()).toBe(true);
    expect(result._unsafeUnwrap()).toEqual({ header: { alg: 'RS256', kid: 'test-kid' }, payload });
  });

  it('decodes segments that use the url-safe alphabet ("-" and "_")', () => {
    // '?>?' encodes to "Pz4_" in base64url, so this payload contains both url-safe characters.
    const payload = { v: '?>?~~~>>>' };
    const token = jwt(payload);
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(decodeJwt(token)._unsafeUnwrap().payload).toEqual(payload);
  });

  it('accepts segments with standard base64 padding', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64');
    const payload = Buffer.from(JSON.stringify({ a: 1 })).toString('base64');
    expect(decodeJwt(`${header}.${payload}.`)._unsafeUnwrap().payload).toEqual({ a: 1 });
  });

  it('does not check the signature (an empty signature still decodes)', () => {
    const [h, p] = jwt({ a: 1 }).split('.');
    expect(decodeJwt(`${h}.${p}.`).isOk()).toBe(true);
  });

  it.each([
    ['two segments', () => jwt({ a: 1 }).split('.').slice(0, 2).join('.')],
    ['one segment', () => b64url('{"a":1}')],
    ['four segments', () => `${jwt({ a: 1 })}.extra`],
    ['an empty string', () => ''],
  ])('rejects %s with Unexpected about segments', (_label, make) => {
    const message = expectUnexpectedWithoutToken(make());
    expect(message).toContain('three segments');
  });

  it.each([
    ['a header that is not base64url', () => `not*base64!.${b64url('{"a":1}')}.sig`],
    ['a payload that is not base64url', () => `${b64url('{"alg":"RS256"}')}.%%%%%%%%%%.sig`],
    ['a payload with invalid length', () => `${b64url('{"alg":"RS256"}')}.abcde.sig`],
    [
      'a payload that is not UTF-8',
      () => `${b64url('{"alg":"RS256"}')}.${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64url')}.sig`,
    ],
    [
      'a payload that is not JSON',
      () => `${b64url('{"alg":"RS256"}')}.${b64url('hello world, not json')}.sig`,
    ],
    ['a payload that is a JSON array', () => jwt([1, 2, 3])],
    ['a payload that is JSON null', () => jwt(null)],
    ['a payload that is a JSON string', () => jwt('sub')],
    ['a payload that is a JSON number', () => jwt(12)],
    ['a header that is a JSON array', () => jwt({ a: 1 }, ['RS256'])],
    ['empty segments', () => '..'],
  ])('rejects %s with Unexpected, without the token in the message', (_label, make) => {
    const message = expectUnexpectedWithoutToken(make());
    expect(message).toContain('base64url JSON');
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 123],
    ['an object', { token: 'a.b.c' }],
    ['a Buffer', Buffer.from('a.b.c')],
  ])('rejects %s (not a string) with Unexpected without throwing', (_label, input) => {
    const message = expectUnexpectedWithoutToken(input);
    expect(message).toContain('not a string');
  });

  it('never puts a long, realistic token into the message', () => {
    const secretPayload = { sub: 'secret-sub', 'cognito:username': 'alice', pad: 'x'.repeat(500) };
    const token = jwt(secretPayload).replace(/\.[^.]*$/, '.!!!.!!!');
    const result = decodeJwt(token);
    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr().message).not.toContain(token.slice(0, 20));
  });

  it('returns a frozen error', () => {
    expect(Object.isFrozen(decodeJwt('x')._unsafeUnwrapErr())).toBe(true);
  });
});
