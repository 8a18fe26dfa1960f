import { useState } from 'react';
import { EXPORT_LOTS_MAX, type ExportColumnSet, type ExportFormat } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { usePluralT, useT } from '@/lib/i18n';
import { EMPTY_SCOPE_INPUT, parseLotLines, toScope, unknownLotPlaces, withoutLots, type ScopeInput } from '../utils/scope-input';
import { ExportColumnSetField } from './export-column-set-field';
import { ExportFormatButtons } from './export-format-buttons';
import { ExportResult } from './export-result';
import { ExportScopeFields } from './export-scope-fields';
import { useExportDownload } from './use-export-download';
import '../exports.css';

/** The inspector's export: choose the records, then the columns and the file; progress while it downloads, then it is saved. */
export function ExportsPage() {
  const t = useT();
  const tp = usePluralT();
  const [input, setInput] = useState<ScopeInput>(EMPTY_SCOPE_INPUT);
  const [lotsError, setLotsError] = useState<string | null>(null);
  const [columns, setColumns] = useState<ExportColumnSet>('fsma204');
  const download = useExportDownload();

  const exportAs = (format: ExportFormat) => {
    if (input.kind === 'lots') {
      const count = parseLotLines(input.lots).length;
      const problem =
        count === 0 ? t('exports.lots.empty') : count > EXPORT_LOTS_MAX ? t('exports.lots.tooMany', { max: EXPORT_LOTS_MAX }) : null;
      setLotsError(problem);
      if (problem) return;
    }
    void download.start(format, toScope(input), columns);
  };

  // Lots the server did not find: one action takes them out of the list, to export the others.
  const unknown =
    input.kind === 'lots' && download.error?.code === 'EXPORT_LOTS_UNKNOWN' ? unknownLotPlaces(download.error.fieldErrors) : null;

  return (
    <div className="page" data-testid="exports-page">
      <header className="page__header">
        <h1 className="page__title">{t('exports.title')}</h1>
        <p>{t('exports.intro')}</p>
      </header>
      <Card title={t('exports.scope.legend')}>
        <ExportScopeFields value={input} onChange={setInput} lotsError={lotsError} />
      </Card>
      <Card title={t('exports.formats.legend')}>
        <ExportColumnSetField value={columns} onChange={setColumns} />
        <ExportFormatButtons running={download.running} onExport={exportAs} />
        <ExportResult download={download} />
        {unknown?.size ? (
          <Button
            variant="secondary"
            onClick={() => setInput({ ...input, lots: withoutLots(input.lots, unknown) })}
            data-testid="export-drop-unknown"
          >
            {tp('exports.lots.dropUnknown', unknown.size)}
          </Button>
        ) : null}
      </Card>
    </div>
  );
}
