import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FLAG_KINDS, FLAG_STATUS_NAMES, FLAG_STATUSES, REPORT_CATEGORIES, type FlagStatus, type FlagView } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { updateFlag } from '../api/flags';
import { FlagPhoto } from './flag-photo';

const STATUS_TONE: Record<FlagStatus, BadgeTone> = { open: 'danger', in_review: 'warning', closed: 'neutral' };

/** One flag: what was found, about which batch, the consumer's report, the notes, and the next step. */
export function FlagCard({ flag, onChange }: { flag: FlagView; onChange: (flag: FlagView) => void }) {
  const t = useT();
  const { locale, l } = useLocale();
  const [status, setStatus] = useState<FlagStatus>(flag.status);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction(updateFlag);
  const when = (iso: string) => formatEventTime(iso, DEFAULT_OFFSET, locale);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = status === flag.status && note.trim() === '' ? { note: t('flags.changeNeeded') } : {};
    setProblem(found.note ?? null);
    void submitForm(event, {
      problems: found,
      send: () =>
        save.run(flag.id, { ...(status !== flag.status ? { status } : {}), ...(note.trim() ? { note: note.trim() } : {}) }, { locale }),
      onSent: (updated) => {
        setNote('');
        onChange(updated);
      },
    });
  };

  return (
    <article className="flag" data-testid="flag" data-kind={flag.kind} data-status={flag.status}>
      <header className="flag__header">
        <Badge tone={STATUS_TONE[flag.status]}>{l(FLAG_STATUSES[flag.status])}</Badge>
        <h3 className="flag__title">{l(FLAG_KINDS[flag.kind])}</h3>
        <span className="muted">{t('flags.detected', { date: when(flag.detectedAt) })}</span>
      </header>
      <p data-testid="flag-summary">{l(flag.summary)}</p>
      <dl className="facts facts--compact">
        {flag.batch ? (
          <div className="facts__row">
            <dt>{t('flags.batch')}</dt>
            <dd>
              <Link to={`/inspector/batches/${encodeURIComponent(flag.batch.id)}`}>
                {l(flag.batch.productName)}, {flag.batch.lotCode}
              </Link>
            </dd>
          </div>
        ) : null}
        {flag.business ? (
          <div className="facts__row">
            <dt>{t('flags.business')}</dt>
            <dd>{flag.business.name}</dd>
          </div>
        ) : null}
        {flag.report ? (
          <>
            <div className="facts__row">
              <dt>{t('flags.report')}</dt>
              <dd>
                <strong>{l(REPORT_CATEGORIES[flag.report.category])}</strong>: {flag.report.message}
              </dd>
            </div>
            {flag.report.contact ? (
              <div className="facts__row">
                <dt>{t('flags.contact')}</dt>
                <dd>{flag.report.contact}</dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      {flag.report?.photoUrl ? <FlagPhoto path={flag.report.photoUrl} /> : null}
      {flag.notes.length ? (
        <section aria-label={t('flags.notes')}>
          <ol className="flag__notes">
            {flag.notes.map((n) => (
              <li key={n.id}>
                <span className="muted">{t('flags.noteBy', { author: n.author, date: when(n.createdAt) })}</span>
                {n.status ? <span> {t('flags.movedTo', { status: l(FLAG_STATUSES[n.status]) })}</span> : null}
                {n.text ? <p>{n.text}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <form className="form form--inline" onSubmit={onSubmit} noValidate aria-busy={save.pending}>
        <SelectField
          label={t('flags.newStatus')}
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value as FlagStatus)}
        >
          {FLAG_STATUS_NAMES.map((name) => (
            <option key={name} value={name}>
              {l(FLAG_STATUSES[name])}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t('flags.note')}
          hint={t('flags.noteHint')}
          name="note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={problem ?? fieldErrorOf(save.error, 'note', 'status')}
        />
        <FormError error={save.error} shownFields={['note', 'status']} />
        <SubmitButton pending={save.pending} data-testid="flag-save">
          {t('flags.save')}
        </SubmitButton>
      </form>
    </article>
  );
}
