import { describe, expect, it } from '@jest/globals';
import { isoWithOffset, localTime } from './export-columns.js';

describe('isoWithOffset', () => {
  it('writes the instant as the wall clock of its offset, with that offset', () => {
    const instant = new Date('2026-10-02T01:00:00Z');
    expect(isoWithOffset(instant, '+07:00')).toBe('2026-10-02T08:00:00+07:00');
    expect(isoWithOffset(instant, '-03:30')).toBe('2026-10-01T21:30:00-03:30');
    expect(isoWithOffset(instant, '+00:00')).toBe('2026-10-02T01:00:00+00:00');
  });

  it('keeps milliseconds when there are any, and falls back to UTC for an offset it cannot read', () => {
    expect(isoWithOffset(new Date('2026-10-02T01:00:00.250Z'), '+07:00')).toBe('2026-10-02T08:00:00.250+07:00');
    expect(isoWithOffset(new Date('2026-10-02T01:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-10-02T01:00:00Z');
  });
});

describe('localTime', () => {
  it('moves the instant by the offset, as Excel shows a time without a zone', () => {
    expect(localTime(new Date('2026-12-31T20:00:00Z'), '+07:00').toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });
});
