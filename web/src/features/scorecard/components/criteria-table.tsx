import { SCORECARD_CRITERIA, type BusinessScore } from '@nguon/shared';
import { useT } from '@/lib/i18n';
import { Share } from './share';

/** A business's figures: per criterion, its batches meeting it out of all, and the share. */
export function CriteriaTable({ score }: { score: BusinessScore }) {
  const t = useT();
  return (
    <table className="scorecard-criteria" data-testid="scorecard-criteria">
      <thead>
        <tr>
          <th scope="col">{t('scorecard.col.criterion')}</th>
          <th scope="col">{t('scorecard.col.met')}</th>
          <th scope="col">{t('scorecard.col.share')}</th>
        </tr>
      </thead>
      <tbody>
        {SCORECARD_CRITERIA.map((criterion) => {
          const figure = score.criteria[criterion];
          return (
            <tr key={criterion} data-testid={`criterion-${criterion}`}>
              <th scope="row">
                {t(`scorecard.criterion.${criterion}`)}
                <br />
                <span className="muted">{t(`scorecard.rule.${criterion}`)}</span>
              </th>
              <td>{t('scorecard.metOf', { met: figure.met, total: figure.total })}</td>
              <td>
                <Share share={figure.share} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
