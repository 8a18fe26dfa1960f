import { useState, type FormEvent } from 'react';
import { UNIT_CODES, UNITS, type AttachmentView, type CreateProductRequest, type ProductView, type UnitCode } from '@nguon/shared';
import { FormError, fieldErrorOf } from '@/components/ui/form-error';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { submitForm } from '@/lib/submit-form';
import { useAction } from '@/lib/use-action';
import { createProduct } from '../api/create-product';
import { updateProduct } from '../api/update-product';
import { AttachmentInput } from '@/components/ui/attachment-input';
import '@/components/ui/form-section.css';
import '../products.css';
import { useBusiness } from '@/lib/api/get-business';
import { checkGtin, GtinField, type UsablePrefixes } from './gtin-field';

interface Values {
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  category: string;
  brand: string;
  gtin: string;
  unit: UnitCode;
  shelfLifeDays: string;
  standards: string;
  images: AttachmentView[];
}

function valuesOf(product: ProductView | null): Values {
  return {
    nameVi: product?.name.vi ?? '',
    nameEn: product && product.name.en !== product.name.vi ? product.name.en : '',
    descriptionVi: product?.description?.vi ?? '',
    descriptionEn: product?.description && product.description.en !== product.description.vi ? product.description.en : '',
    category: product?.category ?? '',
    brand: product?.brand ?? '',
    gtin: product?.gtin ?? '',
    unit: product?.unit ?? 'KGM',
    shelfLifeDays: product?.shelfLifeDays ? String(product.shelfLifeDays) : '',
    standards: product?.standards.join('\n') ?? '',
    images: product?.images ?? [],
  };
}

const SHOWN_FIELDS = [
  'name.vi',
  'name.en',
  'description.vi',
  'description.en',
  'category',
  'brand',
  'gtin',
  'unit',
  'shelfLifeDays',
  'standards',
  'images',
];

/** The request both create and edit send: English falls back to Vietnamese, blanks are cleared. */
function requestOf(values: Values, gtin14: string | null) {
  const nameVi = values.nameVi.trim();
  const descriptionVi = values.descriptionVi.trim();
  const shelfLife = values.shelfLifeDays.trim();
  return {
    name: { vi: nameVi, en: values.nameEn.trim() || nameVi },
    description: descriptionVi ? { vi: descriptionVi, en: values.descriptionEn.trim() || descriptionVi } : null,
    category: values.category.trim(),
    brand: values.brand.trim() || null,
    gtin: gtin14,
    unit: values.unit,
    shelfLifeDays: shelfLife ? Number(shelfLife) : null,
    standards: values.standards
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    images: values.images.map((i) => i.id),
  };
}

/** Leaves out what a new product does not have (create takes no nulls). */
function withoutNulls(request: ReturnType<typeof requestOf>): CreateProductRequest {
  return Object.fromEntries(Object.entries(request).filter(([, value]) => value !== null)) as unknown as CreateProductRequest;
}

interface ProductFormProps {
  businessId: string;
  /** The product to edit; null makes a new one. */
  product: ProductView | null;
  /** Staff see the form, disabled. */
  readOnly: boolean;
  onSaved: (product: ProductView) => void;
}

