import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ExportColumnSet, ExportScope } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';
import { ExportColumnSetField } from './export-column-set-field';
import { ExportFormatButtons } from './export-format-buttons';
import { ExportResult } from './export-result';
import { useExportDownload } from './use-export-download';
import '../exports.css';

/** "Export records" for a fixed scope (a trace, a product's dates, some lots): a small menu of the column sets and the three formats. */
export function ExportButton({ scope }: { scope: ExportScope }) {
  const t = useT();
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [columns, setColumns] = useState<ExportColumnSet>('fsma204');
  const download = useExportDownload();
  // Escape closes the menu and puts focus back on its button.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="exports-button" onKeyDown={closeOnEscape}>
      <Button ref={toggle} variant="secondary" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        {t('exports.button')}
      </Button>
      <div id={menuId} hidden={!open} className="exports-button__menu">
        <ExportColumnSetField value={columns} onChange={setColumns} />
        <ExportFormatButtons running={download.running} onExport={(format) => void download.start(format, scope, columns)} />
        <ExportResult download={download} />
      </div>
    </div>
  );
}
