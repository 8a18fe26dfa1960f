import type { BatchView, EventView } from '@nguon/shared';

/** Placeholder: "this is wrong" on one of the batch's events. */
export function CorrectEventAction(_: { batch: BatchView; event: EventView }) {
  return null;
}
