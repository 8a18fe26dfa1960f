import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr ships a CommonJS build whose typings describe an ES default export.
const jsQR = jsQRModule as unknown as typeof import('jsqr').default;

/** Reads a QR PNG with jsQR, a decoder independent of the encoder the portal uses. */
export function decodeQrWithJsQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/**
 * Reads a QR PNG with Debian's zbarimg, or returns undefined when it is not installed (a failure
 * under CI=true, where .ci/run installs it).
 */
export function decodeQrWithZbar(png: Buffer): string | null | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nguon-qr-'));
  try {
    const file = path.join(dir, 'qr.png');
    writeFileSync(file, png);
    return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).replace(/\n$/, '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (process.env.CI === 'true') throw new Error('CI=true but zbarimg is missing: apt-get install -y zbar-tools', { cause: error });
      console.warn('zbarimg not installed: QR checked with jsQR only (apt-get install -y zbar-tools)');
      return undefined;
    }
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
