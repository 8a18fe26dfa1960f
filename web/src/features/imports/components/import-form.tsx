import { useState, type DragEvent, type FormEvent } from 'react';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportCheckResult, type ImportKind } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { checkImport } from '../api/check-import';
import { startImport } from '../api/start-import';
import { pickImportFile, type PickedFile } from '../import-file';
import { ImportProblems } from './import-problems';
import { ImportProgress } from './import-progress';
import '../imports.css';

const MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);

/**
 * The import page's steps: what to import and its template, the file, a check that lists every
 * problem by row and column (nothing stored), then the run with its progress bar.
 */
export function ImportForm({ businessId }: { businessId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [kind, setKind] = useState<ImportKind>('batches');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [checked, setChecked] = useState<ImportCheckResult | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const check = useAction((body: Blob) => checkImport(businessId, kind, body, { locale }));
  const start = useAction((body: Blob) => startImport(businessId, kind, body, { locale }));

  const reset = (next: { kind?: ImportKind; file?: PickedFile | null }) => {
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setChecked(null);
    setJobId(null);
    check.reset();
    start.reset();
  };
  const choose = (files: FileList | null) => {
    const picked = files?.[0];
    if (picked) reset({ file: pickImportFile(picked) });
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    choose(event.dataTransfer.files);
  };
  const onCheck = async (event: FormEvent) => {
    event.preventDefault();
    if (!file?.ok) return;
    const result = await check.run(file.body);
    if (result.ok) setChecked(result.value);
  };
  const onStart = async () => {
    if (!file?.ok) return;
    const result = await start.run(file.body);
    if (result.ok) setJobId(result.value.id);
  };

  const refused = [check.error, start.error].find((error) => error?.code === 'IMPORT_FILE_INVALID') ?? null;
  const otherError = [check.error, start.error].find((error) => error && error.code !== 'IMPORT_FILE_INVALID') ?? null;

  return (
    <div className="stack">
      <Card title={t('imports.template.title')} intro={t('imports.template.intro')}>
        <fieldset className="fieldset imports-kinds">
          <legend className="fieldset__legend">{t('imports.kind.legend')}</legend>
          {IMPORT_KINDS.map((option) => (
            <label key={option} className="imports-kind">
              <input
                type="radio"
                name="import-kind"
                value={option}
                checked={kind === option}
                onChange={() => reset({ kind: option })}
                data-testid={`import-kind-${option}`}
              />
              <span>
                <strong>{t(`imports.kind.${option}`)}</strong>
                <span className="imports-kind__hint">{t(`imports.kind.${option}Hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="imports-templates">
          {[...IMPORT_FORMATS].reverse().map((format) => (
            <a
              key={format}
              className="button button--secondary"
              href={`/api/imports/templates/${kind}.${format}`}
              download
              data-testid={`import-template-${format}`}
            >
              {t(`imports.template.${format}`)}
            </a>
          ))}
        </p>
      </Card>

      <Card title={t('imports.file.title')}>
        <form className="stack" onSubmit={onCheck} noValidate>
          <label className="imports-drop" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
            <span className="field__label">{t('imports.file.label')}</span>
            <span className="imports-drop__text">{file?.ok ? t('imports.file.chosen', { name: file.name }) : t('imports.file.drop')}</span>
            <span className="field__hint">{t('imports.file.hint', { mb: MAX_MB, rows: IMPORT_MAX_ROWS.toLocaleString(locale) })}</span>
            <input
              type="file"
              className="imports-drop__input"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                choose(event.target.files);
                // The same file, fixed and picked again, must count as a new choice.
                event.target.value = '';
              }}
              data-testid="import-file"
            />
          </label>
          {file && !file.ok ? (
            <p className="field__error" role="alert">
              {file.problem === 'tooLarge' ? t('imports.file.tooLarge', { mb: MAX_MB }) : t('imports.file.wrongType')}
            </p>
          ) : null}
          {file?.ok && !checked && !jobId ? (
            <SubmitButton pending={check.pending} pendingLabel={t('imports.checking')} data-testid="import-check">
              {t('imports.check')}
            </SubmitButton>
          ) : null}
        </form>
        {otherError ? <FormError error={otherError} /> : null}
        {refused ? <ImportProblems kind={kind} problems={refused.fieldErrors} /> : null}
        {checked && !jobId ? (
          <div className="stack">
            <Notice tone="success" role="status" data-testid="import-checked">
              {t('imports.checked', { rows: checked.rows })}
            </Notice>
            <Button onClick={onStart} disabled={start.pending} data-testid="import-run">
              {start.pending ? t('imports.starting') : t('imports.run', { rows: checked.rows })}
            </Button>
          </div>
        ) : null}
      </Card>

      {jobId ? (
        <>
          <ImportProgress jobId={jobId} />
          <Button variant="secondary" onClick={() => reset({ file: null })}>
            {t('imports.again')}
          </Button>
        </>
      ) : null}
    </div>
  );
}
