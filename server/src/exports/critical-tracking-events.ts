import type { LocalizedText, Stage } from '@nguon/shared';

/**
 * FSMA 204's critical tracking events (21 CFR 1.1310-1.1350), named as the FDA names them, and
 * the portal stage each one is recorded as. The one table that maps stages to CTEs: the export's
 * rows and its glossary both read it. Stages that are no CTE (growing, inspecting...) are `other`.
 */
export const CRITICAL_TRACKING_EVENTS = {
  harvesting: { en: 'Harvesting', vi: 'Thu hoạch' },
  cooling: { en: 'Cooling', vi: 'Làm lạnh, sơ chế trước đóng gói' },
  initial_packing: { en: 'Initial packing', vi: 'Đóng gói lần đầu' },
  shipping: { en: 'Shipping', vi: 'Vận chuyển (giao đi)' },
  receiving: { en: 'Receiving', vi: 'Nhận hàng' },
  transformation: { en: 'Transformation', vi: 'Chế biến (biến đổi)' },
  other: { en: 'Other (not an FSMA CTE)', vi: 'Khác (không phải CTE của FSMA)' },
} as const satisfies Record<string, LocalizedText>;

export type CriticalTrackingEvent = keyof typeof CRITICAL_TRACKING_EVENTS;

export const CTE_OF_STAGE: Record<Stage, CriticalTrackingEvent> = {
  registration: 'other',
  planting: 'other',
  growing: 'other',
  harvesting: 'harvesting',
  // Sơ chế (washing, sorting, chilling before packing) is where cooling is recorded.
  preprocessing: 'cooling',
  processing: 'transformation',
  packing: 'initial_packing',
  inspecting: 'other',
  storing: 'other',
  shipping: 'shipping',
  receiving: 'receiving',
  retail: 'other',
};
