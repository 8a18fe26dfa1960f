import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  UNIT_CODES,
  UNITS,
  lotCodeProblem,
  vietnamDay,
  type BatchView,
  type CreateBatchRequest,
  type LocationView,
  type ProductView,
  type UnitCode,
} from '@nguon/shared';
import { DateField } from '@/components/ui/date-field';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { createBatch } from '../api/create-batch';
import { addDays } from '../utils/dates';
import { LotCodeField } from './lot-code-field';

interface Values {
  productId: string;
  lotCode: string;
  displayName: string;
  productionDate: string;
  /** Null until the person types one: then it follows the product's shelf life. */
  expiryDate: string | null;
  bestBeforeDate: string;
  quantity: string;
  /** Null until chosen: then it is the product's unit. */
  unit: UnitCode | null;
  originLocationId: string;
  note: string;
}

type Field = keyof Values;
type Problems = Partial<Record<Field, MessageKey>>;

/** The fields whose server messages this form shows beside them. */
const SHOWN: Field[] = [
  'productId',
  'lotCode',
  'displayName',
  'productionDate',
  'expiryDate',
  'bestBeforeDate',
  'quantity',
  'unit',
  'originLocationId',
  'note',
];

function validate(values: Values, expiryDate: string): Problems {
  const problems: Problems = {};
  if (!values.productId) problems.productId = 'form.required';
  // The field says what is wrong with a lot code as it is typed; this only stops the submit.
  const lotCode = lotCodeProblem(values.lotCode.trim());
  if (lotCode) problems.lotCode = lotCode === 'empty' ? 'form.required' : 'batches.form.lotCodeHint';
  if (!values.productionDate) problems.productionDate = 'form.required';
  if (expiryDate && values.productionDate && expiryDate < values.productionDate) problems.expiryDate = 'batches.form.dateOrder';
  if (values.bestBeforeDate && values.productionDate && values.bestBeforeDate < values.productionDate)
    problems.bestBeforeDate = 'batches.form.dateOrder';
  if (values.quantity.trim() && !(Number(values.quantity.replace(',', '.')) > 0)) problems.quantity = 'batches.form.quantityInvalid';
  return problems;
}

interface BatchFormProps {
  products: readonly ProductView[];
  locations: readonly LocationView[];
  /** A product to start with (`?productId=`). */
  initialProductId: string | null;
  onCreated: (batch: BatchView) => void;
}

