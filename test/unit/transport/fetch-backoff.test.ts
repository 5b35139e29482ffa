import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/transport/backoff.js';

describe('backoffDelay (full-jitter exponential backoff)', () => {
  it('doubles the ceiling with each retry', () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4].map((retry) => backoffDelay(retry, 100, 20_000, top))).toEqual([99, 199, 399, 799]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, 100, 1_000, () => 0.999_999)).toBe(999);
  });

  it('draws a random delay from zero up to the ceiling', () => {
    expect(backoffDelay(3, 100, 20_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 100, 20_000, () => 0.5)).toBe(200);
  });

  it('is zero when the base is zero', () => {
    expect(backoffDelay(5, 0)).toBe(0);
  });
});
