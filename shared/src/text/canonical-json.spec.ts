import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level, whatever order they were written in', () => {
    const written = { type: 'ObjectEvent', eventID: 'urn:uuid:1', quantityList: [{ uom: 'KGM', quantity: 10, epcClass: 'x' }] };
    const sorted = { eventID: 'urn:uuid:1', quantityList: [{ epcClass: 'x', quantity: 10, uom: 'KGM' }], type: 'ObjectEvent' };
    const text = '{"eventID":"urn:uuid:1","quantityList":[{"epcClass":"x","quantity":10,"uom":"KGM"}],"type":"ObjectEvent"}';
    expect(canonicalJson(written)).toBe(text);
    expect(canonicalJson(sorted)).toBe(text);
  });

  it('orders keys by UTF-16 code units, digits as text and capitals before small letters', () => {
    expect(canonicalJson({ b: 1, a: 2, '10': 3, '9': 4, Z: 5, đ: 6, é: 7 })).toBe('{"10":3,"9":4,"Z":5,"a":2,"b":1,"é":7,"đ":6}');
  });

  it('escapes keys and strings as JSON does, the same on every call', () => {
    const value = { 'quote"d': 'line\nbreak', 'quote"d2': '\u2028' };
    expect(canonicalJson(value)).toBe('{"quote\\"d":"line\\nbreak","quote\\"d2":"\u2028"}');
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });

  it('leaves out undefined fields, writes null for undefined items, and dates as ISO text', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, null], at: new Date(Date.UTC(2026, 11, 7)) })).toBe(
      '{"at":"2026-12-07T00:00:00.000Z","b":[null,null]}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('keeps a "__proto__" key that a parsed document carries as an ordinary field', () => {
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}'))).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });
});
