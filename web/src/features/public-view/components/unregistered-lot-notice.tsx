import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '@/lib/i18n';

/**
 * Where the resolver sent a shopper whose code names a lot the portal does not know (it walks up
 * to the product): the lot is not registered, which may mean a copied or mistyped code. Shown
 * once the page is in the browser: the page the server renders is the product's, for every lot.
 */
export function UnregisteredLotNotice() {
  const t = useT();
  const [search] = useSearchParams();
  const [lot, setLot] = useState<string | null>(null);
  useEffect(() => setLot(search.get('unregisteredLot')), [search]);
  if (!lot) return null;
  return (
    <div className="notice notice--warning" role="alert" data-testid="unregistered-lot">
      <p className="notice__title">{t('product.unregisteredLot.title', { lot })}</p>
      <p>{t('product.unregisteredLot.text')}</p>
    </div>
  );
}
