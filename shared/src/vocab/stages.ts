import type { LocalizedText } from '../i18n/locale.js';
import type { CbvBizStep, CbvDisposition, EpcisAction, EpcisEventType } from './cbv.js';
import { PORTAL_BIZ_STEPS, type PortalBizStep } from './portal-biz-steps.js';

/**
 * The stages a business records, as the UI names them. Each maps to exactly one EPCIS
 * (event type, bizStep) pair, so an event read back from the store names its stage again.
 */
export const STAGES = {
  registration: {
    eventType: 'ObjectEvent',
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    label: { vi: 'Tạo lô hàng', en: 'Batch created' },
  },
  planting: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: PORTAL_BIZ_STEPS.planting,
    disposition: 'in_progress',
    label: { vi: 'Gieo trồng', en: 'Planting' },
  },
  growing: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: PORTAL_BIZ_STEPS.growing,
    disposition: 'in_progress',
    label: { vi: 'Chăm sóc', en: 'Growing' },
  },
  harvesting: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: PORTAL_BIZ_STEPS.harvesting,
    disposition: 'in_progress',
    label: { vi: 'Thu hoạch', en: 'Harvesting' },
  },
  preprocessing: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: PORTAL_BIZ_STEPS.preprocessing,
    disposition: 'in_progress',
    label: { vi: 'Sơ chế', en: 'Preprocessing' },
  },
  processing: {
    eventType: 'TransformationEvent',
    action: null,
    bizStep: PORTAL_BIZ_STEPS.processing,
    disposition: 'active',
    label: { vi: 'Chế biến', en: 'Processing' },
  },
  packing: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'packing',
    disposition: 'in_progress',
    label: { vi: 'Đóng gói', en: 'Packing' },
  },
  inspecting: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'inspecting',
    disposition: 'conformant',
    label: { vi: 'Kiểm nghiệm', en: 'Inspection' },
  },
  storing: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'storing',
    disposition: 'sellable_not_accessible',
    label: { vi: 'Lưu kho', en: 'Storage' },
  },
  shipping: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    label: { vi: 'Vận chuyển', en: 'Shipping' },
  },
  receiving: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'receiving',
    disposition: 'in_progress',
    label: { vi: 'Nhận hàng', en: 'Receiving' },
  },
  retail: {
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: 'retail_selling',
    disposition: 'sellable_accessible',
    label: { vi: 'Bán lẻ', en: 'Retail' },
  },
} as const satisfies Record<
  string,
  {
    eventType: EpcisEventType;
    action: EpcisAction | null;
    bizStep: CbvBizStep | PortalBizStep;
    disposition: CbvDisposition;
    label: LocalizedText;
  }
>;

export type Stage = keyof typeof STAGES;
export const STAGE_NAMES = Object.keys(STAGES) as Stage[];
/** Stages recorded on one batch through the stage form (processing has its own form). */
export const SINGLE_BATCH_STAGES = STAGE_NAMES.filter((s) => s !== 'registration' && s !== 'processing');

/** The stage an EPCIS event belongs to, or null when it came from elsewhere with another bizStep. */
export function stageOf(eventType: string, bizStep: string | null): Stage | null {
  for (const name of STAGE_NAMES) {
    const stage = STAGES[name];
    if (stage.eventType === eventType && stage.bizStep === bizStep) return name;
  }
  return null;
}
