import { EXPORT_SCOPE_KINDS, TRACE_DIRECTIONS } from '@nguon/shared';
import { DateField } from '@/components/ui/date-field';
import { SelectField } from '@/components/ui/select-field';
import { Tabs } from '@/components/ui/tabs';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import type { ScopeInput } from '../utils/scope-input';

interface ScopeFieldsProps {
  value: ScopeInput;
  onChange: (value: ScopeInput) => void;
  /** A problem found before asking the server (no lots, too many). */
  lotsError?: string | null;
}

/** Which records: the trace of a batch, a product's events between two days, or a pasted list of lots. */
export function ExportScopeFields({ value, onChange, lotsError }: ScopeFieldsProps) {
  const t = useT();
  const set = (change: Partial<ScopeInput>) => onChange({ ...value, ...change });
  const tabs = EXPORT_SCOPE_KINDS.map((kind) => ({ key: kind, label: t(`exports.scope.${kind}`) }));
  return (
    <Tabs label={t('exports.scope.legend')} tabs={tabs} selected={value.kind} onSelect={(kind) => set({ kind })}>
      {value.kind === 'trace' ? (
        <div className="exports-scope">
          <TextField
            label={t('exports.trace.lot')}
            hint={t('exports.trace.lotHint')}
            value={value.traceStart}
            onChange={(e) => set({ traceStart: e.target.value })}
            required
            autoComplete="off"
          />
          <TextField
            label={t('exports.trace.gtin')}
            value={value.traceGtin}
            onChange={(e) => set({ traceGtin: e.target.value })}
            inputMode="numeric"
            autoComplete="off"
          />
          <div className="exports-dates">
            <SelectField
              label={t('exports.trace.direction')}
              value={value.direction}
              onChange={(e) => set({ direction: e.target.value as ScopeInput['direction'] })}
            >
              {TRACE_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`exports.trace.direction.${direction}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('exports.trace.depth')}
              type="number"
              min={1}
              max={50}
              value={value.depth}
              onChange={(e) => set({ depth: e.target.value })}
            />
          </div>
        </div>
      ) : value.kind === 'product' ? (
        <div className="exports-scope">
          <TextField
            label={t('exports.product.product')}
            value={value.product}
            onChange={(e) => set({ product: e.target.value })}
            required
            autoComplete="off"
          />
          <div className="exports-dates">
            <DateField
              label={t('exports.product.from')}
              value={value.from}
              onChange={(from) => set({ from })}
              max={value.to || undefined}
              required
            />
            <DateField
              label={t('exports.product.to')}
              value={value.to}
              onChange={(to) => set({ to })}
              min={value.from || undefined}
              required
            />
          </div>
        </div>
      ) : (
        <div className="exports-scope">
          <TextAreaField
            label={t('exports.lots.label')}
            hint={t('exports.lots.hint')}
            rows={6}
            value={value.lots}
            onChange={(e) => set({ lots: e.target.value })}
            error={lotsError}
            spellCheck={false}
            autoCapitalize="characters"
          />
        </div>
      )}
    </Tabs>
  );
}
