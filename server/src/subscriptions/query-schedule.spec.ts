import { describe, expect, it } from '@jest/globals';
import { nextRun, parseSchedule, SCHEDULE_TIME_ZONE_OFFSET, type QuerySchedule, type ScheduleInput } from './query-schedule.js';

function parsed(input: ScheduleInput): QuerySchedule {
  const result = parseSchedule(input);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors));
  return result.schedule;
}

function errorsOf(input: ScheduleInput): Record<string, string[]> {
  const result = parseSchedule(input);
  if ('schedule' in result) throw new Error('expected errors');
  return result.errors;
}

/** The runs after `after`, one after another, as ISO strings. */
function runs(input: ScheduleInput, after: string, count = 1): (string | undefined)[] {
  const schedule = parsed(input);
  const found: (string | undefined)[] = [];
  let from = new Date(after);
  for (let i = 0; i < count; i++) {
    const run = nextRun(schedule, from);
    found.push(run?.toISOString());
    if (!run) break;
    from = run;
  }
  return found;
}

const range = (low: number, high: number) => Array.from({ length: high - low + 1 }, (_, i) => low + i);

describe('parseSchedule', () => {
  it('gives omitted fields finer than the finest given their lowest value, the others every value', () => {
    expect(parsed({ hour: '1', minute: '5' }).fields).toEqual({
      second: [0],
      minute: [5],
      hour: [1],
      dayOfMonth: range(1, 31),
      month: range(1, 12),
      dayOfWeek: range(1, 7),
    });
    expect(parsed({ second: '30' }).fields).toMatchObject({ second: [30], minute: range(0, 59), hour: range(0, 23) });
    expect(parsed({ dayOfWeek: '1' }).fields).toMatchObject({
      second: [0],
      minute: [0],
      hour: [0],
      dayOfMonth: range(1, 31),
      month: range(1, 12),
    });
    expect(parsed({ dayOfMonth: '15' }).fields).toMatchObject({ hour: [0], dayOfWeek: range(1, 7) });
  });

  it('takes the first of the month, whatever its weekday, when only month is given', () => {
    expect(parsed({ month: '3' }).fields).toEqual({
      second: [0],
      minute: [0],
      hour: [0],
      dayOfMonth: [1],
      month: [3],
      dayOfWeek: range(1, 7),
    });
  });

  it('reads lists and ranges, sorted and without repeats, with whitespace around elements', () => {
    expect(parsed({ minute: ' [28-31] ,0, [0-2],30,  5 ' }).fields.minute).toEqual([0, 1, 2, 5, 28, 29, 30, 31]);
    expect(parsed({ hour: '[7-7]' }).fields.hour).toEqual([7]);
    expect(parsed({ second: '[ 0 - 59 ]' }).fields.second).toEqual(range(0, 59));
    expect(parsed({ second: '05' }).fields.second).toEqual([5]);
    expect(parsed({ dayOfWeek: '7', hour: '', month: '  ' }).fields).toMatchObject({ dayOfWeek: [7], hour: [0], month: range(1, 12) });
  });

  it('accepts the extremes of every field and Feb 29', () => {
    expect(
      'schedule' in parseSchedule({ second: '0,59', minute: '0,59', hour: '0,23', dayOfMonth: '1,31', month: '1,12', dayOfWeek: '1,7' }),
    ).toBe(true);
    expect(parsed({ dayOfMonth: '29', month: '2' }).fields).toMatchObject({ dayOfMonth: [29], month: [2] });
  });

  it('asks for at least one field', () => {
    const expected = { schedule: ['Give at least one of second, minute, hour, dayOfMonth, month, dayOfWeek.'] };
    expect(errorsOf({})).toEqual(expected);
    expect(errorsOf({ hour: '', minute: '   ' })).toEqual(expected);
  });

  it('names the field, the element and the accepted syntax for what is not a number or a range', () => {
    for (const element of ['abc', '0/30', '1-5', '[1-5', '1-5]', '(1-5)', '-1', '1.5', '[1-2-3]', '1 2']) {
      expect(errorsOf({ minute: element })).toEqual({
        minute: [
          `minute: "${element}" is not a number or a range; write numbers from 0 to 59 or ranges in square brackets like [0-59], separated by commas.`,
        ],
      });
    }
    // Commas split first, so a list in brackets is two broken elements.
    expect(errorsOf({ minute: '[1,5]' }).minute).toEqual([
      'minute: "[1" is not a number or a range; write numbers from 0 to 59 or ranges in square brackets like [0-59], separated by commas.',
      'minute: "5]" is not a number or a range; write numbers from 0 to 59 or ranges in square brackets like [0-59], separated by commas.',
    ]);
    expect(errorsOf({ dayOfWeek: 'Mon' })).toEqual({
      dayOfWeek: [
        'dayOfWeek: "Mon" is not a number or a range; write numbers from 1 to 7 (1 = Monday, 7 = Sunday) or ranges in square brackets like [1-7], separated by commas.',
      ],
    });
  });

  it('says how to write "every value" instead of *', () => {
    expect(errorsOf({ hour: '*' })).toEqual({ hour: ['hour: "*" is not accepted; to match every value write [0-23].'] });
  });

  it('reports empty elements between commas', () => {
    const expected = ['second has an empty element (two commas together, or one at an end); remove the extra comma.'];
    expect(errorsOf({ second: '1,,2' })).toEqual({ second: expected });
    expect(errorsOf({ second: '1, ' })).toEqual({ second: expected });
    expect(errorsOf({ second: ',1' })).toEqual({ second: expected });
  });

  it('reports values outside each field', () => {
    expect(errorsOf({ second: '60' })).toEqual({ second: ['second: "60" is outside the allowed values, 0 to 59.'] });
    expect(errorsOf({ minute: '[50-60]' })).toEqual({ minute: ['minute: "[50-60]" is outside the allowed values, 0 to 59.'] });
    expect(errorsOf({ hour: '24' })).toEqual({ hour: ['hour: "24" is outside the allowed values, 0 to 23.'] });
    expect(errorsOf({ dayOfMonth: '[0-5]' })).toEqual({ dayOfMonth: ['dayOfMonth: "[0-5]" is outside the allowed values, 1 to 31.'] });
    expect(errorsOf({ dayOfMonth: '32' })).toEqual({ dayOfMonth: ['dayOfMonth: "32" is outside the allowed values, 1 to 31.'] });
    expect(errorsOf({ month: '0' })).toEqual({ month: ['month: "0" is outside the allowed values, 1 to 12.'] });
    expect(errorsOf({ month: '13' })).toEqual({ month: ['month: "13" is outside the allowed values, 1 to 12.'] });
    expect(errorsOf({ dayOfWeek: '0' })).toEqual({
      dayOfWeek: ['dayOfWeek: "0" is outside the allowed values, 1 to 7 (1 = Monday, 7 = Sunday).'],
    });
    expect(errorsOf({ dayOfWeek: '8' }).dayOfWeek).toHaveLength(1);
    expect(errorsOf({ second: '99999999999999999999999' }).second).toEqual([
      'second: "99999999999999999999999" is outside the allowed values, 0 to 59.',
    ]);
  });

  it('reports ranges written backwards', () => {
    expect(errorsOf({ dayOfMonth: '[5-1]' })).toEqual({
      dayOfMonth: ['dayOfMonth: the range "[5-1]" runs backwards; write the lower value first, as [1-5].'],
    });
    expect(errorsOf({ minute: '[60-5]' })).toEqual({ minute: ['minute: "[60-5]" is outside the allowed values, 0 to 59.'] });
  });

  it('refuses a field over 200 characters', () => {
    expect('schedule' in parseSchedule({ minute: `${'1,'.repeat(99)}10` })).toBe(true);
    expect(errorsOf({ minute: `${'1,'.repeat(100)}1` })).toEqual({ minute: ['minute is 201 characters long; at most 200 are accepted.'] });
  });

  it('reports every bad element of every field, and only the fields with problems', () => {
    expect(errorsOf({ hour: '24, x,3', minute: '5', second: '*' })).toEqual({
      second: ['second: "*" is not accepted; to match every value write [0-59].'],
      hour: [
        'hour: "24" is outside the allowed values, 0 to 23.',
        'hour: "x" is not a number or a range; write numbers from 0 to 23 or ranges in square brackets like [0-23], separated by commas.',
      ],
    });
  });

  it('refuses a schedule that never runs', () => {
    const never = {
      schedule: [
        'This schedule never runs: no day in the next 8 years matches dayOfMonth, month and dayOfWeek together (for example dayOfMonth 31 with month 2).',
      ],
    };
    expect(errorsOf({ dayOfMonth: '31', month: '2' })).toEqual(never);
    expect(errorsOf({ dayOfMonth: '[30-31]', month: '2', hour: '8' })).toEqual(never);
    expect(errorsOf({ dayOfMonth: '31', month: '4,6,9,11' })).toEqual(never);
    expect('schedule' in parseSchedule({ dayOfMonth: '31', month: '4,6,9,12' })).toBe(true);
  });

  it('reports the fields before whether the schedule runs', () => {
    expect(errorsOf({ dayOfMonth: '31', month: '2', hour: '25' })).toEqual({
      hour: ['hour: "25" is outside the allowed values, 0 to 23.'],
    });
  });
});

