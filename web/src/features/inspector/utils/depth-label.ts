import type { Translate, TranslatePlural } from '@/lib/i18n';

/** Where a batch stands from the one traced: "2 steps back", "this batch", "1 step forward". */
export function depthLabel(t: Translate, tp: TranslatePlural, depth: number): string {
  if (depth === 0) return t('inspector.depth.start');
  return tp(depth < 0 ? 'inspector.depth.back' : 'inspector.depth.forward', Math.abs(depth));
}
