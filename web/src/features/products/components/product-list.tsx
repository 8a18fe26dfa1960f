import { Link } from 'react-router';
import { UNITS, type ProductView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { portalPath } from '@/lib/use-portal-business';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import '../products.css';

/** Products as rows: main image, name, GTIN, unit and how many batches. */
export function ProductList({ businessId, products }: { businessId: string; products: readonly ProductView[] }) {
  const t = useT();
  const tp = usePluralT();
  const { l } = useLocale();
  return (
    <ul className="row-list product-list" aria-label={t('products.title')}>
      {products.map((product) => (
        <li key={product.id} className="row product-list__row" data-testid="product-row" data-product-id={product.id}>
          {product.imageUrl ? (
            <img className="product-list__thumb" src={product.imageUrl} alt="" loading="lazy" data-testid="product-thumb" />
          ) : (
            <span className="product-list__thumb product-list__thumb--empty" aria-hidden="true" />
          )}
          <div className="row__main">
            <p className="row__title">
              <Link to={portalPath(businessId, `/products/${product.id}`)} aria-label={t('products.open', { name: l(product.name) })}>
                {l(product.name)}
              </Link>
            </p>
            <p className="row__meta">
              <span className="code" data-testid="product-gtin">
                {product.gtin ?? t('products.noGtin')}
              </span>
              {' · '}
              {l(UNITS[product.unit])}
              {' · '}
              <Badge tone="neutral">{tp('products.batches', product.batchCount)}</Badge>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
