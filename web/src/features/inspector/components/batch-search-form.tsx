import { useEffect, useState, type FormEvent } from 'react';
import { BATCH_STATUSES, CBV_DISPOSITIONS, SEARCH_DATE_FIELDS, STAGE_NAMES, STAGES } from '@nguon/shared';
import { DateField } from '@/components/ui/date-field';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { FILTER_KEYS, NO_FILTERS, type FilterKey, type SearchFilters } from '../utils/search-params';
import '../inspector.css';

/** Filters behind "more filters": opened at once when one of them is in use. */
const MORE: readonly FilterKey[] = FILTER_KEYS.filter((key) => key !== 'q');

interface BatchSearchFormProps {
  value: SearchFilters;
  onApply: (value: SearchFilters) => void;
  /** The server's messages for fields it refused, by field name. */
  fieldErrors: Record<string, string[]>;
}

/** One box for everyday searching, and every filter an investigation needs one click away. */
export function BatchSearchForm({ value, onApply, fieldErrors }: BatchSearchFormProps) {
  const t = useT();
  const { l } = useLocale();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const set = (key: FilterKey) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  const date = (key: 'from' | 'to') => ({
    name: key,
    value: draft[key],
    onChange: (value: string) => setDraft((current) => ({ ...current, [key]: value })),
    error: fieldErrors[key],
  });
  const text = (key: FilterKey) => ({
    name: key,
    value: draft[key],
    onChange: set(key),
    error: fieldErrors[key],
    'data-testid': `search-${key}`,
  });
  const rangeWrong = draft.from !== '' && draft.to !== '' && draft.to < draft.from;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rangeWrong) return;
    onApply(Object.fromEntries(FILTER_KEYS.map((key) => [key, draft[key].trim()])) as SearchFilters);
  };

  return (
    <form
      className="inspector-search"
      role="search"
      aria-label={t('inspector.search.label')}
      onSubmit={onSubmit}
      noValidate
      data-testid="batch-search-form"
    >
      <div className="inspector-search__main">
        <TextField
          label={t('inspector.search.q')}
          hint={t('inspector.search.qHint')}
          type="search"
          autoComplete="off"
          {...text('q')}
          className="inspector-search__grow"
        />
        <Button type="submit" className="inspector-search__submit" data-testid="search-submit">
          {t('inspector.search.submit')}
        </Button>
      </div>
      <details className="inspector-search__more" open={MORE.some((key) => value[key] !== '') || undefined}>
        <summary>{t('inspector.search.more')}</summary>
        <div className="inspector-search__grid">
          <TextField
            label={t('inspector.search.gtin')}
            hint={t('inspector.search.gtinHint')}
            inputMode="numeric"
            autoComplete="off"
            {...text('gtin')}
          />
          <div>
            <TextField label={t('inspector.search.lot')} autoComplete="off" spellCheck={false} {...text('lot')} />
            <label className="check check--inline">
              <input
                type="checkbox"
                checked={draft.lotMatch === 'prefix'}
                onChange={(event) => setDraft((current) => ({ ...current, lotMatch: event.target.checked ? 'prefix' : '' }))}
                data-testid="search-lot-prefix"
              />
              <span>{t('inspector.search.lotPrefix')}</span>
            </label>
          </div>
          <TextField label={t('inspector.search.productName')} autoComplete="off" {...text('productName')} />
          <TextField
            label={t('inspector.search.business')}
            hint={t('inspector.search.businessHint')}
            autoComplete="off"
            {...text('business')}
          />
          <TextField
            label={t('inspector.search.location')}
            hint={t('inspector.search.locationHint')}
            autoComplete="off"
            {...text('location')}
          />
          <SelectField label={t('inspector.search.stage')} {...text('bizStep')}>
            <option value="">{t('inspector.search.any')}</option>
            {STAGE_NAMES.map((stage) => (
              <option key={stage} value={STAGES[stage].bizStep}>
                {l(STAGES[stage].label)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('inspector.search.disposition')} hint={t('inspector.search.dispositionHint')} {...text('disposition')}>
            <option value="">{t('inspector.search.any')}</option>
            {CBV_DISPOSITIONS.map((disposition) => (
              <option key={disposition} value={disposition}>
                {disposition}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('inspector.search.status')} {...text('status')}>
            <option value="">{t('inspector.search.any')}</option>
            {BATCH_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`batch.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('inspector.search.dateField')} {...text('dateField')}>
            {SEARCH_DATE_FIELDS.map((field) => (
              <option key={field} value={field === 'production' ? '' : field}>
                {t(`inspector.search.dateField.${field}`)}
              </option>
            ))}
          </SelectField>
          <DateField label={t('inspector.search.from')} max={draft.to || undefined} {...date('from')} />
          <DateField
            label={t('inspector.search.to')}
            min={draft.from || undefined}
            {...date('to')}
            error={rangeWrong ? t('inspector.search.rangeWrong') : fieldErrors.to}
          />
        </div>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('inspector.search.clear')}
        </Button>
      </details>
    </form>
  );
}
