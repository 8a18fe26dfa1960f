import type { LabelClaim } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useT } from '@/lib/i18n';
import type { LabelCheckState } from '../api/check-label';

/** `261231` as printed on packaging: `31/12/2026`. */
const printedGs1Date = (yymmdd: string) => `${yymmdd.slice(4, 6)}/${yymmdd.slice(2, 4)}/20${yymmdd.slice(0, 2)}`;

function ClaimFacts({ claim }: { claim: LabelClaim }) {
  const t = useT();
  const facts = [
    ['gtin', t('labelCheck.gtin'), claim.gtin14],
    ['shortCode', t('labelCheck.shortCode'), claim.shortCode],
    ['lot', t('labelCheck.lot'), claim.lot],
    ['expiry', t('labelCheck.expiry'), claim.expiry ? printedGs1Date(claim.expiry) : null],
    ['business', t('labelCheck.business'), claim.business],
  ] as const;
  return (
    <dl className="label-check__facts">
      {facts.map(([field, label, value]) =>
        value === null ? null : (
          <div key={field}>
            <dt>{label}</dt>
            <dd className="code" data-testid={`label-claim-${field}`}>
              {value}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

const TONES: Record<string, BadgeTone> = {
  genuine: 'success',
  altered: 'danger',
  unknown_key: 'danger',
  unsigned: 'warning',
  not_a_code: 'warning',
};

/**
 * What this phone's check of a code's label found: signed by the portal for the product, lot,
 * expiry and business it shows (to be compared with the pack), or a plain warning when the code was
 * changed, signed by someone else, or not signed. The code's own facts are shown either way.
 */
export function LabelCheckResult({ check }: { check: LabelCheckState | null }) {
  const t = useT();
  if (check === null || check.status === 'checking' || check.status === 'unavailable') return null;
  return (
    <section className={`label-check label-check--${check.status}`} data-testid="label-check" data-status={check.status} aria-live="polite">
      <p>
        <Badge tone={TONES[check.status]}>{t(`labelCheck.${check.status}.title`)}</Badge>
      </p>
      <p className="label-check__detail">{t(`labelCheck.${check.status}.text`)}</p>
      {'claim' in check ? <ClaimFacts claim={check.claim} /> : null}
    </section>
  );
}
