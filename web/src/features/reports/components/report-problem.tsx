import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  REPORT_CATEGORIES,
  REPORT_CATEGORY_NAMES,
  REPORT_PHOTO_MAX_BYTES,
  REPORT_PHOTO_TYPES,
  type ConsumerReportRequest,
  type ReportCategory,
} from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { sendReport } from '../api/send-report';
import '../reports.css';

type Photo = NonNullable<ConsumerReportRequest['photo']>;

/** The file as base64, without the `data:...;base64,` prefix the reader adds. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * "Report a problem": closed until asked for, then a short form that needs no account. A link to
 * `#{anchor}` (from the top of the page) scrolls here and opens it.
 */
export function ReportProblem({ batchId, anchor }: { batchId: string; anchor: string }) {
  const t = useT();
  const { locale, l } = useLocale();
  const formId = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const openWhenLinked = () => {
      if (window.location.hash === `#${anchor}`) setOpen(true);
    };
    openWhenLinked();
    window.addEventListener('hashchange', openWhenLinked);
    return () => window.removeEventListener('hashchange', openWhenLinked);
  }, [anchor]);
  const [sent, setSent] = useState(false);
  const [category, setCategory] = useState<ReportCategory | ''>('');
  const [message, setMessage] = useState('');
  const [contact, setContact] = useState('');
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [problems, setProblems] = useState<{ category?: string; message?: string; photo?: string }>({});
  const action = useAction(sendReport);

  const onPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPhoto(null);
    setProblems(({ photo: _, ...rest }) => rest);
    if (!file) return;
    const type = REPORT_PHOTO_TYPES.find((allowed) => allowed === file.type);
    if (!type) return setProblems((p) => ({ ...p, photo: t('reports.photoWrongType') }));
    if (file.size > REPORT_PHOTO_MAX_BYTES) return setProblems((p) => ({ ...p, photo: t('reports.photoTooLarge') }));
    setPhoto({ contentType: type, base64: await readBase64(file) });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = {
      ...(category === '' ? { category: t('form.required') } : {}),
      ...(message.trim() === '' ? { message: t('form.required') } : {}),
      ...(problems.photo ? { photo: problems.photo } : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () =>
        action.run(
          batchId,
          {
            category: category as ReportCategory,
            message: message.trim(),
            ...(contact.trim() ? { contact: contact.trim() } : {}),
            ...(photo ? { photo } : {}),
          },
          { locale },
        ),
      onSent: () => setSent(true),
    });
  };

  if (sent) {
    return (
      <Notice tone="success" role="status" data-testid="report-sent">
        {t('reports.sent')}
      </Notice>
    );
  }
  if (!open) {
    return (
      <Button
        variant="secondary"
        className="report-problem__open"
        aria-expanded={false}
        aria-controls={formId}
        onClick={() => setOpen(true)}
        data-testid="report-open"
      >
        {t('reports.open')}
      </Button>
    );
  }
  return (
    <form id={formId} className="form report-problem" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="report-form">
      <h2 className="form__title">{t('reports.title')}</h2>
      <p className="muted">{t('reports.intro')}</p>
      <SelectField
        label={t('reports.category')}
        name="category"
        value={category}
        onChange={(event) => setCategory(event.target.value as ReportCategory | '')}
        error={problems.category ?? fieldErrorOf(action.error, 'category')}
        required
      >
        <option value="">{t('reports.categoryPick')}</option>
        {REPORT_CATEGORY_NAMES.map((name) => (
          <option key={name} value={name}>
            {l(REPORT_CATEGORIES[name])}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('reports.message')}
        hint={t('reports.messageHint')}
        name="message"
        rows={4}
        maxLength={2000}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        error={problems.message ?? fieldErrorOf(action.error, 'message')}
        required
      />
      <TextField
        label={t('reports.photo')}
        hint={t('reports.photoHint')}
        name="photo"
        type="file"
        accept={REPORT_PHOTO_TYPES.join(',')}
        onChange={(event) => void onPhoto(event)}
        error={problems.photo ?? fieldErrorOf(action.error, 'photo.base64', 'photo.contentType')}
      />
      <TextField
        label={t('reports.contact')}
        hint={t('reports.contactHint')}
        name="contact"
        autoComplete="tel"
        maxLength={200}
        value={contact}
        onChange={(event) => setContact(event.target.value)}
        error={fieldErrorOf(action.error, 'contact')}
      />
      <FormError error={action.error} shownFields={['category', 'message', 'contact', 'photo.base64', 'photo.contentType']} />
      <div className="actions__buttons">
        <SubmitButton pending={action.pending} data-testid="report-submit">
          {t('reports.submit')}
        </SubmitButton>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('reports.cancel')}
        </Button>
      </div>
    </form>
  );
}
