import { STAGES, UNIT_CODES, UNITS, type LocalizedText, type Stage, type UnitCode } from '@nguon/shared';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

/**
 * Reading one spreadsheet cell as the value a form would send: the ways people write dates,
 * numbers, units and yes/no in Vietnam, each giving a value or the reason it cannot.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; problem: LocalizedText };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const problem = (text: LocalizedText): Cell<never> => ({ ok: false, problem: text });

/** Lower case, no diacritics (đ too), single spaces: "  Thu Hoạch " and "thu hoach" are the same name. */
export function plainName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

const VIETNAM_OFFSET = '+07:00';

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number | string) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` from `YYYY-MM-DD` or `DD/MM/YYYY` (also with `-` or `.`), as Vietnamese write dates. */
export function parseDate(text: string): Cell<string> {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year || !isRealDate(Number(year), Number(month), Number(day))) {
    return problem(RULE_MESSAGES.imports.notADate(text));
  }
  return ok(`${year}-${pad(month!)}-${pad(day!)}`);
}

/**
 * An ISO 8601 date-time with its offset, from ISO (with or without an offset) or
 * `DD/MM/YYYY HH:mm[:ss]`; without an offset the time is Vietnam's. A bare date means its midnight.
 */
export function parseDateTime(text: string): Cell<string> {
  const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
  if (withOffset) {
    return Number.isFinite(Date.parse(text)) ? ok(text) : problem(RULE_MESSAGES.imports.notATime(text));
  }
  const match = /^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const day = match ? parseDate(match[1]!) : null;
  const [hours, minutes, seconds] = [Number(match?.[2] ?? 0), Number(match?.[3] ?? 0), Number(match?.[4] ?? 0)];
  if (!day?.ok || hours > 23 || minutes > 59 || seconds > 59) {
    return problem(RULE_MESSAGES.imports.notALocalTime(text));
  }
  return ok(`${day.value}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${VIETNAM_OFFSET}`);
}

/** A positive number; a lone comma is a decimal comma ("1,5"), digits grouped by `.` or spaces are thousands. */
export function parseQuantity(text: string): Cell<number> {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const normalised = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)
    ? compact.replace(/\./g, '').replace(',', '.')
    : /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)
      ? compact.replace(/,/g, '')
      : compact.replace(',', '.');
  const value = /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : NaN;
  if (!(value > 0) || value > 1e12) return problem(RULE_MESSAGES.imports.notAQuantity(text));
  return ok(value);
}

const UNIT_BY_NAME = new Map<string, UnitCode>(
  UNIT_CODES.flatMap(
    (code) =>
      [
        [plainName(code), code],
        [plainName(UNITS[code].vi), code],
        [plainName(UNITS[code].en), code],
      ] as [string, UnitCode][],
  ),
);

export function parseUnit(text: string): Cell<UnitCode> {
  const unit = UNIT_BY_NAME.get(plainName(text)) ?? UNIT_BY_NAME.get(plainName(text).replace(/s$/, ''));
  if (!unit) return problem(RULE_MESSAGES.imports.unknownUnit(text, UNIT_CODES));
  return ok(unit);
}

const YES = new Set(['dat', 'co', 'x', 'yes', 'y', 'true', '1', 'passed', 'pass']);
const NO = new Set(['khong dat', 'khong', 'no', 'n', 'false', '0', 'failed', 'fail']);

export function parsePassed(text: string): Cell<boolean> {
  const name = plainName(text);
  if (YES.has(name)) return ok(true);
  if (NO.has(name)) return ok(false);
  return problem(RULE_MESSAGES.imports.notYesOrNo(text));
}

/** Stages a row can record: those of the stage form. Processing links several batches, so it has its own form. */
const STAGE_BY_NAME = new Map<string, Stage>(
  (Object.keys(STAGES) as Stage[]).flatMap(
    (stage) =>
      [
        [plainName(stage), stage],
        [plainName(STAGES[stage].label.vi), stage],
        [plainName(STAGES[stage].label.en), stage],
      ] as [string, Stage][],
  ),
);

export function parseStage(text: string): Cell<Stage> {
  const stage = STAGE_BY_NAME.get(plainName(text));
  if (stage === 'processing') return problem(RULE_MESSAGES.imports.processingByRow);
  if (stage === 'registration') return problem(RULE_MESSAGES.imports.registrationByRow);
  if (!stage) return problem(RULE_MESSAGES.imports.unknownStage(text));
  return ok(stage);
}
