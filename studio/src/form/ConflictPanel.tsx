import type { ModuleDefinition } from '../api/types';
import { displayValue } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';

export interface Conflict {
  /** The record as it is saved now. */
  current: Record<string, unknown> & { version: number };
  /** Fields someone else changed since this form loaded. */
  theirs: string[];
  /** What this agent was trying to save. */
  mine: Record<string, unknown>;
  /** Seen while editing (R6), not refused on save. */
  live?: boolean;
}

/** A 409 (stale version): what changed meanwhile, and a way to reapply one's own changes on top; nothing is overwritten silently. */
export function ConflictPanel({ definition, conflict, onMerge }: { definition: ModuleDefinition; conflict: Conflict; onMerge(): void }) {
  const { t, l, lang } = useI18n();
  const keys = [...new Set([...conflict.theirs, ...Object.keys(conflict.mine)])];
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <strong>{conflict.live ? t('record.liveTitle') : t('record.conflictTitle')}</strong>
      <p>{conflict.live ? t('record.liveExplain') : t('record.conflictExplain')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('record.field')}</th>
            <th>{t('record.yours')}</th>
            <th>{t('record.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const field = definition.fields.find((f) => f.key === key);
            return (
              <tr key={key} className={conflict.theirs.includes(key) ? 'changed' : undefined}>
                <td>{field ? l(field.label) : key}</td>
                <td>{key in conflict.mine ? displayValue(field, conflict.mine[key], lang) : '—'}</td>
                <td>{displayValue(field, conflict.current[key], lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={onMerge}>
        {t('record.conflictReload')}
      </button>
    </div>
  );
}
