import { Link } from 'react-router';
import type { LocationView } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import type { FieldMessages } from '@/components/ui/field';
import { useT } from '@/lib/i18n';
import { portalPath } from '@/lib/use-portal-business';

interface PlaceFieldProps {
  businessId: string;
  locations: readonly LocationView[];
  value: string;
  onChange: (locationId: string) => void;
  error?: FieldMessages;
  label?: string;
  /** The record needs a place: say so, and point a business with none to adding one. */
  needed: boolean;
  'data-testid': string;
}

/** Where a record happened: one of the business's places, with a way to add one when it has none. */
export function PlaceField({ businessId, locations, value, onChange, error, label, needed, ...rest }: PlaceFieldProps) {
  const t = useT();
  return (
    <>
      {needed && locations.length === 0 ? (
        <Notice tone="warning" data-testid="no-place">
          {t('events.field.place.none')} <Link to={portalPath(businessId, '/locations')}>{t('events.field.place.add')}</Link>
        </Notice>
      ) : null}
      <SelectField
        label={label ?? t('events.field.place')}
        hint={needed && !label ? t('events.field.place.neededHint') : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
        data-testid={rest['data-testid']}
      >
        <option value="">{needed ? t('events.field.placePick') : t('events.field.placeNone')}</option>
        {locations.map((place) => (
          <option key={place.id} value={place.id}>
            {place.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
