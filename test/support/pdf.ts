import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A rectangle on the page, in millimetres from the top left corner. */
export interface PageArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DPI = 300;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

export interface PdfFile {
  pages: number;
  /** Width × height in points, as pdfinfo reports it. */
  pageSize: string;
  /** The text of a page (1-based) as pdftotext extracts it, words apart by single spaces wherever lines break. */
  text(page: number): string;
  /**
   * The QR codes on a page (1-based) rendered at 300 dpi, as zbarimg reads them: of the whole page,
   * or of each area on its own (zbarimg mixes up the finder patterns of many small codes in a grid).
   */
  qrCodes(page: number, areas?: PageArea[]): string[];
  close(): void;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Opens a PDF with poppler's tools and zbarimg, as a printer's user would see it. */
export function openPdf(bytes: Buffer): PdfFile {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nguon-pdf-'));
  const file = path.join(dir, 'sheet.pdf');
  writeFileSync(file, bytes);
  const info = run('pdfinfo', [file]);
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    pageSize: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '',
    text: (page) => run('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).replace(/\s+/g, ' '),
    qrCodes: (page, areas) => {
      const image = path.join(dir, `page-${page}`);
      run('pdftoppm', ['-r', String(DPI), '-gray', '-singlefile', '-f', String(page), '-l', String(page), file, image]);
      const images = areas ? cropAreas(`${image}.pgm`, areas) : [`${image}.pgm`];
      let output: string;
      try {
        output = run('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', ...images]);
      } catch (error) {
        // zbarimg exits with 4 when an image holds no code, still listing those it read.
        const { status, stdout } = error as { status?: number; stdout?: string };
        if (status !== 4) throw error;
        output = stdout ?? '';
      }
      return output.split('\n').filter(Boolean);
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Cuts areas out of a greyscale page image (binary PGM: a short text header, then a byte a pixel). */
function cropAreas(pageImage: string, areas: PageArea[]): string[] {
  const bytes = readFileSync(pageImage);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`${pageImage} is not a binary PGM image`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length);
  return areas.map((area, n) => {
    const [x, y] = [px(area.x), px(area.y)];
    const [w, h] = [Math.min(px(area.width), width - x), Math.min(px(area.height), height - y)];
    const rows = Array.from({ length: h }, (_, row) => pixels.subarray((y + row) * width + x, (y + row) * width + x + w));
    const file = `${pageImage}-area-${n}.pgm`;
    writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${w} ${h}\n255\n`), ...rows]));
    return file;
  });
}
