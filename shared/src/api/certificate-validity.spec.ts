import { describe, expect, it } from '@jest/globals';
import { certificateValidity } from './business.js';

describe('certificateValidity', () => {
  const today = '2026-11-27';

  it('calls a certificate without an end valid', () => {
    expect(certificateValidity(null, today)).toBe('valid');
  });

  it('calls one ending within 30 days (today included) expiring, and after that valid', () => {
    expect(certificateValidity('2026-11-27', today)).toBe('expiring');
    expect(certificateValidity('2026-12-27', today)).toBe('expiring');
    expect(certificateValidity('2026-12-28', today)).toBe('valid');
  });

  it('calls one whose last day has passed expired', () => {
    expect(certificateValidity('2026-11-26', today)).toBe('expired');
  });

  it('counts across a month and a leap day', () => {
    expect(certificateValidity('2028-03-30', '2028-02-29')).toBe('expiring');
    expect(certificateValidity('2028-03-31', '2028-02-29')).toBe('valid');
  });
});
