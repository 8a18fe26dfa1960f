import { describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import { QUIET_ZONE_MODULES, qrSymbolPath } from './qr-symbol.js';

/** The dark modules the path fills, read back from its `x y width 1 re` runs. */
function filledModules(operators: string, extent: number): boolean[] {
  const grid = new Array<boolean>(extent * extent).fill(false);
  for (const [, x, y, width] of operators.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)) {
    for (let dx = 0; dx < Number(width); dx++) grid[Number(y) * extent + Number(x) + dx] = true;
  }
  return grid;
}

describe('qrSymbolPath', () => {
  it.each(['L', 'M', 'H'] as const)('fills exactly the dark modules of the symbol (level %s), inside a quiet zone', (ecc) => {
    const url = 'https://nguon.vn/01/08931234500017/10/PT-2026-11-A?17=261231';
    const { size, data } = QRCode.create(url, { errorCorrectionLevel: ecc }).modules;
    const path = qrSymbolPath(url, ecc);
    expect(path.extent).toBe(size + 2 * QUIET_ZONE_MODULES);
    expect(path.operators.endsWith('\nf')).toBe(true);
    const expected = new Array<boolean>(path.extent * path.extent).fill(false);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++)
        expected[(row + QUIET_ZONE_MODULES) * path.extent + col + QUIET_ZONE_MODULES] = data[row * size + col] === 1;
    }
    expect(filledModules(path.operators, path.extent)).toEqual(expected);
  });
});
