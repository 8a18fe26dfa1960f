import { describe, expect, it } from '@jest/globals';
import { vietnamDay } from './vietnam-day.js';

describe('vietnamDay', () => {
  it('turns at midnight in Vietnam, 17:00 UTC the day before', () => {
    expect(vietnamDay(new Date('2026-12-07T16:59:59.999Z'))).toBe('2026-12-07');
    expect(vietnamDay(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
  });

  it('is the same day whatever offset the instant was written with', () => {
    expect(vietnamDay(Date.parse('2026-12-08T06:30:00+07:00'))).toBe('2026-12-08');
    expect(vietnamDay(Date.parse('2026-12-07T20:00:00-05:00'))).toBe('2026-12-08');
  });

  it('crosses a month, a year and a leap day', () => {
    expect(vietnamDay(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01');
    expect(vietnamDay(new Date('2028-02-28T17:00:00Z'))).toBe('2028-02-29');
  });
});
