import { TRACE_DIRECTIONS, type TraceDirection } from '@nguon/shared';
import { SelectField } from '@/components/ui/select-field';
import { usePluralT, useT } from '@/lib/i18n';
import type { TraceOptions } from '../api/get-trace';
import '../inspector.css';

export const TRACE_DEPTHS = [1, 2, 3, 5, 10, 20, 50] as const;

/** Which way to follow the records, and how many processing steps. Applies at once. */
export function TraceControls({ value, onChange }: { value: TraceOptions; onChange: (value: TraceOptions) => void }) {
  const t = useT();
  const tp = usePluralT();
  return (
    <div className="trace-controls">
      <SelectField
        label={t('inspector.trace.direction')}
        value={value.direction}
        onChange={(event) => onChange({ ...value, direction: event.target.value as TraceDirection })}
        data-testid="trace-direction"
      >
        {TRACE_DIRECTIONS.map((direction) => (
          <option key={direction} value={direction}>
            {t(`inspector.trace.direction.${direction}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('inspector.trace.depth')}
        value={String(value.depth)}
        onChange={(event) => onChange({ ...value, depth: Number(event.target.value) })}
        data-testid="trace-depth"
      >
        {TRACE_DEPTHS.map((depth) => (
          <option key={depth} value={depth}>
            {tp('inspector.trace.steps', depth)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
