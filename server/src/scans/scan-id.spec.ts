import { describe, expect, it } from '@jest/globals';
import { newScanId } from './scan-id.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newScanId', () => {
  it('makes version-7 UUIDs that sort in the order they were made, within a millisecond too', () => {
    const ids = [
      newScanId(1_765_900_000_000),
      ...Array.from({ length: 5000 }, () => newScanId(1_765_900_000_001)),
      newScanId(1_765_900_000_002),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the time in its first 48 bits', () => {
    const id = newScanId(Date.UTC(2030, 0, 1));
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1));
  });
});
