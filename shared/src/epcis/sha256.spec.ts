import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { sha256, sha256Hex, utf8Encode } from './sha256.js';

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 / NIST test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto around the block-padding boundaries and for non-ASCII text', () => {
    for (let length = 0; length <= 200; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(32 + ((i * 7 + length) % 95))).join('');
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    for (const text of ['Nguồn gốc xuất xứ', 'ﬁ€\u{1F600}𝄞', '\u0000\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('hashes bytes as given', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 31) & 0xff);
    expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('utf8Encode', () => {
  it('encodes like Buffer, with U+FFFD for a lone surrogate', () => {
    const text = 'aé€\u{1F600}';
    expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(Array.from(utf8Encode('x\ud800y'))).toEqual([0x78, 0xef, 0xbf, 0xbd, 0x79]);
  });
});