/** Create or edit a product: names, description, category, brand, GTIN (checked as typed), unit, shelf life, standards, images. */
export function ProductForm({ businessId, product, readOnly, onSaved }: ProductFormProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const [values, setValues] = useState<Values>(() => valuesOf(product));
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const action = useAction((request: ReturnType<typeof requestOf>) =>
    product ? updateProduct(product.id, request, { locale }) : createProduct(businessId, withoutNulls(request), { locale }),
  );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const gtinLocked = (product?.batchCount ?? 0) > 0;
  // A verified business publishes only under prefixes an administrator confirmed.
  const business = useBusiness(businessId);
  const confirmedOnly = business.status === 'success' && ['verified', 'suspended'].includes(business.data.status);
  const prefixes =
    business.status === 'success' ? business.data.gs1Prefixes.filter((p) => p.confirmed || !confirmedOnly).map((p) => p.prefix) : null;
  // A GTIN kept as it was (locked, or unchanged) is not checked against the prefixes again.
  const unchanged = gtinLocked || (product?.gtin != null && values.gtin.trim().replace(/ +/g, '').padStart(14, '0') === product.gtin);
  const usable: UsablePrefixes | null = prefixes && !unchanged ? { prefixes, confirmedOnly } : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const gtin = checkGtin(values.gtin, t, usable);
    const shelfLife = values.shelfLifeDays.trim();
    const found: Partial<Record<keyof Values, string>> = {
      ...(values.nameVi.trim() === '' ? { nameVi: t('form.required') } : {}),
      ...(values.category.trim() === '' ? { category: t('form.required') } : {}),
      ...(gtin && !gtin.ok ? { gtin: gtin.problem } : {}),
      ...(shelfLife && !(/^\d+$/.test(shelfLife) && Number(shelfLife) >= 1 && Number(shelfLife) <= 36500)
        ? { shelfLifeDays: t('products.edit.shelfLifeInvalid') }
        : {}),
    };
    setProblems(found);
    void submitForm(event, {
      problems: found,
      send: () => action.run(requestOf(values, gtin?.ok ? gtin.gtin14 : null)),
      onSent: (saved) => {
        setValues(valuesOf(saved));
        onSaved(saved);
      },
    });
  };

  const error = (key: keyof Values, ...paths: string[]) => problems[key] ?? fieldErrorOf(action.error, ...(paths.length ? paths : [key]));
  return (
    <form className="form product-form" onSubmit={onSubmit} noValidate aria-busy={action.pending} data-testid="product-form">
      <fieldset className="form-section" disabled={readOnly}>
        <legend className="form__title">{t('products.edit.section.identity')}</legend>
        <div className="form__pair">
          <TextField
            label={t('products.edit.nameVi')}
            name="nameVi"
            value={values.nameVi}
            maxLength={2000}
            required
            onChange={(e) => set('nameVi', e.target.value)}
            error={error('nameVi', 'name.vi', 'name')}
          />
          <TextField
            label={t('products.edit.nameEn')}
            hint={t('products.edit.nameEnHint')}
            name="nameEn"
            value={values.nameEn}
            maxLength={2000}
            onChange={(e) => set('nameEn', e.target.value)}
            error={error('nameEn', 'name.en')}
          />
        </div>
        <div className="form__pair">
          <TextField
            label={t('products.edit.category')}
            hint={t('products.edit.categoryHint')}
            name="category"
            value={values.category}
            maxLength={100}
            required
            onChange={(e) => set('category', e.target.value)}
            error={error('category')}
          />
          <TextField
            label={t('products.edit.brand')}
            name="brand"
            value={values.brand}
            maxLength={200}
            onChange={(e) => set('brand', e.target.value)}
            error={error('brand')}
          />
        </div>
        <TextAreaField
          label={t('products.edit.descriptionVi')}
          name="descriptionVi"
          rows={3}
          value={values.descriptionVi}
          maxLength={2000}
          onChange={(e) => set('descriptionVi', e.target.value)}
          error={error('descriptionVi', 'description.vi', 'description')}
        />
        <TextAreaField
          label={t('products.edit.descriptionEn')}
          hint={t('products.edit.nameEnHint')}
          name="descriptionEn"
          rows={3}
          value={values.descriptionEn}
          maxLength={2000}
          onChange={(e) => set('descriptionEn', e.target.value)}
          error={error('descriptionEn', 'description.en')}
        />
      </fieldset>
      <fieldset className="form-section" disabled={readOnly}>
        <legend className="form__title">{t('products.edit.section.codes')}</legend>
        <GtinField
          value={values.gtin}
          onChange={(gtin) => set('gtin', gtin)}
          error={error('gtin')}
          disabled={gtinLocked}
          lockedNote={gtinLocked ? t('products.gtin.locked') : undefined}
          usable={usable}
        />
        <div className="form__pair">
          <SelectField
            label={t('products.edit.unit')}
            name="unit"
            value={values.unit}
            onChange={(e) => set('unit', e.target.value as UnitCode)}
            error={error('unit')}
          >
            {UNIT_CODES.map((code) => (
              <option key={code} value={code}>
                {l(UNITS[code])} ({code})
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('products.edit.shelfLife')}
            hint={t('products.edit.shelfLifeHint')}
            name="shelfLifeDays"
            inputMode="numeric"
            value={values.shelfLifeDays}
            onChange={(e) => set('shelfLifeDays', e.target.value)}
            error={error('shelfLifeDays')}
          />
        </div>
        <TextAreaField
          label={t('products.edit.standards')}
          hint={t('products.edit.standardsHint')}
          name="standards"
          rows={3}
          value={values.standards}
          onChange={(e) => set('standards', e.target.value)}
          error={error('standards')}
        />
      </fieldset>
      {readOnly ? (
        values.images.length ? (
          <ul className="attachment-input__list" aria-label={t('products.edit.images')}>
            {values.images.map((image) => (
              <li key={image.id} className="attachment-input__item">
                <img className="attachment-input__thumb" src={image.url} alt="" loading="lazy" />
                <span className="attachment-input__name">{image.fileName}</span>
              </li>
            ))}
          </ul>
        ) : null
      ) : (
        <>
          <AttachmentInput
            businessId={businessId}
            label={t('products.edit.images')}
            hint={t('products.edit.imagesHint')}
            kind="image"
            multiple
            value={values.images}
            onChange={(images) => set('images', images)}
            error={fieldErrorOf(action.error, 'images')?.join(' ')}
          />
          <FormError error={action.error} shownFields={SHOWN_FIELDS} />
          <SubmitButton pending={action.pending} data-testid="product-submit">
            {product ? t('products.edit.update') : t('products.edit.create')}
          </SubmitButton>
        </>
      )}
    </form>
  );
}