/** Registers a batch of one of the business's products, with the lot code checked as typed. */
export function BatchForm({ products, locations, initialProductId, onCreated }: BatchFormProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const action = useAction(createBatch);
  const start = products.find((p) => p.id === initialProductId) ?? (products.length === 1 ? products[0] : undefined);
  const [values, setValues] = useState<Values>({
    productId: start?.id ?? '',
    lotCode: '',
    displayName: '',
    productionDate: vietnamDay(),
    expiryDate: null,
    bestBeforeDate: '',
    quantity: '',
    unit: null,
    // Where the batch comes from is where its creation is recorded: a business's only place is it.
    originLocationId: locations.length === 1 ? locations[0]!.id : '',
    note: '',
  });
  const [problems, setProblems] = useState<Problems>({});

  const product = products.find((p) => p.id === values.productId);
  const suggestedExpiry = product?.shelfLifeDays && values.productionDate ? addDays(values.productionDate, product.shelfLifeDays) : '';
  const expiryDate = values.expiryDate ?? suggestedExpiry;
  const unit = values.unit ?? product?.unit ?? 'KGM';

  const change = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    // A corrected field loses its old complaint.
    setProblems((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in patch))));
  };
  /** For the plain text fields: the unit and expiry have their own handlers. */
  const set = (field: Exclude<Field, 'unit' | 'expiryDate'>) => (event: { target: { value: string } }) =>
    change({ [field]: event.target.value });

  const errorFor = (field: Field) => {
    const own = problems[field];
    if (own) return t(own);
    if (field === 'lotCode' && action.error?.code === 'LOT_CODE_TAKEN') return t('batches.form.lotCode.taken');
    return fieldErrorOf(action.error, field);
  };

  const toRequest = (): CreateBatchRequest => {
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    const quantity = values.quantity.trim() ? Number(values.quantity.replace(',', '.')) : undefined;
    return {
      productId: values.productId,
      lotCode: values.lotCode.trim(),
      displayName: optional(values.displayName),
      productionDate: values.productionDate,
      expiryDate: optional(expiryDate),
      bestBeforeDate: optional(values.bestBeforeDate),
      quantity,
      unit: quantity !== undefined ? unit : undefined,
      originLocationId: optional(values.originLocationId),
      note: optional(values.note),
    };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = validate(values, expiryDate);
    setProblems(found);
    void submitForm(event, { problems: found, send: () => action.run(toRequest(), { locale }), onSent: onCreated });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="batch-form">
      <SelectField
        label={t('batches.form.product')}
        name="productId"
        value={values.productId}
        onChange={(event) => change({ productId: event.target.value, unit: null, expiryDate: null })}
        error={errorFor('productId')}
        required
      >
        <option value="">{t('batches.form.chooseProduct')}</option>
        {products.map((p) => (
          <option key={p.id} value={p.id}>
            {l(p.name)}
          </option>
        ))}
      </SelectField>
      <LotCodeField
        value={values.lotCode}
        onChange={(lotCode) => change({ lotCode })}
        onAcceptSuggestion={(lotCode, typed) => change(values.displayName.trim() ? { lotCode } : { lotCode, displayName: typed })}
        error={errorFor('lotCode')}
      />
      <TextField
        label={t('batches.form.displayName')}
        hint={t('batches.form.displayNameHint')}
        name="displayName"
        value={values.displayName}
        onChange={set('displayName')}
        error={errorFor('displayName')}
        maxLength={200}
      />
      <div className="form__pair">
        <DateField
          label={t('batches.form.productionDate')}
          name="productionDate"
          value={values.productionDate}
          onChange={(productionDate) => change({ productionDate })}
          error={errorFor('productionDate')}
          required
        />
        <DateField
          label={t('batches.form.expiryDate')}
          hint={
            values.expiryDate === null && suggestedExpiry && product?.shelfLifeDays
              ? t('batches.form.expiryHint', { days: product.shelfLifeDays })
              : undefined
          }
          name="expiryDate"
          value={expiryDate}
          min={values.productionDate || undefined}
          onChange={(value) => change({ expiryDate: value })}
          error={errorFor('expiryDate')}
        />
      </div>
      <DateField
        label={t('batches.form.bestBeforeDate')}
        name="bestBeforeDate"
        value={values.bestBeforeDate}
        min={values.productionDate || undefined}
        onChange={(bestBeforeDate) => change({ bestBeforeDate })}
        error={errorFor('bestBeforeDate')}
      />
      <div className="form__pair">
        <TextField
          label={t('batches.form.quantity')}
          name="quantity"
          inputMode="decimal"
          value={values.quantity}
          onChange={set('quantity')}
          error={errorFor('quantity')}
          autoComplete="off"
        />
        <SelectField
          label={t('batches.form.unit')}
          name="unit"
          value={unit}
          onChange={(event) => change({ unit: event.target.value as UnitCode })}
          error={errorFor('unit')}
        >
          {UNIT_CODES.map((code) => (
            <option key={code} value={code}>
              {l(UNITS[code])}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        label={t('batches.form.origin')}
        name="originLocationId"
        value={values.originLocationId}
        onChange={set('originLocationId')}
        error={errorFor('originLocationId')}
      >
        <option value="">{t('batches.form.noOrigin')}</option>
        {locations.map((location) => (
          <option key={location.id} value={location.id}>
            {location.name}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('batches.form.note')}
        name="note"
        value={values.note}
        onChange={set('note')}
        error={errorFor('note')}
        rows={3}
        maxLength={2000}
      />
      <FormError error={action.error?.code === 'LOT_CODE_TAKEN' ? null : action.error} shownFields={SHOWN} />
      <SubmitButton className="button--block" pending={action.pending} data-testid="batch-submit">
        {t('batches.form.submit')}
      </SubmitButton>
    </form>
  );
}

/** When the business has no product yet: a batch is always of a product. */
export function NoProducts({ newProductPath }: { newProductPath: string }) {
  const t = useT();
  return (
    <div className="stack" data-testid="no-products">
      <p>{t('batches.new.noProducts')}</p>
      <Link to={newProductPath} className="button button--primary">
        {t('batches.actions.newProduct')}
      </Link>
    </div>
  );
}
