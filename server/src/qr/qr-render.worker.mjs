// Draws QR symbols off the main thread (see qr-render-pool.ts). Plain JavaScript so that the same
// file runs from src (tests) and dist (the build copies it): the message shapes are QrRenderJob
// and QrRenderResult in qr-render-pool.ts.
import { parentPort } from 'node:worker_threads';
import QRCode from 'qrcode';

parentPort.on('message', async ({ url, format, size, ecc }) => {
  try {
    const options = { errorCorrectionLevel: ecc, width: size, margin: 4 };
    const drawn =
      format === 'png'
        ? await QRCode.toBuffer(url, { ...options, type: 'png' })
        : Buffer.from(await QRCode.toString(url, { ...options, type: 'svg' }), 'utf8');
    // A copy of its own, so transferring it moves nothing else.
    const bytes = new Uint8Array(drawn);
    parentPort.postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
