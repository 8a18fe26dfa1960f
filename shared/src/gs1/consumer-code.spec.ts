import { describe, expect, it } from '@jest/globals';
import { readConsumerCode } from './consumer-code.js';

const read = (code: string, gtin = '', lot = '') => readConsumerCode({ code, gtin, lot });
const resolver = (path: string, lot?: string) => ({ ok: true, kind: 'resolver', path, ...(lot ? { lot } : {}) });

describe('readConsumerCode', () => {
  it("reads a Digital Link on any host, ours or another brand's resolver, into our resolver path", () => {
    expect(read('https://id.gs1.org/01/09506000134352/10/ABC123')).toEqual(resolver('/01/09506000134352/10/ABC123'));
    expect(read('https://brand.example.com/products/01/9506000134352/10/ABC%2F1?17=261231')).toEqual(
      resolver('/01/09506000134352/10/ABC%2F1'),
    );
    expect(read('brand.example.com/01/09506000134352')).toEqual(resolver('/01/09506000134352'));
  });

  it('reads a compressed Digital Link, on any host or path prefix, into our resolver path', () => {
    // Vectors from public implementations; see compressed-digital-link.spec.ts for the sources.
    expect(read('https://id.gs1.org/AQnYUc1gmiCNV4JG')).toEqual(resolver('/01/05412345000013/10/ABC123'));
    expect(read('https://id.gs1.org/GgnYUc1gmo1XgkYXDU-iunRuGw')).toEqual(resolver('/01/05412345000013/10/ABC123/21/72292641703'));
    expect(read('https://example.com/some/other/path/info/DBHKVAdpQgowOQ')).toEqual(resolver('/01/09780345418913/21/12345'));
    expect(read('http://example.org/AQnYUc1gmiERBhQ0ytiyZuAGOLc1TXhXsaXbQKHFuaprwUmrBX6g')).toEqual(
      resolver('/01/05412345000013/10/ABC%26%2B123'),
    );
    expect(read('id.gs1.org/01/05412345000013/EEarwSMXRuGw')).toEqual(resolver('/01/05412345000013/10/ABC123'));
    expect(read('/ARFKk4XB0CDKWcnpq')).toEqual(resolver('/01/09506000134376/10/LOT01'));
  });

  it('refuses a compressed link to another key (SSCC, GLN) or with a wrong check digit', () => {
    expect(read('https://id.gs1.org/AN2yxDhfaiaw')).toEqual({ ok: false, error: 'INVALID_IDENTIFIER' });
    expect(read('https://id.gs1.org/QUSaVjC_dA')).toEqual({ ok: false, error: 'INVALID_IDENTIFIER' });
    expect(read('https://id.gs1.org/AQnYUc1gnA')).toEqual({ ok: false, error: 'INVALID_CHECK_DIGIT' });
  });

  it('keeps a web address whose last segment is no compressed link a web address', () => {
    // "ABOUT" starts with the bits of AI 00 but is far too short for an SSCC.
    expect(read('https://shop.example.com/ABOUT')).toEqual({ ok: true, kind: 'web-address', url: 'https://shop.example.com/ABOUT' });
    // A compressed link with an AI the portal does not read (01 + 235) is shown, not guessed at.
    const unsupported = 'https://id.gs1.org/AQnYUc1gmkax7ipGrOHDPC5YNI8hMz';
    expect(read(unsupported)).toEqual({ ok: true, kind: 'web-address', url: unsupported });
  });

  it('reads element strings, an EPC URN and a plain GTIN (an EAN-13 barcode: the product)', () => {
    expect(read('(01)09506000134352(17)261231(10)LOT-1')).toEqual(resolver('/01/09506000134352/10/LOT-1'));
    expect(read('010950600013435210LOT-1\u001d21SER')).toEqual(resolver('/01/09506000134352/10/LOT-1/21/SER'));
    expect(read(']d201095060001343521726123110LOT-1')).toEqual(resolver('/01/09506000134352/10/LOT-1'));
    expect(read('urn:epc:class:lgtin:9506000.013435.LOT-1')).toEqual(resolver('/01/09506000134352/10/LOT-1'));
    expect(read('9506000134352')).toEqual(resolver('/01/09506000134352'));
    expect(read('', '9506000134352', 'LOT-1')).toEqual(resolver('/01/09506000134352/10/LOT-1'));
  });

  it('refuses a GTIN with a wrong check digit, in a link or typed', () => {
    expect(read('https://id.gs1.org/01/09506000134353/10/A')).toEqual({ ok: false, error: 'INVALID_CHECK_DIGIT' });
    expect(read('9506000134353')).toEqual({ ok: false, error: 'INVALID_CHECK_DIGIT' });
  });

  it('asks for a short code first and, if there is none, for the lot code typed alone', () => {
    expect(read('k7m2qx9pta')).toEqual(resolver('/q/K7M2QX9PTA', 'k7m2qx9pta'));
    expect(read('https://nguon.example.vn/q/K7M2QX9PTA')).toEqual(resolver('/q/K7M2QX9PTA'));
    // Lot codes a short code cannot be: with separators, or only digits.
    expect(read('PT-2026-001')).toEqual({ ok: true, kind: 'lot', lot: 'PT-2026-001' });
    expect(read('240915')).toEqual({ ok: true, kind: 'lot', lot: '240915' });
  });

  it('names a web address that is no traceability code as one, without taking a broken Digital Link for it', () => {
    expect(read('https://shop.example.com/promo?id=7')).toEqual({
      ok: true,
      kind: 'web-address',
      url: 'https://shop.example.com/promo?id=7',
    });
    expect(read('http://zalo.me/0912345678')).toEqual({ ok: true, kind: 'web-address', url: 'http://zalo.me/0912345678' });
    expect(read('https://id.gs1.org/01/12345/10/A')).toEqual({ ok: false, error: 'INVALID_IDENTIFIER' });
  });

  it('refuses what is none of these, and says when nothing was typed', () => {
    expect(read('   ')).toEqual({ ok: false, error: 'EMPTY' });
    expect(read('lô hàng số 1')).toEqual({ ok: false, error: 'INVALID_IDENTIFIER' });
    expect(read('urn:epc:id:sscc:0614141.1234567890')).toEqual({ ok: false, error: 'INVALID_IDENTIFIER' });
    // Never opened: at most looked up as a lot code, which no batch has.
    expect(read('javascript:alert(1)')).toEqual({ ok: true, kind: 'lot', lot: 'javascript:alert(1)' });
  });
});
