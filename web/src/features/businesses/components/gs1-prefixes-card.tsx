import type { BusinessView } from '@nguon/shared';
import { useLocale, useT } from '@/lib/i18n';
import { updateGs1Prefixes } from '../api/update-gs1-prefixes';
import { prefixesProblem, splitPrefixes, typedPrefix } from '../utils/gs1-prefixes';
import { BusinessSettingCard } from './business-setting-card';

/**
 * The owners' list of the business's GS1 company prefixes. Any change is allowed while the business
 * waits for verification; once verified, a prefix added waits for an administrator to confirm it.
 */
export function Gs1PrefixesCard({ business, onChanged }: { business: BusinessView; onChanged: (business: BusinessView) => void }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <BusinessSettingCard
      title={t('claims.edit.title')}
      intro={t('claims.edit.intro')}
      label={t('claims.prefixes.label')}
      hint={t('claims.prefixes.hint')}
      name="gs1Prefixes"
      maxLength={400}
      initial={business.gs1Prefixes.map((p) => typedPrefix(p.prefix)).join(', ')}
      saveLabel={t('claims.edit.save')}
      problemOf={(text) => prefixesProblem(text, t)}
      save={(text) => updateGs1Prefixes(business.id, { gs1Prefixes: splitPrefixes(text) }, { locale })}
      onChanged={onChanged}
      testId="gs1-prefixes"
    />
  );
}
