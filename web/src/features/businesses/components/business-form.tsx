import { useId, useState, type FormEvent } from 'react';
import { isValidGln, type CreateBusinessRequest, type BusinessView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { focusFirstInvalid } from '@/lib/focus';
import { useAction } from '@/lib/use-action';
import { createBusiness } from '../api/create-business';
import { PROVINCES } from '../utils/provinces';
import { checkTaxCode, normalizeTaxCode } from '../utils/tax-code';

interface Values {
  legalName: string;
  taxCode: string;
  line: string;
  commune: string;
  province: string;
  phone: string;
  email: string;
  gs1CompanyPrefix: string;
  gln: string;
}

type Field = keyof Values;

const EMPTY: Values = { legalName: '', taxCode: '', line: '', commune: '', province: '', phone: '', email: '', gs1CompanyPrefix: '', gln: '' };

/** Each form field and the server's field-error paths for it. */
const SERVER_PATHS: Record<Field, string[]> = {
  legalName: ['legalName'],
  taxCode: ['taxCode'],
  line: ['address.line'],
  commune: ['address.commune'],
  province: ['address.province'],
  phone: ['phone'],
  email: ['email'],
  gs1CompanyPrefix: ['gs1CompanyPrefix'],
  gln: ['gln'],
};
const SHOWN = [...Object.values(SERVER_PATHS).flat(), 'address'];

function validate(values: Values): Partial<Record<Field, MessageKey>> {
  const problems: Partial<Record<Field, MessageKey>> = {};
  if (values.legalName.trim() === '') problems.legalName = 'form.required';
  const tax = checkTaxCode(values.taxCode);
  if (tax.state === 'empty') problems.taxCode = 'form.required';
  else if (tax.state !== 'valid') problems.taxCode = tax.state === 'invalid' && tax.reason === 'characters' ? 'business.taxCode.digitsOnly' : 'business.taxCode.length';
  for (const field of ['line', 'commune', 'province'] as const) {
    if (values[field].trim() === '') problems[field] = 'form.required';
  }
  if (values.phone.trim() && !/^\+?[0-9 .-]{8,20}$/.test(values.phone.trim())) problems.phone = 'business.phone.invalid';
  if (values.email.trim() && !/^\S+@\S+\.\S+$/.test(values.email.trim())) problems.email = 'form.email';
  if (values.gs1CompanyPrefix.trim() && !/^\d{6,12}$/.test(values.gs1CompanyPrefix.trim())) problems.gs1CompanyPrefix = 'business.gs1CompanyPrefix.invalid';
  if (values.gln.trim() && !isValidGln(values.gln.trim())) problems.gln = 'business.gln.invalid';
  return problems;
}

function toRequest(values: Values): CreateBusinessRequest {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    legalName: values.legalName.trim(),
    taxCode: normalizeTaxCode(values.taxCode),
    address: { line: values.line.trim(), commune: values.commune.trim(), province: values.province.trim() },
    phone: optional(values.phone),
    email: optional(values.email),
    gs1CompanyPrefix: optional(values.gs1CompanyPrefix),
    gln: optional(values.gln),
  };
}

