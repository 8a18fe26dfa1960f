import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { BatchView } from '@nguon/shared';
import { createBatch, createProducer, createUser, type Factory } from '../factories/index.js';
import { describeWithChromium, launchBrowser, requireWebBuild, type Browser } from '../support/browser.js';
import { fakeCameraArgs, fakeCameraVideo } from '../support/fake-camera.js';
import { httpClient } from '../support/http.js';
import { decodeQrWithJsQr } from '../support/qr-decoder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A BarcodeDetector as Chrome on Android has it, for this desktop Chromium that has none: it reads
 * the video frame and decodes it with jsQR in the test, counting its calls.
 */
const NATIVE_DETECTOR = `
  globalThis.nativeDetections = 0;
  globalThis.BarcodeDetector = class {
    static async getSupportedFormats() { return ['qr_code', 'ean_13']; }
    async detect(video) {
      globalThis.nativeDetections++;
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext('2d').drawImage(video, 0, 0);
      const text = await globalThis.decodeInTest(canvas.toDataURL('image/png'));
      return text ? [{ rawValue: text, format: 'qr_code' }] : [];
    }
  };`;

describeWithChromium('scanning with the phone camera', (chromiumPath) => {
  let t: TestApp;
  let batch: BatchView;
  let video: string;

  beforeAll(async () => {
    requireWebBuild();
    t = await startTestApp({ web: true });
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const producer = await createProducer(f, await createUser(f, { role: 'admin' }), {
      product: { name: { vi: 'Cam Vinh', en: 'Vinh orange' } },
    });
    batch = await createBatch(f, producer.owner, producer.product.id, { lotCode: 'CV-2026-07' });
    // The very QR image the producer prints.
    const png = Buffer.from(await (await fetch(`${t.baseUrl}/api/batches/${batch.id}/qr.png?size=300`)).arrayBuffer());
    video = fakeCameraVideo(png);
  });
  afterAll(async () => t?.close());

  /** Opens the home page on a phone with a camera showing the batch's QR code, and scans it. */
  async function scan(withNativeDetector: boolean): Promise<{ wasmFetched: boolean; nativeDetections: number }> {
    const browser: Browser = await launchBrowser(chromiumPath, { mobile: true, args: fakeCameraArgs(video) });
    try {
      const { page } = browser;
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      if (withNativeDetector) {
        await page.exposeFunction('decodeInTest', (dataUrl: string) => decodeQrWithJsQr(Buffer.from(dataUrl.split(',')[1]!, 'base64')));
        await page.addInitScript(NATIVE_DETECTOR);
      }
      await page.goto(`${t.baseUrl}/`);
      await page.getByRole('button', { name: 'Quét bằng camera' }).click();
      await page.waitForURL(`**/batches/${batch.id}**`, { timeout: 30_000 });
      await page.getByRole('heading', { name: 'Cam Vinh' }).first().waitFor();
      const nativeDetections = withNativeDetector
        ? await page.evaluate(() => (globalThis as unknown as { nativeDetections: number }).nativeDetections)
        : 0;
      return { wasmFetched: fetched.some((url) => /zxing_reader-[\w-]+\.wasm$/.test(url)), nativeDetections };
    } finally {
      await browser.close();
    }
  }

  it('reads the QR code with ZXing where the browser has no BarcodeDetector (Safari on iPhone, Firefox), loaded only then', async () => {
    expect(await scan(false)).toEqual({ wasmFetched: true, nativeDetections: 0 });
  }, 90_000);

  it("reads it with the browser's own BarcodeDetector where there is one, without fetching ZXing", async () => {
    const result = await scan(true);
    expect(result.wasmFetched).toBe(false);
    expect(result.nativeDetections).toBeGreaterThan(0);
  }, 90_000);
});
