import { useId, useState, type ComponentProps, type FormEvent } from 'react';
import { isValidGln, type CreateBusinessRequest, type BusinessView } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { emailProblem } from '@/lib/validation';
import { createBusiness } from '../api/create-business';
import { PROVINCES } from '@/lib/provinces';
import { prefixesProblem, splitPrefixes } from '../utils/gs1-prefixes';
import { checkTaxCode, normalizeTaxCode } from '../utils/tax-code';

interface Values {
  legalName: string;
  taxCode: string;
  line: string;
  commune: string;
  province: string;
  phone: string;
  email: string;
  gs1Prefixes: string;
  gln: string;
}

type Field = keyof Values;

const EMPTY: Values = { legalName: '', taxCode: '', line: '', commune: '', province: '', phone: '', email: '', gs1Prefixes: '', gln: '' };

interface FieldSpec extends Pick<ComponentProps<'input'>, 'type' | 'inputMode' | 'autoComplete' | 'maxLength' | 'required'> {
  label: MessageKey;
  hint?: MessageKey;
  /** The server's field-error paths for it. */
  paths: string[];
}

/** Each form field: how it is labelled and typed, and where the server reports its errors. */
const FIELDS: Record<Field, FieldSpec> = {
  legalName: {
    label: 'business.legalName',
    hint: 'business.legalNameHint',
    autoComplete: 'organization',
    maxLength: 300,
    required: true,
    paths: ['legalName'],
  },
  taxCode: {
    label: 'business.taxCode',
    hint: 'business.taxCodeHint',
    inputMode: 'numeric',
    autoComplete: 'off',
    maxLength: 20,
    required: true,
    paths: ['taxCode'],
  },
  line: {
    label: 'business.addressLine',
    hint: 'business.addressLineHint',
    autoComplete: 'street-address',
    maxLength: 300,
    required: true,
    paths: ['address.line'],
  },
  commune: { label: 'business.commune', maxLength: 120, required: true, paths: ['address.commune'] },
  province: { label: 'business.province', maxLength: 120, required: true, paths: ['address.province'] },
  phone: { label: 'business.phoneOptional', type: 'tel', autoComplete: 'tel', maxLength: 20, paths: ['phone'] },
  email: { label: 'business.emailOptional', type: 'email', autoComplete: 'email', inputMode: 'email', maxLength: 254, paths: ['email'] },
  gs1Prefixes: {
    label: 'claims.prefixes.label',
    hint: 'claims.prefixes.hint',
    inputMode: 'numeric',
    autoComplete: 'off',
    maxLength: 400,
    paths: ['gs1Prefixes'],
  },
  gln: { label: 'business.glnOptional', inputMode: 'numeric', autoComplete: 'off', maxLength: 13, paths: ['gln'] },
};
const SHOWN = [...Object.values(FIELDS).flatMap((field) => field.paths), 'address'];

function validate(values: Values): Partial<Record<Field, MessageKey>> {
  const problems: Partial<Record<Field, MessageKey>> = {};
  if (values.legalName.trim() === '') problems.legalName = 'form.required';
  const tax = checkTaxCode(values.taxCode);
  if (tax.state === 'empty') problems.taxCode = 'form.required';
  else if (tax.state !== 'valid')
    problems.taxCode = tax.state === 'invalid' && tax.reason === 'characters' ? 'business.taxCode.digitsOnly' : 'business.taxCode.length';
  for (const field of ['line', 'commune', 'province'] as const) {
    if (values[field].trim() === '') problems[field] = 'form.required';
  }
  if (values.phone.trim() && !/^\+?[0-9 .-]{8,20}$/.test(values.phone.trim())) problems.phone = 'business.phone.invalid';
  const email = emailProblem(values.email, { optional: true });
  if (email) problems.email = email;
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
    gs1Prefixes: splitPrefixes(values.gs1Prefixes),
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
  const [prefixProblem, setPrefixProblem] = useState<string | null>(null);
  const action = useAction(createBusiness);

  const set = (field: Field) => (event: { target: { value: string } }) => {
    const value = event.target.value;
    setValues((current) => ({ ...current, [field]: value }));
    if (field === 'gs1Prefixes') setPrefixProblem(null);
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
    if (field === 'gs1Prefixes' && prefixProblem) return prefixProblem;
    return fieldErrorOf(action.error, ...FIELDS[field].paths);
  };

  const textField = (field: Field, more: Partial<ComponentProps<typeof TextField>> & Record<`data-${string}`, string> = {}) => {
    const { label, hint, paths: _paths, ...input } = FIELDS[field];
    return (
      <TextField
        label={t(label)}
        hint={hint ? t(hint) : undefined}
        name={field}
        {...input}
        value={values[field]}
        onChange={set(field)}
        error={errorFor(field)}
        {...more}
      />
    );
  };

  // The tax code, as typed: wrong characters or too many digits at once, too few once left.
  const tax = checkTaxCode(values.taxCode);
  const taxLiveProblem: MessageKey | null =
    tax.state === 'invalid'
      ? tax.reason === 'characters'
        ? 'business.taxCode.digitsOnly'
        : 'business.taxCode.length'
      : tax.state === 'partial' && taxTouched
        ? 'business.taxCode.length'
        : null;
  const taxStatus =
    tax.state === 'valid'
      ? t('business.taxCode.ok', { count: tax.digits.length })
      : tax.state === 'partial'
        ? t('business.taxCode.count', { count: tax.digits.length, target: tax.target })
        : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = validate(values);
    const prefixes = prefixesProblem(values.gs1Prefixes, t);
    setProblems(found);
    setPrefixProblem(prefixes);
    setTaxTouched(true);
    void submitForm(event, {
      problems: { ...found, ...(prefixes ? { gs1Prefixes: prefixes } : {}) },
      send: () => action.run(toRequest(values), { locale }),
      onSent: onCreated,
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="business-form">
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.identity')}</legend>
        {textField('legalName')}
        {textField('taxCode', {
          onBlur: () => setTaxTouched(true),
          status: taxLiveProblem ? null : taxStatus,
          error: taxLiveProblem && !problems.taxCode ? t(taxLiveProblem) : errorFor('taxCode'),
          'data-testid': 'tax-code-input',
        })}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.address')}</legend>
        {textField('line')}
        <div className="form__pair">
          {textField('commune')}
          {textField('province', { list: provincesId })}
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
          {textField('phone')}
          {textField('email')}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('business.form.gs1')}</legend>
        <p className="field__hint">{t('business.form.gs1Hint')}</p>
        {textField('gs1Prefixes', { 'data-testid': 'gs1-prefixes-input' })}
        {textField('gln')}
      </fieldset>
      <FormError error={action.error?.code === 'TAX_CODE_TAKEN' ? null : action.error} shownFields={SHOWN} />
      <SubmitButton className="button--block" pending={action.pending} data-testid="business-submit">
        {t('business.form.submit')}
      </SubmitButton>
    </form>
  );
}
