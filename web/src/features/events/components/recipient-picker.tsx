import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { fieldMessages, type FieldMessages } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import { useBusinessName } from '../api/get-business';
import { useDirectorySearch } from '../api/search-directory';
import type { StageValues } from '../utils/stage-values';

type Party = Pick<StageValues, 'partyMode' | 'partyBusiness' | 'partyName'>;

interface RecipientPickerProps {
  value: Party;
  onChange: (change: Partial<Party>) => void;
  /** The shipping business itself, left out of the results. */
  excludeId: string;
  error?: FieldMessages;
}

/**
 * Who receives a shipment: a registered business found by name (diacritics optional) or tax
 * code, or a party that is not on the portal, named in words.
 */
export function RecipientPicker({ value, onChange, excludeId, error }: RecipientPickerProps) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  // Ask once typing pauses, not at every key.
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const searching = value.partyMode === 'portal' && !value.partyBusiness;
  const results = useDirectorySearch(searching ? settled : '');
  const found = results.status === 'success' ? results.data.filter((b) => b.id !== excludeId) : [];
  const messages = fieldMessages(error);
  // A correction starts from the receiver's id alone.
  const chosenName = useBusinessName(value.partyBusiness && !value.partyBusiness.legalName ? value.partyBusiness.id : null);

  return (
    <fieldset
      className="field fieldset events-party"
      aria-describedby={messages.length ? `${id}-error` : undefined}
      data-testid="recipient-picker"
    >
      <legend className="field__label">{t('events.party.legend')}</legend>
      <div className="events-choice" role="radiogroup" aria-label={t('events.party.legend')}>
        {(['portal', 'other'] as const).map((mode) => (
          <label key={mode} className="check check--inline">
            <input type="radio" name={`${id}-mode`} checked={value.partyMode === mode} onChange={() => onChange({ partyMode: mode })} />
            <span className="check__label">{t(`events.party.mode.${mode}`)}</span>
          </label>
        ))}
      </div>
      {value.partyMode === 'other' ? (
        <TextField
          label={t('events.party.name')}
          hint={t('events.party.nameHint')}
          value={value.partyName}
          onChange={(event) => onChange({ partyName: event.target.value })}
          maxLength={300}
          error={messages.length ? messages : undefined}
          data-testid="party-name"
        />
      ) : value.partyBusiness ? (
        <p className="events-party__chosen" data-testid="party-chosen">
          <strong>{value.partyBusiness.legalName || chosenName || t('events.party.previous')}</strong>
          <Button variant="secondary" onClick={() => onChange({ partyBusiness: null })}>
            {t('events.party.change')}
          </Button>
        </p>
      ) : (
        <>
          <TextField
            label={t('events.party.search')}
            hint={t('events.party.searchHint')}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            autoComplete="off"
            maxLength={100}
            error={messages.length ? messages : undefined}
            data-testid="party-search"
          />
          <div aria-live="polite">
            {results.status === 'loading' && settled.trim().length >= 2 ? <Spinner label={t('events.party.searching')} /> : null}
            {results.status === 'success' && found.length === 0 ? <p className="muted">{t('events.party.none')}</p> : null}
            {found.length ? (
              <ul className="events-results" aria-label={t('events.party.results')}>
                {found.map((business) => (
                  <li key={business.id}>
                    <button
                      type="button"
                      className="events-result"
                      onClick={() => onChange({ partyBusiness: business })}
                      data-testid="party-result"
                    >
                      <span className="events-result__name">{business.legalName}</span>
                      <span className="events-result__meta">
                        {t('events.party.meta', { province: business.province, taxCode: business.taxCode })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </>
      )}
      {messages.length && value.partyMode === 'portal' && value.partyBusiness ? (
        <p className="field__error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
