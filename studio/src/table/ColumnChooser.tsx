import { useState } from 'react';
import type { ModuleDefinition } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { columnCandidates } from './table-columns';

/** Which fields show as columns, in definition order; remembered per module. */
export function ColumnChooser({ definition, value, onChange }: { definition: ModuleDefinition; value: string[]; onChange(keys: string[]): void }) {
  const { t, l } = useI18n();
  const [open, setOpen] = useState(false);
  const candidates = columnCandidates(definition);
  const toggle = (key: string, on: boolean) => {
    const set = new Set(value);
    if (on) set.add(key);
    else set.delete(key);
    onChange(candidates.map((f) => f.key).filter((k) => set.has(k)));
  };
  return (
    <div className="dropdown">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="column-chooser">
        {t('table.columns')} ▾
      </button>
      {open && (
        <div className="dropdown-panel" role="group" aria-label={t('table.columns')}>
          {candidates.map((f) => (
            <label key={f.key} className="check">
              <input type="checkbox" checked={value.includes(f.key)} onChange={(e) => toggle(f.key, e.target.checked)} data-column={f.key} />
              {l(f.label)}
            </label>
          ))}
        </div>
      )}
    </div>
  );
}
