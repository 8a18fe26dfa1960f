import { useEffect, useState, type FormEvent } from 'react';
import {
  DEFAULT_LABEL_TEMPLATE,
  LABEL_COUNT_MAX,
  LABEL_TEMPLATES,
  labelSheetPages,
  labelsPerPage,
  labelTemplate,
  type BatchView,
  type LabelTemplateId,
} from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { downloadLabelSheet } from '../api/download-label-sheet';

/** A whole number from 1 to max as typed, else null. */
function wholeNumber(value: string, max: number): number | null {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  return number >= 1 && number <= max ? number : null;
}

/** Saves a file the page holds (a Blob's URL) as a download. */
function saveAs(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Chooses the sticker sheet, how many labels and where to start; downloads the PDF to print. */
export function LabelSheetForm({ batch }: { batch: BatchView }) {
  const t = useT();
  const tp = usePluralT();
  const { locale, l } = useLocale();
  const [templateId, setTemplateId] = useState<LabelTemplateId>(DEFAULT_LABEL_TEMPLATE);
  const template = labelTemplate(templateId);
  const perPage = labelsPerPage(template);
  const [count, setCount] = useState(String(perPage));
  const [startAt, setStartAt] = useState('1');
  const [problems, setProblems] = useState<{ count?: string; startAt?: string }>({});
  const [saved, setSaved] = useState<{ url: string; fileName: string } | null>(null);
  const action = useAction(downloadLabelSheet);

  // The PDF stays openable until the next one replaces it or the page is left.
  useEffect(() => (saved ? () => URL.revokeObjectURL(saved.url) : undefined), [saved]);

  const labels = wholeNumber(count, LABEL_COUNT_MAX);
  const firstPosition = wholeNumber(startAt, perPage);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = {
      ...(labels === null ? { count: t('labels.problem.range', { max: LABEL_COUNT_MAX }) } : {}),
      ...(firstPosition === null ? { startAt: t('labels.problem.range', { max: perPage }) } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run(batch.id, { template: templateId, count: labels ?? 0, startAt: firstPosition ?? 0 }, { locale }),
      onSent: (pdf) => {
        const file = { url: URL.createObjectURL(pdf), fileName: `nhan-${batch.lotCode}.pdf` };
        setSaved(file);
        saveAs(file.url, file.fileName);
      },
    });
  };

  return (
    <form className="form form--inline" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="label-sheet-form">
      <h3 className="form__title">{t('labels.sheet.title')}</h3>
      <SelectField
        label={t('labels.sheet.template')}
        name="template"
        value={templateId}
        onChange={(event) => setTemplateId(event.target.value as LabelTemplateId)}
        error={fieldErrorOf(action.error, 'template')}
        status={t('labels.sheet.templateGrid', { columns: template.columns, rows: template.rows })}
      >
        {LABEL_TEMPLATES.map((option) => (
          <option key={option.id} value={option.id}>
            {l(option.name)}
          </option>
        ))}
      </SelectField>
      <div className="labels-fields">
        <TextField
          label={t('labels.sheet.count')}
          name="count"
          type="number"
          inputMode="numeric"
          min={1}
          max={LABEL_COUNT_MAX}
          value={count}
          onChange={(event) => setCount(event.target.value)}
          error={problems.count ?? fieldErrorOf(action.error, 'count')}
          status={
            labels !== null && firstPosition !== null
              ? tp('labels.sheet.summary', labels, { pages: labelSheetPages(template, labels, firstPosition) })
              : null
          }
        />
        <TextField
          label={t('labels.sheet.startAt')}
          hint={t('labels.sheet.startAtHint', { max: perPage })}
          name="startAt"
          type="number"
          inputMode="numeric"
          min={1}
          max={perPage}
          value={startAt}
          onChange={(event) => setStartAt(event.target.value)}
          error={problems.startAt ?? fieldErrorOf(action.error, 'startAt')}
        />
      </div>
      <p className="field__hint">{t('labels.sheet.printHint')}</p>
      <FormError error={action.error} shownFields={['template', 'count', 'startAt']} />
      {saved && !action.pending ? (
        <Notice tone="success" className="labels-sheet__done" role="status" data-testid="label-sheet-done">
          <span>{t('labels.sheet.done', { file: saved.fileName })}</span>
          <a href={saved.url} target="_blank" rel="noopener">
            {t('labels.sheet.open')}
          </a>
        </Notice>
      ) : null}
      <SubmitButton pending={action.pending} pendingLabel={t('labels.sheet.pending')} data-testid="label-sheet-submit">
        {t('labels.sheet.submit')}
      </SubmitButton>
    </form>
  );
}
