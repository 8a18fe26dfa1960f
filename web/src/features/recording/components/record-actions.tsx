import type { BatchView } from '@nguon/shared';

/** Placeholder: the stage forms this batch can record next. */
export function RecordActions(_: { batch: BatchView }) {
  return null;
}
