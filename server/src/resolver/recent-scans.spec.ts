import { describe, expect, it } from '@jest/globals';
import { RecentScans, tokenFor } from './recent-scans.js';

const MINUTE = 60_000;

describe('RecentScans', () => {
  it('counts a client once per batch within the window, handing back the scan it counted', () => {
    const recent = new RecentScans(10 * MINUTE);
    let made = 0;
    const count = () => String(++made);
    const first = recent.scanOf('a b1', count, 0);
    const again = recent.scanOf('a b1', count, 9 * MINUTE);
    expect([first.counted, again.counted]).toEqual([true, false]);
    expect(again.scan.scanId).toBe('1');
    expect(recent.scanOf('a b2', count, MINUTE).counted).toBe(true);
    expect(recent.scanOf('c b1', count, MINUTE).counted).toBe(true);
    expect(recent.scanOf('a b1', count, 10 * MINUTE).counted).toBe(true);
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const recent = new RecentScans(MINUTE, 2);
    const count = () => '1';
    recent.scanOf('a', count, 0);
    recent.scanOf('b', count, 1);
    recent.scanOf('c', count, 2);
    expect(recent.scanOf('a', count, 3).counted).toBe(true);
    expect(recent.scanOf('c', count, 4).counted).toBe(false);
  });

  it('counts every scan with a window of 0', () => {
    const recent = new RecentScans(0);
    expect([recent.scanOf('a', () => '1', 0).counted, recent.scanOf('a', () => '2', 0).counted]).toEqual([true, true]);
  });

  it('hands a client scanning again the token it holds while half its life remains, then a new one', () => {
    const { scan } = new RecentScans(60 * MINUTE).scanOf('a b1', () => 's1', 0);
    let issued = 0;
    const issue = () => `token ${++issued}`;
    expect([0, 4 * MINUTE, 5 * MINUTE - 1].map((now) => tokenFor(scan, issue, 10 * MINUTE, now))).toEqual([
      'token 1',
      'token 1',
      'token 1',
    ]);
    expect(tokenFor(scan, issue, 10 * MINUTE, 5 * MINUTE)).toBe('token 2');
    expect(tokenFor(scan, issue, 10 * MINUTE, 9 * MINUTE)).toBe('token 2');
  });
});
