import { STAGES, normalizeBizStep, type LocalizedText, type Stage } from '@nguon/shared';

/** What to call an event: its stage's name, else its bizStep made readable (`…/departing` → `Departing`). */
export function stageTitle(stage: Stage | null, bizStep: string | null, l: (text: LocalizedText) => string, fallback: string): string {
  if (stage) return l(STAGES[stage].label);
  if (!bizStep) return fallback;
  const word = (normalizeBizStep(bizStep).split(/[/#:]/).pop() ?? bizStep).replace(/[_-]+/g, ' ').trim();
  return word.charAt(0).toUpperCase() + word.slice(1);
}
