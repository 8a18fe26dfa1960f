import { IMPORT_COLUMNS, parseImportProblemKey, type ImportKind } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { useLocale, usePluralT, useT } from '@/lib/i18n';

interface ImportProblemsProps {
  kind: ImportKind;
  /** The 422's field errors: `row 3, column lot_code` → messages, already in the reader's language. */
  problems: Record<string, string[]>;
}

/** A refused file's problems as a table by row and column, in the spreadsheet's own row numbers. */
export function ImportProblems({ kind, problems }: ImportProblemsProps) {
  const t = useT();
  const tp = usePluralT();
  const { l } = useLocale();
  const columnName = (key: string) => {
    const column = IMPORT_COLUMNS[kind].find((c) => c.key === key);
    return column ? `${l(column.label)} (${key})` : key;
  };
  const rows = Object.entries(problems)
    .map(([key, messages]) => ({ key, ...parseImportProblemKey(key), messages }))
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return (
    <Notice tone="danger" data-testid="import-problems">
      <p className="notice__title">{tp('imports.problems.title', rows.length)}</p>
      <p>{t('imports.problems.nothingStored')}</p>
      <div className="imports-table">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('imports.problems.row')}</th>
              <th scope="col">{t('imports.problems.column')}</th>
              <th scope="col">{t('imports.problems.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, row, column, messages }) => (
              <tr key={key} data-testid="import-problem" data-row={row ?? ''} data-column={column ?? ''}>
                <td>{row ?? (column ? t('imports.problems.header') : t('imports.problems.wholeFile'))}</td>
                <td>{column ? columnName(column) : t('imports.problems.wholeRow')}</td>
                <td>{messages.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Notice>
  );
}
