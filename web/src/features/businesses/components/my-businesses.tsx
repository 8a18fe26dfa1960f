import { Link } from 'react-router';
import type { CurrentUser } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ChevronRightIcon } from '@/components/ui/icons';
import { portalPath } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';
import { BusinessStatusBadge } from '@/components/ui/business-status-badge';

type Membership = CurrentUser['memberships'][number];

/** The businesses the user belongs to, with their status and role, each leading into its portal. */
export function MyBusinesses({ memberships }: { memberships: readonly Membership[] }) {
  const t = useT();
  return (
    <Card title={t('account.businesses.title')} data-testid="my-businesses">
      {memberships.length === 0 ? (
        <p className="muted">{t('account.businesses.empty')}</p>
      ) : (
        <ul className="link-list">
          {memberships.map((membership) => (
            <li key={membership.businessId}>
              <Link
                to={portalPath(membership.businessId)}
                className="link-row"
                data-testid="membership"
                data-business-id={membership.businessId}
              >
                <span className="link-row__text">
                  <span className="link-row__title">{membership.businessName}</span>
                  <span className="link-row__meta">
                    <BusinessStatusBadge status={membership.businessStatus} />
                    <Badge tone="neutral">{t(`member.role.${membership.role}`)}</Badge>
                  </span>
                </span>
                <ChevronRightIcon className="link-row__chevron" />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="card__footer">
        <Link to="/businesses/new" className="button button--secondary" data-testid="new-business-link">
          {t('account.businesses.register')}
        </Link>
      </p>
    </Card>
  );
}
