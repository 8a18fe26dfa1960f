/**
 * CBV has no business step for the farm and factory stages Vietnamese producers record, so the
 * portal defines these few as URIs of its own (CBV allows extension values as URIs). They are
 * permanent identifiers: never rename one, only add.
 */
export const PORTAL_VOCAB_BASE = 'https://id.nguon.vn/voc/bizstep/';

export const PORTAL_BIZ_STEPS = {
  planting: `${PORTAL_VOCAB_BASE}planting`,
  growing: `${PORTAL_VOCAB_BASE}growing`,
  harvesting: `${PORTAL_VOCAB_BASE}harvesting`,
  preprocessing: `${PORTAL_VOCAB_BASE}preprocessing`,
  processing: `${PORTAL_VOCAB_BASE}processing`,
} as const;
export type PortalBizStep = (typeof PORTAL_BIZ_STEPS)[keyof typeof PORTAL_BIZ_STEPS];

const CBV_BIZSTEP_URN = 'urn:epcglobal:cbv:bizstep:';
const CBV_BIZSTEP_URL = 'https://ref.gs1.org/cbv/BizStep-';

/** Normalises a bizStep to the form stored and emitted: the bare CBV word, or the extension URI. */
export function normalizeBizStep(bizStep: string): string {
  if (bizStep.startsWith(CBV_BIZSTEP_URN)) return bizStep.slice(CBV_BIZSTEP_URN.length);
  if (bizStep.startsWith(CBV_BIZSTEP_URL)) return bizStep.slice(CBV_BIZSTEP_URL.length);
  return bizStep;
}
