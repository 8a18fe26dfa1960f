import { useId, useState, type FormEvent } from 'react';
import { isValidGln, LOCATION_KINDS, type CreateLocationRequest, type LocationKind, type LocationView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { PROVINCES } from '@/lib/provinces';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { createLocation } from '../api/create-location';
import { updateLocation } from '../api/update-location';
import { osmLink } from './osm-link';
import '@/components/ui/form-section.css';
import '../locations.css';

interface Values {
  kind: LocationKind;
  name: string;
  address: string;
  province: string;
  gln: string;
  latitude: string;
  longitude: string;
}

const valuesOf = (l: LocationView | null): Values => ({
  kind: l?.kind ?? 'farm',
  name: l?.name ?? '',
  address: l?.address ?? '',
  province: l?.province ?? '',
  gln: l?.gln ?? '',
  latitude: l?.latitude === null || l?.latitude === undefined ? '' : String(l.latitude),
  longitude: l?.longitude === null || l?.longitude === undefined ? '' : String(l.longitude),
});

const SHOWN_FIELDS = ['kind', 'name', 'address', 'province', 'gln', 'latitude', 'longitude'];

/** A coordinate as typed (a comma is taken for the decimal point), or why it is not one. */
function coordinate(text: string, limit: number): number | null | 'bad' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : 'bad';
}

interface LocationFormProps {
  businessId: string;
  /** The place to edit; null adds one. */
  location: LocationView | null;
  onSaved: (location: LocationView) => void;
  onCancel?: () => void;
}

/** A place: kind, name, address, province, GLN, and coordinates typed or taken from this device. */
export function LocationForm({ businessId, location, onSaved, onCancel }: LocationFormProps) {
  const t = useT();
  const { locale } = useLocale();
  const provincesId = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(location));
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const [locating, setLocating] = useState<'idle' | 'busy' | string>('idle');
  const action = useAction((body: CreateLocationRequest) =>
    location ? updateLocation(location.id, body, { locale }) : createLocation(businessId, body, { locale }),
  );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const latitude = coordinate(values.latitude, 90);
  const longitude = coordinate(values.longitude, 180);
  const map = typeof latitude === 'number' && typeof longitude === 'number' ? osmLink(latitude, longitude) : null;

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) return setLocating(t('locations.locateUnsupported'));
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setValues((v) => ({ ...v, latitude: position.coords.latitude.toFixed(6), longitude: position.coords.longitude.toFixed(6) }));
        setLocating('idle');
      },
      (failure) => setLocating(t('locations.locateFailed', { reason: failure.message })),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const required = (key: keyof Values): Partial<Record<keyof Values, string>> =>
      values[key].trim() === '' ? { [key]: t('form.required') } : {};
    const coordinateProblem = (
      key: 'latitude' | 'longitude',
      value: number | null | 'bad',
      other: number | null | 'bad',
      range: MessageKey,
    ) => (value === 'bad' ? { [key]: t(range) } : value === null && other !== null ? { [key]: t('locations.bothOrNeither') } : {});
    const found: Partial<Record<keyof Values, string>> = {
      ...required('name'),
      ...required('address'),
      ...required('province'),
      ...(values.gln.trim() && !isValidGln(values.gln.trim()) ? { gln: t('locations.glnInvalid') } : {}),
      ...coordinateProblem('latitude', latitude, longitude, 'locations.latitudeRange'),
      ...coordinateProblem('longitude', longitude, latitude, 'locations.longitudeRange'),
    };
    setProblems(found);
    const gln = values.gln.trim();
    const body = {
      kind: values.kind,
      name: values.name.trim(),
      address: values.address.trim(),
      province: values.province.trim(),
      // A new place leaves out what it lacks; an edited one clears it.
      ...(gln ? { gln } : location ? { gln: null } : {}),
      ...(typeof latitude === 'number' && typeof longitude === 'number'
        ? { latitude, longitude }
        : location
          ? { latitude: null, longitude: null }
          : {}),
    } as CreateLocationRequest;
    void submitForm(event, {
      problems: found,
      send: () => action.run(body),
      onSent: (saved) => {
        if (!location) setValues(valuesOf(null));
        onSaved(saved);
      },
    });
  };

  const error = (key: keyof Values) => problems[key] ?? fieldErrorOf(action.error, key);
  const field = (key: 'name' | 'address' | 'province', max: number, extra: Record<string, string> = {}) => (
    <TextField
      label={t(`locations.${key}`)}
      name={key}
      value={values[key]}
      maxLength={max}
      required
      onChange={(e) => set(key, e.target.value)}
      error={error(key)}
      {...extra}
    />
  );
  return (
    <form className="form location-form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="location-form">
      <div className="form__pair">
        <SelectField
          label={t('locations.kind')}
          name="kind"
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as LocationKind)}
          error={error('kind')}
        >
          {LOCATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`place.${kind}`)}
            </option>
          ))}
        </SelectField>
        {field('name', 200)}
      </div>
      {field('address', 300)}
      <div className="form__pair">
        {field('province', 120, { list: provincesId })}
        <TextField
          label={t('locations.gln')}
          hint={t('locations.glnHint')}
          name="gln"
          inputMode="numeric"
          maxLength={13}
          value={values.gln}
          onChange={(e) => set('gln', e.target.value)}
          error={error('gln')}
        />
      </div>
      <datalist id={provincesId}>
        {PROVINCES.map((province) => (
          <option key={province} value={province} />
        ))}
      </datalist>
      <fieldset className="form-section">
        <legend className="field__label">{t('locations.coordinates')}</legend>
        <p className="field__hint">{t('locations.coordinatesHint')}</p>
        <div className="form__pair">
          <TextField
            label={t('locations.latitude')}
            name="latitude"
            inputMode="decimal"
            value={values.latitude}
            onChange={(e) => set('latitude', e.target.value)}
            error={error('latitude')}
          />
          <TextField
            label={t('locations.longitude')}
            name="longitude"
            inputMode="decimal"
            value={values.longitude}
            onChange={(e) => set('longitude', e.target.value)}
            error={error('longitude')}
          />
        </div>
        <p className="location-form__coordinates">
          <Button
            variant="secondary"
            className="button--small"
            onClick={useMyLocation}
            disabled={locating === 'busy'}
            data-testid="use-my-location"
          >
            {locating === 'busy' ? t('locations.locating') : t('locations.useMyLocation')}
          </Button>
          {map ? (
            <a href={map} target="_blank" rel="noreferrer" data-testid="osm-link">
              {t('locations.viewMap')}
            </a>
          ) : null}
        </p>
        {locating !== 'idle' && locating !== 'busy' ? (
          <p className="field__error" role="alert">
            {locating}
          </p>
        ) : null}
      </fieldset>
      <FormError error={action.error} shownFields={SHOWN_FIELDS} />
      <div className="location-form__buttons">
        <SubmitButton pending={action.pending} data-testid="location-submit">
          {location ? t('locations.save') : t('locations.add')}
        </SubmitButton>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('locations.cancelEdit')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
