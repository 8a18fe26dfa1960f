import { describe, expect, it } from '@jest/globals';
import { RecentScans } from './recent-scans.js';

const MINUTE = 60_000;

describe('RecentScans', () => {
  it('counts a client once per batch within the window, handing back the scan it counted', async () => {
    const recent = new RecentScans(10 * MINUTE);
    let made = 0;
    const count = async () => String(++made);
    const first = recent.scanOf('a b1', count, 0);
    const again = recent.scanOf('a b1', count, 9 * MINUTE);
    expect([first.counted, again.counted]).toEqual([true, false]);
    expect(await again.scanId).toBe('1');
    expect(recent.scanOf('a b2', count, MINUTE).counted).toBe(true);
    expect(recent.scanOf('c b1', count, MINUTE).counted).toBe(true);
    expect(recent.scanOf('a b1', count, 10 * MINUTE).counted).toBe(true);
  });

  it('counts parallel requests of one client once', async () => {
    const recent = new RecentScans(MINUTE);
    let made = 0;
    const count = () => new Promise<string>((resolve) => setTimeout(() => resolve(String(++made)), 5));
    const all = Array.from({ length: 20 }, () => recent.scanOf('a b1', count, 0));
    expect(all.filter((s) => s.counted)).toHaveLength(1);
    expect(new Set(await Promise.all(all.map((s) => s.scanId)))).toEqual(new Set(['1']));
  });

  it('forgets a count that failed, so the next scan is counted', async () => {
    const recent = new RecentScans(MINUTE);
    await expect(recent.scanOf('a b1', () => Promise.reject(new Error('db down')), 0).scanId).rejects.toThrow('db down');
    expect(recent.scanOf('a b1', async () => '7', 1).counted).toBe(true);
  });

  it('keeps at most its capacity, dropping the oldest', () => {
    const recent = new RecentScans(MINUTE, 2);
    const count = async () => '1';
    recent.scanOf('a', count, 0);
    recent.scanOf('b', count, 1);
    recent.scanOf('c', count, 2);
    expect(recent.scanOf('a', count, 3).counted).toBe(true);
    expect(recent.scanOf('c', count, 4).counted).toBe(false);
  });

  it('counts every scan with a window of 0', () => {
    const recent = new RecentScans(0);
    expect([recent.scanOf('a', async () => '1', 0).counted, recent.scanOf('a', async () => '2', 0).counted]).toEqual([true, true]);
  });
});
