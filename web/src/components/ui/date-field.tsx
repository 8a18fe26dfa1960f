import { useId, useState } from 'react';
import { dateOf, dateTimeOf, isBlank, partsOf, type DateParts } from '@/lib/date-parts';
import { DEFAULT_OFFSET, formatDate, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { fieldMessages, type FieldFrameProps } from './field';
import './date-field.css';

interface DateFieldProps extends Omit<FieldFrameProps, 'status'> {
  /** `YYYY-MM-DD` (with `withTime`, `YYYY-MM-DDTHH:mm` in Vietnam's time); '' for none. */
  value: string;
  /** Called with the whole value, or '' while the parts do not make a real date (and time). */
  onChange: (value: string) => void;
  /** A time of day too (24-hour, GMT+7) after the date. */
  withTime?: boolean;
  /** Submitted with the form under this name (as the value above). */
  name?: string;
  required?: boolean;
  /** The earliest and latest values accepted, in the value's form. */
  min?: string;
  max?: string;
  'data-testid'?: string;
}

type Part = keyof DateParts;

const DATE_PARTS: { part: Part; size: number }[] = [
  { part: 'day', size: 2 },
  { part: 'month', size: 2 },
  { part: 'year', size: 4 },
];
const TIME_PARTS: { part: Part; size: number }[] = [
  { part: 'hour', size: 2 },
  { part: 'minute', size: 2 },
];

/**
 * A date (and time) typed as day, month, year (hour, minute) in the app's language, never the
 * browser's: a native date picker follows the browser's locale, so an en-US browser showed
 * 12/04/2026 01:27 PM on a page that prints 04/12/2026 13:27. Times are Vietnam's (GMT+7),
 * 24-hour, whatever the device's time zone. Numeric keypads on phones.
 */
export function DateField(props: DateFieldProps) {
  const { label, hint, error, errorId, className, value, onChange, withTime = false, name, required, min, max } = props;
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const [parts, setParts] = useState(() => partsOf(value));
  const [shownValue, setShownValue] = useState(value);
  const [touched, setTouched] = useState(false);
  // Set from outside (a reset, a default): show it.
  if (value !== shownValue) {
    setShownValue(value);
    setParts(partsOf(value));
  }
  const whole = withTime ? dateTimeOf(parts) : dateOf(parts);
  const shown = (limit: string) =>
    withTime ? formatEventTime(`${limit}:00${DEFAULT_OFFSET}`, DEFAULT_OFFSET, locale) : formatDate(limit, locale);
  const own = !touched
    ? null
    : whole === null
      ? isBlank(parts, withTime)
        ? null
        : t(withTime ? 'date.invalidDateTime' : 'date.invalid')
      : min && whole < min
        ? t('date.tooEarly', { min: shown(min) })
        : max && whole > max
          ? t('date.tooLate', { max: shown(max) })
          : null;
  // The form's own verdict (on submit) says it better than the field's; never both.
  const given = fieldMessages(error);
  const messages = given.length ? given : own ? [own] : [];
  const hintId = `${id}-hint`;
  const errorMessagesId = `${id}-error`;
  const describedBy =
    [hint ? hintId : null, messages.length ? errorMessagesId : null, errorId ?? null].filter(Boolean).join(' ') || undefined;

  const set = (part: Part, typed: string) => {
    const next = { ...parts, [part]: typed.replace(/\D/g, '') };
    const nextWhole = withTime ? dateTimeOf(next) : dateOf(next);
    setParts(next);
    setShownValue(nextWhole ?? '');
    onChange(nextWhole ?? '');
  };
  const input = ({ part, size }: { part: Part; size: number }) => (
    <div key={part} className={`date-field__part date-field__part--${part}`}>
      <label className="date-field__part-label" htmlFor={`${id}-${part}`}>
        {t(`date.${part}`)}
      </label>
      <input
        id={`${id}-${part}`}
        className="field__input date-field__input"
        inputMode="numeric"
        autoComplete="off"
        maxLength={size}
        size={size}
        value={parts[part]}
        required={required}
        aria-describedby={describedBy}
        aria-invalid={messages.length > 0 || Boolean(errorId) ? true : undefined}
        onChange={(event) => set(part, event.target.value)}
        onBlur={() => setTouched(true)}
        data-testid={props['data-testid'] ? `${props['data-testid']}-${part}` : undefined}
      />
    </div>
  );

  return (
    <fieldset className={['field', 'date-field', className].filter(Boolean).join(' ')} data-testid={props['data-testid']}>
      <legend className="field__label">{label}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="date-field__parts">
        {DATE_PARTS.map(input)}
        {withTime ? (
          <>
            <span className="date-field__gap" aria-hidden="true" />
            {TIME_PARTS.map(input)}
            <span className="date-field__zone">{t('date.zone')}</span>
          </>
        ) : null}
      </div>
      {name ? <input type="hidden" name={name} value={whole ?? ''} /> : null}
      {messages.length ? (
        <p className="field__error" id={errorMessagesId}>
          {messages.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
