import { describe, expect, it } from '@jest/globals';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { SheetRefused } from './sheet-refusal.js';
import { assertZipWithinLimit } from './zip-guard.js';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  for (let n = 0; n < 200; n++) sheet.addRow([`LOT-${n}`, 'x'.repeat(50)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Each central directory entry's declared uncompressed size, set to `size`. */
function declaring(zip: Buffer, size: number): Buffer {
  const copy = Buffer.from(zip);
  for (
    let at = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    at >= 0;
    at = copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
  )
    copy.writeUInt32LE(size, at + 24);
  return copy;
}

/** A one-entry zip whose local header leaves the sizes to a signed data descriptor. */
function withDescriptor(text: string): Buffer {
  const name = Buffer.from('a.xml');
  const raw = Buffer.from(text);
  const data = zlib.deflateRawSync(raw);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(name.length, 26);
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(zlib.crc32(raw), 4);
  descriptor.writeUInt32LE(data.length, 8);
  descriptor.writeUInt32LE(raw.length, 12);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(8, 8);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(zlib.crc32(raw), 16);
  entry.writeUInt32LE(data.length, 20);
  entry.writeUInt32LE(raw.length, 24);
  entry.writeUInt16LE(name.length, 28);
  const directoryOffset = 30 + name.length + data.length + 16;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, name, data, descriptor, entry, name, end]);
}

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SheetRefused) return error.refusal;
    throw error;
  }
  return null;
};

describe('assertZipWithinLimit', () => {
  it('lets through an XLSX that ExcelJS wrote within the limit', async () => {
    const zip = await workbook();
    expect(refusal(() => assertZipWithinLimit(zip, 1024 * 1024))).toBeNull();
  });

  it('follows entries whose sizes come in a data descriptor after their data (as streaming writers make them)', () => {
    const zip = withDescriptor('x'.repeat(10_000));
    expect(refusal(() => assertZipWithinLimit(zip, 20_000))).toBeNull();
    expect(refusal(() => assertZipWithinLimit(zip, 5_000))).toEqual({ kind: 'limit', limit: 'uncompressedBytes', max: 5_000 });
  });

  it('refuses by the declared sizes, and by the real ones when the declared sizes lie', async () => {
    const zip = await workbook();
    expect(refusal(() => assertZipWithinLimit(declaring(zip, 10 * 1024 * 1024), 1024 * 1024))).toEqual({
      kind: 'limit',
      limit: 'uncompressedBytes',
      max: 1024 * 1024,
    });
    expect(refusal(() => assertZipWithinLimit(declaring(zip, 1), 4096))).toEqual({ kind: 'limit', limit: 'uncompressedBytes', max: 4096 });
  });

  it('refuses bytes the directory does not account for, and what is not a zip', async () => {
    const zip = await workbook();
    expect(refusal(() => assertZipWithinLimit(Buffer.concat([Buffer.from('PK\x03\x04hidden'), zip]), 1024 * 1024))).toMatchObject({
      kind: 'unreadable',
    });
    expect(refusal(() => assertZipWithinLimit(Buffer.from('not a zip at all'), 1024 * 1024))).toMatchObject({ kind: 'unreadable' });
    expect(refusal(() => assertZipWithinLimit(zip.subarray(0, zip.length - 30), 1024 * 1024))).toMatchObject({ kind: 'unreadable' });
  });
});
