import { describe, expect, it } from '@jest/globals';
import { PendingScans, type PendingScan } from './pending-scans.js';

const scan = (id: string, batchId = 'b1'): PendingScan => ({ id, batchId, at: 0, clientClass: 'mobile' });

describe('PendingScans', () => {
  it('counts what the database gave plus the scans waiting here, until a write returns the new count', () => {
    const pending = new PendingScans();
    expect(pending.countOf('b1')).toBeUndefined();
    pending.remember('b1', 10);
    pending.add(scan('s1'));
    pending.add(scan('s2'));
    expect(pending.countOf('b1')).toBe(12);
    pending.take(10);
    pending.add(scan('s3'));
    expect(pending.countOf('b1')).toBe(13);
    pending.written([{ id: 'b1', scan_count: 12 }]);
    expect(pending.countOf('b1')).toBe(13);
    expect(pending.waiting).toBe(1);
  });

  it('puts the scans of a failed write back first in line, still counted', () => {
    const pending = new PendingScans();
    pending.remember('b1', 0);
    pending.add(scan('s1'));
    pending.add(scan('s2'));
    const taken = pending.take(1);
    pending.add(scan('s3'));
    pending.failed();
    expect(pending.countOf('b1')).toBe(3);
    expect(pending.take(10).map((s) => s.id)).toEqual([taken[0]!.id, 's2', 's3']);
  });

  it('knows which scans wait, in line or being written', () => {
    const pending = new PendingScans();
    pending.add(scan('s1'));
    pending.add(scan('s2'));
    pending.take(1);
    expect([pending.holds('s1'), pending.holds('s2'), pending.holds('s3')]).toEqual([true, true, false]);
    pending.written([]);
    expect(pending.holds('s1')).toBe(false);
  });

  it('never lowers a count: a slow read cannot undo a newer one', () => {
    const pending = new PendingScans();
    pending.remember('b1', 7);
    pending.remember('b1', 5);
    expect(pending.countOf('b1')).toBe(7);
  });

  it('drops the oldest waiting scans past its capacity, uncounting them', () => {
    const pending = new PendingScans(2);
    pending.remember('b1', 0);
    expect([pending.add(scan('s1')), pending.add(scan('s2')), pending.add(scan('s3'))]).toEqual([0, 0, 1]);
    expect(pending.countOf('b1')).toBe(2);
    expect(pending.holds('s1')).toBe(false);
  });
});
