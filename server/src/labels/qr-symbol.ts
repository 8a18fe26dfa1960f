import QRCode from 'qrcode';
import type { QrErrorCorrectionLevel } from '@nguon/shared';

/** The quiet zone the QR standard asks for around the symbol, in modules. */
export const QUIET_ZONE_MODULES = 4;

/** A QR symbol as PDF path operators, one unit per module, quiet zone included, rows top down. */
export interface QrSymbolPath {
  /** Modules across, quiet zone included. */
  extent: number;
  operators: string;
}

/**
 * Draws the dark modules as filled rectangles, one per horizontal run, so that a symbol is a few
 * hundred operators: small enough to be drawn once and placed on every label.
 */
export function qrSymbolPath(url: string, ecc: QrErrorCorrectionLevel): QrSymbolPath {
  const { size, data } = QRCode.create(url, { errorCorrectionLevel: ecc }).modules;
  const runs: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      runs.push(`${start + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES} ${col - start} 1 re`);
    }
  }
  return { extent: size + 2 * QUIET_ZONE_MODULES, operators: `${runs.join('\n')}\nf` };
}
