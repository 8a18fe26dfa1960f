import type { Translate } from '@/lib/i18n';

/** Where a batch stands from the one traced: "2 steps back", "this batch", "1 step forward". */
export function depthLabel(t: Translate, depth: number): string {
  if (depth === 0) return t('inspector.depth.start');
  if (depth === 1) return t('inspector.depth.forwardOne');
  if (depth === -1) return t('inspector.depth.backOne');
  return t(depth < 0 ? 'inspector.depth.back' : 'inspector.depth.forward', { steps: Math.abs(depth) });
}
