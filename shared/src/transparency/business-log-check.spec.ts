import { describe, expect, it } from '@jest/globals';
import type { LogEntry } from '../api/transparency.js';
import { differenceFromBusinessLog } from './business-log-check.js';

const business = 'b';
const entry = (kind: LogEntry['kind'], id: string, hash?: string): LogEntry => ({ kind, id, batches: [], businesses: [business], hash });

describe('differenceFromBusinessLog', () => {
  const logged = [
    entry('business_status', business, 'pending'),
    entry('certificate', 'c1', 'first'),
    entry('business_status', business, 'verified'),
    entry('certificate', 'c2', 'two'),
    entry('certificate', 'c1', 'changed'),
    entry('certificate', 'c3', 'three'),
    entry('certificate_removal', 'c3'),
  ];
  const now = {
    status: { id: business, hash: 'verified' },
    certificates: [
      { id: 'c1', hash: 'changed' },
      { id: 'c2', hash: 'two' },
    ],
  };

  it('finds nothing when the status is the last decision and the certificates those logged and not removed, as last logged', () => {
    expect(differenceFromBusinessLog(now.status, now.certificates, logged)).toBeNull();
  });

  it('holds the status to the last decision only, and a business without one differs', () => {
    expect(differenceFromBusinessLog({ id: business, hash: 'pending' }, now.certificates, logged)).toEqual({
      problem: 'status_not_as_logged',
    });
    expect(differenceFromBusinessLog(now.status, [], [])).toEqual({ problem: 'status_not_as_logged' });
  });

  it('names a certificate as it was before its last change, one never logged, and one removed yet still there', () => {
    for (const certificate of [
      { id: 'c1', hash: 'first' },
      { id: 'c4', hash: 'slipped in' },
      { id: 'c3', hash: 'three' },
    ])
      expect(differenceFromBusinessLog(now.status, [now.certificates[1]!, certificate], logged)).toEqual({
        problem: 'certificate_not_as_logged',
        certificateId: certificate.id,
      });
  });

  it('names a logged certificate gone without its removal logged', () => {
    expect(differenceFromBusinessLog(now.status, [now.certificates[0]!], logged)).toEqual({
      problem: 'certificate_missing',
      certificateId: 'c2',
    });
  });
});
