import { Link } from 'react-router';
import { STAGES, type ScorecardCriterion, type ScorecardFailures, type Stage } from '@nguon/shared';
import { formatDate } from '@/lib/format';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { portalPath } from '@/lib/use-portal-business';

const isStage = (name: string): name is Stage => name in STAGES;

/** What a failing batch lacks, in words: the stages, certificate kinds or producer details named. */
function useMissingText() {
  const t = useT();
  const { l } = useLocale();
  return (criterion: ScorecardCriterion, missing: readonly string[]): string => {
    if (criterion === 'stages' || criterion === 'documents') return missing.map((m) => (isStage(m) ? l(STAGES[m].label) : m)).join(', ');
    if (criterion === 'certificates') {
      return missing.length
        ? missing.map((kind) => t(`certs.kind.${kind}` as MessageKey)).join(', ')
        : t('scorecard.missing.noCertificate');
    }
    if (criterion === 'producer') return missing.map((m) => t(`scorecard.missing.${m}` as MessageKey)).join(', ');
    if (criterion === 'stepForward') return t('scorecard.missing.shipments', { count: missing.length });
    return '';
  };
}

/** One criterion's failing batches, each linked to its page, with what to fix. */
export function GapList({ businessId, failures }: { businessId: string; failures: ScorecardFailures }) {
  const t = useT();
  const { locale, l } = useLocale();
  const missingText = useMissingText();
  return (
    <section className="scorecard-gaps" data-testid={`gaps-${failures.criterion}`} aria-labelledby={`gaps-${failures.criterion}-title`}>
      <h3 id={`gaps-${failures.criterion}-title`} className="scorecard-gaps__title">
        {t(`scorecard.criterion.${failures.criterion}`)}
      </h3>
      <p className="scorecard-gaps__fix">{t(`scorecard.fix.${failures.criterion}`)}</p>
      <ul className="scorecard-gaps__list">
        {failures.batches.map((batch) => {
          const missing = missingText(failures.criterion, batch.missing);
          return (
            <li key={batch.batchId} data-testid="gap-batch" data-lot-code={batch.lotCode}>
              <Link to={portalPath(businessId, `/batches/${batch.batchId}`)} className="code">
                {batch.lotCode}
              </Link>{' '}
              {l(batch.productName)}, {t('scorecard.produced', { date: formatDate(batch.productionDate, locale) })}
              {missing ? <span className="scorecard-gaps__missing"> ({missing})</span> : null}
            </li>
          );
        })}
      </ul>
      {failures.total > failures.batches.length ? (
        <p className="muted">{t('scorecard.more', { count: failures.total - failures.batches.length })}</p>
      ) : null}
    </section>
  );
}
