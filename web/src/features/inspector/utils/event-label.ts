import { STAGES, stageOf, type LocalizedText } from '@nguon/shared';

/** An event's stage as the UI names it, or its bizStep word when it is not one of the portal's stages. */
export function eventLabel(eventType: string, bizStep: string | null): LocalizedText | string {
  const stage = stageOf(eventType, bizStep);
  if (stage) return STAGES[stage].label;
  return bizStep ? (bizStep.split('/').pop() ?? bizStep).replaceAll('_', ' ') : eventType;
}
