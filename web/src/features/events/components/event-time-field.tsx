import { DateField } from '@/components/ui/date-field';
import type { FieldMessages } from '@/components/ui/field';
import { useT } from '@/lib/i18n';
import { vietnamNow } from '../utils/event-time';

interface EventTimeFieldProps {
  value: string;
  onChange: (eventTime: string) => void;
  error?: FieldMessages;
  label?: string;
  'data-testid'?: string;
}

/** When a record happened: day, month, year, hour and minute in Vietnam's time, not in the future. */
export function EventTimeField({ value, onChange, error, label, ...rest }: EventTimeFieldProps) {
  const t = useT();
  return (
    <DateField
      withTime
      label={label ?? t('events.field.time')}
      hint={t('events.field.timeHint')}
      name="eventTime"
      value={value}
      max={vietnamNow()}
      onChange={onChange}
      error={error}
      required
      data-testid={rest['data-testid']}
    />
  );
}
