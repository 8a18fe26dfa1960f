import { stageOf, type LocalizedText } from '@nguon/shared';
import type { LotHistory } from './lot-history.js';

interface CriticalTrackingEventInfo {
  name: LocalizedText;
  /** The section of 21 CFR part 1 subpart S listing its key data elements. */
  cfr: string | null;
  /** What the portal records it as: the stage, and when it counts as this CTE. */
  recordedAs: LocalizedText;
}

/**
 * FSMA 204's critical tracking events (21 CFR 1.1325-1.1350), named as the FDA names them. The one
 * table of them: the export's rows (through `cteOf`) and its glossary both read it.
 */
export const CRITICAL_TRACKING_EVENTS = {
  harvesting: {
    name: { en: 'Harvesting', vi: 'Thu hoạch' },
    cfr: '21 CFR 1.1325(a)',
    recordedAs: { en: 'Harvesting', vi: 'Thu hoạch' },
  },
  cooling: {
    name: { en: 'Cooling', vi: 'Làm lạnh (trước khi đóng gói lần đầu)' },
    cfr: '21 CFR 1.1325(b)',
    recordedAs: {
      en: 'Preprocessing (washing, sorting, chilling) before the lot is first packed',
      vi: 'Sơ chế (rửa, phân loại, làm lạnh) trước khi lô được đóng gói lần đầu',
    },
  },
  initial_packing: {
    name: { en: 'Initial packing', vi: 'Đóng gói lần đầu' },
    cfr: '21 CFR 1.1330',
    recordedAs: {
      en: "Packing: the lot's first, unless the lot was made by processing",
      vi: 'Đóng gói: lần đầu của lô, trừ lô làm ra từ chế biến',
    },
  },
  first_land_based_receiving: {
    name: { en: 'First land-based receiving', vi: 'Tiếp nhận đầu tiên trên bờ (thủy sản đánh bắt)' },
    cfr: '21 CFR 1.1335',
    recordedAs: {
      en: 'Receiving with no shipment of the lot before it on the portal and no sender on the portal: where the lot first reaches land (from a fishing vessel) or the records',
      vi: 'Nhận hàng khi trước đó lô chưa được gửi đi trên cổng và bên giao không có trên cổng: nơi lô lần đầu lên bờ (từ tàu cá) hoặc vào hồ sơ',
    },
  },
  shipping: {
    name: { en: 'Shipping', vi: 'Vận chuyển (giao đi)' },
    cfr: '21 CFR 1.1340',
    recordedAs: { en: 'Shipping', vi: 'Vận chuyển' },
  },
  receiving: {
    name: { en: 'Receiving', vi: 'Nhận hàng' },
    cfr: '21 CFR 1.1345',
    recordedAs: { en: 'Receiving', vi: 'Nhận hàng' },
  },
  transformation: {
    name: { en: 'Transformation', vi: 'Chế biến (biến đổi)' },
    cfr: '21 CFR 1.1350',
    recordedAs: {
      en: 'Processing, and any EPCIS TransformationEvent',
      vi: 'Chế biến, và mọi TransformationEvent EPCIS',
    },
  },
  other: {
    name: { en: 'Other (not an FSMA CTE)', vi: 'Khác (không phải CTE của FSMA)' },
    cfr: null,
    recordedAs: {
      en: 'Every other stage (planting, growing, inspection, storage, retail...), and packing or preprocessing after the first packing',
      vi: 'Mọi công đoạn khác (gieo trồng, chăm sóc, kiểm nghiệm, lưu kho, bán lẻ...), và đóng gói hay sơ chế sau lần đóng gói đầu',
    },
  },
} as const satisfies Record<string, CriticalTrackingEventInfo>;

export type CriticalTrackingEvent = keyof typeof CRITICAL_TRACKING_EVENTS;

/**
 * The CTE an event is for one of its lots. Packing is initial packing only the first time the lot
 * is packed, and preprocessing is cooling only before that (21 CFR 1.1325(b): cooling before
 * initial packing); neither for a lot made by processing, whose lot code the transformation assigned.
 * A receipt is the first land-based receiving when nothing on the portal sent the lot: no shipment
 * of it before, no sender on the portal (`fromPortal`): the lot's first record of arriving.
 */
export function cteOf(
  event: { id: string; eventType: string; bizStep: string | null; eventTime: Date; fromPortal?: boolean },
  lot: LotHistory | null,
): CriticalTrackingEvent {
  if (event.eventType === 'TransformationEvent') return 'transformation';
  const stage = stageOf(event.eventType, event.bizStep);
  const beforeFirstPacking = !lot || (!lot.madeBy && !lot.packedBefore(event));
  switch (stage) {
    case 'harvesting':
      return 'harvesting';
    case 'preprocessing':
      return beforeFirstPacking ? 'cooling' : 'other';
    case 'packing':
      return beforeFirstPacking ? 'initial_packing' : 'other';
    case 'shipping':
      return 'shipping';
    case 'receiving':
      return lot && !event.fromPortal && !lot.madeBy && !lot.lastBefore('shipping', event) ? 'first_land_based_receiving' : 'receiving';
    default:
      return 'other';
  }
}
