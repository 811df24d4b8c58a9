import { type Dispatch, useState } from 'react';
import type { ModuleDefinition, ModuleField } from '@crm/engine';
import type { ColumnMapping, ImportValueOptions, PreviewRow } from '../api/imports.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { useI18n } from '../i18n/i18n';
import { CreateFieldReview } from './CreateFieldReview';
import type { WizardAction } from './import-wizard.state';
import { columnSamples, importableFields, mappedFields } from './mapping-edits';
import { SavedMappings } from './SavedMappings';

interface Props {
  definition: ModuleDefinition;
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  rows: PreviewRow[];
  /** The profile may change the module's fields ("Crear campo"). */
  canCreateField: boolean;
  dispatch: Dispatch<WizardAction>;
}

/** Step 2: each file column, three of its values and the field it fills (detected by the server, editable here). */
export function MappingStep({ definition, mapping, options, rows, canCreateField, dispatch }: Props) {
  const { t, l } = useI18n();
  const notify = useNotify();
  const modules = useModules();
  const [creating, setCreating] = useState<ColumnMapping | null>(null);
  const fields = importableFields(definition);

  if (creating) {
    return (
      <CreateFieldReview
        module={definition.key}
        header={creating.header}
        onCreated={(key, label) => {
          setCreating(null);
          // The new column's field: the preview is asked again with it.
          dispatch({ type: 'field', column: creating.column, field: key });
          notify('ok', t('imports.mapping.fieldCreated', { name: label }));
        }}
        onCancel={() => setCreating(null)}
      />
    );
  }

  const lookupTarget = (field: ModuleField | undefined) => (field?.type === 'lookup' ? modules.byKey.get(field.target) : undefined);
  return (
    <div className="import-mapping" data-testid="import-mapping">
      <SavedMappings module={definition.key} mapping={mapping} options={options} onApply={(saved) => dispatch({ type: 'savedMapping', saved })} />
      <p className="muted" data-testid="mapping-count">
        {t('imports.mapping.count', { mapped: mappedFields(mapping).length, total: mapping.length })}
      </p>
      <div className="table-wrap">
        <table className="records mapping-table">
          <thead>
            <tr>
              <th>{t('imports.mapping.column')}</th>
              <th>{t('imports.mapping.samples')}</th>
              <th>{t('imports.mapping.field')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mapping.map((entry) => {
              const field = fields.find((f) => f.key === entry.field);
              const target = lookupTarget(field);
              return (
                <tr key={entry.column} data-column={entry.column} data-header={entry.header} className={entry.field === null ? 'ignored' : undefined}>
                  <td className="header-cell">{entry.header}</td>
                  <td className="samples">
                    {columnSamples(rows, entry.column).map((sample, i) => (
                      <span key={i} className="chip">
                        {sample}
                      </span>
                    ))}
                  </td>
                  <td>
                    <select
                      value={entry.field ?? ''}
                      aria-label={t('imports.mapping.field')}
                      data-testid="mapping-field"
                      onChange={(e) => dispatch({ type: 'field', column: entry.column, field: e.target.value || null })}
                    >
                      <option value="">{t('imports.mapping.ignore')}</option>
                      {fields.map((f) => (
                        <option key={f.key} value={f.key}>
                          {l(f.label)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {target && (
                      <label className="inline">
                        {t('imports.mapping.lookupBy')}
                        <select
                          value={entry.lookupBy ?? ''}
                          data-testid="mapping-lookup-by"
                          onChange={(e) => dispatch({ type: 'lookupBy', column: entry.column, lookupBy: e.target.value || undefined })}
                        >
                          <option value="">{t('imports.mapping.lookupDefault')}</option>
                          {importableFields(target).map((f) => (
                            <option key={f.key} value={f.key}>
                              {l(f.label)}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    {entry.field === null && canCreateField && (
                      <button type="button" className="link" onClick={() => setCreating(entry)} data-testid="create-field">
                        {t('imports.mapping.createField')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