describe('nextRun', () => {
  it('reads the schedule in Vietnam time, UTC+07:00', () => {
    expect(SCHEDULE_TIME_ZONE_OFFSET).toBe('+07:00');
    expect(runs({ hour: '1', minute: '5' }, '2026-12-06T00:00:00Z', 3)).toEqual([
      '2026-12-06T18:05:00.000Z',
      '2026-12-07T18:05:00.000Z',
      '2026-12-08T18:05:00.000Z',
    ]);
    // 20:00Z is already 03:00 on the 7th in Vietnam.
    expect(runs({ hour: '1' }, '2026-12-06T20:00:00Z')).toEqual(['2026-12-07T18:00:00.000Z']);
    expect(runs({ hour: '6' }, '2026-12-06T20:00:00Z')).toEqual(['2026-12-06T23:00:00.000Z']);
  });

  it('runs a schedule of seconds only every minute', () => {
    expect(runs({ second: '30' }, '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-01-01T00:00:30.000Z',
      '2026-01-01T00:01:30.000Z',
      '2026-01-01T00:02:30.000Z',
    ]);
  });

  it('runs a schedule of minutes only every hour, on the minute', () => {
    expect(runs({ minute: '0,30' }, '2026-01-01T00:10:00Z', 3)).toEqual([
      '2026-01-01T00:30:00.000Z',
      '2026-01-01T01:00:00.000Z',
      '2026-01-01T01:30:00.000Z',
    ]);
  });

  it('runs a schedule of weekdays only at local midnight on those days', () => {
    // 2026-12-07 is a Monday; its local midnight is 17:00Z the day before.
    expect(runs({ dayOfWeek: '1,3' }, '2026-12-05T00:00:00Z', 3)).toEqual([
      '2026-12-06T17:00:00.000Z',
      '2026-12-08T17:00:00.000Z',
      '2026-12-13T17:00:00.000Z',
    ]);
    // Sunday the 6th starts at 17:00Z on the 5th.
    expect(runs({ dayOfWeek: '7' }, '2026-12-05T00:00:00Z', 2)).toEqual(['2026-12-05T17:00:00.000Z', '2026-12-12T17:00:00.000Z']);
  });

  it('runs a schedule of months only at midnight on the first', () => {
    expect(runs({ month: '3' }, '2026-01-01T00:00:00Z', 2)).toEqual(['2026-02-28T17:00:00.000Z', '2027-02-28T17:00:00.000Z']);
  });

  it('runs on days that match both dayOfMonth and dayOfWeek', () => {
    // Friday the 13th: February and March 2026, then November.
    expect(runs({ dayOfMonth: '13', dayOfWeek: '5', hour: '9' }, '2026-01-01T00:00:00Z', 3)).toEqual([
      '2026-02-13T02:00:00.000Z',
      '2026-03-13T02:00:00.000Z',
      '2026-11-13T02:00:00.000Z',
    ]);
  });

  it('takes every combination of lists and ranges in order', () => {
    expect(runs({ hour: '[8-9]', minute: '0,30', second: '[0-1]' }, '2026-06-01T00:00:00Z', 9)).toEqual([
      '2026-06-01T01:00:00.000Z',
      '2026-06-01T01:00:01.000Z',
      '2026-06-01T01:30:00.000Z',
      '2026-06-01T01:30:01.000Z',
      '2026-06-01T02:00:00.000Z',
      '2026-06-01T02:00:01.000Z',
      '2026-06-01T02:30:00.000Z',
      '2026-06-01T02:30:01.000Z',
      '2026-06-02T01:00:00.000Z',
    ]);
  });

  it('runs strictly after the given instant, in whole seconds', () => {
    const schedule = parsed({ second: '30' });
    const run = (after: string) => nextRun(schedule, new Date(after))?.toISOString();
    expect(run('2026-01-01T00:00:30Z')).toBe('2026-01-01T00:01:30.000Z');
    expect(run('2026-01-01T00:00:29.999Z')).toBe('2026-01-01T00:00:30.000Z');
    expect(run('2026-01-01T00:00:30.001Z')).toBe('2026-01-01T00:01:30.000Z');
    expect(run('2026-01-01T00:00:29Z')).toBe('2026-01-01T00:00:30.000Z');
  });

  it('moves to the next matching day when today has no time left', () => {
    // 17:30 local is 10:30Z: the last run of the day is 17:00 local.
    expect(runs({ hour: '[8-17]', minute: '0' }, '2026-06-01T10:30:00Z', 2)).toEqual([
      '2026-06-02T01:00:00.000Z',
      '2026-06-02T02:00:00.000Z',
    ]);
  });

  it('crosses months and years', () => {
    expect(runs({ dayOfMonth: '31' }, '2026-04-01T00:00:00Z', 2)).toEqual(['2026-05-30T17:00:00.000Z', '2026-07-30T17:00:00.000Z']);
    expect(runs({ month: '1', dayOfMonth: '1' }, '2026-06-01T00:00:00Z')).toEqual(['2026-12-31T17:00:00.000Z']);
    // The last second of 2026 in Vietnam, then the first of 2027.
    expect(runs({ second: '[0-59]' }, '2026-12-31T16:59:58Z', 2)).toEqual(['2026-12-31T16:59:59.000Z', '2026-12-31T17:00:00.000Z']);
  });

  it('finds Feb 29 in the next leap year', () => {
    expect(runs({ month: '2', dayOfMonth: '29', hour: '12' }, '2026-01-01T00:00:00Z', 2)).toEqual([
      '2028-02-29T05:00:00.000Z',
      '2032-02-29T05:00:00.000Z',
    ]);
  });

  it('gives null when nothing matches within 8 years', () => {
    const fields = parsed({ month: '2' }).fields;
    expect(nextRun({ fields: { ...fields, dayOfMonth: [30] } }, new Date('2026-01-01T00:00:00Z'))).toBeNull();
    // A Monday Feb 29 comes in 2016 and 2044 only.
    const mondayLeapDay = { fields: { ...fields, dayOfMonth: [29], dayOfWeek: [1] } };
    expect(nextRun(mondayLeapDay, new Date('2026-01-01T00:00:00Z'))).toBeNull();
    expect(nextRun(mondayLeapDay, new Date('2040-01-01T00:00:00Z'))?.toISOString()).toBe('2044-02-28T17:00:00.000Z');
  });
});
