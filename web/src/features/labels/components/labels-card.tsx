import type { BatchView } from '@nguon/shared';

/** Placeholder: QR downloads and the label sheet for a batch. */
export function LabelsCard(_: { batch: BatchView }) {
  return null;
}
