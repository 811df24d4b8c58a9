import { FIELD_TYPES, type FieldType, type ModuleDefinition, type ModuleField, type SubtableColumn, type SubtableField } from '@crm/engine';
import type { ComponentType } from 'react';
import { useI18n } from '../i18n/i18n';
import { typeName } from './diff-words';
import { withMember } from './field-members';
import { changeType, newField } from './field-factory';
import { toKey, uniqueKey } from './keys';

/** Sub-table columns are scalar fields: no nested sub-tables, autonumbers or files (engine contract). */
const COLUMN_TYPES = FIELD_TYPES.filter((type) => type !== 'subtable' && type !== 'autonumber' && type !== 'file');

/** The editor of one column's type options: the field editor's own (passed in, since it draws this editor for sub-tables). */
export type ColumnOptionsEditor = ComponentType<{ field: ModuleField; stored?: ModuleField; modules: ModuleDefinition[]; onChange(field: ModuleField): void }>;

interface Props {
  field: SubtableField;
  stored?: SubtableField;
  modules: ModuleDefinition[];
  onChange(field: SubtableField): void;
  ColumnOptions: ColumnOptionsEditor;
}

export function SubtableColumnsEditor({ field, stored, modules, onChange, ColumnOptions }: Props) {
  const { t } = useI18n();
  const storedKeys = new Set(stored?.columns.map((c) => c.key) ?? []);
  const setColumn = (index: number, column: ModuleField) => onChange({ ...field, columns: field.columns.map((c, i) => (i === index ? (column as SubtableColumn) : c)) });
  const targets = modules.map((m) => m.key);
  return (
    <fieldset className="subtable-columns" data-testid="subtable-columns">
      <legend>{t('field.columns')}</legend>
      {field.columns.map((column, index) => (
        <div className="subtable-column" key={index}>
          <div className="filter-condition">
            <input
              aria-label={t('field.label')}
              value={column.label.es}
              onChange={(e) => {
                const es = e.target.value;
                const key = storedKeys.has(column.key)
                  ? column.key
                  : uniqueKey(
                      toKey(es),
                      field.columns.filter((_, i) => i !== index).map((c) => c.key),
                    );
                setColumn(index, { ...column, key, label: { es, en: column.label.en === column.label.es ? es : column.label.en } });
              }}
            />
            <input aria-label={`${t('field.label')} (${t('module.en')})`} value={column.label.en} onChange={(e) => setColumn(index, { ...column, label: { ...column.label, en: e.target.value } })} />
            <code>{column.key}</code>
            <select aria-label={t('designer.fieldType')} value={column.type} onChange={(e) => setColumn(index, changeType(column, e.target.value as FieldType, targets))}>
              {COLUMN_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeName(t, type)}
                </option>
              ))}
            </select>
            <label className="check">
              <input type="checkbox" checked={column.required === true} onChange={(e) => setColumn(index, withMember(column, 'required', e.target.checked))} />
              {t('field.required')}
            </label>
            <button type="button" className="link" disabled={field.columns.length === 1} onClick={() => onChange({ ...field, columns: field.columns.filter((_, i) => i !== index) })}>
              {t('field.removeColumn')}
            </button>
          </div>
          <ColumnOptions field={column} stored={stored?.columns.find((c) => c.key === column.key)} modules={modules} onChange={(next) => setColumn(index, next)} />
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          const key = uniqueKey(
            'columna',
            field.columns.map((c) => c.key),
          );
          onChange({ ...field, columns: [...field.columns, newField(key, 'text', { es: 'Columna', en: 'Column' }, targets) as SubtableColumn] });
        }}
      >
        {t('field.addColumn')}
      </button>
    </fieldset>
  );
}