/** Registers a business (pending until an administrator verifies it); the tax code is checked as typed. */
export function BusinessForm({ onCreated }: { onCreated: (business: BusinessView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const provincesId = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<Field, MessageKey>>>({});
  const [taxTouched, setTaxTouched] = useState(false);
  const action = useAction(createBusiness);

  const set = (field: Field) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
    // A corrected field loses its old complaint.
    setProblems((current) => {
      if (!current[field]) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  };

  const errorFor = (field: Field) => {
    const own = problems[field];
    if (own) return t(own);
    if (field === 'taxCode' && action.error?.code === 'TAX_CODE_TAKEN') return t('business.taxCode.taken');
    return fieldErrorOf(action.error, ...SERVER_PATHS[field]);
  };

  // The tax code, as typed: wrong characters or too many digits at once, too few once left.
  const tax = checkTaxCode(values.taxCode);
  const taxLiveProblem: MessageKey | null =
    tax.state === 'invalid' ? (tax.reason === 'characters' ? 'business.taxCode.digitsOnly' : 'business.taxCode.length')
    : tax.state === 'partial' && taxTouched ? 'business.taxCode.length'
    : null;
  const taxStatus =
    tax.state === 'valid' ? t('business.taxCode.ok', { count: tax.digits.length })
    : tax.state === 'partial' ? t('business.taxCode.count', { count: tax.digits.length, target: tax.target })
    : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values);
    setProblems(found);
    setTaxTouched(true);
    const form = event.currentTarget;
    if (Object.keys(found).length) return focusFirstInvalid(form);
    const result = await action.run(toRequest(values), { locale });
    if (result.ok) onCreated(result.value);
    else focusFirstInvalid(form);
  };

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={action.pending} data-testid="business-form">
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.identity')}</legend>
        <TextField
          label={t('business.legalName')}
          hint={t('business.legalNameHint')}
          name="legalName"
          autoComplete="organization"
          value={values.legalName}
          onChange={set('legalName')}
          error={errorFor('legalName')}
          maxLength={300}
          required
        />
        <TextField
          label={t('business.taxCode')}
          hint={t('business.taxCodeHint')}
          name="taxCode"
          inputMode="numeric"
          autoComplete="off"
          value={values.taxCode}
          onChange={set('taxCode')}
          onBlur={() => setTaxTouched(true)}
          status={taxLiveProblem ? null : taxStatus}
          error={taxLiveProblem && !problems.taxCode ? t(taxLiveProblem) : errorFor('taxCode')}
          maxLength={20}
          required
          data-testid="tax-code-input"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.address')}</legend>
        <TextField
          label={t('business.addressLine')}
          hint={t('business.addressLineHint')}
          name="line"
          autoComplete="street-address"
          value={values.line}
          onChange={set('line')}
          error={errorFor('line')}
          maxLength={300}
          required
        />
        <div className="form__pair">
          <TextField
            label={t('business.commune')}
            name="commune"
            value={values.commune}
            onChange={set('commune')}
            error={errorFor('commune')}
            maxLength={120}
            required
          />
          <TextField
            label={t('business.province')}
            name="province"
            list={provincesId}
            value={values.province}
            onChange={set('province')}
            error={errorFor('province')}
            maxLength={120}
            required
          />
        </div>
        <datalist id={provincesId}>
          {PROVINCES.map((province) => (
            <option key={province} value={province} />
          ))}
        </datalist>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.contact')}</legend>
        <div className="form__pair">
          <TextField
            label={t('business.phoneOptional')}
            type="tel"
            name="phone"
            autoComplete="tel"
            value={values.phone}
            onChange={set('phone')}
            error={errorFor('phone')}
            maxLength={20}
          />
          <TextField
            label={t('business.emailOptional')}
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            value={values.email}
            onChange={set('email')}
            error={errorFor('email')}
            maxLength={254}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.gs1')}</legend>
        <p className="field__hint">{t('business.form.gs1Hint')}</p>
        <div className="form__pair">
          <TextField
            label={t('business.gs1CompanyPrefixOptional')}
            name="gs1CompanyPrefix"
            inputMode="numeric"
            autoComplete="off"
            value={values.gs1CompanyPrefix}
            onChange={set('gs1CompanyPrefix')}
            error={errorFor('gs1CompanyPrefix')}
            maxLength={12}
          />
          <TextField
            label={t('business.glnOptional')}
            name="gln"
            inputMode="numeric"
            autoComplete="off"
            value={values.gln}
            onChange={set('gln')}
            error={errorFor('gln')}
            maxLength={13}
          />
        </div>
      </fieldset>
      <FormError error={action.error?.code === 'TAX_CODE_TAKEN' ? null : action.error} shownFields={SHOWN} />
      <Button type="submit" className="button--block" disabled={action.pending} data-testid="business-submit">
        {action.pending ? t('form.sending') : t('business.form.submit')}
      </Button>
    </form>
  );
}
