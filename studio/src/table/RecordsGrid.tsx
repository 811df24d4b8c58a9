import { isSortable } from '@crm/engine';
import { activityFlag } from '../activities/activity-flag';
import type { ApiRecord, ModuleDefinition, ModuleField, SortInput } from '../api/types';
import { navigate, paths } from '../app/router';
import { displayValue, recordTitle } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import type { Selection } from './use-selection';

interface Props {
  definition: ModuleDefinition;
  fields: ModuleField[];
  rows: ApiRecord[];
  loading: boolean;
  sort: SortInput;
  onSort(field: string): void;
  selection: Selection;
  /** A flag column with each row's due-date colour. */
  flag: boolean;
}

const UPDATED_AT: ModuleField = { key: 'updatedAt', type: 'datetime', label: { es: '', en: '' } };

/** The records of the page: a checkbox, the title linking to the record, the chosen columns and the last update. */
export function RecordsGrid({ definition, fields, rows, loading, sort, onSort, selection, flag }: Props) {
  const { t, l, lang } = useI18n();
  const arrow = (field: string) => (sort.field === field ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '');
  return (
    <div className={`table-wrap ${loading ? 'loading' : ''}`}>
      <table className="records">
        <thead>
          <tr>
            <th className="check">
              <input type="checkbox" aria-label={t('table.selectPage')} checked={selection.pageChecked} onChange={(e) => selection.togglePage(e.target.checked)} data-testid="select-page" />
            </th>
            {flag && <th>{t('activities.flag')}</th>}
            <th>{l(definition.names.singular)}</th>
            {fields.map((f) => (
              <th key={f.key} data-field={f.key}>
                {isSortable(f) ? (
                  <button type="button" className="sort" onClick={() => onSort(f.key)} title={sort.field === f.key && sort.dir === 'asc' ? t('table.sortDesc') : t('table.sortAsc')}>
                    {l(f.label)}
                    {arrow(f.key)}
                  </button>
                ) : (
                  l(f.label)
                )}
              </th>
            ))}
            <th>
              <button type="button" className="sort" onClick={() => onSort('updatedAt')}>
                {t('system.updatedAt')}
                {arrow('updatedAt')}
              </button>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((record) => (
            <tr key={record.id} onDoubleClick={() => navigate(paths.record(definition.key, record.id))} data-id={record.id}>
              <td className="check">
                <input type="checkbox" aria-label={t('table.open')} checked={selection.has(record.id)} onChange={(e) => selection.toggleRow(record.id, e.target.checked)} />
              </td>
              {flag && (
                <td>
                  <span className={`flag flag-${activityFlag(record, definition)}`} title={t(`activities.flag.${activityFlag(record, definition)}`)} data-flag={activityFlag(record, definition)} />
                </td>
              )}
              <td>
                <a
                  className="title-link"
                  href={paths.record(definition.key, record.id)}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(paths.record(definition.key, record.id));
                  }}
                >
                  {recordTitle(definition, record) || t('table.open')}
                </a>
              </td>
              {fields.map((f) => (
                <td key={f.key}>{displayValue(f, record[f.key], lang)}</td>
              ))}
              <td>{displayValue(UPDATED_AT, record.updatedAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && rows.length === 0 && <p className="muted empty">{t('table.empty')}</p>}
    </div>
  );
}
