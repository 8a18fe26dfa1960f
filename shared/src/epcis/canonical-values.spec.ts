import { describe, expect, it } from '@jest/globals';
import { canonicalNumber, canonicalTimestamp, canonicalValue, compareCodePoints, formatNumber } from './canonical-values.js';

describe('canonicalTimestamp', () => {
  it.each([
    ['2005-04-03T20:33:31.116000-06:00', '2005-04-04T02:33:31.116Z'],
    ['2022-02-16T12:50:00.000+01:00', '2022-02-16T11:50:00.000Z'],
    ['2020-04-01T15:00:00+01:00', '2020-04-01T14:00:00.000Z'],
    ['2019-10-21T14:45:00Z', '2019-10-21T14:45:00.000Z'],
    ['2023-02-02T11:04:03.1415Z', '2023-02-02T11:04:03.142Z'],
    ['2023-02-02T11:04:03.1414Z', '2023-02-02T11:04:03.141Z'],
    ['2023-02-12T11:04:03.1007Z', '2023-02-12T11:04:03.101Z'],
    ['2023-12-31T23:59:59.9995Z', '2024-01-01T00:00:00.000Z'],
    ['2023-01-11T12:00:00.5+0530', '2023-01-11T06:30:00.500Z'],
    ['2024-02-29T00:00:00-01', '2024-02-29T01:00:00.000Z'],
    ['2023-01-11T12:00:00', '2023-01-11T12:00:00.000Z'],
  ])('%s → %s', (value, expected) => {
    expect(canonicalTimestamp(value)).toBe(expected);
  });

  it.each(['2023-02-29T00:00:00Z', '2023-01-11T24:00:00Z', '2023-01-11', 'yesterday', '2023-01-11T12:00:00+25:00'])(
    'leaves %p unchanged',
    (value) => {
      expect(canonicalTimestamp(value)).toBe(value);
    },
  );
});

describe('canonicalNumber / formatNumber', () => {
  it.each([
    ['452.0', '452'],
    ['+0.50', '0.5'],
    ['26', '26'],
    ['0.1', '0.1'],
    ['1e3', '1000'],
    ['1_000', '1000'],
    ['-0', '0'],
    ['.5', '0.5'],
    ['0.00001', '1e-05'],
    ['0.000123', '0.000123'],
    ['007', '7'],
    ['12345678901234567890', '12345678901234567168'],
  ])('%s → %s', (text, expected) => {
    expect(canonicalNumber(text)).toBe(expected);
  });

  it.each(['+01:00', '2019-10-21', 'P2', '1__0', '0x10', 'inf', 'nan', '1e', ''])('leaves %p unchanged', (text) => {
    expect(canonicalNumber(text)).toBe(text);
  });

  it('writes JSON numbers the way the reference does', () => {
    expect(formatNumber(452)).toBe('452');
    expect(formatNumber(42.698334)).toBe('42.698334');
    expect(formatNumber(1.5e-7)).toBe('1.5e-07');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
  });
});

describe('canonicalValue', () => {
  it('converts CBV URNs, numbers and GS1 identifiers, and keeps other text', () => {
    expect(canonicalValue('urn:epcglobal:cbv:bizstep:receiving')).toBe('https://ref.gs1.org/cbv/BizStep-receiving');
    expect(canonicalValue('urn:epcglobal:cbv:disp:in_transit')).toBe('https://ref.gs1.org/cbv/Disp-in_transit');
    expect(canonicalValue('urn:epcglobal:cbv:bt:0614141073467:1152')).toBe('urn:epcglobal:cbv:bt:0614141073467:1152');
    expect(canonicalValue('urn:epc:id:sgtin:0614141.107346.2017')).toBe('https://id.gs1.org/01/10614141073464/21/2017');
    expect(canonicalValue('12.50')).toBe('12.5');
    expect(canonicalValue('Example of a vendor/user extension')).toBe('Example of a vendor/user extension');
  });
});

describe('compareCodePoints', () => {
  it('orders by Unicode code point (UTF-8 byte order), not UTF-16 code unit', () => {
    expect(['\u{1F600}', '\uFFFD', 'b', 'a', 'B'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', '\uFFFD', '\u{1F600}']);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });
});
