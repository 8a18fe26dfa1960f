import { Card } from '@/components/ui/card';
import { QueryResult } from '@/components/ui/query-result';
import { useBusinessScorecard } from '@/features/scorecard/api/get-scorecard';
import { CriteriaTable } from '@/features/scorecard/components/criteria-table';
import { GapList } from '@/features/scorecard/components/gap-list';
import { Share } from '@/features/scorecard/components/share';
import '@/features/scorecard/scorecard.css';
import { useT } from '@/lib/i18n';
import { usePortalBusiness } from '@/lib/use-portal-business';

/** The business's compliance scorecard: its figures per criterion, then the batches to fix, each linked. */
export default function ScorecardRoute() {
  const t = useT();
  const { businessId } = usePortalBusiness();
  const scorecard = useBusinessScorecard(businessId);
  return (
    <div className="page" data-testid="scorecard-page">
      <title>{`${t('scorecard.title')} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{t('scorecard.title')}</h1>
        <p className="page__intro">{t('scorecard.intro')}</p>
      </header>
      <QueryResult query={scorecard} loadingLabel={t('scorecard.loading')} retry>
        {({ score, failures }) => {
          if (score.batches === 0) return <p className="muted">{t('scorecard.empty')}</p>;
          const toFix = failures.filter((failure) => failure.total > 0);
          return (
            <>
              <Card
                title={t('scorecard.overall')}
                intro={t('scorecard.summary', { complete: score.completeBatches, batches: score.batches })}
              >
                <p className="scorecard-overall" data-testid="scorecard-overall">
                  <Share share={score.overall} />
                </p>
                <CriteriaTable score={score} />
              </Card>
              <Card title={t('scorecard.toFix')} data-testid="scorecard-to-fix">
                {toFix.length ? (
                  toFix.map((failure) => <GapList key={failure.criterion} businessId={businessId} failures={failure} />)
                ) : (
                  <p>{t('scorecard.allMet')}</p>
                )}
              </Card>
            </>
          );
        }}
      </QueryResult>
    </div>
  );
}
