import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { mapCertificate } from './business.mapper.js';
import { CertificateEntity } from './certificate.entity.js';

const vietgapUntil = (validTo: string) =>
  Object.assign(new CertificateEntity(), {
    id: '6f1c1f0e-8d7a-4a53-9d1e-0c3b0a7c2f11',
    kind: 'vietgap',
    name: 'VietGAP',
    number: 'VG-2025-118',
    issuer: 'Trung tâm Chứng nhận phù hợp',
    validFrom: '2025-12-08',
    validTo,
    stars: null,
    productId: null,
    document: null,
  });

/** Dates from this instant on; timers keep running. */
const clockAt = (iso: string) =>
  jest.useFakeTimers({ now: new Date(iso), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval'] });

describe('mapCertificate', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it("ends a certificate with its last day in Vietnam, though UTC's day is still that one", () => {
    // 00:30 on 8 December in Vietnam; 17:30 on the 7th in UTC.
    clockAt('2026-12-07T17:30:00Z');
    expect(mapCertificate(vietgapUntil('2026-12-07'))).toMatchObject({ validity: 'expired', valid: false });
    expect(mapCertificate(vietgapUntil('2026-12-08'))).toMatchObject({ validity: 'expiring', valid: true });
  });

  it('keeps it valid to the end of that day there', () => {
    // 23:59 on 7 December in Vietnam.
    clockAt('2026-12-07T16:59:00Z');
    expect(mapCertificate(vietgapUntil('2026-12-07'))).toMatchObject({ validity: 'expiring', valid: true });
  });
});
