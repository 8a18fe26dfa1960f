import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 5;

/**
 * A video file for Chromium's fake camera (`--use-file-for-fake-video-capture`): the PNG (a QR
 * code, a barcode) in the middle of a white picture, in Y4M (raw YUV 4:2:0), which Chromium loops.
 */
export function fakeCameraVideo(png: Buffer): string {
  const image = PNG.sync.read(png);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.max(0, Math.floor((WIDTH - image.width) / 2));
  const top = Math.max(0, Math.floor((HEIGHT - image.height) / 2));
  for (let y = 0; y < Math.min(image.height, HEIGHT); y++) {
    for (let x = 0; x < Math.min(image.width, WIDTH); x++) {
      const at = (y * image.width + x) * 4;
      const [r, g, b] = [image.data[at]!, image.data[at + 1]!, image.data[at + 2]!];
      luma[(top + y) * WIDTH + left + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  // Grey: both colour planes at their middle value.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'nguon-camera-')), 'camera.y4m');
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${FRAMES}:1 Ip A1:1 C420jpeg\n`), ...Array<Buffer>(FRAMES).fill(frame)]),
  );
  return file;
}

/** Chromium's switches for a camera that shows this video, allowed without asking. */
export function fakeCameraArgs(video: string): string[] {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
}
