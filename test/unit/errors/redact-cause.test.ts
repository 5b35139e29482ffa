import { inspect } from 'node:util';
import { NotAuthorizedException } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { mapSdkError } from '../../../src/errors/map-sdk-error.js';
import { redactCause } from '../../../src/errors/redact-cause.js';

const SESSION = 'session-AYABeEXAMPLEsecret0123456789';
const PASSWORD = 'Hunter2-Correct!';

const deep = (value: unknown) => inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true });

describe('redactCause', () => {
  it("rewrites an SDK exception's message and stack in place, keeping its class and metadata", () => {
    const thrown = new NotAuthorizedException({
      message: `bad session ${SESSION}`,
      $metadata: { httpStatusCode: 400 },
    });
    const cause = redactCause(thrown, [SESSION]);
    expect(cause).toBe(thrown);
    expect(cause).toBeInstanceOf(NotAuthorizedException);
    expect((cause as Error).message).toBe('bad session [REDACTED]');
    expect((cause as Error).stack).not.toContain(SESSION);
    expect((cause as NotAuthorizedException).$metadata.httpStatusCode).toBe(400);
  });

  it('follows the cause chain', () => {
    const inner = new Error(`password ${PASSWORD} refused`);
    const outer = new Error('wrapped', { cause: inner });
    redactCause(outer, [PASSWORD]);
    expect(deep(outer)).not.toContain(PASSWORD);
    expect(inner.message).toBe('password [REDACTED] refused');
  });

  it('copies a frozen error instead of failing, keeping name, code and $metadata', () => {
    const frozen = Object.freeze(
      Object.assign(new Error(`echo ${SESSION}`), {
        name: 'ResourceNotFoundException',
        code: 'X',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const cause = redactCause(frozen, [SESSION]) as Error & { code?: string; $metadata?: unknown };
    expect(cause).not.toBe(frozen);
    expect(cause).toMatchObject({
      name: 'ResourceNotFoundException',
      code: 'X',
      $metadata: { httpStatusCode: 400 },
    });
    expect(deep(cause)).not.toContain(SESSION);
  });

  it('redacts a thrown string, and leaves values without secrets (or without usable secrets) untouched', () => {
    expect(redactCause(`oops ${PASSWORD}`, [PASSWORD])).toBe('oops [REDACTED]');
    const clean = new Error('nothing here');
    expect(redactCause(clean, [PASSWORD])).toBe(clean);
    const short = new Error('pin 123');
    expect(redactCause(short, ['123', undefined])).toBe(short);
    expect(short.message).toBe('pin 123');
  });

  it('never throws on hostile values', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(() => redactCause(hostile, [PASSWORD])).not.toThrow();
    const cyclic: { message: string; cause?: unknown } = { message: `x ${PASSWORD}` };
    cyclic.cause = cyclic;
    expect(() => redactCause(cyclic, [PASSWORD])).not.toThrow();
  });
});

describe('mapSdkError keeps secrets out of the cause it attaches', () => {
  it('an echoed session is absent from util.inspect(error, { showHidden: true }) of the mapped error', () => {
    const thrown = Object.assign(new Error(SESSION), {
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    const error = mapSdkError(thrown, [SESSION]);
    expect(error.type).toBe('ResourceNotFound');
    expect(deep(error)).not.toContain(SESSION);
    expect(JSON.stringify(error)).not.toContain(SESSION);
    expect((error.cause as Error).name).toBe('ResourceNotFoundException');
  });
});
