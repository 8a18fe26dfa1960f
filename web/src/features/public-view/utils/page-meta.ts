import type { PublicBatchView, PublicProductView } from '@nguon/shared';
import type { translator } from '@/lib/i18n';

type Texts = Pick<ReturnType<typeof translator>, 't' | 'l'>;

/** What a shared link shows (title, description, image); the page's `<title>` is the same title. */
export interface PageMeta {
  title: string;
  description: string;
  imageUrl: string | null;
}

export function batchPageMeta(batch: PublicBatchView, { t, l }: Texts): PageMeta {
  const origin = batch.origin ? `${batch.origin.name}, ${batch.origin.province}` : batch.producer.address.province;
  const about = t('meta.batch', { lot: batch.lotCode, producer: batch.producer.name, origin });
  // A recall is the one thing a preview must not leave out.
  const warning = batch.recall ? `${t(batch.recall.source ? 'recall.sourceTitle' : 'recall.title')}. ` : '';
  return {
    title: `${t('batch.pageTitle', { name: l(batch.product.name), lot: batch.lotCode })} | ${t('app.name')}`,
    description: `${warning}${about}`,
    imageUrl: batch.product.imageUrl,
  };
}

export function productPageMeta(view: PublicProductView, { t, l }: Texts): PageMeta {
  const name = l(view.product.name);
  return {
    title: `${name} | ${t('app.name')}`,
    description: view.product.description
      ? l(view.product.description)
      : t('meta.product', { product: name, producer: view.producer.name }),
    imageUrl: view.product.imageUrl,
  };
}
