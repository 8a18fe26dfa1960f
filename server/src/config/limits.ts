/** Largest request body the server reads: room for a capture of 10,000 events. */
export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;
