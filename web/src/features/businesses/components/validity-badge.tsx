import type { CertificateValidity } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useT } from '@/lib/i18n';

const TONE: Record<CertificateValidity, BadgeTone> = { valid: 'success', expiring: 'warning', expired: 'danger' };

/** Valid, expiring within 30 days, or expired: as the server decided with the shared rule. */
export function ValidityBadge({ validity }: { validity: CertificateValidity }) {
  const t = useT();
  return (
    <Badge tone={TONE[validity]} data-testid="certificate-validity" data-validity={validity}>
      {t(`certificates.validity.${validity}`)}
    </Badge>
  );
}
