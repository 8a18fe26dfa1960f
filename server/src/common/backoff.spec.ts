import { describe, expect, it } from '@jest/globals';
import { backoffDelayMs } from './backoff.js';

describe('backoffDelayMs', () => {
  it('doubles from the first delay up to the cap', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3, 6, 7, 50, 5000].map((attempt) => backoffDelayMs(attempt, {}, top))).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('takes a random part of up to half off each delay', () => {
    expect(backoffDelayMs(2, {}, () => 0)).toBe(1000);
    expect(backoffDelayMs(2, {}, () => 0.5)).toBe(1500);
    expect(backoffDelayMs(0, { firstMs: 100, maxMs: 1000 }, () => 0)).toBe(50);
  });
});
