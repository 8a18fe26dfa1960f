import { describe, expect, it } from '@jest/globals';
import { sniffContentType } from './content-sniffing.js';

describe('sniffContentType', () => {
  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00], 'image/jpeg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00], 'image/png'],
    ['WebP', [...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')], 'image/webp'],
    ['PDF', [...Buffer.from('%PDF-1.7\n')], 'application/pdf'],
  ])('knows a %s by its first bytes', (_name, bytes, type) => {
    expect(sniffContentType(Buffer.from(bytes))).toBe(type);
  });

  it.each([
    ['text', Buffer.from('hello')],
    ['a RIFF that is not WebP (a WAV sound)', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffContentType(bytes)).toBeNull();
  });
});
