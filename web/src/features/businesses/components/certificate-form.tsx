import { useState, type FormEvent } from 'react';
import { CERTIFICATE_KINDS, type AttachmentView, type CertificateKind, type CreateCertificateRequest } from '@nguon/shared';
import { DateField } from '@/components/ui/date-field';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import type { Action } from '@/lib/use-action';
import { AttachmentInput } from '@/components/ui/attachment-input';

interface Values {
  kind: CertificateKind;
  name: string;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  stars: string;
  document: AttachmentView[];
}

const EMPTY: Values = { kind: 'vietgap', name: '', number: '', issuer: '', validFrom: '', validTo: '', stars: '', document: [] };
const SHOWN_FIELDS = ['kind', 'name', 'number', 'issuer', 'validFrom', 'validTo', 'stars', 'documentAttachmentId'];

interface CertificateFormProps<R> {
  businessId: string;
  action: Action<[CreateCertificateRequest], R>;
  onAdded: (value: R, name: string) => void;
}

/** A certificate: kind, name, number, issuer, validity dates, OCOP stars, and a scan of it. */
export function CertificateForm<R>({ businessId, action, onAdded }: CertificateFormProps<R>) {
  const t = useT();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found: Partial<Record<keyof Values, string>> = {
      ...(values.name.trim() === '' ? { name: t('form.required') } : {}),
      ...(values.issuer.trim() === '' ? { issuer: t('form.required') } : {}),
      ...(values.validFrom && values.validTo && values.validTo < values.validFrom ? { validTo: t('certificates.datesOrder') } : {}),
    };
    setProblems(found);
    const body: CreateCertificateRequest = {
      kind: values.kind,
      name: values.name.trim(),
      issuer: values.issuer.trim(),
      ...(values.number.trim() ? { number: values.number.trim() } : {}),
      ...(values.validFrom ? { validFrom: values.validFrom } : {}),
      ...(values.validTo ? { validTo: values.validTo } : {}),
      ...(values.kind === 'ocop' && values.stars ? { stars: Number(values.stars) } : {}),
      ...(values.document[0] ? { documentAttachmentId: values.document[0].id } : {}),
    };
    void submitForm(event, {
      problems: found,
      send: () => action.run(body),
      onSent: (value) => {
        setValues(EMPTY);
        onAdded(value, body.name);
      },
    });
  };

  const error = (key: keyof Values, ...paths: string[]) => problems[key] ?? fieldErrorOf(action.error, ...(paths.length ? paths : [key]));
  return (
    <form className="form certificate-form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="certificate-form">
      <h3 className="form__title">{t('certificates.add')}</h3>
      <div className="form__pair">
        <SelectField
          label={t('certificates.kind')}
          name="kind"
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as CertificateKind)}
          error={error('kind')}
        >
          {CERTIFICATE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`certs.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        {values.kind === 'ocop' ? (
          <SelectField
            label={t('certificates.stars')}
            name="stars"
            value={values.stars}
            onChange={(e) => set('stars', e.target.value)}
            error={error('stars')}
          >
            <option value="">—</option>
            {[1, 2, 3, 4, 5].map((stars) => (
              <option key={stars} value={stars}>
                {t('certificates.starsValue', { stars })}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <TextField
        label={t('certificates.name')}
        name="name"
        value={values.name}
        maxLength={200}
        required
        onChange={(e) => set('name', e.target.value)}
        error={error('name')}
      />
      <div className="form__pair">
        <TextField
          label={t('certificates.number')}
          name="number"
          value={values.number}
          maxLength={100}
          onChange={(e) => set('number', e.target.value)}
          error={error('number')}
        />
        <TextField
          label={t('certificates.issuer')}
          name="issuer"
          value={values.issuer}
          maxLength={200}
          required
          onChange={(e) => set('issuer', e.target.value)}
          error={error('issuer')}
        />
      </div>
      <div className="form__pair">
        <DateField
          label={t('certificates.validFrom')}
          name="validFrom"
          value={values.validFrom}
          onChange={(value) => set('validFrom', value)}
          error={error('validFrom')}
        />
        <DateField
          label={t('certificates.validTo')}
          hint={t('certificates.validToHint')}
          name="validTo"
          value={values.validTo}
          min={values.validFrom || undefined}
          onChange={(value) => set('validTo', value)}
          error={error('validTo')}
        />
      </div>
      <AttachmentInput
        businessId={businessId}
        label={t('certificates.document')}
        kind="document"
        value={values.document}
        onChange={(document) => set('document', document)}
        error={fieldErrorOf(action.error, 'documentAttachmentId')?.join(' ')}
      />
      <FormError error={action.error} shownFields={SHOWN_FIELDS} />
      <SubmitButton pending={action.pending} data-testid="certificate-submit">
        {t('certificates.add')}
      </SubmitButton>
    </form>
  );
}
