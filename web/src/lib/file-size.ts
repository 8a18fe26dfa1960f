import type { Translate } from '@/lib/i18n';

/** "820 KB", "1.4 MB": enough to tell a photo from a scan. */
export function formatFileSize(bytes: number, t: Translate): string {
  if (bytes < 1024 * 1024) return t('fileSize.kb', { size: Math.max(1, Math.round(bytes / 1024)) });
  return t('fileSize.mb', { size: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}
