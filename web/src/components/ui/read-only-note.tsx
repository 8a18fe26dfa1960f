import { Notice } from '@/components/ui/notice';
import { useT } from '@/lib/i18n';

/** Said to staff on master-data pages: they see everything but only owners change it. */
export function ReadOnlyNote() {
  const t = useT();
  return (
    <Notice tone="info" data-testid="read-only-note">
      {t('form.readOnly')}
    </Notice>
  );
}
