import { inflateRawSync } from 'node:zlib';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { overLimit, unreadable } from './sheet-refusal.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const DESCRIPTOR_SIGNATURE = Buffer.from([0x50, 0x4b, 0x07, 0x08]);

interface ZipEntry {
  offset: number;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  nameLength: number;
  /** Where the entry's compressed bytes start, after its local header. */
  dataStart: number;
}

const notAnXlsx = () => unreadable(RULE_MESSAGES.imports.xlsxUnreadable);

/**
 * Refuses a zip (an XLSX) that would unpack to more than `maxBytes`, before the spreadsheet reader
 * inflates anything: first by the sizes its directory declares (a zip bomb usually says so, and is
 * refused without inflating a byte), then by inflating each entry with the budget left, stopping
 * as soon as the real output passes it (the declared sizes can lie). The entries must also lie
 * end to end exactly as the directory says, as the streaming reader walks them: so no entry is
 * hidden from this count.
 */
export function assertZipWithinLimit(zip: Buffer, maxBytes: number): void {
  const entries = directoryEntries(zip);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxBytes) throw overLimit('uncompressedBytes', maxBytes);
  let budget = maxBytes;
  for (const entry of entries) {
    const compressed = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const inflated = entry.method === 0 ? compressed.length : inflatedSize(compressed, budget);
    budget -= inflated;
    if (budget < 0) throw overLimit('uncompressedBytes', maxBytes);
  }
}

/** Inflates into nothing kept; throws past `budget` bytes without going further. */
function inflatedSize(compressed: Buffer, budget: number): number {
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(budget, 1) }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    throw notAnXlsx();
  }
}

/** The central directory's entries, checked against the local headers they point at. */
function directoryEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length || zip.readUInt32LE(end) !== END_OF_DIRECTORY) throw notAnXlsx();
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 (markers of all ones) is for files of gigabytes: never an upload of a few megabytes.
  if (count === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize !== end) throw notAnXlsx();
  const entries: ZipEntry[] = [];
  for (let at = directoryOffset, n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notAnXlsx();
    const flags = zip.readUInt16LE(at + 8);
    if (flags & 1) throw notAnXlsx(); // encrypted
    entries.push({
      flags,
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      nameLength: zip.readUInt16LE(at + 28),
      offset: zip.readUInt32LE(at + 42),
      dataStart: 0,
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  entries.sort((a, b) => a.offset - b.offset);
  let next = 0;
  for (const entry of entries) {
    if (entry.offset !== next || entry.offset + 30 > directoryOffset || zip.readUInt32LE(entry.offset) !== LOCAL_HEADER) throw notAnXlsx();
    if ((entry.method !== 0 && entry.method !== 8) || zip.readUInt16LE(entry.offset + 26) !== entry.nameLength) throw notAnXlsx();
    const dataStart = (entry.dataStart = entry.offset + 30 + entry.nameLength + zip.readUInt16LE(entry.offset + 28));
    const dataEnd = dataStart + entry.compressedSize;
    const localFlags = zip.readUInt16LE(entry.offset + 6);
    const localSize = zip.readUInt32LE(entry.offset + 18);
    if (localFlags & 8 && localSize === 0) {
      // Size in a descriptor after the data: the reader takes the first descriptor signature as the end.
      if (dataEnd + 16 > directoryOffset || zip.indexOf(DESCRIPTOR_SIGNATURE, dataStart) !== dataEnd) throw notAnXlsx();
      next = dataEnd + 16;
    } else {
      if (localSize !== entry.compressedSize) throw notAnXlsx();
      next = dataEnd;
    }
  }
  if (next !== directoryOffset) throw notAnXlsx();
  return entries;
}
