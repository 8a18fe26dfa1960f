import { EXPORT_COLUMN_SET_NAMES, EXPORT_COLUMN_SETS, type ExportColumnSet } from '@nguon/shared';
import { useId } from 'react';
import { useLocale, useT } from '@/lib/i18n';

/** Which columns the spreadsheet has: FSMA 204's key data elements, or Vietnam's terms. */
export function ExportColumnSetField({ value, onChange }: { value: ExportColumnSet; onChange: (value: ExportColumnSet) => void }) {
  const t = useT();
  const { l } = useLocale();
  // Two on one page (the export page and a button's menu) must not share one radio group.
  const name = useId();
  return (
    <fieldset className="field fieldset">
      <legend className="field__label">{t('exports.columns.legend')}</legend>
      <p className="field__hint">{t('exports.columns.hint')}</p>
      {EXPORT_COLUMN_SETS.map((set) => (
        <label key={set} className="check">
          <input type="radio" name={name} value={set} checked={value === set} onChange={() => onChange(set)} />
          <span className="check__text">
            <span className="check__label">{l(EXPORT_COLUMN_SET_NAMES[set])}</span>
            <span className="check__description">{t(`exports.columns.${set}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
