import { EXPORT_FORMATS, type ExportFormat } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { useT, type MessageKey } from '@/lib/i18n';

export const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  csv: 'exports.format.csv',
  xlsx: 'exports.format.xlsx',
  jsonld: 'exports.format.jsonld',
  xml: 'exports.format.xml',
};

/** One button per file format; all wait while a download runs. */
export function ExportFormatButtons({ running, onExport }: { running: ExportFormat | null; onExport: (format: ExportFormat) => void }) {
  const t = useT();
  return (
    <div className="exports-formats" role="group" aria-label={t('exports.format.group')}>
      {EXPORT_FORMATS.map((format) => (
        <Button
          key={format}
          variant="secondary"
          disabled={running !== null}
          aria-busy={running === format}
          onClick={() => onExport(format)}
        >
          {t(FORMAT_LABELS[format])}
        </Button>
      ))}
    </div>
  );
}
