import type { PublicLotSearch } from '@nguon/shared';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/notice';
import { formatDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

interface LotMatchesProps {
  lot: string;
  search: PublicLotSearch;
}

/** The batches that carry a lot code typed alone: the consumer picks the product in their hand. */
export function LotMatches({ lot, search }: LotMatchesProps) {
  const t = useT();
  const { locale } = useLocale();
  if (search.matches.length === 0)
    return (
      <Notice tone="warning" role="status">
        {t('scan.lots.none', { lot })}
      </Notice>
    );
  return (
    <section className="lot-matches" aria-labelledby="lot-matches-title" data-testid="lot-matches">
      <h3 id="lot-matches-title" className="lot-matches__title">
        {t('scan.lots.title', { lot })}
      </h3>
      <p className="lot-matches__hint">{t('scan.lots.hint')}</p>
      <ul className="lot-matches__list">
        {search.matches.map((match) => (
          <li key={match.id}>
            <Link className="lot-matches__item" to={`/batches/${encodeURIComponent(match.id)}`}>
              <strong>{match.productName[locale]}</strong>
              <span>{`${match.producerName}, ${match.province}`}</span>
              <span>{t('scan.lots.made', { date: formatDate(match.productionDate, locale), lot: match.lotCode })}</span>
              {match.status === 'recalled' ? <Badge tone="danger">{t('batch.status.recalled')}</Badge> : null}
            </Link>
          </li>
        ))}
      </ul>
      {search.more ? <p className="lot-matches__more">{t('scan.lots.more')}</p> : null}
    </section>
  );
}
