import { useEffect, useState, type FormEvent } from 'react';
import { DateField } from '@/components/ui/date-field';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import { NO_FILTERS, type AuditFilterValues } from '../utils/audit-filters';

/** The API takes a user's id, not their email. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditFiltersProps {
  value: AuditFilterValues;
  onApply: (value: AuditFilterValues) => void;
  /** Businesses to pick from; the current filter stays selectable even if not listed. */
  businesses: readonly { id: string; name: string }[];
  /** Actions seen so far, offered as suggestions. */
  actions: readonly string[];
}

export function AuditFilters({ value, onApply, businesses, actions }: AuditFiltersProps) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);

  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  const setDate = (key: 'from' | 'to') => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const rangeWrong = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const userIdWrong = draft.userId.trim() !== '' && !UUID.test(draft.userId.trim());

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rangeWrong || userIdWrong) return;
    onApply({
      businessId: draft.businessId.trim(),
      userId: draft.userId.trim(),
      targetId: draft.targetId.trim(),
      action: draft.action.trim(),
      from: draft.from,
      to: draft.to,
    });
  };

  const known = businesses.some((business) => business.id === draft.businessId);

  return (
    <form
      className="audit-filters"
      role="search"
      aria-label={t('audit.filters')}
      onSubmit={onSubmit}
      noValidate
      data-testid="audit-filters"
    >
      <SelectField label={t('audit.business')} name="businessId" value={draft.businessId} onChange={set('businessId')}>
        <option value="">{t('audit.anyBusiness')}</option>
        {!known && draft.businessId ? <option value={draft.businessId}>{draft.businessId}</option> : null}
        {businesses.map((business) => (
          <option key={business.id} value={business.id}>
            {business.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('audit.user')}
        hint={t('audit.userHint')}
        name="userId"
        value={draft.userId}
        onChange={set('userId')}
        error={userIdWrong ? t('audit.userInvalid') : null}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label={t('audit.target')}
        hint={t('audit.targetHint')}
        name="targetId"
        value={draft.targetId}
        onChange={set('targetId')}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        label={t('audit.action')}
        hint={t('audit.actionHint')}
        name="action"
        value={draft.action}
        onChange={set('action')}
        list="audit-actions"
        autoComplete="off"
        spellCheck={false}
      />
      <datalist id="audit-actions">
        {actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <DateField label={t('audit.from')} name="from" value={draft.from} onChange={setDate('from')} max={draft.to || undefined} />
      <DateField
        label={t('audit.to')}
        name="to"
        value={draft.to}
        onChange={setDate('to')}
        min={draft.from || undefined}
        error={rangeWrong ? t('audit.rangeWrong') : null}
      />
      <div className="audit-filters__buttons">
        <Button type="submit" data-testid="audit-apply">
          {t('audit.apply')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t('audit.clear')}
        </Button>
      </div>
    </form>
  );
}
