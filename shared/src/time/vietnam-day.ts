/** Vietnam keeps UTC+07:00 all year (no daylight saving): its calendar days start at this offset. */
export const VIETNAM_OFFSET = '+07:00';
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar day in Vietnam (YYYY-MM-DD) at an instant, whatever the machine's time zone: the
 * day that certificates end on, scans are counted by and the log closes, for the people who use
 * the portal. From midnight to 07:00 there, UTC still says yesterday.
 */
export function vietnamDay(at: Date | number = Date.now()): string {
  return new Date(Number(at) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
