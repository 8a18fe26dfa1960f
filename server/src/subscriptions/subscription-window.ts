/** What a statement that recorded events announces at commit (the `events_recorded` trigger). */
export const EVENTS_RECORDED_CHANNEL = 'nguon_events_recorded';

/** Events per document sent: a long backlog goes out as several documents. */
export const EVENTS_PER_DOCUMENT = 100;

/** The position's event when a window was read to its end: every event of a later transaction comes after it. */
export const NO_EVENT = '00000000-0000-0000-0000-000000000000';
