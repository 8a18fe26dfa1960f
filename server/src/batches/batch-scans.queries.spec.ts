import { describe, expect, it } from '@jest/globals';
import { fillScanDays, scanWindow } from './batch-scans.queries.js';

describe('scanWindow', () => {
  it("is the last 7 days of Vietnam's calendar, today last, starting at Vietnamese midnight", () => {
    const window = scanWindow(new Date('2026-11-27T10:00:00Z'));
    expect(window.days).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    expect(window.since.toISOString()).toBe('2026-11-20T17:00:00.000Z');
  });

  it('has already turned to the next day in Vietnam at 17:00 UTC', () => {
    const window = scanWindow(new Date('2026-11-27T17:30:00Z'));
    expect(window.days.at(-1)).toBe('2026-11-28');
    expect(window.since.toISOString()).toBe('2026-11-21T17:00:00.000Z');
  });

  it('crosses month and year ends', () => {
    expect(scanWindow(new Date('2027-01-02T00:00:00Z')).days).toEqual([
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });
});

describe('fillScanDays', () => {
  it('gives every day of the window, days without scans as 0, and ignores days outside it', () => {
    const days = ['2026-11-25', '2026-11-26', '2026-11-27'];
    expect(
      fillScanDays(days, [
        { day: '2026-11-26', count: 4 },
        { day: '2026-11-20', count: 9 },
      ]),
    ).toEqual([
      { date: '2026-11-25', count: 0 },
      { date: '2026-11-26', count: 4 },
      { date: '2026-11-27', count: 0 },
    ]);
  });
});
