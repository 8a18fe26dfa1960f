import { isValidGln, type BusinessView } from '@nguon/shared';
import { useLocale, useT } from '@/lib/i18n';
import { updateBusinessGln } from '../api/update-business-gln';
import { BusinessSettingCard } from './business-setting-card';

/**
 * The owners' GLN of the business: the party its events name, which partners' systems send goods
 * to. It must fall under one of the business's GS1 company prefixes; empty clears it.
 */
export function BusinessGlnCard({ business, onChanged }: { business: BusinessView; onChanged: (business: BusinessView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <BusinessSettingCard
      title={t('gln.edit.title')}
      intro={t('gln.edit.intro')}
      label={t('gln.edit.label')}
      name="gln"
      maxLength={13}
      initial={business.gln ?? ''}
      saveLabel={t('gln.edit.save')}
      problemOf={(text) => (text.trim() && !isValidGln(text.trim()) ? t('business.gln.invalid') : null)}
      save={(text) => updateBusinessGln(business.id, { gln: text.trim() || null }, { locale })}
      onChanged={onChanged}
      testId="business-gln"
    />
  );
}
