import type { BarcodeFormat } from 'barcode-detector/ponyfill';

/** What a consumer may point the camera at: QR codes and GS1 DataMatrix, and a product's EAN/UPC barcode (a plain GTIN). */
const SCANNED_FORMATS: BarcodeFormat[] = ['qr_code', 'data_matrix', 'ean_13', 'ean_8', 'upc_a', 'upc_e'];

/** The Shape Detection API's barcode reader; not in lib.dom yet. */
export interface BarcodeReader {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorConstructor {
  new (options: { formats: string[] }): BarcodeReader;
  getSupportedFormats(): Promise<string[]>;
}

/** The browser's own reader (Chrome on Android, ChromeOS, macOS), if it reads QR codes. */
async function nativeReader(): Promise<BarcodeReader | null> {
  const native = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  if (!native) return null;
  try {
    const supported = await native.getSupportedFormats();
    if (!supported.includes('qr_code')) return null;
    return new native({ formats: SCANNED_FORMATS.filter((format) => supported.includes(format)) });
  } catch {
    return null;
  }
}

/**
 * A barcode reader for this browser: its own where it has one, else ZXing compiled to WebAssembly
 * (Safari on iPhone, Firefox, desktop Chromium), whose code and wasm are fetched from the portal
 * only now, when the camera opens, so they weigh nothing on the pages.
 */
export async function openBarcodeReader(): Promise<BarcodeReader> {
  const native = await nativeReader();
  if (native) return native;
  const { zxingReader } = await import('./zxing-reader');
  return zxingReader(SCANNED_FORMATS);
}
