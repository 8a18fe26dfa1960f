import type { LocalizedText } from '@nguon/shared';
import { eventHashId } from '../events/event-hash-id.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { CaptureProblem, StoredOutcome } from '../events/event-capture.js';
import type { CaptureError, CaptureJobEntity, CaptureWarning } from './capture-job.entity.js';

/** Warnings a job lists; beyond them it says how many more there were (an item-level document may name thousands of unknown items). */
export const CAPTURE_WARNINGS_LISTED = 1_000;

/** Where in the document an event sits. */
const eventPointer = (index: number) => `/epcisBody/eventList/${index}`;

/** A job's result so far, as the job's row keeps it. */
export type CaptureCounts = Pick<CaptureJobEntity, 'capturedCount' | 'errors' | 'warnings' | 'unlistedWarnings'>;

/** What a run found since it last recorded: the counts, and the errors and warnings listed since. */
export interface CaptureRecord {
  capturedCount: number;
  unlistedWarnings: number;
  newErrors: CaptureError[];
  newWarnings: CaptureWarning[];
}

/**
 * What a capture job's run found, event by event: how many it stored, the events refused and the
 * warnings about those stored, as the job lists them; and the batches it wrote to. A run that goes
 * on after an earlier one's steps starts from what they recorded.
 */
export class CaptureTally {
  captured: number;
  readonly errors: CaptureError[];
  readonly warnings: CaptureWarning[];
  private unlisted: number;
  readonly touched = new Set<string>();
  private recorded: { errors: number; warnings: number };

  constructor(earlier?: CaptureCounts) {
    this.captured = earlier?.capturedCount ?? 0;
    this.errors = [...(earlier?.errors ?? [])];
    this.warnings = [...(earlier?.warnings ?? [])];
    this.unlisted = earlier?.unlistedWarnings ?? 0;
    this.recorded = { errors: this.errors.length, warnings: this.warnings.length };
  }

  /** The document refused as a whole (its business no longer verified, its runs cut off). */
  refuseDocument(problem: { code: string; text: LocalizedText }): void {
    this.errors.push({ eventIndex: null, eventId: null, pointer: '', code: problem.code, message: problem.text.en });
  }

  /** An event refused, with the eventID it would have had: the document's, or its canonical hash. */
  refuse(event: Record<string, unknown>, index: number, context: unknown, problem: CaptureProblem): void {
    this.errors.push({
      eventIndex: index,
      eventId: typeof event.eventID === 'string' ? event.eventID : eventHashId(event, context),
      pointer: `${eventPointer(index)}${problem.pointer}`,
      code: problem.code,
      message: problem.text.en,
    });
  }

  /** An event stored, with what of it the portal could not connect. */
  stored(index: number, outcome: StoredOutcome): void {
    this.captured++;
    outcome.batchIds.forEach((batchId) => this.touched.add(batchId));
    for (const note of outcome.notes) {
      if (this.warnings.length >= CAPTURE_WARNINGS_LISTED) {
        this.unlisted++;
        continue;
      }
      const pointer = `${eventPointer(index)}${note.pointer}`;
      this.warnings.push({ eventIndex: index, eventId: outcome.stored.eventId, pointer, code: note.code, message: note.text.en });
    }
  }

  /** What to record for a run that goes on after this one: the lists only grow, so only what they gained. */
  record(): CaptureRecord {
    const since = this.recorded;
    this.recorded = { errors: this.errors.length, warnings: this.warnings.length };
    return {
      capturedCount: this.captured,
      unlistedWarnings: this.unlisted,
      newErrors: this.errors.slice(since.errors),
      newWarnings: this.warnings.slice(since.warnings),
    };
  }

  /** The job's result: its status, and its warnings with one more saying how many were not listed. */
  result(): Pick<CaptureJobEntity, 'status' | 'capturedCount' | 'errors' | 'warnings'> {
    const notListed = this.unlisted
      ? [
          {
            eventIndex: null,
            eventId: null,
            pointer: '',
            code: 'WARNINGS_NOT_LISTED',
            message: RULE_MESSAGES.epcis.warningsNotListed(this.unlisted).en,
          },
        ]
      : [];
    const status = this.errors.length === 0 ? 'success' : this.captured > 0 ? 'partial' : 'failed';
    return { status, capturedCount: this.captured, errors: this.errors, warnings: [...this.warnings, ...notListed] };
  }
}
