import { useState } from 'react';
import type { ConsumerBatchState, PublicBatchView } from '@nguon/shared';
import { useLocale, useT } from '@/lib/i18n';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';

interface ProductHeaderProps {
  product: PublicBatchView['product'];
  /** The batch's state and own name, on a batch page. */
  status?: ConsumerBatchState;
  displayName?: string | null;
}

function ProductImage({ src, alt, name, fallback }: { src: string | null; alt: string; name: string; fallback: string }) {
  const [broken, setBroken] = useState(false);
  if (!src || broken) {
    return (
      <div className="product-header__image product-header__image--empty" role="img" aria-label={fallback}>
        <span aria-hidden="true">{name.trim().charAt(0).toUpperCase()}</span>
      </div>
    );
  }
  return (
    <img className="product-header__image" src={src} alt={alt} width={128} height={128} decoding="async" onError={() => setBroken(true)} />
  );
}

/** Product name and image, brand, the lot's own name, and its status. */
export function ProductHeader({ product, status, displayName }: ProductHeaderProps) {
  const t = useT();
  const { l } = useLocale();
  const name = l(product.name);
  return (
    <header className="product-header">
      <ProductImage src={product.imageUrl} alt={t('batch.imageAlt', { name })} name={name} fallback={t('batch.noImage')} />
      <div className="product-header__text">
        {status ? <BatchStatusBadge status={status} /> : null}
        <h1 className="product-header__name" data-testid="product-name">
          {name}
        </h1>
        {displayName ? <p className="product-header__subtitle">{displayName}</p> : null}
        {product.brand ? (
          <p className="product-header__brand">
            {t('batch.brand')}: <strong data-testid="brand">{product.brand}</strong>
          </p>
        ) : null}
      </div>
      {product.description ? <p className="product-header__description">{l(product.description)}</p> : null}
    </header>
  );
}
