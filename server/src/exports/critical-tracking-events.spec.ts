import { describe, expect, it } from '@jest/globals';
import { PORTAL_BIZ_STEPS } from '@nguon/shared';
import { cteOf } from './critical-tracking-events.js';
import { LotHistory } from './lot-history.js';
import type { LotRecordRow } from './lot-history.queries.js';

const farm = { name: 'HTX Cam', phone: '0239 1', address: 'Hà Tĩnh', gln: null };
const grove = { name: 'Vườn cam', address: 'Thôn 2, Hà Tĩnh', gln: null };
const packhouse = { name: 'Nhà đóng gói', address: 'Thôn 3, Hà Tĩnh', gln: '8930000000017' };
const factory = { name: 'Công ty Nước ép', phone: null, address: 'Hà Nội', gln: null };

type Step = LotRecordRow['steps'][number];
const step = (id: string, bizStep: string, day: number, overrides: Partial<Step> = {}): Step => ({
  id,
  eventType: 'ObjectEvent',
  bizStep,
  made: false,
  time: `2026-10-0${day}T01:00:00.000Z`,
  offset: '+07:00',
  quantity: null,
  unit: null,
  site: grove,
  party: farm,
  recipient: null,
  recipientName: null,
  ...overrides,
});

const lot = (steps: Step[]) => new LotHistory({ batch_id: 'b', owner: farm, origin: grove, standards: [], certificates: [], steps });

const event = (id: string, bizStep: string, day: number, eventType = 'ObjectEvent') => ({
  id,
  eventType,
  bizStep,
  eventTime: new Date(`2026-10-0${day}T01:00:00.000Z`),
});

describe('cteOf', () => {
  const history = lot([
    step('h', PORTAL_BIZ_STEPS.harvesting, 1),
    step('c', PORTAL_BIZ_STEPS.preprocessing, 2, { site: packhouse }),
    step('p1', 'packing', 3, { site: packhouse }),
    step('p2', 'packing', 5, { site: packhouse }),
    step('s', 'shipping', 6, { site: packhouse }),
  ]);

  it('maps the stages that are CTEs, and counts only the first packing as initial packing, preprocessing before it as cooling', () => {
    expect(cteOf(event('h', PORTAL_BIZ_STEPS.harvesting, 1), history)).toBe('harvesting');
    expect(cteOf(event('c', PORTAL_BIZ_STEPS.preprocessing, 2), history)).toBe('cooling');
    expect(cteOf(event('p1', 'packing', 3), history)).toBe('initial_packing');
    expect(cteOf(event('x', PORTAL_BIZ_STEPS.preprocessing, 4), history)).toBe('other');
    expect(cteOf(event('p2', 'packing', 5), history)).toBe('other');
    expect(cteOf(event('s', 'shipping', 6), history)).toBe('shipping');
    expect(cteOf(event('r', 'receiving', 7), history)).toBe('receiving');
    expect(cteOf(event('i', 'inspecting', 7), history)).toBe('other');
  });

  it('calls a receipt the first land-based receiving when nothing on the portal sent the lot before it', () => {
    const landed = lot([step('h', PORTAL_BIZ_STEPS.harvesting, 1), step('r', 'receiving', 2)]);
    expect(cteOf(event('r', 'receiving', 2), landed)).toBe('first_land_based_receiving');
    // A sender on the portal, or a shipment of the lot before it: an ordinary receiving.
    expect(cteOf({ ...event('r', 'receiving', 2), fromPortal: true }, landed)).toBe('receiving');
    expect(cteOf(event('r', 'receiving', 7), history)).toBe('receiving');
  });

  it('takes any TransformationEvent as a transformation, and never calls the packing of a lot made by one initial', () => {
    expect(cteOf(event('t', 'commissioning', 1, 'TransformationEvent'), null)).toBe('transformation');
    const made = lot([step('t', PORTAL_BIZ_STEPS.processing, 1, { eventType: 'TransformationEvent', made: true, site: packhouse })]);
    expect(cteOf(event('p', 'packing', 2), made)).toBe('other');
    expect(cteOf(event('c', PORTAL_BIZ_STEPS.preprocessing, 2), made)).toBe('other');
  });
});

describe('LotHistory', () => {
  it('finds where the lot code was assigned: where the lot was made, else first packed, else registered', () => {
    expect(lot([]).lotCodeSource()).toEqual({ site: grove, party: farm });
    expect(lot([step('p', 'packing', 3, { site: packhouse })]).lotCodeSource()).toEqual({ site: packhouse, party: farm });
    const made = step('t', PORTAL_BIZ_STEPS.processing, 1, {
      eventType: 'TransformationEvent',
      made: true,
      site: packhouse,
      party: factory,
    });
    expect(lot([made, step('p', 'packing', 3)]).lotCodeSource()).toEqual({ site: packhouse, party: factory });
  });

  it('names who had the lot next after an event: where it was next handled, or whom it was shipped to', () => {
    const history = lot([
      step('h', PORTAL_BIZ_STEPS.harvesting, 1),
      step('c', PORTAL_BIZ_STEPS.preprocessing, 2, { site: packhouse }),
      step('s', 'shipping', 3, { recipientName: 'Chợ đầu mối' }),
    ]);
    expect(history.nextHolder(event('h', PORTAL_BIZ_STEPS.harvesting, 1))).toEqual({ site: packhouse, party: farm });
    expect(history.nextHolder(event('c', PORTAL_BIZ_STEPS.preprocessing, 2))).toEqual({
      site: null,
      party: { name: 'Chợ đầu mối', phone: null, address: null, gln: null },
    });
    expect(history.nextHolder(event('s', 'shipping', 3))).toBeNull();
  });

  it("lists the producer's certificates valid on a day, in the language", () => {
    const history = new LotHistory({
      batch_id: 'b',
      owner: farm,
      origin: null,
      standards: ['VietGAP'],
      certificates: [
        { name: 'VietGAP', number: 'VG-1', issuer: 'Trung tâm', validFrom: '2026-01-01', validTo: '2026-06-30' },
        { name: 'OCOP 4 sao', number: null, issuer: 'UBND tỉnh', validFrom: null, validTo: null },
      ],
      steps: [],
    });
    expect(history.certificatesAt('2026-03-01', 'en')).toEqual(['VietGAP VG-1 (Trung tâm, until 2026-06-30)', 'OCOP 4 sao (UBND tỉnh)']);
    expect(history.certificatesAt('2026-07-01', 'vi')).toEqual(['OCOP 4 sao (UBND tỉnh)']);
  });
});
