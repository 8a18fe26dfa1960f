import { BarcodeDetector, prepareZXingModule, type BarcodeFormat } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { BarcodeReader } from './barcode-reader';

/** ZXing's reader with its wasm from the portal's own assets (by default it would come from a CDN, which the CSP refuses). */
export function zxingReader(formats: BarcodeFormat[]): BarcodeReader {
  prepareZXingModule({ overrides: { locateFile: (file: string, prefix: string) => (file.endsWith('.wasm') ? wasmUrl : prefix + file) } });
  return new BarcodeDetector({ formats });
}
